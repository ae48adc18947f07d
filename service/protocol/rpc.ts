/**
 * One RPC protocol over one message channel, shared by every transport (Electron MessagePort,
 * browser WebSocket, the console's local socket). Pure TypeScript: the renderer and the
 * preload use it too.
 */
export type RpcMessage =
  | { readonly kind: 'call'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly kind: 'result'; readonly id: number; readonly result: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly message: string }
  | { readonly kind: 'event'; readonly name: string; readonly data: unknown };

/** A bidirectional pipe of structured messages. */
export interface Channel {
  send(message: RpcMessage): void;
  onMessage(listener: (message: RpcMessage) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** An error whose message is meant for the user, in their terms; anything else is a bug. */
export class UserError extends Error {}

export function isRpcMessage(value: unknown): value is RpcMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.kind) {
    case 'call':
      return typeof m.id === 'number' && typeof m.method === 'string';
    case 'result':
      return typeof m.id === 'number';
    case 'error':
      return typeof m.id === 'number' && typeof m.message === 'string';
    case 'event':
      return typeof m.name === 'string';
    default:
      return false;
  }
}

/** Parses one JSON text into a message, or null when it is not one. */
export function parseRpcMessage(text: string): RpcMessage | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRpcMessage(value) ? value : null;
  } catch {
    return null;
  }
}
