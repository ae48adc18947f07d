import type { MessagePortMain } from 'electron';
import { portChannel } from '../service/protocol/channels.js';
import type { Channel } from '../service/protocol/rpc.js';

/** A Channel over Electron main's MessagePortMain (an EventEmitter, not a DOM port). */
export function mainPortChannel(port: MessagePortMain): Channel {
  return portChannel({
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
    addEventListener: (type: 'message' | 'close', listener: (event: { data: unknown }) => void) => {
      if (type === 'message') port.on('message', (event) => listener({ data: event.data }));
      else port.on('close', () => (listener as () => void)());
    },
  });
}
