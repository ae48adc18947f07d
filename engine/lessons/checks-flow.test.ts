import { describe, expect, it } from 'vitest';
import type { Check } from './model.js';
import { labWith, run } from './testing.js';

const assign = (host: string, policy: string) => `${host}> netsh ipsec static set policy name="${policy}" assign=y`;
const SECURE = 'Secure Server (Require Security)';
const REQUEST = 'Server (Request Security)';
const RESPOND = 'Client (Respond Only)';
const flow = (from: string, to: string, expect: 'esp' | 'ah' | 'clear' | 'blocked', protocol: 'tcp' | 'icmp' = 'tcp'): Check => ({
  flow: { from, to, protocol, ...(protocol === 'tcp' ? { port: 445 } : {}), expect },
});

describe('flow', () => {
  it('is clear when neither host has a policy', () => {
    const r = run(flow('SRV1', 'SRV2', 'clear'), labWith());
    expect(r).toMatchObject({ pass: true, message: expect.stringContaining('SRV1: no IPSec policy in force; SRV2: no IPSec policy in force') });
  });

  it('is ESP both ways between Secure Server and a Respond Only client', () => {
    const lab = labWith(assign('SRV1', SECURE), assign('SRV2', RESPOND));
    expect(run(flow('SRV1', 'SRV2', 'esp'), lab).pass).toBe(true);
    // SRV2 starts in the clear; SRV1 accepts it (inbound passthrough) and its reply negotiates.
    expect(run(flow('SRV2', 'SRV1', 'esp'), lab).pass).toBe(true);
    // ICMP is permitted by Secure Server's second rule.
    expect(run(flow('SRV2', 'SRV1', 'clear', 'icmp'), lab).pass).toBe(true);
  });

  it('is blocked when a server requires security and the peer cannot answer IKE', () => {
    const lab = labWith(assign('SRV1', SECURE));
    const r = run(flow('SRV1', 'SRV2', 'esp'), lab);
    expect(r).toMatchObject({ pass: false, message: expect.stringContaining('is blocked') });
    expect(r.message).toContain('IKE failed: No response from peer (13813)');
    expect(run(flow('SRV2', 'SRV1', 'blocked'), lab).pass).toBe(true);
  });

  it('falls back to clear with a soft (Request Security) action', () => {
    const lab = labWith(assign('SRV1', REQUEST));
    expect(run(flow('SRV1', 'SRV2', 'clear'), lab).message).toContain('soft association');
    expect(run(flow('SRV2', 'SRV1', 'clear'), lab).pass).toBe(true);
  });

  it('is blocked by a block action, by mismatched keys, and by a switched-off host', () => {
    const n = 'SRV1> netsh ipsec static';
    const blocked = labWith(
      `${n} add filterlist name=Peer`,
      `${n} add filter filterlist=Peer srcaddr=me dstaddr=192.168.1.20`,
      `${n} add filteraction name=Drop action=block`,
      `${n} add policy name=Deny`,
      `${n} add rule name=R policy=Deny filterlist=Peer filteraction=Drop`,
      assign('SRV1', 'Deny'),
    );
    expect(run(flow('SRV2', 'SRV1', 'blocked'), blocked).message).toContain('SRV1: filter 1 of rule 1 ("R") of "Deny", Drop (block)');
    const psk = (host: string, peer: string, key: string) => {
      const m = `${host}> netsh ipsec static`;
      return [
        `${m} add filterlist name=Peer`,
        `${m} add filter filterlist=Peer srcaddr=me dstaddr=${peer}`,
        `${m} add filteraction name=Esp action=negotiate qmsecmethods="ESP[3DES,SHA1]" inpass=no`,
        `${m} add policy name=Psk activatedefaultrule=no`,
        `${m} add rule name=R policy=Psk filterlist=Peer filteraction=Esp psk=${key}`,
        assign(host, 'Psk'),
      ];
    };
    const same = labWith(...psk('SRV1', '192.168.1.20', 'k1'), ...psk('SRV2', '192.168.1.10', 'k1'));
    expect(run(flow('SRV1', 'SRV2', 'esp'), same).pass).toBe(true);
    const differ = labWith(...psk('SRV1', '192.168.1.20', 'k1'), ...psk('SRV2', '192.168.1.10', 'k2'));
    expect(run(flow('SRV1', 'SRV2', 'blocked'), differ).message).toContain('IKE failed: Invalid payload received (13843)');
    const off = labWith({ type: 'power', host: 'SRV2', online: false });
    expect(run(flow('SRV1', 'SRV2', 'blocked'), off).message).toContain('SRV2 is switched off');
  });

  it('reports AH when the chosen security method has no ESP', () => {
    const n = 'SRV1> netsh ipsec static';
    const lab = labWith(
      `${n} add filterlist name=Peer`,
      `${n} add filter filterlist=Peer srcaddr=me dstaddr=192.168.1.20`,
      `${n} add filteraction name=Ah action=negotiate qmsecmethods="AH[SHA1]"`,
      `${n} add policy name=AhOnly`,
      `${n} add rule name=R policy=AhOnly filterlist=Peer filteraction=Ah`,
      assign('SRV1', 'AhOnly'),
      assign('SRV2', RESPOND),
    );
    expect(run(flow('SRV1', 'SRV2', 'ah'), lab).pass).toBe(true);
  });

  it('never changes the world it looks at', () => {
    const lab = labWith(assign('SRV1', SECURE), assign('SRV2', RESPOND));
    const before = JSON.stringify(lab.world);
    run(flow('SRV1', 'SRV2', 'esp'), lab);
    run(flow('SRV2', 'SRV1', 'esp'), lab);
    expect(JSON.stringify(lab.world)).toBe(before);
  });
});
