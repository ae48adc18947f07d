import { describe, expect, it } from 'vitest';
import { PROTOCOL, PROTOCOL_RSVP } from './constants.js';
import { createDefaultLocalStore } from './defaults.js';
import { defaultIpsecExempt, exemptionFor } from './exemptions.js';
import { formatIpsecError } from './errors.js';
import { matchPacket } from './matching.js';
import { addFilter, addFilterAction, addPolicy, addRule, type StoreResult } from './store-ops.js';
import type { HostContext, Packet } from './traffic.js';
import type { PolicyStore } from './types.js';

function unwrap(r: StoreResult): PolicyStore {
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

const ME = '192.168.1.10';
const DC = '192.168.1.2';
const base = { addresses: [ME], mask: '255.255.255.0' };
const w2003: HostContext = { ...base, version: '2003' };
const xp: HostContext = { ...base, version: 'XP' };
const w2000: HostContext = { ...base, version: '2000' };

const ike: Packet = { src: DC, dst: ME, protocol: PROTOCOL.UDP, srcPort: 500, dstPort: 500 };
const kerberosOut: Packet = { src: ME, dst: DC, protocol: PROTOCOL.UDP, srcPort: 1100, dstPort: 88 };
const kerberosReply: Packet = { src: DC, dst: ME, protocol: PROTOCOL.TCP, srcPort: 88, dstPort: 1100 };
const rsvp: Packet = { src: DC, dst: ME, protocol: PROTOCOL_RSVP };
const broadcastOut: Packet = { src: ME, dst: '255.255.255.255', protocol: PROTOCOL.UDP, srcPort: 137, dstPort: 137 };
const subnetBroadcastIn: Packet = { src: DC, dst: '192.168.1.255', protocol: PROTOCOL.UDP, srcPort: 138, dstPort: 138 };
const multicastOut: Packet = { src: ME, dst: '224.0.0.5', protocol: 89 };

/** A policy "Block All" that blocks every packet to and from this host. */
function blockAll(): PolicyStore {
  let s = unwrap(addPolicy(createDefaultLocalStore(), { name: 'Block All' }));
  s = unwrap(addFilter(s, { filterlist: 'Everything', srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' } }));
  s = unwrap(addFilterAction(s, { name: 'Block', action: 'block' }));
  return unwrap(addRule(s, { name: 'Block everything', policy: 'Block All', filterlist: 'Everything', filteraction: 'Block' }));
}

describe('default ipsecexempt per version', () => {
  it('is 3 on 2003 and 0 on 2000/XP', () => {
    expect([defaultIpsecExempt('2003'), defaultIpsecExempt('XP'), defaultIpsecExempt('2000')]).toEqual([3, 0, 0]);
  });
});

describe('Windows Server 2003 (ipsecexempt 3): only IKE', () => {
  it('exempts IKE', () => {
    expect(exemptionFor(ike, w2003)).toBe('ike');
    expect(exemptionFor({ ...ike, srcPort: 1500 }, w2003)).toBe('ike');
  });

  it('does not exempt Kerberos, RSVP, outbound broadcast or multicast', () => {
    for (const p of [kerberosOut, kerberosReply, rsvp, broadcastOut, multicastOut]) expect(exemptionFor(p, w2003)).toBeNull();
  });

  it('still lets inbound broadcast bypass (S4, marked [?] in the reference)', () => {
    expect(exemptionFor(subnetBroadcastIn, w2003)).toBe('broadcast');
  });

  it('a block-all policy blocks Kerberos to the DC but never IKE', () => {
    const store = blockAll();
    expect(matchPacket(store, 'Block All', w2003, kerberosOut)).toMatchObject({ verdict: 'block', ruleNumber: 1, filterIndex: 0 });
    expect(matchPacket(store, 'Block All', w2003, ike)).toMatchObject({ verdict: 'exempt', exemption: 'ike', rule: null });
  });
});

describe('Windows 2000 / XP (ipsecexempt 0): IKE, Kerberos, RSVP, broadcast, multicast', () => {
  it.each([
    ['2000', w2000],
    ['XP', xp],
  ])('%s exempts them all', (_v, h) => {
    expect(exemptionFor(ike, h)).toBe('ike');
    expect(exemptionFor(kerberosOut, h)).toBe('kerberos');
    expect(exemptionFor(kerberosReply, h)).toBe('kerberos');
    expect(exemptionFor(rsvp, h)).toBe('rsvp');
    expect(exemptionFor(broadcastOut, h)).toBe('broadcast');
    expect(exemptionFor(subnetBroadcastIn, h)).toBe('broadcast');
    expect(exemptionFor(multicastOut, h)).toBe('multicast');
  });

  it('traffic from source port 88 slips past a block-all policy', () => {
    expect(matchPacket(blockAll(), 'Block All', w2000, kerberosReply)).toMatchObject({ verdict: 'exempt', exemption: 'kerberos' });
    expect(matchPacket(blockAll(), 'Block All', w2000, { ...kerberosReply, srcPort: 89 }).verdict).toBe('block');
  });

  it('does not exempt ordinary unicast', () => {
    expect(exemptionFor({ src: ME, dst: DC, protocol: PROTOCOL.TCP, srcPort: 1100, dstPort: 445 }, xp)).toBeNull();
    expect(exemptionFor({ src: ME, dst: '192.168.1.254', protocol: PROTOCOL.ICMP }, xp)).toBeNull();
  });
});

describe('explicit ipsecexempt values', () => {
  it('1: Kerberos and RSVP are no longer exempt, broadcast and multicast are', () => {
    const h: HostContext = { ...xp, ipsecexempt: 1 };
    expect([exemptionFor(kerberosOut, h), exemptionFor(rsvp, h), exemptionFor(broadcastOut, h), exemptionFor(multicastOut, h)]).toEqual([
      null,
      null,
      'broadcast',
      'multicast',
    ]);
  });

  it('2: broadcast and multicast are no longer exempt (outbound), Kerberos and RSVP are', () => {
    const h: HostContext = { ...w2003, ipsecexempt: 2 };
    expect([exemptionFor(kerberosOut, h), exemptionFor(rsvp, h), exemptionFor(broadcastOut, h), exemptionFor(multicastOut, h)]).toEqual([
      'kerberos',
      'rsvp',
      null,
      null,
    ]);
  });

  it('0 on a 2003 host restores the old behaviour; 3 on XP removes it', () => {
    expect(exemptionFor(kerberosOut, { ...w2003, ipsecexempt: 0 })).toBe('kerberos');
    expect(exemptionFor(kerberosOut, { ...xp, ipsecexempt: 3 })).toBeNull();
    expect(exemptionFor(ike, { ...xp, ipsecexempt: 3 })).toBe('ike');
  });
});
