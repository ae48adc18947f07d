/**
 * Sandboxed preload: exposes `window.lab`, one method per LabApi message, over the
 * MessagePort that main sends once the page has loaded. Calls made before the port
 * arrives wait for it. Bundled into one CommonJS file (sandboxed preloads cannot
 * require local files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { portChannel } from '../service/protocol/channels.js';
import { RpcClient } from '../service/protocol/endpoint.js';
import { EVENT_NAMES, METHOD_NAMES, type EventName, type LabApi, type LabEvents, type LabMethods, type MethodName } from '../service/protocol/lab-api.js';

const EVENTS: readonly EventName[] = EVENT_NAMES;

let connect: (client: RpcClient) => void = () => {};
const connected = new Promise<RpcClient>((resolve) => (connect = resolve));
const listeners = new Map<EventName, Set<(data: unknown) => void>>(EVENTS.map((e) => [e, new Set()]));
let received = false;

ipcRenderer.on('lab-port', (event) => {
  const port = event.ports[0];
  if (!port || received) return;
  received = true;
  const client = new RpcClient(portChannel(port));
  for (const name of EVENTS) {
    client.on(name, (data) => {
      for (const listener of listeners.get(name) ?? []) listener(data);
    });
  }
  connect(client);
});

function call<M extends MethodName>(method: M, params: LabMethods[M]['params']): Promise<LabMethods[M]['result']> {
  return connected.then((client) => client.call(method, params));
}

function on<E extends EventName>(event: E, listener: (data: LabEvents[E]) => void): () => void {
  const set = listeners.get(event);
  if (!set || typeof listener !== 'function') throw new Error(`IPSec Lab has no event named "${String(event)}".`);
  const wrapped = listener as (data: unknown) => void;
  set.add(wrapped);
  return () => void set.delete(wrapped);
}

// One method per message, named as the message; the list is the protocol's own.
const lab = Object.fromEntries([
  ...METHOD_NAMES.map((method) => [method, (params: never) => call(method, params)]),
  ['on', on],
]) as LabApi;

contextBridge.exposeInMainWorld('lab', lab);
