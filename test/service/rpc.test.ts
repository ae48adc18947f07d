import { describe, expect, it } from 'vitest';
import { RpcClient, serveRpc, type Handlers } from '../../service/protocol/endpoint.js';
import { UserError } from '../../service/protocol/rpc.js';
import { METHOD_NAMES } from '../../service/protocol/lab-api.js';
import { channelPair } from '../helpers/memory-channel.js';

function handlers(overrides: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new UserError('not used in this test');
  };
  return { ...Object.fromEntries(METHOD_NAMES.map((m) => [m, unused])), ...overrides } as Handlers;
}

describe('RPC over one channel', () => {
  it('answers a call with its handler\'s result', async () => {
    const [client, server] = channelPair();
    serveRpc(server, handlers({ completeShell: (p) => [`${p.line}x`] }), () => {});
    await expect(new RpcClient(client).api().completeShell({ host: 'SRV1', line: 'ho' })).resolves.toEqual(['hox']);
  });

  it('passes a UserError\'s message and hides an internal error behind one line', async () => {
    const [client, server] = channelPair();
    const internal: unknown[] = [];
    serveRpc(
      server,
      handlers({
        openShell: () => {
          throw new UserError('There is no host named X in this lab.');
        },
        runShell: () => {
          throw new TypeError('boom at line 3');
        },
      }),
      (e) => internal.push(e),
    );
    const api = new RpcClient(client).api();
    await expect(api.openShell({ host: 'X' })).rejects.toThrow('There is no host named X in this lab.');
    const error = await api.runShell({ host: 'SRV1', line: 'x' }).catch((e: Error) => e);
    expect(String(error)).toContain('internal error');
    expect(String(error)).not.toContain('boom');
    expect(internal).toHaveLength(1);
  });

  it('refuses a request name it does not know', async () => {
    const [client, server] = channelPair();
    serveRpc(server, handlers({}), () => {});
    const rpc = new RpcClient(client);
    await expect(rpc.call('nonsense' as 'info', {})).rejects.toThrow('The lab service has no request named "nonsense".');
  });

  it('delivers events and rejects pending calls when the channel closes', async () => {
    const [client, server] = channelPair();
    let release: () => void = () => {};
    const connection = serveRpc(
      server,
      handlers({ info: () => new Promise((resolve) => (release = () => resolve(undefined as never))) }),
      () => {},
    );
    const rpc = new RpcClient(client);
    const seen: string[] = [];
    rpc.on('consoleData', (d) => seen.push(d.data));
    rpc.on('connectionLost', (d) => seen.push(d.message));
    connection.emit('consoleData', { consoleId: 'c', data: 'hello' });
    const pending = rpc.call('info', {});
    await new Promise((r) => setTimeout(r, 5));
    client.close();
    release();
    await expect(pending).rejects.toThrow('The connection to the lab service closed.');
    expect(seen).toEqual(['hello', 'The connection to the lab service closed.']);
  });
});
