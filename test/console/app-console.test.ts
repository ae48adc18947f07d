import xtermHeadless from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { LabService } from '../../service/lab-service.js';
import { RpcClient } from '../../service/protocol/endpoint.js';
import { channelPair } from '../helpers/memory-channel.js';

let service: LabService | undefined;
afterEach(() => service?.close());

/** The app's side of a console: what the renderer does, with xterm's headless terminal. */
async function openAppConsole(host = 'SRV1') {
  service = await LabService.start();
  const [ui, svc] = channelPair();
  service.connect(svc);
  const rpc = new RpcClient(ui);
  const api = rpc.api();
  const term = new xtermHeadless.Terminal({ cols: 90, rows: 25, allowProposedApi: true });
  const exits: number[] = [];
  const { consoleId } = await api.openConsole({ host, cols: 90, rows: 25 });
  api.on('consoleData', (d) => {
    if (d.consoleId === consoleId) term.write(d.data, () => void api.ackConsole({ consoleId, chars: d.data.length }));
  });
  api.on('consoleExit', (d) => exits.push(d.exitCode));
  const screen = () => {
    const lines: string[] = [];
    for (let i = 0; i < term.buffer.active.length; i++) lines.push(term.buffer.active.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').trimEnd();
  };
  const waitFor = async (text: string) => {
    for (let i = 0; i < 400; i++) {
      if (screen().includes(text)) return screen();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`Timed out waiting for ${text}; screen:\n${screen()}`);
  };
  return { api, consoleId, screen, waitFor, exits, ui };
}

describe('a host console inside the app', () => {
  it('runs the console client in a pty attached to the app\'s own lab', async () => {
    const c = await openAppConsole();
    await c.waitFor('C:\\Documents and Settings\\Administrator>');
    await c.api.writeConsole({ consoleId: c.consoleId, data: 'hostname\r' });
    await c.waitFor('hostname\nSRV1');
    // The line ran in the service's lab, so it is in the session's transcript.
    expect(service?.shells.lab.transcript.map((e) => e.action)).toContainEqual({ type: 'command', host: 'SRV1', line: 'hostname' });
  });

  it('resizes the pty and closes the console on exit', async () => {
    const c = await openAppConsole('DC1');
    await c.waitFor('Administrator>');
    await c.api.resizeConsole({ consoleId: c.consoleId, cols: 60, rows: 10 });
    await c.api.writeConsole({ consoleId: c.consoleId, data: 'exit\r' });
    for (let i = 0; i < 200 && c.exits.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(c.exits).toEqual([0]);
    await expect(c.api.writeConsole({ consoleId: c.consoleId, data: 'x' })).rejects.toThrow('That command prompt has closed.');
  });

  it('refuses bad sizes and unknown consoles with clear messages', async () => {
    const c = await openAppConsole();
    await expect(c.api.openConsole({ host: 'SRV1', cols: -1, rows: 5 })).rejects.toThrow(
      'The terminal width must be a whole number from 2 to 1000.',
    );
    await expect(c.api.ackConsole({ consoleId: 'console-999', chars: 1 })).rejects.toThrow('That command prompt has closed.');
    await expect(c.api.openConsole({ host: 'MARS', cols: 80, rows: 24 })).rejects.toThrow('There is no host named MARS');
  });
});
