import { describe, expect, test } from 'vitest';
import { advance, serviceStopped } from './sa-lifecycle.js';
import { B, deltas, run, tcp } from './testing.js';
import { HOSTS, SUCCESS_MM, TUNNEL, exact, lab, midFlight, mmOnly, next32, offer, securedPair, settled, srv1, srv2 } from './testing-counters.js';
import { receiveReplayed, receiveTampered, transmit } from './traffic.js';
import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS, type IkeWorld } from './types.js';

/*
 * Every counter of seed Table 3 (IPsec Quick Mode) moves for its stated reason, and each test pins the exact
 * set of counters that moved with it — so nothing else moves for that reason.
 */

describe('IPsec Quick Mode statistics (seed Table 3)', () => {
  test('Active Security Associations and Key Additions: one per negotiated pair', () => {
    const d = settled(srv1(), srv2());
    expect(d['SRV2']).toEqual(exact(SUCCESS_MM, { 'Active Security Associations': 1, 'Key Additions': 1 }));
  });

  test('Offloaded Security Associations: the pair runs on an offloading adapter', () => {
    const d = settled(srv1({ offload: true }), srv2());
    const qm = { 'Active Security Associations': 1, 'Key Additions': 1 };
    expect(d['SRV1']).toEqual(exact({ ...SUCCESS_MM, 'Total Acquire': 1 }, { ...qm, 'Offloaded Security Associations': 1 }));
    expect(d['SRV2']).toEqual(exact(SUCCESS_MM, qm));
  });

  test('Pending Key Operations: a larval SA waits for its keys', () => {
    const world = mmOnly();
    const d = midFlight(world, srv1(), srv2(), 400_000, 400_000);
    expect(d['SRV1']).toEqual(exact({ 'Active Acquire': 1, 'Total Acquire': 1, 'Connection List Size': 1, 'Total Get SPI': 1 }, { 'Pending Key Operations': 1 }));
    advance(world, 401_000, next32);
    expect(world['SRV1']?.stats.quickMode['Pending Key Operations']).toBe(0);
  });

  test('Key Deletions: an idle pair is deleted after 5 minutes', () => {
    const world: IkeWorld = {};
    run(world, srv1(), srv2(), tcp());
    const d = deltas(world, HOSTS, () => advance(world, 301_000, next32));
    expect(d['SRV1']).toEqual(exact({}, { 'Active Security Associations': -1, 'Key Deletions': 1 }));
    expect(d['SRV2']).toEqual(exact({}, { 'Active Security Associations': -1, 'Key Deletions': 1 }));
  });

  test('Rekeys: the lifetime in seconds ran out while the pair was in use', () => {
    const p = securedPair();
    for (let t = 200_000; t <= 3_500_000; t += 200_000) p.send(100, t);
    const d = deltas(p.world, HOSTS, () => advance(p.world, 3_700_000, next32));
    const mm = { 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1, 'IKE Quick Mode': 1 };
    expect(d['SRV1']).toEqual(exact(mm, { Rekeys: 1, 'Key Additions': 1, 'Key Deletions': 1 }));
    expect(d['SRV2']).toEqual(exact(mm, { Rekeys: 1, 'Key Additions': 1, 'Key Deletions': 1 }));
  });

  test('Active Tunnels: a tunnel-mode pair', () => {
    const world: IkeWorld = {};
    const d = deltas(world, HOSTS, () =>
      run(world, srv1(lab({ tunnel: B, filter: TUNNEL })), srv2(lab({ tunnel: B, filter: TUNNEL })), { src: '10.1.0.5', dst: '10.2.0.7', protocol: 6 }),
    );
    const qm = { 'Active Security Associations': 1, 'Key Additions': 1, 'Active Tunnels': 1 };
    expect(d['SRV1']).toEqual(exact({ ...SUCCESS_MM, 'Total Acquire': 1 }, qm));
    expect(d['SRV2']).toEqual(exact(SUCCESS_MM, qm));
  });

  test('Bad SPI Packets: protected traffic arriving after the receiver restarted', () => {
    const p = securedPair();
    serviceStopped(p.world, 'SRV2');
    expect(p.send(100)['SRV2']).toEqual(exact({}, { 'Bad SPI Packets': 1 }));
  });

  test('Packets Not Decrypted: a changed ESP packet without integrity fails decryption', () => {
    const p = securedPair([offer(null, { confidentiality: '3DES', integrity: 'None' })]);
    expect(deltas(p.world, HOSTS, () => receiveTampered(p.world, 'SRV2', p.spi))['SRV2']).toEqual(exact({}, { 'Packets Not Decrypted': 1 }));
  });

  test('Packets Not Authenticated: a changed packet fails its integrity check', () => {
    const p = securedPair();
    expect(deltas(p.world, HOSTS, () => receiveTampered(p.world, 'SRV2', p.spi))['SRV2']).toEqual(exact({}, { 'Packets Not Authenticated': 1 }));
  });

  test('Packets With Replay Detection: a packet with an old sequence number', () => {
    const p = securedPair();
    p.send(100);
    expect(deltas(p.world, HOSTS, () => receiveReplayed(p.world, 'SRV2', p.spi))['SRV2']).toEqual(exact({}, { 'Packets With Replay Detection': 1 }));
  });

  test('Confidential / Authenticated / Transport bytes: ESP[3DES,SHA1] in transport mode', () => {
    const d = securedPair().send(1000);
    expect(d['SRV1']).toEqual(exact({}, { 'Confidential Bytes Sent': 1000, 'Authenticated Bytes Sent': 1000, 'Transport Bytes Sent': 1000 }));
    expect(d['SRV2']).toEqual(exact({}, { 'Confidential Bytes Received': 1000, 'Authenticated Bytes Received': 1000, 'Transport Bytes Received': 1000 }));
  });

  test('Confidential Bytes Sent / Received: ESP encryption without integrity is not "authenticated"', () => {
    const d = securedPair([offer(null, { confidentiality: 'DES', integrity: 'None' })]).send(700);
    expect(d['SRV1']).toEqual(exact({}, { 'Confidential Bytes Sent': 700, 'Transport Bytes Sent': 700 }));
    expect(d['SRV2']).toEqual(exact({}, { 'Confidential Bytes Received': 700, 'Transport Bytes Received': 700 }));
  });

  test('Authenticated Bytes Sent / Received: AH is authenticated, never confidential', () => {
    const d = securedPair([offer('SHA1', null)]).send(500);
    expect(d['SRV1']).toEqual(exact({}, { 'Authenticated Bytes Sent': 500, 'Transport Bytes Sent': 500 }));
    expect(d['SRV2']).toEqual(exact({}, { 'Authenticated Bytes Received': 500, 'Transport Bytes Received': 500 }));
  });

  test('Bytes Sent / Received In Tunnels: tunnel mode instead of transport', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ tunnel: B, filter: TUNNEL }));
    const r = srv2(lab({ tunnel: B, filter: TUNNEL }));
    const packet = { src: '10.1.0.5', dst: '10.2.0.7', protocol: 6 };
    run(world, i, r, packet);
    const d = deltas(world, HOSTS, () => transmit(world, { initiator: i, responder: r, packet, now: 1000, next32, bytes: 300 }));
    expect(d['SRV1']).toEqual(exact({}, { 'Confidential Bytes Sent': 300, 'Authenticated Bytes Sent': 300, 'Bytes Sent In Tunnels': 300 }));
    expect(d['SRV2']).toEqual(exact({}, { 'Confidential Bytes Received': 300, 'Authenticated Bytes Received': 300, 'Bytes Received In Tunnels': 300 }));
  });

  test('Offloaded Bytes Sent / Received: traffic on offloaded SAs', () => {
    const d = securedPair(undefined, { offload: true }, { offload: true }).send(200);
    const base = { 'Confidential Bytes Sent': 200, 'Authenticated Bytes Sent': 200, 'Transport Bytes Sent': 200 };
    expect(d['SRV1']).toEqual(exact({}, { ...base, 'Offloaded Bytes Sent': 200 }));
    const got = { 'Confidential Bytes Received': 200, 'Authenticated Bytes Received': 200, 'Transport Bytes Received': 200 };
    expect(d['SRV2']).toEqual(exact({}, { ...got, 'Offloaded Bytes Received': 200 }));
  });
});

test('every counter of both tables has a test above', () => {
  expect(MAIN_MODE_COUNTERS).toHaveLength(23);
  expect(QUICK_MODE_COUNTERS).toHaveLength(21);
});

test('a service restart zeroes the IKE counters and keeps the driver counters', () => {
  const world: IkeWorld = {};
  run(world, srv1(), srv2(), tcp());
  serviceStopped(world, 'SRV2');
  expect(Object.values(world['SRV2']?.stats.mainMode ?? {}).every((v) => v === 0)).toBe(true);
  expect(world['SRV2']?.stats.quickMode).toMatchObject({ 'Active Security Associations': 0, 'Key Additions': 1, 'Key Deletions': 1 });
  expect(world['SRV2']?.qmSas).toEqual([]);
});
