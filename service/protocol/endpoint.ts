import type { Channel, RpcMessage } from './rpc.js';
import { UserError } from './rpc.js';
import {
  METHOD_NAMES,
  type EventName,
  type LabApi,
  type LabEvents,
  type LabMethods,
  type MethodName,
} from './lab-api.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The calling side of a channel: requests with promised answers, and event listeners. */
export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();
  private closed: string | null = null;

  constructor(private readonly channel: Channel) {
    channel.onMessage((m) => this.receive(m));
    channel.onClose(() => this.fail('The connection to the lab service closed.'));
  }

  call<M extends MethodName>(method: M, params: LabMethods[M]['params']): Promise<LabMethods[M]['result']> {
    if (this.closed) return Promise.reject(new UserError(this.closed));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.channel.send({ kind: 'call', id, method, params });
    });
  }

  on<E extends EventName>(event: E, listener: (data: LabEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    const wrapped = listener as (data: unknown) => void;
    set.add(wrapped);
    this.listeners.set(event, set);
    return () => set.delete(wrapped);
  }

  /** The same requests as a LabApi object: one function per message. */
  api(): LabApi {
    const api: Record<string, unknown> = {};
    for (const name of METHOD_NAMES) api[name] = (params: unknown) => this.call(name, params as never);
    api.on = (event: EventName, listener: (data: unknown) => void) => this.on(event, listener as never);
    return api as LabApi;
  }

  private receive(message: RpcMessage): void {
    if (message.kind === 'event') {
      for (const listener of this.listeners.get(message.name) ?? []) listener(message.data);
      return;
    }
    if (message.kind !== 'result' && message.kind !== 'error') return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.kind === 'result') waiting.resolve(message.result);
    else waiting.reject(new UserError(message.message));
  }

  private fail(reason: string): void {
    if (this.closed) return;
    this.closed = reason;
    for (const waiting of this.pending.values()) waiting.reject(new UserError(reason));
    this.pending.clear();
    for (const listener of this.listeners.get('connectionLost') ?? []) listener({ message: reason });
  }
}

/** What a handler knows of the connection it serves. */
export interface Connection {
  readonly id: number;
  emit<E extends EventName>(event: E, data: LabEvents[E]): void;
  onClose(listener: () => void): void;
}

export type Handlers = {
  [M in MethodName]: (
    params: LabMethods[M]['params'],
    connection: Connection,
  ) => LabMethods[M]['result'] | Promise<LabMethods[M]['result']>;
};

let connectionIds = 0;

/**
 * The answering side: each call goes to its handler; a UserError reaches the caller as its
 * message, anything else as one line, never a stack trace.
 */
export function serveRpc(channel: Channel, handlers: Handlers, onInternalError: (e: unknown) => void): Connection {
  const closeListeners: Array<() => void> = [];
  let open = true;
  const connection: Connection = {
    id: ++connectionIds,
    emit: (name, data) => {
      if (open) channel.send({ kind: 'event', name, data });
    },
    onClose: (listener) => closeListeners.push(listener),
  };
  channel.onClose(() => {
    open = false;
    for (const listener of closeListeners) listener();
  });
  channel.onMessage(async (message) => {
    if (message.kind !== 'call') return;
    const reply = await answer(handlers, message.method, message.params, connection, onInternalError);
    if (open) channel.send({ ...reply, id: message.id });
  });
  return connection;
}

async function answer(
  handlers: Handlers,
  method: string,
  params: unknown,
  connection: Connection,
  onInternalError: (e: unknown) => void,
): Promise<{ kind: 'result'; result: unknown } | { kind: 'error'; message: string }> {
  if (!(METHOD_NAMES as readonly string[]).includes(method)) {
    return { kind: 'error', message: `The lab service has no request named "${method}".` };
  }
  const handler = handlers[method as MethodName] as (p: unknown, c: Connection) => unknown;
  try {
    return { kind: 'result', result: (await handler(params ?? {}, connection)) ?? null };
  } catch (error) {
    if (error instanceof UserError) return { kind: 'error', message: error.message };
    onInternalError(error);
    return { kind: 'error', message: 'The lab service hit an internal error; the lab is unchanged.' };
  }
}
