import { describe, expect, it } from 'vitest';
import { builtInLab, Lab } from '../../engine/index.js';

function lab(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  return new Lab(spec);
}

function run(l: Lab, host: string, line: string): string {
  const outcome = l.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

function protectTelnet(l: Lab, host: string, peer: string, side: 'dstport' | 'srcport', psk: string): void {
  for (const line of [
    'netsh ipsec static add policy name=P',
    `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=TCP ${side}=23`,
    'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]"',
    `netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=${psk}`,
    'netsh ipsec static set policy name=P assign=yes',
  ]) {
    expect(run(l, host, line)).toBe('\n');
  }
}

describe('telnet and net use make TCP traffic through IPSec', () => {
  it('telnet connects to a listening server and is refused on a closed port', () => {
    const l = lab();
    expect(run(l, 'SRV1', 'telnet srv2')).toContain('Welcome to Microsoft Telnet Service');
    expect(run(l, 'SRV1', 'telnet srv2 8080')).toBe(
      'Connecting To srv2...Could not open connection to the host, on port 8080: Connect failed\n\n',
    );
  });

  it('a protected telnet session waits for IKE, then runs under ESP; a PSK mismatch never connects', () => {
    const l = lab();
    protectTelnet(l, 'SRV1', '192.168.1.20', 'dstport', 'k');
    protectTelnet(l, 'SRV2', '192.168.1.10', 'srcport', 'k');
    const clock = l.world.clock;
    expect(run(l, 'SRV1', 'telnet srv2')).toContain('Welcome to Microsoft Telnet Service');
    expect(l.world.clock - clock).toBe(3000);
    expect(run(l, 'SRV1', 'netsh ipsec dynamic show qmsas format=table')).toContain('TCP   Out  None      3DES/0/0      SHA1');

    const bad = lab();
    protectTelnet(bad, 'SRV1', '192.168.1.20', 'dstport', 'k');
    protectTelnet(bad, 'SRV2', '192.168.1.10', 'srcport', 'z');
    expect(run(bad, 'SRV1', 'telnet srv2')).toContain('Could not open connection to the host, on port 23: Connect failed');
  });

  it('net use maps a share, reports a missing share and an unknown server as Windows does, and lists mappings', () => {
    const l = lab();
    expect(run(l, 'SRV1', 'net use \\\\srv2\\c$')).toBe('The command completed successfully.\n\n\n');
    expect(run(l, 'SRV1', 'net use \\\\srv2\\nothing')).toBe('System error 67 has occurred.\n\nThe network name cannot be found.\n\n\n');
    expect(run(l, 'SRV1', 'net use \\\\mars\\c$')).toBe('System error 53 has occurred.\n\nThe network path was not found.\n\n\n');
    expect(run(l, 'SRV1', 'net use')).toContain('\\\\srv2\\c$');
    run(l, 'SRV1', 'net use \\\\srv2\\c$ /delete');
    expect(run(l, 'SRV1', 'net use')).toContain('There are no entries in the list.');
  });
});
