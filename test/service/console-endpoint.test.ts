import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { attachToEndpoint, ConsoleEndpoint } from '../../service/console/endpoint.js';
import { RpcClient, serveRpc } from '../../service/protocol/endpoint.js';
import { LabService } from '../../service/lab-service.js';

let service: LabService | undefined;
afterEach(() => service?.close());

/** Raw exchange with the socket: what a stranger without the token sees. */
function rawExchange(path: string, line: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection(path, () => socket.write(line));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => resolve(text));
  });
}

describe('the console socket', () => {
  it('gives a console with the right token the lab\'s command prompt', async () => {
    service = await LabService.start();
    const client = new RpcClient(await attachToEndpoint(service.endpoint.path, service.endpoint.token));
    const reply = await client.call('runShell', { host: 'SRV1', line: 'hostname' });
    expect(reply.output).toBe('SRV1\n\n');
  });

  it('refuses a wrong token in one line and closes', async () => {
    service = await LabService.start();
    await expect(attachToEndpoint(service.endpoint.path, 'not-the-token')).rejects.toThrow(
      'the lab refused this console: wrong token',
    );
    const answer = await rawExchange(service.endpoint.path, '{"hello":"ipsec-lab","token":""}\n');
    expect(JSON.parse(answer)).toEqual({ refused: 'wrong token' });
  });

  it('refuses a peer that is not a console client', async () => {
    service = await LabService.start();
    const answer = await rawExchange(service.endpoint.path, 'GET / HTTP/1.1\n');
    expect(JSON.parse(answer)).toEqual({ refused: 'this is not an IPSec Lab console client' });
  });

  it('says plainly when no lab is listening', async () => {
    await expect(attachToEndpoint('/nonexistent/ipsec-lab.sock', 'x')).rejects.toThrow(
      'cannot reach the lab at /nonexistent/ipsec-lab.sock (is IPSec Lab still running?)',
    );
  });

  it('keeps serving after a bad request', async () => {
    const endpoint = await ConsoleEndpoint.listen((channel) =>
      serveRpc(channel, { runShell: () => ({ output: 'ok', clear: false, exit: false, prompt: '>' }) } as never, () => {}),
    );
    try {
      const client = new RpcClient(await attachToEndpoint(endpoint.path, endpoint.token));
      await expect(client.call('info', {})).rejects.toThrow();
      await expect(client.call('runShell', { host: 'a', line: 'b' })).resolves.toMatchObject({ output: 'ok' });
    } finally {
      endpoint.close();
    }
  });
});
