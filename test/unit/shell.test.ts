import { describe, expect, it } from 'vitest';
import { builtInLab, consoleBanner, Lab } from '../../engine/index.js';

function labWith(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('two-hosts lab missing');
  return new Lab(spec);
}

function run(lab: Lab, host: string, line: string): string {
  const outcome = lab.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

describe('cmd.exe emulation', () => {
  it('prints the host name, then the blank line cmd.exe leaves before its prompt', () => {
    expect(run(labWith(), 'SRV1', 'hostname')).toBe('SRV1\n\n');
    expect(run(labWith(), 'srv2', 'HOSTNAME')).toBe('SRV2\n\n');
    expect(run(labWith(), 'SRV1', 'hostname.exe')).toBe('SRV1\n\n');
  });

  it('prints each Windows version line with ver', () => {
    const lab = labWith();
    expect(run(lab, 'SRV1', 'ver')).toBe('\nMicrosoft Windows [Version 5.2.3790]\n\n');
    expect(run(lab, 'WS1', 'ver')).toBe('\nMicrosoft Windows XP [Version 5.1.2600]\n\n');
    expect(run(lab, 'W2K1', 'ver')).toBe('\nMicrosoft Windows 2000 [Version 5.00.2195]\n\n');
  });

  it('answers an unknown word with cmd.exe\'s own message, quoting the word as typed', () => {
    expect(run(labWith(), 'SRV1', 'Frobnicate now')).toBe(
      "'Frobnicate' is not recognized as an internal or external command,\noperable program or batch file.\n\n",
    );
    expect(run(labWith(), 'SRV1', 'ver.exe')).toContain("'ver.exe' is not recognized");
  });

  it('shows the host address in ipconfig, lined up in Windows\' columns', () => {
    const out = run(labWith(), 'SRV1', 'ipconfig');
    expect(out).toContain('        IP Address. . . . . . . . . . . . : 192.168.1.10\n');
    expect(out).toContain('        Subnet Mask . . . . . . . . . . . : 255.255.255.0\n');
    expect(out.startsWith('\nWindows IP Configuration\n\n\nEthernet adapter Local Area Connection:\n')).toBe(true);
    expect(run(labWith(), 'W2K1', 'ipconfig')).toContain('Windows 2000 IP Configuration');
    for (const line of run(labWith(), 'DC1', 'ipconfig /all').split('\n')) {
      if (line.includes(' : ')) expect(line.indexOf(' : ')).toBe(41);
    }
  });

  it('refuses an unknown ipconfig switch with Windows\' (misspelt) error and the usage', () => {
    const out = run(labWith(), 'SRV1', 'ipconfig /bogus');
    expect(out).toContain('Error: unrecongnized or incomplete command line.');
    expect(out).toContain('USAGE:');
  });

  it('parses command names the way cmd.exe delimits them', () => {
    expect(run(labWith(), 'SRV1', 'ipconfig/all')).toContain('Physical Address');
    expect(run(labWith(), 'SRV1', 'ver/?')).toContain('Displays the Windows version.');
    expect(run(labWith(), 'SRV1', '   ')).toBe('');
  });

  it('lists every command in HELP and explains built-ins', () => {
    const lab = labWith();
    const help = run(lab, 'SRV1', 'help');
    expect(help.split('\n')[0]).toBe('For more information on a specific command, type HELP command-name');
    for (const name of ['CLS', 'EXIT', 'HOSTNAME', 'IPCONFIG', 'VER']) expect(help).toMatch(new RegExp(`^${name} +\\S`, 'm'));
    expect(run(lab, 'SRV1', 'help ver')).toContain('VER');
    expect(run(lab, 'SRV1', 'help hostname')).toBe(
      'This command is not supported by the help utility.  Try "hostname /?".\n\n',
    );
  });

  it('signals cls and exit to the console instead of printing escapes', () => {
    const lab = labWith();
    expect(lab.apply({ type: 'command', host: 'SRV1', line: 'cls' })).toMatchObject({ ok: true, shell: { clear: true, output: '' } });
    expect(lab.apply({ type: 'command', host: 'SRV1', line: 'exit' })).toMatchObject({ ok: true, shell: { exit: true } });
  });

  it('greets with the version banner of the host', () => {
    const lab = labWith();
    const srv1 = lab.host('SRV1');
    expect(srv1 && consoleBanner(srv1)).toBe('Microsoft Windows [Version 5.2.3790]\n(C) Copyright 1985-2003 Microsoft Corp.\n\n');
    expect(lab.prompt('SRV1')).toBe('C:\\Documents and Settings\\Administrator>');
  });

  it('completes command names from the table', () => {
    const lab = labWith();
    expect(lab.complete('SRV1', 'h')).toEqual(['help', 'hostname']);
    expect(lab.complete('SRV1', 'ipc')).toEqual(['ipconfig']);
    expect(lab.complete('SRV1', 'ver ')).toEqual([]);
  });
});

describe('lab actions', () => {
  it('records applied actions in the transcript and rejects bad ones without change', () => {
    const lab = labWith();
    lab.apply({ type: 'command', host: 'SRV1', line: 'hostname' });
    expect(lab.apply({ type: 'command', host: 'NOPE', line: 'hostname' })).toEqual({
      ok: false,
      error: 'There is no host named NOPE in this lab.',
    });
    const before = JSON.stringify(lab.world);
    expect(lab.apply({ type: 'advance', ms: -5 }).ok).toBe(false);
    expect(JSON.stringify(lab.world)).toBe(before);
    lab.apply({ type: 'advance', ms: 90_000 });
    expect(lab.world.clock).toBe(90_000);
    expect(lab.transcript.map((e) => e.action.type)).toEqual(['command', 'advance']);
  });

  it('round-trips the world through JSON', () => {
    const lab = labWith();
    expect(JSON.parse(JSON.stringify(lab.world))).toEqual(lab.world);
  });
});

describe('net.exe and IPSEC Services', () => {
  it('stops, refuses to stop twice, and names the service as each Windows does', () => {
    const lab = labWith();
    run(lab, 'SRV1', 'net stop policyagent');
    expect(run(lab, 'SRV1', 'net stop "IPSEC Services"')).toBe(
      'The IPSEC Services service is not started.\n\nMore help is available by typing NET HELPMSG 3521.\n\n\n',
    );
    expect(run(lab, 'SRV1', 'net start policyagent')).toContain('The IPSEC Services service was started successfully.');
    expect(run(lab, 'SRV1', 'net start policyagent')).toContain('The requested service has already been started.');
    expect(run(lab, 'W2K1', 'net stop policyagent')).toContain('The IPSEC Policy Agent service was stopped successfully.');
    expect(run(lab, 'SRV1', 'net stop spooler')).toContain('The service name is invalid.');
    expect(run(lab, 'SRV1', 'net')).toContain('The syntax of this command is:');
  });

  it('answers bad gpupdate switches with Invalid Syntax and the usage', () => {
    const out = run(labWith(), 'SRV1', 'gpupdate /bogus');
    expect(out.startsWith('Invalid Syntax.\n\nRefreshes Group Policy settings.')).toBe(true);
  });
});
