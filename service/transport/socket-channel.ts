import type { Socket } from 'node:net';
import { isRpcMessage, type Channel, type RpcMessage } from '../protocol/rpc.js';

/** Longest line a peer may send before it is cut off: far above any command a person types. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/**
 * A stream socket (Unix socket or Windows named pipe) carrying one JSON value per line. Who
 * receives the lines can change, so a handshake can be read before the RPC channel takes over.
 */
export class JsonLineSocket {
  private buffer = '';
  private receiver: (value: unknown) => void = () => {};

  constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.take(chunk));
    socket.on('error', () => socket.destroy());
  }

  onValue(receiver: (value: unknown) => void): void {
    this.receiver = receiver;
  }

  send(value: unknown): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(`${JSON.stringify(value)}\n`);
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0 && !this.socket.destroyed) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      this.receiver(parseJson(line));
      newline = this.buffer.indexOf('\n');
    }
    if (this.buffer.length > MAX_LINE_CHARS) this.socket.destroy();
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return null;
  }
}

/** The RPC channel over a JSON-line socket. */
export function socketChannel(lines: JsonLineSocket): Channel {
  return {
    send: (message: RpcMessage) => lines.send(message),
    onMessage: (listener) =>
      lines.onValue((value) => {
        if (isRpcMessage(value)) listener(value);
      }),
    onClose: (listener) => lines.socket.on('close', listener),
    close: () => lines.socket.end(),
  };
}
