import { isRpcMessage, parseRpcMessage, type Channel, type RpcMessage } from './rpc.js';

/** The parts of a DOM or Electron MessagePort a channel needs; typed structurally so no DOM lib is required. */
export interface PortLike {
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

/** A Channel over a MessagePort: messages travel as structured clones, checked on arrival. */
export function portChannel(port: PortLike): Channel {
  const closeListeners: Array<() => void> = [];
  let closed = false;
  const fireClose = () => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l();
  };
  port.addEventListener('close', fireClose);
  return {
    send: (message: RpcMessage) => {
      if (!closed) port.postMessage(message);
    },
    onMessage: (listener) => {
      port.addEventListener('message', (event) => {
        if (isRpcMessage(event.data)) listener(event.data);
      });
      port.start();
    },
    onClose: (listener) => closeListeners.push(listener),
    close: () => {
      port.close();
      fireClose();
    },
  };
}

/** The parts of a browser WebSocket a channel needs. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
}

/** A Channel over a browser WebSocket: one JSON text frame per message. */
export function browserSocketChannel(socket: WebSocketLike): Channel {
  return {
    send: (message) => {
      if (socket.readyState === 1) socket.send(JSON.stringify(message));
    },
    onMessage: (listener) =>
      socket.addEventListener('message', (event) => {
        const message = typeof event.data === 'string' ? parseRpcMessage(event.data) : null;
        if (message) listener(message);
      }),
    onClose: (listener) => socket.addEventListener('close', listener),
    close: () => socket.close(1000, 'closed by the app'),
  };
}
