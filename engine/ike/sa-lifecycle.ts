import { applyDue } from './apply.js';
import { mmEnded, mmEstablished, qmEnded, qmEstablished } from './audit.js';
import { QM_IDLE_MS, REKEY_COUNTS_AS_ACQUIRE, SOFT_IDLE_MS } from './behaviour.js';
import { hex64 } from './context.js';
import { applyDelta, zeroMainMode } from './counters.js';
import { allocateSpi } from './quick-mode.js';
import { pairAddedReasons, pairDeletedReasons, reasonsDelta, type Reason } from './reasons.js';
import { cookiePair, inboundSpis, usableMmSa } from './state.js';
import type { AuditEvent, IkeHostState, IkeWorld, MainModeSa, QuickModeSa } from './types.js';

/*
 * SAs over time: lifetime rekeys, idle deletion, main mode expiry, and IPSEC Services
 * stopping. Mutates the world's IKE state; returns the audit events, oldest first.
 */

function touch(state: IkeHostState, reasons: readonly Reason[]): void {
  applyDelta(state.stats, reasonsDelta(reasons));
}

interface Side {
  readonly state: IkeHostState;
  readonly sa: QuickModeSa;
}

/** The other half of an SA pair, on the peer. */
export function partnerOf(world: IkeWorld, sa: QuickModeSa): Side | null {
  const state = world[sa.peerName];
  const found = state?.qmSas.find((p) => !p.soft && p.inboundSpi === sa.outboundSpi && p.outboundSpi === sa.inboundSpi);
  return state && found ? { state, sa: found } : null;
}

function deleteSide(side: Side, time: number, events: AuditEvent[]): void {
  side.state.qmSas = side.state.qmSas.filter((s) => s !== side.sa);
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
    const stale = side.state.mmSas.filter((m) => m.peerAddress === side.sa.peerAddress);
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
    side.state.mmSas = [...side.state.mmSas.filter((m) => !stale.includes(m)), fresh];
    events.push(mmEstablished(side.state.name, time, fresh));
  }
  return `${cookies.initiatorCookie}:${cookies.responderCookie}`;
}

function mmPairFor(a: Side, b: Side, time: number, next32: () => number, events: AuditEvent[]): string | null {
  const mine = usableMmSa(a.state, a.sa.peerAddress, time);
  const pair = mine ? cookiePair(mine) : null;
  const theirs = pair && b.state.mmSas.some((m) => cookiePair(m) === pair && m.expiresAt > time);
  return theirs ? pair : renewMainMode(a, b, time, next32, events);
}

/**
 * Lifetime rekey (seconds or kilobytes ran out while in use): a new quick mode under a live
 * main mode replaces the pair on both hosts. `a` is the host whose SA ran out.
 */
export function rekeyPair(a: Side, b: Side, time: number, next32: () => number, events: AuditEvent[]): void {
  const pair = mmPairFor(a, b, time, next32, events);
  const aSpi = allocateSpi(next32, inboundSpis(a.state));
  touch(a.state, Array.from({ length: aSpi.failures }, () => 'get-spi-failed' as const));
  const bSpi = aSpi.spi === null ? null : allocateSpi(next32, inboundSpis(b.state));
  if (bSpi) touch(b.state, Array.from({ length: bSpi.failures }, () => 'get-spi-failed' as const));
  if (pair === null || aSpi.spi === null || !bSpi || bSpi.spi === null) {
    deleteSide(a, time, events);
    deleteSide(b, time, events);
    return;
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
  const fresh: [Side, QuickModeSa][] = [
    [a, renew(a, aSpi.spi, bSpi.spi, 'initiator')],
    [b, renew(b, bSpi.spi, aSpi.spi, 'responder')],
  ];
  for (const [side, sa] of fresh) {
    const acquire: Reason[] = REKEY_COUNTS_AS_ACQUIRE && sa.role === 'initiator' ? ['acquire', 'acquire-done'] : [];
    const added: Reason[] = ['get-spi', 'inbound-sa-added', 'outbound-sa-added', 'key-operation-done', 'qm-established'];
    touch(side.state, ['rekey', ...acquire, ...added, ...pairAddedReasons(sa), ...pairDeletedReasons(side.sa)]);
    side.state.qmSas = side.state.qmSas.map((s) => (s === side.sa ? sa : s));
    const mm = side.state.mmSas.find((m) => cookiePair(m) === pair);
    if (mm) mm.qmCount += 1;
    events.push(qmEnded(side.state.name, time, side.sa), qmEstablished(side.state.name, time, sa, mm?.peerIdentity ?? ''));
  }
}

/** One pass over a host's quick mode SAs; true if anything changed. */
function sweepQuickModes(world: IkeWorld, state: IkeHostState, now: number, next32: () => number, events: AuditEvent[]): boolean {
  for (const sa of state.qmSas) {
    if (sa.soft) {
      if (now - sa.lastUsedAt < SOFT_IDLE_MS) continue;
      state.qmSas = state.qmSas.filter((s) => s !== sa);
      return true;
    }
    const partner = partnerOf(world, sa);
    if (sa.role === 'responder' && partner) continue; // the initiator's side handles the pair
    const lastUsed = Math.max(sa.lastUsedAt, partner?.sa.lastUsedAt ?? 0);
    const idleAt = lastUsed + QM_IDLE_MS;
    const self = { state, sa };
    if (idleAt <= now && idleAt <= sa.expiresAt) {
      deleteSide(self, idleAt, events);
      if (partner) deleteSide(partner, idleAt, events);
      return true;
    }
    if (sa.expiresAt > now) continue;
    if (partner) rekeyPair(self, partner, sa.expiresAt, next32, events);
    else deleteSide(self, sa.expiresAt, events);
    return true;
  }
  return false;
}

function expireMainModes(state: IkeHostState, now: number, events: AuditEvent[]): void {
  const expired = state.mmSas.filter((m) => m.expiresAt <= now);
  if (expired.length === 0) return;
  state.mmSas = state.mmSas.filter((m) => m.expiresAt > now);
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
  const names = only ? [...only].sort() : Object.keys(world).sort();
  for (const name of names) {
    const state = world[name];
    // Bounded: each pass removes or renews one SA.
    for (let guard = 0; state && guard < 10_000 && sweepQuickModes(world, state, now, next32, events); guard++);
  }
  for (const name of names) {
    const state = world[name];
    if (state) expireMainModes(state, now, events);
  }
  return events.sort((x, y) => x.at - y.at);
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
  state.mmSas = [];
  state.qmSas = [];
  state.pending = [];
  state.scheduled = [];
  state.stats.mainMode = zeroMainMode();
}
