import { describe, expect, test } from 'vitest';
import { allocateSpi } from './quick-mode.js';
import { advance, serviceStopped } from './sa-lifecycle.js';
import { deltas, psk, scripted } from './testing.js';
import { HOSTS, SUCCESS_MM, exact, keyAddFails, lab, midFlight, mmOnly, next32, noCommonMm, noCommonQm, pskMismatch, reuseSuccess, settled, soft, srv1, srv2 } from './testing-counters.js';
import { receiveMalformedIke, receiveUnknownCookies } from './traffic.js';
import type { IkeWorld } from './types.js';

/*
 * Every counter of seed Table 2 (IKE Main Mode) moves for its stated reason, and each test pins the exact
 * set of counters that moved with it — so nothing else moves for that reason.
 */

describe('IKE Main Mode statistics (seed Table 2)', () => {
  test('Active Acquire: a request for negotiation is pending', () => {
    const world: IkeWorld = {};
    expect(midFlight(world, srv1(), srv2(), 0, 0)['SRV1']).toEqual(exact({ 'Active Acquire': 1, 'Total Acquire': 1, 'ISADB List Size': 1 }));
    advance(world, 1000, next32);
    expect(world['SRV1']?.stats.mainMode['Active Acquire']).toBe(0);
  });

  test('Active Receive: the responder holds a peer message for processing', () => {
    const world: IkeWorld = {};
    expect(midFlight(world, srv1(), srv2(), 0, 30)['SRV2']).toEqual(exact({ 'Active Receive': 1, 'ISADB List Size': 1 }));
    advance(world, 1000, next32);
    expect(world['SRV2']?.stats.mainMode['Active Receive']).toBe(0);
  });

  test('Acquire Failures: the outbound request ended without SAs', () => {
    expect(noCommonMm()['SRV1']).toEqual(exact({ 'Acquire Failures': 1, 'Negotiation Failures': 1, 'Total Acquire': 1 }));
  });

  test('Receive Failures: an error in a received IKE message', () => {
    expect(noCommonMm()['SRV2']).toEqual(exact({ 'Receive Failures': 1, 'Negotiation Failures': 1 }));
  });

  test('Send Failures: an IKE message could not be sent', () => {
    const d = settled(srv1(), srv2(), { faults: { sendFailure: true } });
    expect(d['SRV1']).toEqual(exact({ 'Send Failures': 1, 'Total Acquire': 1, 'Acquire Failures': 1, 'Negotiation Failures': 1 }));
    expect(d['SRV2']).toEqual(exact());
  });

  test('Acquire Heap Size: successive requests queue behind a negotiation in flight', () => {
    const world: IkeWorld = {};
    midFlight(world, srv1(), srv2(), 0, 0);
    expect(midFlight(world, srv1(), srv2(), 10, 10)['SRV1']).toEqual(exact({ 'Acquire Heap Size': 1, 'Total Acquire': 1 }));
    advance(world, 1000, next32);
    expect(world['SRV1']?.stats.mainMode['Acquire Heap Size']).toBe(0);
  });

  test('Receive Heap Size: resent messages wait in the receive buffer of a stalled negotiation', () => {
    const world: IkeWorld = {};
    const i = srv1(lab({ auth: [psk('one')] }));
    const r = srv2(lab({ auth: [psk('two')] }));
    midFlight(world, i, r, 0, 130);
    expect(deltas(world, HOSTS, () => advance(world, 1200, next32))['SRV2']).toEqual(exact({ 'Receive Heap Size': 1, 'Invalid Packets Received': 1 }));
    advance(world, 70_000, next32);
    expect(world['SRV2']?.stats.mainMode['Receive Heap Size']).toBe(0);
  });

  test('Authentication Failures: Kerberos to a workgroup computer', () => {
    const d = settled(srv1(), srv2({ domain: null }));
    expect(d['SRV1']).toEqual(exact({ 'Authentication Failures': 1, 'Negotiation Failures': 1, 'Acquire Failures': 1, 'Total Acquire': 1 }));
    expect(d['SRV2']).toEqual(exact({ 'Authentication Failures': 1, 'Negotiation Failures': 1 }));
  });

  test('Negotiation Failures: quick mode fails after main mode worked', () => {
    expect(noCommonQm()['SRV2']).toEqual(exact({ 'Negotiation Failures': 1, 'Receive Failures': 1, 'ISADB List Size': 1, 'IKE Main Mode': 1 }));
  });

  test('Invalid Cookies Received: quick mode under a main mode the peer lost in a restart', () => {
    const world = mmOnly();
    serviceStopped(world, 'SRV2');
    const d = settled(srv1(), srv2(), { world, now: 400_000 });
    expect(d['SRV2']).toEqual(exact({ 'Invalid Cookies Received': 6 }));
    expect(d['SRV1']).toEqual(exact({ 'Total Acquire': 1, 'Total Get SPI': 1, 'Negotiation Failures': 1, 'Acquire Failures': 1, 'ISADB List Size': -1 }));
    expect(world['SRV1']?.mmSas).toEqual([]);
    expect(deltas(world, HOSTS, () => receiveUnknownCookies(world, 'SRV2'))['SRV2']).toEqual(exact({ 'Invalid Cookies Received': 1 }));
  });

  test('Total Acquire: every request to IKE, including those that end in a soft SA', () => {
    expect(soft()['SRV1']).toEqual(exact({ 'Total Acquire': 1, 'Soft Associations': 1 }));
  });

  test('Total Get SPI: each SPI asked of the driver', () => {
    expect(reuseSuccess()['SRV2']).toEqual(exact({ 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1, 'IKE Quick Mode': 1 }, { 'Active Security Associations': 1, 'Key Additions': 1 }));
  });

  test('Key Additions: outbound quick mode SAs added', () => {
    const mm = { 'Total Acquire': 1, 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1, 'IKE Quick Mode': 1 };
    expect(reuseSuccess()['SRV1']).toEqual(exact(mm, { 'Active Security Associations': 1, 'Key Additions': 1 }));
  });

  test('Key Updates: inbound quick mode SAs added (here without the outbound one)', () => {
    const mm = { 'Key Updates': 1, 'Key Addition Failures': 1, 'Negotiation Failures': 1, 'Acquire Failures': 1, 'Total Acquire': 1, 'Total Get SPI': 1, 'ISADB List Size': 1, 'IKE Main Mode': 1 };
    expect(keyAddFails()['SRV1']).toEqual(exact(mm));
  });

  test('Get SPI Failures: the driver refused a reserved SPI, IKE asked again', () => {
    const d = settled(srv1(), srv2(), { next32: scripted([1, 2, 3, 4, 5, 0x1000, 0x2000]) });
    expect(d['SRV1']).toEqual(exact({ ...SUCCESS_MM, 'Get SPI Failures': 1, 'Total Get SPI': 2, 'Total Acquire': 1 }, { 'Active Security Associations': 1, 'Key Additions': 1 }));
    expect(allocateSpi(scripted([0x1000, 0x2000]), new Set([0x1000]))).toEqual({ spi: 0x2000, failures: 1 });
  });

  test('Key Addition Failures: the driver refused the outbound SA', () => {
    const d = keyAddFails();
    const mm = { 'Key Updates': 1, 'Key Addition Failures': 1, 'Negotiation Failures': 1, 'Acquire Failures': 1, 'Total Acquire': 1, 'Total Get SPI': 1, 'ISADB List Size': 1, 'IKE Main Mode': 1 };
    expect(d['SRV1']).toEqual(exact(mm));
    expect(d['SRV2']).toEqual(exact({ 'Negotiation Failures': 1, 'Total Get SPI': 1, 'ISADB List Size': 1, 'IKE Main Mode': 1 }));
  });

  test('Key Update Failures: the driver refused the inbound SA', () => {
    const world = mmOnly();
    const d = settled(srv1(), srv2(), { world, now: 400_000, faults: { keyUpdateFailure: 'responder' } });
    expect(d['SRV2']).toEqual(exact({ 'Key Update Failures': 1, 'Negotiation Failures': 1, 'Total Get SPI': 1 }));
    const mm = { 'Total Acquire': 1, 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1, 'IKE Quick Mode': 1, 'Negotiation Failures': 1 };
    expect(d['SRV1']).toEqual(exact(mm, { 'Key Additions': 1, 'Key Deletions': 1 }));
  });

  test('ISADB List Size: main mode entries, dropped when the main mode SA expires', () => {
    const world = mmOnly();
    expect(world['SRV1']?.stats.mainMode['ISADB List Size']).toBe(1);
    const d = deltas(world, HOSTS, () => advance(world, 480 * 60_000 + 1000, next32));
    expect(d['SRV1']).toEqual(exact({ 'ISADB List Size': -1 }));
    expect(world['SRV1']?.mmSas).toEqual([]);
  });

  test('Connection List Size: a quick mode negotiation in process', () => {
    const world = mmOnly();
    const d = midFlight(world, srv1(), srv2(), 400_000, 400_030);
    expect(d['SRV2']).toEqual(exact({ 'Active Receive': 1, 'Connection List Size': 1, 'Total Get SPI': 1 }, { 'Pending Key Operations': 1 }));
    advance(world, 401_000, next32);
    expect(world['SRV2']?.stats.mainMode['Connection List Size']).toBe(0);
  });

  test('IKE Main Mode: successful main modes (quick mode failing does not undo it)', () => {
    const mm = { 'IKE Main Mode': 1, 'ISADB List Size': 1, 'Total Acquire': 1, 'Total Get SPI': 1, 'Negotiation Failures': 1, 'Acquire Failures': 1 };
    expect(noCommonQm()['SRV1']).toEqual(exact(mm));
  });

  test('IKE Quick Mode: successful quick modes', () => {
    const mm = { 'IKE Quick Mode': 1, 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1 };
    expect(reuseSuccess()['SRV2']).toEqual(exact(mm, { 'Active Security Associations': 1, 'Key Additions': 1 }));
    expect(noCommonQm()['SRV2']?.mainMode['IKE Quick Mode']).toBeUndefined();
  });

  test('Soft Associations: SAs that are not the result of a main mode', () => {
    const d = soft();
    expect(d['SRV1']).toEqual(exact({ 'Soft Associations': 1, 'Total Acquire': 1 }));
    expect(d['SRV2']).toEqual(exact());
  });

  test('Invalid Packets Received: message 5 and its resends under a mismatched preshared key', () => {
    expect(pskMismatch()['SRV2']).toEqual(exact({ 'Invalid Packets Received': 6, 'Authentication Failures': 1, 'Negotiation Failures': 1 }));
    const world: IkeWorld = {};
    expect(deltas(world, HOSTS, () => receiveMalformedIke(world, 'SRV2'))['SRV2']).toEqual(exact({ 'Invalid Packets Received': 1 }));
  });
});

