import { mmEnded, qmEnded, qmEstablished } from './audit.js';
import { GIVE_UP_MS, MESSAGE_MS, OFFLOAD_SUPPORTED } from './behaviour.js';
import type { IkeErrorCode } from './codes.js';
import { arrival, failureReasons, noteFailure, other, type Ctx } from './context.js';
import { failureRecord, retransmit, type MmOutcome } from './main-mode-flow.js';
import type { NegotiationFailure } from './outcome.js';
import { allocateSpi, chooseQmOffer, offerLabel, qmMismatch } from './quick-mode.js';
import { pairAddedReasons, pairDeletedReasons, type Reason } from './reasons.js';
import { at, send } from './script.js';
import { cookiePair, spisInUse } from './state.js';
import type { MainModeSa, QuickModeSa, Role } from './types.js';
import { mirrorSelector, type ResponderLookup, type SideView } from './views.js';

/*
 * Quick mode timelines: message 1 (offers) at `base`, 2 (choice) and 3 (confirmation) after it.
 * The initiator installs its SA pair on message 2, the responder on message 3.
 */

function spiReasons(failures: number, ok: boolean): Reason[] {
  const failed: Reason[] = Array.from({ length: failures }, () => 'get-spi-failed' as const);
  return ok ? [...failed, 'get-spi'] : failed;
}

function failure(detectedBy: Role, message: number, code: IkeErrorCode): NegotiationFailure {
  const point = detectedBy === 'initiator' ? ({ initiator: 'Me', responder: 'Peer' } as const) : ({ initiator: 'Peer', responder: 'Me' } as const);
  return failureRecord({ mode: 'quick', message, detectedBy, codes: { initiator: code, responder: code }, point });
}

/** The initiator's opening: a quick mode in process and an inbound SPI. Null SPI = gave up (13804). */
function initiatorOpens(ctx: Ctx, time: number): number | null {
  const spi = allocateSpi(ctx.next32, spisInUse(ctx.states.initiator));
  at(ctx.s, 'initiator', time, { reasons: ['qm-started', ...spiReasons(spi.failures, spi.spi !== null)] });
  if (spi.spi !== null) return spi.spi;
  const reasons = failureReasons('initiator', ['acquire-done', 'qm-ended']);
  noteFailure(ctx, { role: 'initiator', time, mode: 'quick', point: 'Me', code: 13804, message: 0, reasons });
  return null;
}

/** The responder refuses message 1 and says so; both sides close the quick mode. */
function responderRejects(ctx: Ctx, base: number, code: IkeErrorCode, receivedBad: boolean): NegotiationFailure {
  const t1 = arrival(ctx, base + 1);
  const t2 = arrival(ctx, base + 2);
  const mine = failureReasons('responder', receivedBad ? ['message-rejected'] : []);
  noteFailure(ctx, { role: 'responder', time: t1, mode: 'quick', point: 'Me', code, message: 1, reasons: mine });
  send(ctx.s, { mode: 'quick', number: 1, kind: 'notify', from: 'responder', at: t1, payloads: ['NOTIFY'] });
  const theirs = failureReasons('initiator', ['acquire-done', 'qm-ended', 'key-operation-done']);
  noteFailure(ctx, { role: 'initiator', time: t2, mode: 'quick', point: 'Peer', code, message: 1, reasons: theirs });
  at(ctx.s, 'responder', t2, { reasons: ['qm-ended', 'receive-done'] });
  return failure('responder', 1, code);
}

interface Pair {
  readonly i: QuickModeSa;
  readonly r: QuickModeSa;
}

function buildPair(ctx: Ctx, rView: SideView, spis: [number, number], offer: QuickModeSa['offer'], mm: MmOutcome, base: number): Pair {
  const pfsGroup = ctx.view.qmpfs || rView.qmpfs ? mm.dhGroup : null;
  const life = { seconds: offer?.lifetimeSeconds ?? 0, kbytes: offer?.lifetimeKBytes ?? 0 };
  const make = (role: Role, time: number): QuickModeSa => {
    const me = ctx.peers[role];
    const peer = ctx.peers[other(role)];
    const inbound = role === 'initiator' ? spis[0] : spis[1];
    return {
      peerName: peer.name,
      role,
      localAddress: me.address,
      peerAddress: peer.address,
      filter: role === 'initiator' ? ctx.view.filter : rView.filter,
      selector: role === 'initiator' ? ctx.selector : mirrorSelector(ctx.selector),
      tunnel: ctx.view.tunnel === null ? null : { local: me.address, peer: peer.address },
      inboundSpi: inbound,
      outboundSpi: inbound === spis[0] ? spis[1] : spis[0],
      offer,
      pfsGroup,
      lifetimeSeconds: life.seconds,
      lifetimeKBytes: life.kbytes,
      soft: false,
      offloaded: (me.offload ?? false) && OFFLOAD_SUPPORTED,
      mmCookiePair: mm.pair,
      mainMode: mm.terms[role],
      createdAt: time,
      expiresAt: time + life.seconds * 1000,
      lastUsedAt: time,
      bytesSent: 0,
      bytesReceived: 0,
      sendSequence: 0,
      receiveSequence: 0,
    };
  };
  return { i: make('initiator', arrival(ctx, base + 2)), r: make('responder', arrival(ctx, base + 3)) };
}

function faultReasons(ctx: Ctx, role: Role): Reason[] | null {
  if (ctx.faults.keyUpdateFailure === role) return ['inbound-sa-add-failed', 'key-operation-done', 'qm-ended'];
  if (ctx.faults.keyAddFailure === role) return ['inbound-sa-added', 'outbound-sa-add-failed', 'key-operation-done', 'qm-ended'];
  return null;
}

function installReasons(sa: QuickModeSa): Reason[] {
  return ['inbound-sa-added', 'outbound-sa-added', 'key-operation-done', ...pairAddedReasons(sa), 'qm-established', 'qm-ended'];
}

/** Both sides install their pair, unless a driver refuses (13804, reported with a notify). */
function install(ctx: Ctx, pair: Pair, mm: MmOutcome, base: number): NegotiationFailure | null {
  const [t2, t3, t4] = [arrival(ctx, base + 2), arrival(ctx, base + 3), arrival(ctx, base + 4)];
  const iFault = faultReasons(ctx, 'initiator');
  if (iFault) {
    noteFailure(ctx, { role: 'initiator', time: t2, mode: 'quick', point: 'Me', code: 13804, message: 2, reasons: failureReasons('initiator', [...iFault, 'acquire-done']) });
    send(ctx.s, { mode: 'quick', number: 2, kind: 'notify', from: 'initiator', at: t2, payloads: ['NOTIFY'] });
    const reasons = failureReasons('responder', ['qm-ended', 'receive-done', 'key-operation-done']);
    noteFailure(ctx, { role: 'responder', time: t3, mode: 'quick', point: 'Peer', code: 13804, message: 2, reasons });
    return failure('initiator', 2, 13804);
  }
  const iEvent = qmEstablished(ctx.peers.initiator.name, t2, pair.i, mm.identities.initiator);
  at(ctx.s, 'initiator', t2, { reasons: [...installReasons(pair.i), 'acquire-done'], addQm: [pair.i], events: [iEvent] });
  send(ctx.s, { mode: 'quick', number: 3, from: 'initiator', at: t2, payloads: ['HASH'] });
  const rFault = faultReasons(ctx, 'responder');
  if (rFault) {
    noteFailure(ctx, { role: 'responder', time: t3, mode: 'quick', point: 'Me', code: 13804, message: 3, reasons: failureReasons('responder', [...rFault, 'receive-done']) });
    send(ctx.s, { mode: 'quick', number: 3, kind: 'notify', from: 'responder', at: t3, payloads: ['DELETE'] });
    noteFailure(ctx, { role: 'initiator', time: t4, mode: 'quick', point: 'Peer', code: 13804, message: 3, reasons: ['negotiation-failed', ...pairDeletedReasons(pair.i)] });
    at(ctx.s, 'initiator', t4, { deleteQm: [pair.i.inboundSpi], events: [qmEnded(ctx.peers.initiator.name, t4, pair.i)] });
    return failure('responder', 3, 13804);
  }
  const rEvent = qmEstablished(ctx.peers.responder.name, t3, pair.r, mm.identities.responder);
  at(ctx.s, 'responder', t3, { reasons: [...installReasons(pair.r), 'receive-done'], addQm: [pair.r], events: [rEvent] });
  return null;
}

/** Quick mode under an agreed main mode that starts `base` messages into the exchange. */
export function quickMode(ctx: Ctx, base: number, mm: MmOutcome, lookup: ResponderLookup): NegotiationFailure | null {
  const t0 = arrival(ctx, base);
  const iSpi = initiatorOpens(ctx, t0);
  if (iSpi === null) return failure('initiator', 0, 13804);
  const offers = ctx.view.qmOffers.map(offerLabel);
  send(ctx.s, { mode: 'quick', number: 1, from: 'initiator', at: t0, payloads: ['HASH', 'SA', 'NONCE', 'ID', 'ID'], proposals: offers });
  const t1 = arrival(ctx, base + 1);
  at(ctx.s, 'responder', t1, { reasons: ['receive-started', 'qm-started'] });
  if (lookup.kind !== 'ok') return responderRejects(ctx, base, 13825, true);
  const offer = chooseQmOffer(ctx.view.qmOffers, lookup.view.qmOffers);
  if (qmMismatch(ctx.view, lookup.view, offer) || !offer) return responderRejects(ctx, base, 13802, true);
  const rSpi = allocateSpi(ctx.next32, spisInUse(ctx.states.responder));
  at(ctx.s, 'responder', t1, { reasons: spiReasons(rSpi.failures, rSpi.spi !== null) });
  if (rSpi.spi === null) return responderRejects(ctx, base, 13804, false);
  send(ctx.s, { mode: 'quick', number: 2, from: 'responder', at: t1, payloads: ['HASH', 'SA', 'NONCE', 'ID', 'ID'], chosen: offerLabel(offer) });
  const pair = buildPair(ctx, lookup.view, [iSpi, rSpi.spi], offer, mm, base);
  return install(ctx, pair, mm, base);
}

/** The initiator reuses an MM SA its peer no longer has: cookies unknown there, quick mode times out. */
export function invalidCookies(ctx: Ctx, stale: MainModeSa): NegotiationFailure {
  const iSpi = initiatorOpens(ctx, ctx.t0);
  if (iSpi === null) return failure('initiator', 0, 13804);
  send(ctx.s, { mode: 'quick', number: 1, from: 'initiator', at: ctx.t0, payloads: ['HASH', 'SA', 'NONCE', 'ID', 'ID'], proposals: ctx.view.qmOffers.map(offerLabel) });
  const until = ctx.t0 + GIVE_UP_MS;
  at(ctx.s, 'responder', arrival(ctx, 1), { reasons: ['invalid-cookie'] });
  for (const t of retransmit(ctx, 'quick', 1, ctx.t0, until)) at(ctx.s, 'responder', t + MESSAGE_MS, { reasons: ['invalid-cookie'] });
  const reasons = failureReasons('initiator', ['acquire-done', 'qm-ended', 'key-operation-done', 'mm-entry-deleted']);
  noteFailure(ctx, { role: 'initiator', time: until, mode: 'quick', point: 'Peer', code: 13805, message: 0, reasons });
  at(ctx.s, 'initiator', until, { deleteMm: [cookiePair(stale)], events: [mmEnded(ctx.peers.initiator.name, until, stale)] });
  return failureRecord({ mode: 'quick', message: 0, detectedBy: 'initiator', codes: { initiator: 13805, responder: null }, point: { initiator: 'Peer', responder: null } });
}
