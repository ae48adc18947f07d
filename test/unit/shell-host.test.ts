import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LINE, openLab, ShellHost } from '../../service/shell-host.js';

describe('ShellHost', () => {
  it('shows escape sequences in a typed name as text, never as live escapes', () => {
    const shells = new ShellHost(openLab());
    const reply = shells.run('SRV1', '\x1b[31mred\x07 now');
    expect(reply.output).toContain("'^[[31mred^G' is not recognized");
    expect(reply.output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('refuses an over-long line as cmd.exe does, without running it', () => {
    const shells = new ShellHost(openLab());
    const before = shells.lab.transcript.length;
    expect(shells.run('SRV1', 'x'.repeat(MAX_COMMAND_LINE + 1)).output).toBe('The input line is too long.\n\n');
    expect(shells.lab.transcript.length).toBe(before);
  });

  it('names the hosts when asked for one that does not exist', () => {
    expect(() => new ShellHost(openLab()).open('ZZZ')).toThrow('There is no host named ZZZ in this lab (DC1, SRV1, SRV2, WS1, W2K1).');
    expect(() => openLab('nope')).toThrow('There is no lab named "nope".');
  });
});
