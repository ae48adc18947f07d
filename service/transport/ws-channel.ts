import type { WebSocket } from 'ws';
import { parseRpcMessage, type Channel } from '../protocol/rpc.js';

/** A Channel over a server-side WebSocket (browser mode): one JSON text frame per message. */
export function wsChannel(socket: WebSocket): Channel {
  return {
    send: (message) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage: (listener) =>
      socket.on('message', (data, isBinary) => {
        if (isBinary) return;
        const message = parseRpcMessage(data.toString());
        if (message) listener(message);
      }),
    onClose: (listener) => socket.on('close', listener),
    close: () => socket.close(1000, 'closed by the lab service'),
  };
}
