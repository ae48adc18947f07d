import { describe, expect, test } from 'vitest';
import { advance } from './sa-lifecycle.js';
import { serviceStopped } from './sa-lifecycle.js';
import { negotiate } from './negotiate.js';
import { A, B, CA, builtIn, certAuth, peer, psk, run, scripted, seeded, tcp, labStore, icmp } from './testing.js';
import type { IkeWorld } from './types.js';
import type { NegotiationPeer } from './peer.js';
import type { Packet } from '../ipsec/traffic.js';

/* One test per outcome of reference §6.2 (plus the no-IKE ones). */

const srv1 = (over: Partial<NegotiationPeer> = {}) => peer('SRV1', A, over);
const srv2 = (over: Partial<NegotiationPeer> = {}) => peer('SRV2', B, over);
const lab = (p: Parameters<typeof labStore>[0]) => ({ policy: { store: labStore(p), policyName: 'Lab Policy' } });
const send = (world: IkeWorld, i: NegotiationPeer, r: NegotiationPeer, packet: Packet, now: number) =>
  negotiate({ initiator: i, responder: r, world, packet, now, next32: seeded(now + 1) });
const sequence = (o: { messages: readonly { mode: string; number: number; kind: string }[] }) =>
  o.messages.map((m) => `${m.mode === 'main' ? 'MM' : 'QM'}${m.number}${m.kind === 'message' ? '' : `:${m.kind}`}`);

describe('success', () => {
  test('six main mode and three quick mode messages give an SA pair on both hosts, keyed from next32', () => {
    const world: IkeWorld = {};
    const next32 = scripted([0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x1000, 0x2000]);
    const { outcome } = run(world, srv1(), srv2(), tcp(), { next32 });
    expect(outcome.kind).toBe('negotiated');
    expect(outcome.failure).toBeNull();
    expect(outcome.delivered).toBe(false);
    expect(outcome.negotiating).toBe(true);
    expect(sequence(outcome)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM2', 'QM3']);
    expect(outcome.messages[0]?.proposals).toContain('3DES-SHA1-2 Kerberos');
    expect(outcome.messages[1]).toMatchObject({ from: 'responder', chosen: '3DES-SHA1-2 Kerberos' });
    expect(outcome.messages[7]).toMatchObject({ from: 'responder', chosen: 'ESP[3DES,SHA1]' });
    const [mm1, mm2] = [world['SRV1']?.mmSas[0], world['SRV2']?.mmSas[0]];
    expect(mm1).toMatchObject({ initiatorCookie: '1111111122222222', responderCookie: '3333333344444444', authMethod: 'Kerberos', role: 'initiator' });
    expect(mm2).toMatchObject({ initiatorCookie: '1111111122222222', role: 'responder', lifetimeSeconds: 28_800 });
    const [q1, q2] = [world['SRV1']?.qmSas[0], world['SRV2']?.qmSas[0]];
    expect(q1).toMatchObject({ inboundSpi: 0x1000, outboundSpi: 0x2000, lifetimeSeconds: 3600, lifetimeKBytes: 100_000, soft: false });
    expect(q1?.offer).toMatchObject({ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' } });
    expect(q1?.filter).toMatchObject({ policyName: 'Lab Policy', ruleName: 'Lab Rule', filterListName: 'Lab Traffic', filterActionName: 'Lab Action' });
    expect(q2).toMatchObject({ inboundSpi: 0x2000, outboundSpi: 0x1000 });
    expect(outcome.sas.initiator.qm).toHaveLength(1);
    expect(outcome.events.map((e) => `${e.host}:${e.id}:${e.fields['Mode']}`)).toEqual([
      'SRV2:541:Key Exchange (Main mode)',
      'SRV1:541:Key Exchange (Main mode)',
      'SRV1:541:Data Protection (Quick mode)',
      'SRV2:541:Data Protection (Quick mode)',
    ]);
    const next = send(world, srv1(), srv2(), tcp(), 1000);
    expect(next).toMatchObject({ kind: 'secured', delivered: true, outboundSpi: 0x2000, messages: [] });
  });

  test('a new quick mode reuses the main mode SA: only quick mode messages', () => {
    const world: IkeWorld = {};
    run(world, srv1(), srv2(), tcp());
    const cookies = world['SRV1']?.mmSas[0]?.initiatorCookie;
    advance(world, 400_000, seeded()); // the quick mode pair idles out, the main mode stays
    expect(world['SRV1']?.qmSas).toHaveLength(0);
    const { outcome } = run(world, srv1(), srv2(), tcp(), { now: 400_000 });
    expect(outcome.kind).toBe('negotiated');
    expect(outcome.mainModeReused).toBe(true);
    expect(sequence(outcome)).toEqual(['QM1', 'QM2', 'QM3']);
    expect(world['SRV1']?.mmSas).toHaveLength(1);
    expect(world['SRV1']?.mmSas[0]).toMatchObject({ initiatorCookie: cookies, qmCount: 2 });
    expect(outcome.counterDeltas.initiator.mainMode['IKE Main Mode']).toBeUndefined();
    expect(outcome.counterDeltas.initiator.mainMode['IKE Quick Mode']).toBe(1);
  });

  test('tunnel mode: the IKE peer is the tunnel endpoint and the SA covers the subnets', () => {
    const filter = { srcaddr: { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' }, dstaddr: { kind: 'subnet', address: '10.2.0.0', mask: '255.255.0.0' }, mirrored: false } as const;
    const world: IkeWorld = {};
    const { outcome } = run(world, srv1(lab({ tunnel: B, filter })), srv2(lab({ tunnel: B, filter })), { src: '10.1.0.5', dst: '10.2.0.7', protocol: 6, srcPort: 1025, dstPort: 80 });
    expect(outcome.kind).toBe('negotiated');
    expect(world['SRV1']?.qmSas[0]).toMatchObject({ tunnel: { local: A, peer: B }, selector: { srcAddress: '10.1.0.0', srcMask: '255.255.0.0', dstAddress: '10.2.0.0' } });
    expect(world['SRV2']?.qmSas[0]?.tunnel).toEqual({ local: B, peer: A });
  });
});

describe('failures (reference §6.2)', () => {
  test('no common main mode method: 13802 at message 1/2, responder is the failure point', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ mm: [{ encryption: 'DES', integrity: 'MD5', dhGroup: 1 }] }));
    const r = srv2(lab({ mm: [{ encryption: '3DES', integrity: 'SHA1', dhGroup: 2 }] }));
    const { outcome } = run(world, i, r, tcp());
    expect(outcome.kind).toBe('failed');
    expect(outcome.failure).toMatchObject({ mode: 'main', message: 1, detectedBy: 'responder', code: 13802, text: 'IKE security attributes are unacceptable', point: { initiator: 'Peer', responder: 'Me' } });
    expect(sequence(outcome)).toEqual(['MM1', 'MM1:notify']);
    expect(outcome.events.map((e) => [e.host, e.id, e.fields['Failure Point'], e.code])).toEqual([
      ['SRV2', 547, 'Me', 13802],
      ['SRV1', 547, 'Peer', 13802],
    ]);
    expect(world['SRV1']?.mmSas).toEqual([]);
    expect(world['SRV2']?.mmSas).toEqual([]);
  });

  test('authentication method mismatch (Kerberos vs preshared key): 13801 at message 5', () => {
    const { outcome } = run({}, srv1(), srv2(lab({ auth: [psk('secret')] })), tcp());
    expect(outcome.failure).toMatchObject({ mode: 'main', message: 5, detectedBy: 'responder', code: 13801 });
    expect(outcome.events.find((e) => e.host === 'SRV2')?.fields['Failure Reason']).toBe('IKE authentication credentials are unacceptable');
    expect(outcome.counterDeltas.responder.mainMode['Authentication Failures']).toBe(1);
  });

  test.each([
    ['a workgroup peer', srv1(), srv2({ domain: null }), 'initiator', 2],
    ['a peer in another forest', srv1(), srv2({ domain: 'other.test', forest: 'other.test' }), 'initiator', 2],
    ["the initiator's DC unreachable", srv1({ dcReachable: false }), srv2(), 'initiator', 2],
    ["the responder's DC unreachable", srv1(), srv2({ dcReachable: false }), 'responder', 3],
  ] as const)('Kerberos with %s: 13827', (_why, i, r, detectedBy, message) => {
    const { outcome } = run({}, i, r, tcp());
    expect(outcome.failure).toMatchObject({ mode: 'main', code: 13827, detectedBy, message, text: 'Failed to authenticate using Kerberos' });
    expect(outcome.sas.initiator.mm).toEqual([]);
  });

  test('preshared key mismatch: responder 13843 at message 5, initiator times out 13805, no fall back even with soft=yes', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ auth: [psk('one')], soft: true }));
    const r = srv2(lab({ auth: [psk('two')] }));
    const { outcome } = run(world, i, r, tcp());
    expect(outcome.kind).toBe('failed');
    expect(outcome.failure).toMatchObject({ detectedBy: 'responder', message: 5, codes: { initiator: 13805, responder: 13843 }, point: { initiator: 'Peer', responder: 'Me' } });
    expect(sequence(outcome)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', ...Array(5).fill('MM5:retransmit')]);
    expect(outcome.settlesAt).toBe(100 + 63_000);
    expect(outcome.events.map((e) => [e.host, e.at, e.fields['Failure Reason']])).toEqual([
      ['SRV2', 125, 'Invalid payload received'],
      ['SRV1', 63_100, 'Negotiation timed out'],
    ]);
    expect(world['SRV1']?.qmSas).toEqual([]);
    expect(world['SRV2']?.stats.mainMode['Invalid Packets Received']).toBe(6);
  });

  test('no common quick mode offer: main mode SA stays, quick mode fails 13802', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ qm: [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100_000, lifetimeSeconds: 3600 }] }));
    const r = srv2(lab({ qm: [{ ah: 'MD5', esp: null, lifetimeKBytes: 100_000, lifetimeSeconds: 3600 }] }));
    const { outcome } = run(world, i, r, tcp());
    expect(outcome.failure).toMatchObject({ mode: 'quick', message: 1, code: 13802, detectedBy: 'responder' });
    expect(sequence(outcome)).toEqual(['MM1', 'MM2', 'MM3', 'MM4', 'MM5', 'MM6', 'QM1', 'QM1:notify']);
    expect(world['SRV1']?.mmSas).toHaveLength(1);
    expect(world['SRV2']?.mmSas).toHaveLength(1);
    expect(world['SRV1']?.qmSas).toEqual([]);
    expect(world['SRV1']?.stats.mainMode).toMatchObject({ 'IKE Main Mode': 1, 'IKE Quick Mode': 0, 'Negotiation Failures': 1 });
  });

  test('responder with no matching rule and no default response rule: 13825, no soft fall back', () => {
    const r = srv2(lab({ filter: { dstaddr: { kind: 'host', address: '10.9.9.9' } }, defaultResponse: false }));
    const { outcome, world } = run({}, srv1(lab({ soft: true })), r, tcp());
    expect(outcome.failure).toMatchObject({ code: 13825, detectedBy: 'responder', message: 1 });
    expect(world['SRV1']?.qmSas).toEqual([]);
  });
});

describe('certificates and strongcrlcheck', () => {
  const cert = (over: Partial<{ revoked: boolean; crlReachable: boolean; rootCa: string }> = {}) => ({ subject: 'CN=host', rootCa: CA, revoked: false, crlReachable: true, ...over });
  const withCert = (name: string, address: string, over: Partial<NegotiationPeer> = {}) =>
    peer(name, address, { ...lab({ auth: [certAuth()] }), certificates: [cert()], trustedRoots: [CA], ...over });
  test.each([
    ['valid certificates', {}, {}, null],
    ["responder does not trust the initiator's root", {}, { trustedRoots: [] }, [13801, 'responder', 5]],
    ['initiator has no certificate from the requested CA', { certificates: [cert({ rootCa: 'CN=Other' })] }, {}, [13806, 'initiator', 4]],
    ['responder has no certificate', {}, { certificates: [] }, [13806, 'responder', 5]],
    ['revoked, CRL reachable, strongcrlcheck 1', { certificates: [cert({ revoked: true })] }, {}, [13817, 'responder', 5]],
    ['revoked, CRL unreachable, strongcrlcheck 1 (passes)', { certificates: [cert({ revoked: true, crlReachable: false })] }, {}, null],
    ['CRL unreachable, strongcrlcheck 2', { certificates: [cert({ crlReachable: false })] }, { strongcrlcheck: 2 }, [13817, 'responder', 5]],
    ['revoked, strongcrlcheck 0 (not checked)', { certificates: [cert({ revoked: true })] }, { strongcrlcheck: 0 }, null],
    ["initiator checks the responder's revoked certificate at message 6", {}, { certificates: [cert({ revoked: true })] }, [13817, 'initiator', 6]],
  ] as const)('%s', (_why, iOver, rOver, expected) => {
    const { outcome } = run({}, withCert('SRV1', A, iOver as Partial<NegotiationPeer>), withCert('SRV2', B, rOver as Partial<NegotiationPeer>), tcp());
    if (expected === null) {
      expect(outcome.kind).toBe('negotiated');
      expect(outcome.sas.initiator.mm[0]?.authMethod).toBe('Certificate');
    } else {
      const [code, detectedBy, message] = expected;
      expect(outcome.failure).toMatchObject({ code, detectedBy, message, mode: 'main' });
    }
  });
});

describe('peer never answers', () => {
  test('soft=yes: a soft SA after about 3 seconds, then clear traffic', () => {
    const world: IkeWorld = {};
    const { outcome } = run(world, srv1(lab({ soft: true })), srv2({ policy: { store: labStore(), policyName: null } }), tcp());
    expect(outcome.kind).toBe('soft');
    expect(outcome.settlesAt).toBe(3000);
    expect(sequence(outcome)).toEqual(['MM1', 'MM1:retransmit']);
    expect(outcome.events).toEqual([]);
    expect(world['SRV1']?.qmSas[0]).toMatchObject({ soft: true, inboundSpi: 0, outboundSpi: 0, offer: null });
    expect(world['SRV1']?.stats.mainMode['Soft Associations']).toBe(1);
    const next = send(world, srv1(lab({ soft: true })), srv2({ policy: { store: labStore(), policyName: null } }), tcp(), 4000);
    expect(next).toMatchObject({ kind: 'soft-existing', delivered: true });
  });

  test.each([
    ['no policy assigned', srv2({ policy: { store: labStore(), policyName: null } })],
    ['IPSEC Services stopped', srv2({ policyAgentRunning: false })],
  ])('soft=no, %s: 13813 after the retries, packet dropped', (_why, r) => {
    const world: IkeWorld = {};
    const { outcome } = run(world, srv1(), r, tcp());
    expect(outcome.kind).toBe('failed');
    expect(outcome.failure).toMatchObject({ code: 13813, text: 'No response from peer', codes: { initiator: 13813, responder: null } });
    expect(outcome.settlesAt).toBe(63_000);
    expect(outcome.events.map((e) => [e.host, e.id, e.fields['Failure Point']])).toEqual([['SRV1', 547, 'Peer']]);
    expect(world['SRV1']?.qmSas).toEqual([]);
    expect(world['SRV2']).toBeUndefined();
  });

  test('an existing soft SA blocks the secure SA until it idles out or the service restarts', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ soft: true }));
    run(world, i, srv2({ policy: { store: labStore(), policyName: null } }), tcp());
    const secured = srv2(lab({ inpass: true })); // the peer now has a policy
    expect(send(world, i, secured, tcp(), 10_000)).toMatchObject({ kind: 'soft-existing', delivered: true, messages: [] });
    expect(send(world, i, srv2(), tcp(), 10_000)).toMatchObject({ kind: 'soft-existing', delivered: false });
    // The peer's own attempt back is not answered while the soft SA exists.
    const back = run(world, secured, i, tcp(B, A), { now: 10_000 }).outcome;
    expect(back.failure?.code).toBe(13813);
    advance(world, 3000 + 300_000, seeded());
    expect(world['SRV1']?.qmSas).toEqual([]);
    expect(run(world, i, secured, tcp(), { now: 400_000 }).outcome.kind).toBe('negotiated');
    const world2: IkeWorld = {};
    run(world2, i, srv2({ policy: { store: labStore(), policyName: null } }), tcp());
    serviceStopped(world2, 'SRV1');
    expect(run(world2, i, secured, tcp(), { now: 5000 }).outcome.kind).toBe('negotiated');
  });
});

describe('inbound passthrough and the default response rule', () => {
  test('Respond Only client to a Require Security server: clear in, answered secured', () => {
    const world: IkeWorld = {};
    const client = builtIn('WS1', A, 'Client (Respond Only)');
    const server = builtIn('SRV2', B, 'Secure Server (Require Security)');
    const first = send(world, client, server, tcp(), 0);
    expect(first).toMatchObject({ kind: 'inpass', delivered: true, messages: [] });
    const reply = run(world, server, client, tcp(B, A, 1025), { now: 10 }).outcome;
    expect(reply.kind).toBe('negotiated');
    expect(world['WS1']?.qmSas[0]?.filter).toMatchObject({ ruleName: null, filterListName: '<Dynamic>', filterActionName: 'Default Response' });
    expect(send(world, client, server, tcp(), 1000)).toMatchObject({ kind: 'secured', delivered: true });
  });

  test('without inpass the clear packet is dropped and no IKE starts', () => {
    const out = send({}, builtIn('WS1', A, 'Client (Respond Only)'), srv2(lab({ inpass: false })), tcp(), 0);
    expect(out).toMatchObject({ kind: 'dropped', delivered: false, messages: [] });
  });
});

describe('no IKE at all', () => {
  test('block on the sender: silent drop, no messages, no counters, no events', () => {
    const out = send({}, srv1(lab({ action: 'block' })), srv2(), tcp(), 0);
    expect(out).toMatchObject({ kind: 'blocked', blockedBy: 'initiator', delivered: false, messages: [], events: [] });
    expect(out.counterDeltas.initiator).toEqual({ mainMode: {}, quickMode: {} });
  });
  test('block on the receiver', () => {
    expect(send({}, srv1(lab({ action: 'permit' })), srv2(lab({ action: 'block' })), tcp(), 0)).toMatchObject({ kind: 'blocked', blockedBy: 'responder' });
  });
  test('permit on both sides: clear and delivered', () => {
    expect(send({}, srv1(lab({ action: 'permit' })), srv2(lab({ action: 'permit' })), tcp(), 0)).toMatchObject({ kind: 'clear', delivered: true, messages: [] });
  });
  test('the built-in ICMP permit of Secure Server lets ping through in the clear', () => {
    const s = builtIn('SRV1', A, 'Secure Server (Require Security)');
    expect(send({}, s, builtIn('SRV2', B, 'Secure Server (Require Security)'), icmp(), 0).kind).toBe('clear');
  });
  test('IKE itself is exempt', () => {
    expect(send({}, srv1(), srv2(), { src: A, dst: B, protocol: 17, srcPort: 500, dstPort: 500 }, 0).kind).toBe('exempt');
  });
});

test('a packet while the negotiation is in flight waits behind it (pending)', () => {
  const world: IkeWorld = {};
  run(world, srv1(), srv2(), tcp(), { settle: false });
  const second = send(world, srv1(), srv2(), tcp(), 10);
  expect(second).toMatchObject({ kind: 'pending', negotiating: true, delivered: false, messages: [], settlesAt: 200 });
});
