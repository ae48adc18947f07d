import { browserSocketChannel } from '../service/protocol/channels.js';
import { RpcClient } from '../service/protocol/endpoint.js';
import type { LabApi } from '../service/protocol/lab-api.js';
import { UserError } from '../service/protocol/rpc.js';

/**
 * The LabApi for this page: `window.lab` in Electron (from the preload), otherwise browser
 * mode — a WebSocket to the server that served the page, authenticated by the token in the
 * address's #fragment. Resolves once the connection is open; rejects with a UserError.
 */
export function connectLab(): Promise<LabApi> {
  if (window.lab) return Promise.resolve(window.lab);
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!token) {
    return Promise.reject(
      new UserError('Open IPSec Lab with the full address it printed, including the #token=… part.'),
    );
  }
  const url = `ws://${location.host}/rpc?token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      reject(new UserError('Could not reach the lab service at this address.'));
      return;
    }
    const refused = () =>
      reject(
        new UserError(
          'The lab service refused the connection or is not running. Start it again with `npm run serve` and open the address it prints.',
        ),
      );
    socket.addEventListener('close', refused, { once: true });
    socket.addEventListener(
      'open',
      () => {
        socket.removeEventListener('close', refused);
        resolve(new RpcClient(browserSocketChannel(socket)).api());
      },
      { once: true },
    );
  });
}

/** One line for the user from anything thrown: a UserError's own words, otherwise a generic line. */
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong talking to the lab service.';
}
