import { afterEach, describe, expect, it } from 'vitest';
import { PtyScreen } from '../helpers/pty-screen.js';

const PROMPT = 'C:\\Documents and Settings\\Administrator>';
let screen: PtyScreen | undefined;
afterEach(() => screen?.kill());

describe('ipsec-lab shell in a pseudo-terminal', () => {
  it('opens with the banner and answers hostname', async () => {
    screen = new PtyScreen(['shell']);
    await screen.waitFor(PROMPT);
    expect(screen.lines().slice(0, 3)).toEqual([
      'Microsoft Windows [Version 5.2.3790]',
      '(C) Copyright 1985-2003 Microsoft Corp.',
      '',
    ]);
    screen.type('hostname\r');
    const text = await screen.waitFor(/hostname\nSRV1\n\n/);
    expect(text.endsWith(PROMPT)).toBe(true);
  });

  it('recalls history with the up arrow and runs it again', async () => {
    screen = new PtyScreen(['shell', '--host', 'WS1']);
    await screen.waitFor(PROMPT);
    screen.type('ver\r');
    await screen.waitFor('Microsoft Windows XP [Version 5.1.2600]\n\n' + PROMPT);
    screen.type('\x1b[A\r');
    const text = await screen.waitFor(/(Version 5\.1\.2600\][\s\S]*){3}/);
    expect(text.split(`${PROMPT}ver`).length - 1).toBe(2);
  });

  it('abandons the line on Ctrl+C and keeps running', async () => {
    screen = new PtyScreen(['shell']);
    await screen.waitFor(PROMPT);
    screen.type('hostnam');
    await screen.waitFor(`${PROMPT}hostnam`);
    screen.type('\x03');
    await screen.waitFor(`${PROMPT}hostnam^C\n${PROMPT}`);
    screen.type('hostname\r');
    await screen.waitFor(/SRV1\n/);
    expect(screen.text()).not.toContain('is not recognized');
  });

  it('completes a command name with Tab', async () => {
    screen = new PtyScreen(['shell']);
    await screen.waitFor(PROMPT);
    screen.type('ipc\t');
    await screen.waitFor(`${PROMPT}ipconfig`);
    screen.type('\r');
    await screen.waitFor('IP Address. . . . . . . . . . . . : 192.168.1.10');
  });

  it('quits with exit, code 0', async () => {
    screen = new PtyScreen(['shell']);
    await screen.waitFor(PROMPT);
    screen.type('exit\r');
    await expect(screen.waitForExit()).resolves.toBe(0);
  });

  it('says in one line that a host does not exist', async () => {
    screen = new PtyScreen(['shell', '--host', 'NOPE']);
    await expect(screen.waitForExit()).resolves.toBe(2);
    expect(screen.text()).toBe('ipsec-lab: There is no host named NOPE in this lab (DC1, SRV1, SRV2, WS1, W2K1).');
  });
});
