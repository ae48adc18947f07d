import { describe, expect, it } from 'vitest';
import { PROTOCOL } from './constants.js';
import { createDefaultLocalStore } from './defaults.js';
import { formatIpsecError } from './errors.js';
import { filterMatches, filterWeight, matchPacket, type MatchDecision } from './matching.js';
import { addFilter, addFilterAction, addPolicy, addRule, setRule, type StoreResult } from './store-ops.js';
import type { HostContext, Packet } from './traffic.js';
import type { Filter, FilterAddress, PolicyStore } from './types.js';

function unwrap(r: StoreResult): PolicyStore {
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

const ME = '192.168.1.10';
const PEER = '192.168.1.20';
const host: HostContext = {
  version: '2003',
  addresses: [ME],
  mask: '255.255.255.0',
  dnsServers: ['192.168.1.2'],
  gateways: ['192.168.1.1'],
};

const icmpIn: Packet = { src: PEER, dst: ME, protocol: PROTOCOL.ICMP };
const smbIn: Packet = { src: PEER, dst: ME, protocol: PROTOCOL.TCP, srcPort: 1025, dstPort: 445 };

/** "ICMP matched filter 1 of rule 2, Permit" — the sentence a UI would build. */
function say(d: MatchDecision): string {
  if (!d.rule || d.filterIndex === null) return d.verdict;
  return `filter ${d.filterIndex + 1} of rule ${d.ruleNumber} (${d.filterList?.name}), ${d.filterAction?.name}`;
}

const me: FilterAddress = { kind: 'me' };
const any: FilterAddress = { kind: 'any' };
const peer: FilterAddress = { kind: 'host', address: PEER };
const lan: FilterAddress = { kind: 'subnet', address: '192.168.1.0', mask: '255.255.255.0' };

/** A policy "T" with one rule per [list, action, filters] entry, in the given order. */
function policyWith(rules: [string, 'permit' | 'block' | 'negotiate', Omit<Filter, 'description'>[]][]): PolicyStore {
  let store = unwrap(addPolicy(createDefaultLocalStore(), { name: 'T' }));
  for (const [list, action, filters] of rules) {
    for (const f of filters) store = unwrap(addFilter(store, { filterlist: list, ...f }));
    store = unwrap(addFilterAction(store, { name: `${list} action`, action }));
    store = unwrap(addRule(store, { name: list, policy: 'T', filterlist: list, filteraction: `${list} action` }));
  }
  return store;
}

function f(srcaddr: FilterAddress, dstaddr: FilterAddress, protocol = 0, srcport = 0, dstport = 0, mirrored = true): Omit<Filter, 'description'> {
  return { srcaddr, dstaddr, protocol, srcport, dstport, mirrored };
}

describe('built-in policies', () => {
  const store = createDefaultLocalStore();

  it('Server (Request Security): ICMP is permitted by the more specific ICMP filter', () => {
    const d = matchPacket(store, 'Server (Request Security)', host, icmpIn);
    expect(d.verdict).toBe('permit');
    expect(say(d)).toBe('filter 1 of rule 2 (All ICMP Traffic), Permit');
    expect(d.reversed).toBe(true);
    expect(matchPacket(store, 'Server (Request Security)', host, { ...icmpIn, src: ME, dst: PEER }).reversed).toBe(false);
  });

  it('Server (Request Security): other traffic negotiates through All IP Traffic', () => {
    const d = matchPacket(store, 'Server (Request Security)', host, smbIn);
    expect(d.verdict).toBe('negotiate');
    expect(say(d)).toBe('filter 1 of rule 1 (All IP Traffic), Request Security (Optional)');
    expect(d.filterAction?.soft).toBe(true);
  });

  it('Secure Server requires security for SMB', () => {
    const d = matchPacket(store, 'Secure Server (Require Security)', host, smbIn);
    expect([d.verdict, d.filterAction?.name]).toEqual(['negotiate', 'Require Security']);
  });

  it('Client (Respond Only) matches nothing: the default response rule has no static filters', () => {
    expect(matchPacket(store, 'Client (Respond Only)', host, smbIn)).toMatchObject({ verdict: 'no-match', reason: 'no-filter', rule: null });
  });

  it('no policy, or an unknown one, is no-match', () => {
    expect(matchPacket(store, null, host, smbIn)).toMatchObject({ verdict: 'no-match', reason: 'no-policy' });
    expect(matchPacket(store, 'Nope', host, smbIn)).toMatchObject({ verdict: 'no-match', reason: 'no-policy' });
  });
});

describe('specificity', () => {
  it('weights: addresses first, then protocol, then ports', () => {
    const w = (x: Omit<Filter, 'description'>) => filterWeight({ description: '', ...x });
    expect(w(f(me, any))).toBe(256);
    expect(w(f(me, any, 6))).toBe(260);
    expect(w(f(me, any, 6, 0, 80))).toBe(261);
    expect(w(f(me, any, 6, 1025, 80))).toBe(262);
    expect(w(f(me, lan))).toBe(448);
    expect(w(f(me, peer))).toBe(512);
    // Ordering the task relies on: host > subnet+port > any+protocol > any.
    expect(w(f(me, peer))).toBeGreaterThan(w(f(me, lan, 6, 0, 445)));
    expect(w(f(me, lan, 6, 0, 445))).toBeGreaterThan(w(f(me, any, 6, 0, 445)));
    expect(w(f(me, any, 6, 0, 445))).toBeGreaterThan(w(f(me, any, 6)));
    expect(w(f(me, any, 6))).toBeGreaterThan(w(f(me, any)));
  });

  it('the most specific filter wins whatever the rule order', () => {
    const general: [string, 'negotiate', Omit<Filter, 'description'>[]] = ['General', 'negotiate', [f(me, any)]];
    const web: [string, 'block', Omit<Filter, 'description'>[]] = ['Web', 'block', [f(any, me, 6, 0, 445)]];
    const peerOnly: [string, 'permit', Omit<Filter, 'description'>[]] = ['Peer', 'permit', [f(me, peer)]];
    for (const order of [[general, web, peerOnly], [peerOnly, web, general], [web, general, peerOnly]]) {
      const store = policyWith(order);
      expect(matchPacket(store, 'T', host, smbIn).filterList?.name).toBe('Peer');
      const other = { ...smbIn, src: '192.168.1.99' };
      expect(matchPacket(store, 'T', host, other).filterList?.name).toBe('Web');
      expect(matchPacket(store, 'T', host, { ...other, dstPort: 80 }).filterList?.name).toBe('General');
    }
  });

  it('picks the best filter inside one list and reports its index', () => {
    const store = policyWith([['Mixed', 'block', [f(me, any), f(me, lan, 6), f(me, any, 6)]]]);
    const d = matchPacket(store, 'T', host, smbIn);
    expect([d.filterIndex, d.weight, d.verdict]).toEqual([1, 452, 'block']);
  });

  it('equal weights go to the earlier rule', () => {
    const a = policyWith([['A', 'permit', [f(me, any, 6)]], ['B', 'block', [f(me, any, 6)]]]);
    expect(matchPacket(a, 'T', host, smbIn).filterList?.name).toBe('A');
    const b = policyWith([['B', 'block', [f(me, any, 6)]], ['A', 'permit', [f(me, any, 6)]]]);
    expect(matchPacket(b, 'T', host, smbIn).filterList?.name).toBe('B');
  });

  it('skips inactive rules and rules for another connection type', () => {
    let store = policyWith([['General', 'permit', [f(me, any)]], ['Peer', 'block', [f(me, peer)]]]);
    expect(matchPacket(store, 'T', host, smbIn).verdict).toBe('block');
    const off = unwrap(setRule(store, { policy: 'T', rule: { name: 'Peer' }, activate: false }));
    expect(matchPacket(off, 'T', host, smbIn).verdict).toBe('permit');
    store = unwrap(setRule(store, { policy: 'T', rule: { name: 'Peer' }, conntype: 'dialup' }));
    expect(matchPacket(store, 'T', host, smbIn).verdict).toBe('permit');
    expect(matchPacket(store, 'T', { ...host, connection: 'dialup' }, smbIn).verdict).toBe('block');
  });
});

describe('mirrored filters', () => {
  const h = (x: Omit<Filter, 'description'>): Filter => ({ description: '', ...x });

  it('a mirrored filter matches the reverse direction with ports swapped', () => {
    const web = h(f(me, any, 6, 0, 80));
    expect(filterMatches(web, { src: ME, dst: PEER, protocol: 6, srcPort: 1025, dstPort: 80 }, host)).toBe('forward');
    expect(filterMatches(web, { src: PEER, dst: ME, protocol: 6, srcPort: 80, dstPort: 1025 }, host)).toBe('reverse');
    expect(filterMatches(web, { src: PEER, dst: ME, protocol: 6, srcPort: 1025, dstPort: 80 }, host)).toBeNull();
  });

  it('a non-mirrored filter matches one direction only', () => {
    const inbound = h(f(any, me, 6, 0, 80, false));
    expect(filterMatches(inbound, { src: PEER, dst: ME, protocol: 6, srcPort: 1025, dstPort: 80 }, host)).toBe('forward');
    expect(filterMatches(inbound, { src: ME, dst: PEER, protocol: 6, srcPort: 80, dstPort: 1025 }, host)).toBeNull();
    const store = policyWith([['In80', 'block', [f(any, me, 6, 0, 80, false)]]]);
    expect(matchPacket(store, 'T', host, { src: ME, dst: PEER, protocol: 6, srcPort: 80, dstPort: 1025 }).verdict).toBe('no-match');
  });

  it('matches server keywords, DNS names, subnets and ranges', () => {
    const dnsQuery: Packet = { src: ME, dst: '192.168.1.2', protocol: 17, srcPort: 1030, dstPort: 53 };
    expect(filterMatches(h(f(me, { kind: 'server', server: 'DNS' }, 17, 0, 53)), dnsQuery, host)).toBe('forward');
    expect(filterMatches(h(f(me, { kind: 'server', server: 'DNS' }, 17, 0, 53)), { ...dnsQuery, dst: PEER }, host)).toBeNull();
    expect(filterMatches(h(f(me, { kind: 'server', server: 'WINS' })), dnsQuery, host)).toBeNull();
    expect(filterMatches(h(f(me, { kind: 'dns', name: 'srv2.example.test', addresses: [PEER] })), smbIn, host)).toBe('reverse');
    expect(filterMatches(h(f(lan, me)), smbIn, host)).toBe('forward');
    expect(filterMatches(h(f({ kind: 'range', from: '192.168.1.15', to: '192.168.1.25' }, me)), smbIn, host)).toBe('forward');
    expect(filterMatches(h(f({ kind: 'range', from: '192.168.1.21', to: '192.168.1.25' }, me)), smbIn, host)).toBeNull();
  });
});
