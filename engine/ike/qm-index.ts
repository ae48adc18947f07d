import type { Packet } from '../ipsec/traffic.js';
import { QM_IDLE_MS, SOFT_IDLE_MS } from './behaviour.js';
import { MinHeap } from './heap.js';
import { positionOf, removeInPlace } from './ordered.js';
import type { IkeHostState, IkeWorld, QuickModeSa, TrafficSelector } from './types.js';

/*
 * Lookups over a host's quick mode SAs without scanning them: a DC holds one pair per peer, so
 * scans made every packet O(peers) and a rollout O(n²). The index is a derived cache outside
 * the world (a WeakMap keyed by the state), so the world stays plain JSON; it is rebuilt
 * whenever `qmSas` is not the array it indexed (a JSON copy, a reassignment, a length change).
 * Engine code changes `qmSas` only through the functions here, which keep both in step.
 *
 * Array order matters (the first match wins, the sweep takes SAs in order), so every SA gets a
 * sequence number increasing along the array; lists below are kept in that order.
 */

export interface QmIndex {
  readonly list: QuickModeSa[];
  length: number;
  nextSeq: number;
  readonly seq: Map<QuickModeSa, number>;
  /** Non-soft SAs by inbound / outbound SPI. */
  readonly inbound: Map<number, QuickModeSa[]>;
  readonly outbound: Map<number, QuickModeSa[]>;
  readonly soft: QuickModeSa[];
  /** SAs whose selector is host-to-host, by address pair; the rest (subnets, any) in `wide`. */
  readonly hosts: Map<string, QuickModeSa[]>;
  readonly wide: QuickModeSa[];
  /**
   * SAs that may need the sweep (idle, expired) by each key; a lower bound, so entries can be
   * early or stale. A responder SA whose initiator holds the pair leaves the queue until its
   * partner goes (`wakeCounterpart`).
   */
  readonly due: MinHeap<QuickModeSa>;
}

const indexes = new WeakMap<IkeHostState, QmIndex>();
const HOST_MASK = '255.255.255.255';

function pairKey(a: string, b: string): string {
  return `${a}>${b}`;
}

/*
 * Host-to-host selectors are filed by their address strings: the strict IPv4 parser accepts one
 * spelling per address, so for valid addresses equal strings mean equal addresses, and an
 * invalid one covers nothing (selectorCovers still decides every candidate).
 */
function selectorKey(s: TrafficSelector): string | null {
  return s.srcMask === HOST_MASK && s.dstMask === HOST_MASK ? pairKey(s.srcAddress, s.dstAddress) : null;
}

/** A due-queue key for `time`: 1 ms early, so rounding never makes the sweep miss an SA. */
export function dueKey(time: number): number {
  return Number.isNaN(time) ? -Infinity : time - 1;
}

/** Earliest time the sweep could act on the SA, from its own fields alone. */
export function ownDueKey(sa: QuickModeSa): number {
  return dueKey(sa.soft ? sa.lastUsedAt + SOFT_IDLE_MS : Math.min(sa.expiresAt, sa.lastUsedAt + QM_IDLE_MS));
}

function insertBySeq(ix: QmIndex, list: QuickModeSa[], sa: QuickModeSa): void {
  const s = ix.seq.get(sa) ?? 0;
  let i = list.length;
  while (i > 0 && (ix.seq.get(list[i - 1] as QuickModeSa) ?? 0) > s) i--;
  list.splice(i, 0, sa);
}

function mapAdd(ix: QmIndex, map: Map<number | string, QuickModeSa[]>, key: number | string, sa: QuickModeSa): void {
  const list = map.get(key);
  if (list) insertBySeq(ix, list, sa);
  else map.set(key, [sa]);
}

function listRemove(list: QuickModeSa[], sa: QuickModeSa): void {
  const i = list.indexOf(sa);
  if (i >= 0) list.splice(i, 1);
}

function mapRemove(map: Map<number | string, QuickModeSa[]>, key: number | string, sa: QuickModeSa): void {
  const list = map.get(key);
  if (!list) return;
  if (list.length === 1 && list[0] === sa) {
    map.delete(key);
    return;
  }
  listRemove(list, sa);
  if (list.length === 0) map.delete(key);
}

/** Files the SA under every lookup (its seq must be set). */
function enter(ix: QmIndex, sa: QuickModeSa): void {
  if (sa.soft) insertBySeq(ix, ix.soft, sa);
  else {
    mapAdd(ix, ix.inbound as Map<number | string, QuickModeSa[]>, sa.inboundSpi, sa);
    mapAdd(ix, ix.outbound as Map<number | string, QuickModeSa[]>, sa.outboundSpi, sa);
  }
  const key = selectorKey(sa.selector);
  if (key === null) insertBySeq(ix, ix.wide, sa);
  else mapAdd(ix, ix.hosts as Map<number | string, QuickModeSa[]>, key, sa);
  ix.due.push(ownDueKey(sa), sa);
}

function leave(ix: QmIndex, sa: QuickModeSa): void {
  if (sa.soft) listRemove(ix.soft, sa);
  else {
    mapRemove(ix.inbound as Map<number | string, QuickModeSa[]>, sa.inboundSpi, sa);
    mapRemove(ix.outbound as Map<number | string, QuickModeSa[]>, sa.outboundSpi, sa);
  }
  const key = selectorKey(sa.selector);
  if (key === null) listRemove(ix.wide, sa);
  else mapRemove(ix.hosts as Map<number | string, QuickModeSa[]>, key, sa);
}

function build(state: IkeHostState): QmIndex {
  const list = state.qmSas;
  const ix: QmIndex = {
    list,
    length: list.length,
    nextSeq: list.length,
    seq: new Map(),
    inbound: new Map(),
    outbound: new Map(),
    soft: [],
    hosts: new Map(),
    wide: [],
    due: new MinHeap(),
  };
  list.forEach((sa, i) => ix.seq.set(sa, i));
  for (const sa of list) enter(ix, sa);
  indexes.set(state, ix);
  return ix;
}

/** Stands for every host without quick mode SAs (most of them), so reads build nothing. */
const EMPTY: QmIndex = build({ qmSas: [] } as unknown as IkeHostState);

/** The index for reading. Anything that adds SAs goes through `ownIndex`. */
export function qmIndex(state: IkeHostState): QmIndex {
  const ix = indexes.get(state);
  if (ix && ix.list === state.qmSas && ix.length === state.qmSas.length) return ix;
  return state.qmSas.length === 0 ? EMPTY : build(state);
}

function ownIndex(state: IkeHostState): QmIndex {
  const ix = qmIndex(state);
  return ix === EMPTY ? build(state) : ix;
}

export function isLiveQm(ix: QmIndex, sa: QuickModeSa): boolean {
  return ix.seq.has(sa);
}

/** Appends an SA to the host's list (what `qmSas.push` did). */
export function addQm(state: IkeHostState, sa: QuickModeSa): void {
  const ix = ownIndex(state);
  ix.list.push(sa);
  ix.length = ix.list.length;
  ix.seq.set(sa, ix.nextSeq++);
  enter(ix, sa);
}

/**
 * Drops SAs from the host's list, keeping the order of the rest (what a `filter` did). With
 * `world`, each dropped pair's other half on the peer is queued for the sweep again.
 */
export function removeQms(state: IkeHostState, doomed: readonly QuickModeSa[], world?: IkeWorld): void {
  const ix = qmIndex(state);
  const live = doomed.length === 1 ? doomed.filter((sa) => ix.seq.has(sa)) : [...new Set(doomed)].filter((sa) => ix.seq.has(sa));
  if (live.length === 0) return;
  removeInPlace(ix.list, ix.seq, live);
  ix.length = ix.list.length;
  for (const sa of live) {
    leave(ix, sa);
    ix.seq.delete(sa);
  }
  if (world) for (const sa of live) wakeCounterpart(world, sa);
}

/** Puts `fresh` where `old` was (a rekey), so it keeps the old one's place in the order. */
export function replaceQm(state: IkeHostState, old: QuickModeSa, fresh: QuickModeSa, world?: IkeWorld): void {
  const ix = qmIndex(state);
  const at = positionOf(ix.list, ix.seq, old);
  if (at < 0) return;
  const s = ix.seq.get(old) as number;
  leave(ix, old);
  ix.seq.delete(old);
  ix.list[at] = fresh;
  ix.seq.set(fresh, s);
  enter(ix, fresh);
  if (world) wakeCounterpart(world, old);
}

/** Queues a live SA for the sweep again, by what its own fields allow. */
export function wake(state: IkeHostState, sa: QuickModeSa): void {
  const ix = qmIndex(state);
  if (ix.seq.has(sa)) ix.due.push(ownDueKey(sa), sa);
}

/** The other half of a pair just dropped or changed may now be the one the sweep must handle. */
export function wakeCounterpart(world: IkeWorld, sa: QuickModeSa): void {
  if (sa.soft) return;
  const peer = world[sa.peerName];
  if (!peer) return;
  for (const other of qmIndex(peer).inbound.get(sa.outboundSpi) ?? []) {
    if (other.outboundSpi === sa.inboundSpi) wake(peer, other);
  }
}

/** Records use of an SA; time going backwards could make it idle sooner, so it is requeued. */
export function markUsed(world: IkeWorld, state: IkeHostState, sa: QuickModeSa, now: number): void {
  const later = now >= sa.lastUsedAt;
  sa.lastUsedAt = now;
  if (later) return;
  wake(state, sa);
  wakeCounterpart(world, sa);
}

/** Live-or-not SAs whose selectors could cover the packet, in list order. */
export function coverCandidates(state: IkeHostState, packet: Packet): QuickModeSa[] {
  const ix = qmIndex(state);
  const { src, dst } = packet;
  const found = [...(ix.hosts.get(pairKey(src, dst)) ?? [])];
  if (src !== dst) found.push(...(ix.hosts.get(pairKey(dst, src)) ?? []));
  found.push(...ix.wide);
  if (found.length > 1) found.sort((a, b) => (ix.seq.get(a) ?? 0) - (ix.seq.get(b) ?? 0));
  return found;
}
