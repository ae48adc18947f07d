import { describe, expect, test } from 'vitest';
import type { QmOffer } from '../ipsec/types.js';
import type { NegotiationPeer } from './peer.js';
import { advance, serviceStopped } from './sa-lifecycle.js';
import { A, B, labStore, peer, run, seeded, tcp } from './testing.js';
import { transmit } from './traffic.js';
import type { IkeWorld } from './types.js';

/* SAs over time: rekeys, idle and lifetime ends, main mode limits, service stops. */

const lab = (p: Parameters<typeof labStore>[0]) => ({ policy: { store: labStore(p), policyName: 'Lab Policy' } });
const next32 = seeded(5);

function pair(p: Parameters<typeof labStore>[0] = {}, over: Partial<NegotiationPeer> = {}) {
  const world: IkeWorld = {};
  const i = peer('SRV1', A, { ...lab(p), ...over });
  const r = peer('SRV2', B, { ...lab(p), ...over });
  run(world, i, r, tcp());
  const send = (now: number, bytes = 100) => transmit(world, { initiator: i, responder: r, packet: tcp(), now, next32, bytes });
  return { world, i, r, send };
}

describe('rekey', () => {
  test('on the seconds lifetime while in use: new SPIs on both hosts, 542 then 541', () => {
    const p = pair();
    const old = p.world['SRV1']?.qmSas[0];
    for (let t = 200_000; t <= 3_500_000; t += 200_000) p.send(t);
    const events = advance(p.world, 3_700_000, next32);
    const fresh = p.world['SRV1']?.qmSas[0];
    expect(p.world['SRV1']?.qmSas).toHaveLength(1);
    expect(fresh?.inboundSpi).not.toBe(old?.inboundSpi);
    expect(fresh?.createdAt).toBe(old ? old.expiresAt : -1);
    expect(p.world['SRV2']?.qmSas[0]?.inboundSpi).toBe(fresh?.outboundSpi);
    expect(events.map((e) => `${e.host}:${e.id}`)).toEqual(['SRV1:542', 'SRV1:541', 'SRV2:542', 'SRV2:541']);
    expect(p.world['SRV1']?.stats.quickMode).toMatchObject({ Rekeys: 1, 'Active Security Associations': 1 });
    expect(p.world['SRV1']?.mmSas[0]?.qmCount).toBe(2);
  });

  test('on the kilobyte lifetime: the host whose SA ran out starts it, bytes start again', () => {
    const p = pair({ qm: [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 20_480, lifetimeSeconds: 3600 }] });
    for (let k = 0; k < 20; k++) p.send(1000 + k, 1_000_000);
    expect(p.world['SRV1']?.stats.quickMode.Rekeys).toBe(0);
    const result = p.send(2000, 1_000_000);
    expect(result.delivered).toBe(true);
    expect(p.world['SRV1']?.stats.quickMode.Rekeys).toBe(1);
    expect(p.world['SRV2']?.stats.quickMode.Rekeys).toBe(1);
    expect(p.world['SRV1']?.qmSas[0]?.bytesSent).toBe(0);
    expect(p.world['SRV1']?.stats.quickMode['Confidential Bytes Sent']).toBe(21_000_000);
  });

  test('after the main mode expired, a fresh main mode is made for the rekey', () => {
    const p = pair({ mmlifetime: 30 });
    const cookies = p.world['SRV1']?.mmSas[0]?.initiatorCookie;
    for (let t = 200_000; t <= 3_500_000; t += 200_000) p.send(t);
    advance(p.world, 3_700_000, next32);
    expect(p.world['SRV1']?.mmSas).toHaveLength(1);
    expect(p.world['SRV1']?.mmSas[0]?.initiatorCookie).not.toBe(cookies);
    expect(p.world['SRV1']?.stats.mainMode['IKE Main Mode']).toBe(2);
    expect(p.world['SRV1']?.stats.mainMode['ISADB List Size']).toBe(1);
  });
});

describe('ends of SAs', () => {
  test('an idle pair is deleted on both hosts after 5 minutes, with 542', () => {
    const p = pair();
    p.send(100_000);
    expect(advance(p.world, 390_000, next32)).toEqual([]);
    const events = advance(p.world, 400_001, next32);
    expect(events.map((e) => `${e.host}:${e.id}:${e.at}`)).toEqual(['SRV1:542:400000', 'SRV2:542:400000']);
    expect(p.world['SRV2']?.qmSas).toEqual([]);
    expect(p.world['SRV1']?.mmSas).toHaveLength(1);
  });

  test('a soft SA lives while used and idles out 5 minutes after the last packet', () => {
    const world: IkeWorld = {};
    const i = peer('SRV1', A, lab({ soft: true }));
    const r = peer('SRV2', B, { policy: { store: labStore(), policyName: null } });
    run(world, i, r, tcp());
    transmit(world, { initiator: i, responder: r, packet: tcp(), now: 200_000, next32, bytes: 10 });
    advance(world, 450_000, next32);
    expect(world['SRV1']?.qmSas).toHaveLength(1);
    advance(world, 500_000, next32);
    expect(world['SRV1']?.qmSas).toEqual([]);
    expect(world['SRV1']?.stats.quickMode['Key Deletions']).toBe(0);
  });

  test('the main mode SA ends at its lifetime with 542', () => {
    const p = pair({ mmlifetime: 60 });
    const events = advance(p.world, 3_600_200, next32);
    expect(events.filter((e) => e.fields['Mode'] === 'Key Exchange (Main mode)').map((e) => e.host)).toEqual(['SRV2', 'SRV1']);
    expect(p.world['SRV1']?.mmSas).toEqual([]);
  });

  test('stopping IPSEC Services drops every SA and negotiation of that host only', () => {
    const p = pair();
    serviceStopped(p.world, 'SRV1');
    expect(p.world['SRV1']).toMatchObject({ mmSas: [], qmSas: [], pending: [], scheduled: [] });
    expect(p.world['SRV2']?.qmSas).toHaveLength(1);
    // The peer's SAs stay until they idle out; its packets now hit an unknown SPI.
    const back = transmit(p.world, { initiator: p.r, responder: p.i, packet: tcp(B, A), now: 1000, next32, bytes: 10 });
    expect(back).toMatchObject({ delivered: false, outcome: { kind: 'secured', delivered: false } });
    expect(p.world['SRV1']?.stats.quickMode['Bad SPI Packets']).toBe(1);
  });
});

describe('quick modes per main mode', () => {
  const aFresh = (p: ReturnType<typeof pair>) => {
    advance(p.world, 400_000, next32);
    return run(p.world, p.i, p.r, tcp(), { now: 400_000 }).outcome;
  };
  test('master key PFS: every quick mode gets a new main mode', () => {
    const p = pair({ mmpfs: true });
    const outcome = aFresh(p);
    expect(outcome.mainModeReused).toBe(false);
    expect(p.world['SRV1']?.mmSas).toHaveLength(1);
    expect(p.world['SRV1']?.stats.mainMode).toMatchObject({ 'IKE Main Mode': 2, 'ISADB List Size': 1 });
  });
  test('qmpermm=2 allows two quick modes on one main mode', () => {
    const p = pair({ qmpermm: 2 });
    expect(aFresh(p).mainModeReused).toBe(true);
    advance(p.world, 800_000, next32);
    expect(run(p.world, p.i, p.r, tcp(), { now: 800_000 }).outcome.mainModeReused).toBe(false);
  });
});

test('session-key PFS uses the main mode group; a responder that wants PFS refuses one without it', () => {
  const offers: QmOffer[] = [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100_000, lifetimeSeconds: 3600 }];
  const both = pair({ qm: offers, qmpfs: true });
  expect(both.world['SRV1']?.qmSas[0]?.pfsGroup).toBe(2);
  const world: IkeWorld = {};
  const outcome = run(world, peer('SRV1', A, lab({})), peer('SRV2', B, lab({ qmpfs: true })), tcp()).outcome;
  expect(outcome.failure).toMatchObject({ mode: 'quick', code: 13802 });
});
