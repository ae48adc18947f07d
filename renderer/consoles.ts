import type { LabApi, LabEvents } from '../service/protocol/lab-api.js';

export interface ConsoleListener {
  data(data: string): void;
  exit(event: LabEvents['consoleExit']): void;
}

type Early = { kind: 'data'; data: string } | { kind: 'exit'; event: LabEvents['consoleExit'] };

/** Characters kept for a console whose id the UI has not learned yet (its openConsole reply is in flight). */
const EARLY_LIMIT = 256 * 1024;

/**
 * Routes console events to the terminal that owns each console. Subscribes once per
 * connection; events that arrive before their console is attached are held briefly.
 */
export class ConsoleRouter {
  private readonly routes = new Map<string, ConsoleListener>();
  private readonly early = new Map<string, Early[]>();
  private readonly done = new Set<string>();

  constructor(lab: LabApi) {
    lab.on('consoleData', ({ consoleId, data }) => this.deliver(consoleId, { kind: 'data', data }));
    lab.on('consoleExit', (event) => this.deliver(event.consoleId, { kind: 'exit', event }));
  }

  /** Attaches a listener to a console; returns the function that detaches it for good. */
  attach(consoleId: string, listener: ConsoleListener): () => void {
    this.routes.set(consoleId, listener);
    const held = this.early.get(consoleId) ?? [];
    this.early.delete(consoleId);
    for (const item of held) this.deliver(consoleId, item);
    return () => {
      this.routes.delete(consoleId);
      this.done.add(consoleId);
    };
  }

  private deliver(consoleId: string, item: Early): void {
    const listener = this.routes.get(consoleId);
    if (listener) {
      if (item.kind === 'data') listener.data(item.data);
      else listener.exit(item.event);
      return;
    }
    if (this.done.has(consoleId)) return;
    const held = this.early.get(consoleId) ?? [];
    const size = held.reduce((n, e) => n + (e.kind === 'data' ? e.data.length : 0), 0);
    if (item.kind === 'data' && size + item.data.length > EARLY_LIMIT) return;
    held.push(item);
    this.early.set(consoleId, held);
  }
}
