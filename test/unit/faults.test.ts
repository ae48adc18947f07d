import { describe, expect, it } from 'vitest';
import { builtInLab, Lab } from '../../engine/index.js';

function securedPair(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  const lab = new Lab(spec);
  for (const [host, peer] of [['SRV1', '192.168.1.20'], ['SRV2', '192.168.1.10']] as const) {
    for (const line of [
      'netsh ipsec static add policy name=P',
      `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=ICMP`,
      'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]"',
      'netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=k',
      'netsh ipsec static set policy name=P assign=yes',
    ]) {
      lab.apply({ type: 'command', host, line });
    }
  }
  return lab;
}

function counter(lab: Lab, host: string, mode: 'mainMode' | 'quickMode', name: string): number {
  const stats = lab.world.ike[host]?.stats[mode] as Record<string, number> | undefined;
  return stats?.[name] ?? NaN;
}

describe('packet faults a lab can inject', () => {
  it('moves exactly the counter each bad packet is for', () => {
    const lab = securedPair();
    lab.apply({ type: 'command', host: 'SRV1', line: 'ping srv2' });
    const cases = [
      ['bad-spi', 'quickMode', 'Bad SPI Packets'],
      ['replay', 'quickMode', 'Packets With Replay Detection'],
      ['tampered', 'quickMode', 'Packets Not Authenticated'],
      ['malformed-ike', 'mainMode', 'Invalid Packets Received'],
      ['unknown-cookies', 'mainMode', 'Invalid Cookies Received'],
    ] as const;
    for (const [fault, mode, name] of cases) {
      const before = counter(lab, 'SRV2', mode, name);
      expect(lab.apply({ type: 'inject', host: 'SRV2', fault }).ok).toBe(true);
      expect(counter(lab, 'SRV2', mode, name)).toBe(before + 1);
    }
  });

  it('refuses a replayed packet where no SA exists, changing nothing', () => {
    const lab = securedPair();
    const before = JSON.stringify(lab.world);
    expect(lab.apply({ type: 'inject', host: 'SRV2', fault: 'replay' })).toEqual({
      ok: false,
      error: 'SRV2 has no IPSec security association for a replayed packet to arrive on.',
    });
    expect(lab.apply({ type: 'inject', host: 'SRV2', fault: 'zap' as never }).ok).toBe(false);
    expect(JSON.stringify(lab.world)).toBe(before);
  });

  it('an unreachable DC stops Kerberos negotiation', () => {
    const spec = builtInLab('two-hosts');
    if (!spec) throw new Error('missing lab');
    const lab = new Lab(spec);
    for (const [host, peer] of [['SRV1', '192.168.1.20'], ['SRV2', '192.168.1.10']] as const) {
      for (const line of [
        'netsh ipsec static add policy name=P',
        `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=ICMP`,
        'netsh ipsec static add filteraction name=A action=negotiate',
        'netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A kerberos=yes',
        'netsh ipsec static set policy name=P assign=yes',
      ]) {
        lab.apply({ type: 'command', host, line });
      }
    }
    lab.apply({ type: 'power', host: 'DC1', online: false });
    const out = lab.apply({ type: 'command', host: 'SRV1', line: 'ping srv2' });
    expect(out.ok && out.shell?.output).toContain('Negotiating IP Security.');
    lab.apply({ type: 'advance', ms: 120_000 });
    expect(counter(lab, 'SRV1', 'mainMode', 'Authentication Failures')).toBeGreaterThan(0);
    expect(lab.world.ike.SRV1?.qmSas.length).toBe(0);
  });
});
