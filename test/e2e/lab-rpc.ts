import { WebSocket } from 'ws';
import { RpcClient } from '../../service/protocol/endpoint.js';
import type { LabApi } from '../../service/protocol/lab-api.js';
import { parseRpcMessage, type Channel } from '../../service/protocol/rpc.js';

/**
 * A second client of a browser-mode server, from the test itself: it changes the lab the way
 * another window or a tool would, so a test can check that the page follows changes by anyone.
 */
export async function connectRpc(serverUrl: string): Promise<{ api: LabApi; close(): void }> {
  const page = new URL(serverUrl);
  const token = new URLSearchParams(page.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${page.host}/rpc?token=${encodeURIComponent(token)}`, { origin: page.origin });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const channel: Channel = {
    send: (message) => socket.send(JSON.stringify(message)),
    onMessage: (listener) =>
      socket.on('message', (data) => {
        const message = parseRpcMessage(String(data));
        if (message) listener(message);
      }),
    onClose: (listener) => socket.on('close', listener),
    close: () => socket.close(),
  };
  return { api: new RpcClient(channel).api(), close: () => socket.close() };
}
