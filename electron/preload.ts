/**
 * Sandboxed preload: exposes `window.lab`, one method per LabApi message, over the
 * MessagePort that main sends once the page has loaded. Calls made before the port
 * arrives wait for it. Bundled into one CommonJS file (sandboxed preloads cannot
 * require local files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { portChannel } from '../service/protocol/channels.js';
import { RpcClient } from '../service/protocol/endpoint.js';
import type { EventName, LabApi, LabEvents, LabMethods, MethodName } from '../service/protocol/lab-api.js';

const EVENTS: readonly EventName[] = ['consoleData', 'consoleExit', 'connectionLost'];

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

const lab: LabApi = {
  info: (params) => call('info', params),
  openConsole: (params) => call('openConsole', params),
  writeConsole: (params) => call('writeConsole', params),
  resizeConsole: (params) => call('resizeConsole', params),
  ackConsole: (params) => call('ackConsole', params),
  closeConsole: (params) => call('closeConsole', params),
  openShell: (params) => call('openShell', params),
  runShell: (params) => call('runShell', params),
  completeShell: (params) => call('completeShell', params),
  on,
};

contextBridge.exposeInMainWorld('lab', lab);
