import { applyDue } from './apply.js';
import { mmEnded, mmEstablished, qmEnded, qmEstablished } from './audit.js';
import { QM_IDLE_MS, REKEY_COUNTS_AS_ACQUIRE, SOFT_IDLE_MS } from './behaviour.js';
import { hex64 } from './context.js';
import { zeroMainMode } from './counters.js';
import { allocateSpi } from './quick-mode.js';
import { applyReasons, pairAddedReasons, pairDeletedReasons, reasonsDelta, type Reason } from './reasons.js';
import { MinHeap } from './heap.js';
import { addMm, expiredMms, mmByPair, removeMms } from './mm-index.js';
import { dueKey, isLiveQm, ownDueKey, qmIndex, removeQms, replaceQm, wake, wakeCounterpart } from './qm-index.js';
import { cookiePair, liveMmSa, mmSasWith, spisInUse, usableMmSa } from './state.js';
import { sortByAt, sortedNames } from './time-order.js';
import type { AuditEvent, IkeHostState, IkeWorld, MainModeSa, QuickModeSa } from './types.js';

/*
 * SAs over time: lifetime rekeys, idle deletion, main mode expiry, and IPSEC Services
 * stopping. Mutates the world's IKE state; returns the audit events, oldest first.
 */

function touch(state: IkeHostState, reasons: readonly Reason[]): void {
  applyReasons(state.stats, reasons);
}

interface Side {
  readonly state: IkeHostState;
  readonly sa: QuickModeSa;
}

/** The other half of an SA pair, on the peer. */
export function partnerOf(world: IkeWorld, sa: QuickModeSa): Side | null {
  const state = world[sa.peerName];
  if (!state) return null;
  const found = (qmIndex(state).inbound.get(sa.outboundSpi) ?? []).find((p) => p.outboundSpi === sa.inboundSpi);
  return found ? { state, sa: found } : null;
}

function deleteSide(world: IkeWorld, side: Side, time: number, events: AuditEvent[]): void {
  removeQms(side.state, [side.sa], world);
  touch(side.state, pairDeletedReasons(side.sa));
  if (!side.sa.soft) events.push(qmEnded(side.state.name, time, side.sa));
}

/** A fresh main mode on the old one's terms, when that one is gone or used up [R]. */
function renewMainMode(a: Side, b: Side, time: number, next32: () => number, events: AuditEvent[]): string | null {
  if (!a.sa.mainMode || !b.sa.mainMode) return null;
  const cookies = { initiatorCookie: hex64(next32), responderCookie: hex64(next32) };
  const sides = [
    [a, a.sa.mainMode, 'initiator'],
    [b, b.sa.mainMode, 'responder'],
  ] as const;
  for (const [side, terms, role] of sides) {
    const stale = mmSasWith(side.state, side.sa.peerAddress);
    stale.forEach((m) => events.push(mmEnded(side.state.name, time, m)));
    touch(side.state, [...stale.map(() => 'mm-entry-deleted' as const), 'mm-entry', 'mm-established']);
    const fresh: MainModeSa = {
      ...terms,
      ...cookies,
      role,
      peerName: side.sa.peerName,
      localAddress: side.sa.localAddress,
      peerAddress: side.sa.peerAddress,
      createdAt: time,
      expiresAt: time + terms.lifetimeSeconds * 1000,
      qmCount: 0,
    };
    removeMms(side.state, stale);
    addMm(side.state, fresh);
    events.push(mmEstablished(side.state.name, time, fresh));
  }
  return `${cookies.initiatorCookie}:${cookies.responderCookie}`;
}

function mmPairFor(a: Side, b: Side, time: number, next32: () => number, events: AuditEvent[]): string | null {
  const mine = usableMmSa(a.state, a.sa.peerAddress, time);
  const pair = mine ? cookiePair(mine) : null;
  const theirs = pair && liveMmSa(b.state, pair, time);
  return theirs ? pair : renewMainMode(a, b, time, next32, events);
}

/**
 * Lifetime rekey (seconds or kilobytes ran out while in use): a new quick mode under a live
 * main mode replaces the pair on both hosts. `a` is the host whose SA ran out. Returns `a`'s
 * new SA, or null if the pair was deleted instead. Pass `world` so the SA indexes can requeue
 * what the change concerns on other hosts.
 */
export function rekeyPair(a: Side, b: Side, time: number, next32: () => number, events: AuditEvent[], world: IkeWorld = {}): QuickModeSa | null {
  const pair = mmPairFor(a, b, time, next32, events);
  const aSpi = allocateSpi(next32, spisInUse(a.state));
  touch(a.state, Array.from({ length: aSpi.failures }, () => 'get-spi-failed' as const));
  const bSpi = aSpi.spi === null ? null : allocateSpi(next32, spisInUse(b.state));
  if (bSpi) touch(b.state, Array.from({ length: bSpi.failures }, () => 'get-spi-failed' as const));
  if (pair === null || aSpi.spi === null || !bSpi || bSpi.spi === null) {
    deleteSide(world, a, time, events);
    deleteSide(world, b, time, events);
    return null;
  }
  const renew = (side: Side, inbound: number, outbound: number, role: QuickModeSa['role']): QuickModeSa => ({
    ...side.sa,
    role,
    inboundSpi: inbound,
    outboundSpi: outbound,
    mmCookiePair: pair,
    createdAt: time,
    expiresAt: time + side.sa.lifetimeSeconds * 1000,
    lastUsedAt: time,
    bytesSent: 0,
    bytesReceived: 0,
    sendSequence: 0,
    receiveSequence: 0,
  });
  const mine = renew(a, aSpi.spi, bSpi.spi, 'initiator');
  const fresh: [Side, QuickModeSa][] = [
    [a, mine],
    [b, renew(b, bSpi.spi, aSpi.spi, 'responder')],
  ];
  for (const [side, sa] of fresh) {
    const acquire: Reason[] = REKEY_COUNTS_AS_ACQUIRE && sa.role === 'initiator' ? ['acquire', 'acquire-done'] : [];
    const added: Reason[] = ['get-spi', 'inbound-sa-added', 'outbound-sa-added', 'key-operation-done', 'qm-established'];
    touch(side.state, ['rekey', ...acquire, ...added, ...pairAddedReasons(sa), ...pairDeletedReasons(side.sa)]);
    replaceQm(side.state, side.sa, sa, world);
    const mm = mmByPair(side.state, pair)[0];
    if (mm) mm.qmCount += 1;
    events.push(qmEnded(side.state.name, time, side.sa), qmEstablished(side.state.name, time, sa, mm?.peerIdentity ?? ''));
  }
  return isLiveQm(qmIndex(a.state), mine) ? mine : null;
}

type Verdict = { readonly kind: 'handled'; readonly fresh: QuickModeSa | null } | { readonly kind: 'wait'; readonly key: number } | { readonly kind: 'parked' };

const HANDLED: Verdict = { kind: 'handled', fresh: null };

/** What is due for one SA at `now`: idle deletion, rekey or expiry, or nothing yet. */
function sweepOne(world: IkeWorld, state: IkeHostState, sa: QuickModeSa, now: number, next32: () => number, events: AuditEvent[]): Verdict {
  if (sa.soft) {
    if (now - sa.lastUsedAt < SOFT_IDLE_MS) return { kind: 'wait', key: ownDueKey(sa) };
    removeQms(state, [sa], world);
    return HANDLED;
  }
  const partner = partnerOf(world, sa);
  if (sa.role === 'responder' && partner) return { kind: 'parked' }; // the initiator's side handles the pair
  const lastUsed = Math.max(sa.lastUsedAt, partner?.sa.lastUsedAt ?? 0);
  const idleAt = lastUsed + QM_IDLE_MS;
  const self = { state, sa };
  if (idleAt <= now && idleAt <= sa.expiresAt) {
    deleteSide(world, self, idleAt, events);
    if (partner) deleteSide(world, partner, idleAt, events);
    return HANDLED;
  }
  if (sa.expiresAt > now) return { kind: 'wait', key: dueKey(Math.min(sa.expiresAt, idleAt)) };
  if (partner) return { kind: 'handled', fresh: rekeyPair(self, partner, sa.expiresAt, next32, events, world) };
  deleteSide(world, self, sa.expiresAt, events);
  return HANDLED;
}

/** At most this many SAs handled per host per advance, as a bound on one call. */
const MAX_HANDLED = 10_000;

/**
 * The host's SAs due by `now`, handled one at a time, always the first due one in list order
 * (as a rescan after each change would find it). Candidates come from the index's due queue;
 * anything a change affects is requeued by the index, so it is looked at again.
 */
function sweepQuickModes(world: IkeWorld, state: IkeHostState, now: number, next32: () => number, events: AuditEvent[]): void {
  // Nothing due is the usual case: no work, no allocations. (A NaN time fails every "not yet"
  // test of sweepOne, so then every queued SA is a candidate.)
  const limit = Number.isNaN(now) ? Infinity : now;
  const queue0 = qmIndex(state).due;
  if (queue0.size === 0 || queue0.peekKey() > limit) return;
  const queue = new MinHeap<QuickModeSa>();
  const queued = new Set<QuickModeSa>();
  const later: [number, QuickModeSa][] = [];
  const enqueue = (sa: QuickModeSa) => {
    const seq = qmIndex(state).seq.get(sa);
    if (seq === undefined || queued.has(sa)) return;
    queued.add(sa);
    queue.push(seq, sa);
  };
  const pull = () => {
    const due = qmIndex(state).due;
    while (due.size > 0 && due.peekKey() <= limit) enqueue(due.pop() as QuickModeSa);
  };
  pull();
  let handled = 0;
  for (let sa = queue.pop(); sa; sa = queue.pop()) {
    queued.delete(sa);
    if (handled >= MAX_HANDLED) {
      wake(state, sa);
      continue;
    }
    if (!isLiveQm(qmIndex(state), sa)) continue;
    const verdict = sweepOne(world, state, sa, now, next32, events);
    if (verdict.kind === 'wait') later.push([verdict.key, sa]);
    if (verdict.kind !== 'handled') continue;
    handled += 1;
    if (verdict.fresh) enqueue(verdict.fresh);
    pull();
  }
  const due = qmIndex(state).due;
  for (const [key, sa] of later) due.push(key, sa);
}

function expireMainModes(state: IkeHostState, now: number, events: AuditEvent[]): void {
  const expired = expiredMms(state, now);
  if (expired.length === 0) return;
  removeMms(state, expired);
  touch(state, expired.map(() => 'mm-entry-deleted' as const));
  for (const m of expired) events.push(mmEnded(state.name, m.expiresAt, m));
}

/**
 * Moves IKE to `now`: due negotiation effects, idle deletions, rekeys, main mode expiry. With
 * `only`, just those hosts: a packet between two hosts needs no other host brought up to date,
 * and the others catch up, in time order, the next time they are advanced.
 */
export function advance(world: IkeWorld, now: number, next32: () => number, only?: readonly string[]): AuditEvent[] {
  const events = applyDue(world, now, only);
  const names = only ? sortedNames(only) : Object.keys(world).sort();
  for (const name of names) {
    const state = world[name];
    if (state) sweepQuickModes(world, state, now, next32, events);
  }
  for (const name of names) {
    const state = world[name];
    if (state) expireMainModes(state, now, events);
  }
  return sortByAt(events);
}

/**
 * IPSEC Services stops (or restarts): every SA and negotiation of this host is gone. IKE
 * counters restart from zero ("since the IPSec service started"); driver counters keep
 * counting since the computer started, so the deleted pairs show as Key Deletions.
 */
export function serviceStopped(world: IkeWorld, name: string): void {
  const state = world[name];
  if (!state) return;
  const inFlight = reasonsDelta(state.scheduled.flatMap((e) => e.reasons)).quickMode['Pending Key Operations'] ?? 0;
  touch(state, state.qmSas.flatMap((sa) => pairDeletedReasons(sa)));
  state.stats.quickMode['Pending Key Operations'] += inFlight;
  // Their peers' halves are now alone, which their sweep must see.
  for (const sa of state.qmSas) wakeCounterpart(world, sa);
  state.mmSas = [];
  state.qmSas = [];
  state.pending = [];
  state.scheduled = [];
  state.stats.mainMode = zeroMainMode();
}
