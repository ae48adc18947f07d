import { MinHeap } from './heap.js';
import { removeInPlace } from './ordered.js';
import type { IkeHostState, MainModeSa } from './types.js';

/*
 * Lookups over a host's main mode SAs by cookie pair and by peer address, and their expiry
 * times in a queue: the same derived-cache scheme as qm-index.ts (a WeakMap keyed by the
 * state, rebuilt when `mmSas` is not the array it indexed). Lists keep `mmSas` order.
 */

export interface MmIndex {
  readonly list: MainModeSa[];
  length: number;
  nextSeq: number;
  readonly seq: Map<MainModeSa, number>;
  readonly byPair: Map<string, MainModeSa[]>;
  readonly byPeer: Map<string, MainModeSa[]>;
  /** By expiresAt; entries of SAs already gone are skipped when popped. */
  readonly expiry: MinHeap<MainModeSa>;
}

const indexes = new WeakMap<IkeHostState, MmIndex>();

function pairOf(sa: MainModeSa): string {
  return `${sa.initiatorCookie}:${sa.responderCookie}`;
}

function expiryKey(sa: MainModeSa): number {
  // As `expiresAt <= now` reads it (a JSON null is 0); NaN never expires, so it queues last.
  const key = Number(sa.expiresAt);
  return Number.isNaN(key) ? Infinity : key;
}

function mapAdd(map: Map<string, MainModeSa[]>, key: string, sa: MainModeSa): void {
  const list = map.get(key);
  if (list) list.push(sa);
  else map.set(key, [sa]);
}

function mapRemove(map: Map<string, MainModeSa[]>, key: string, sa: MainModeSa): void {
  const list = map.get(key);
  const i = list ? list.indexOf(sa) : -1;
  if (!list || i < 0) return;
  list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

/** Files an SA newly at the end of the list (so appending keeps each list in order). */
function enter(ix: MmIndex, sa: MainModeSa): void {
  ix.seq.set(sa, ix.nextSeq++);
  mapAdd(ix.byPair, pairOf(sa), sa);
  mapAdd(ix.byPeer, sa.peerAddress, sa);
  ix.expiry.push(expiryKey(sa), sa);
}

function build(state: IkeHostState): MmIndex {
  const ix: MmIndex = {
    list: state.mmSas,
    length: state.mmSas.length,
    nextSeq: 0,
    seq: new Map(),
    byPair: new Map(),
    byPeer: new Map(),
    expiry: new MinHeap(),
  };
  for (const sa of state.mmSas) enter(ix, sa);
  indexes.set(state, ix);
  return ix;
}

/** Stands for every host without main mode SAs, so reads build nothing. */
const EMPTY: MmIndex = build({ mmSas: [] } as unknown as IkeHostState);

/** The index for reading; `addMm` makes the host its own. */
export function mmIndex(state: IkeHostState): MmIndex {
  const ix = indexes.get(state);
  if (ix && ix.list === state.mmSas && ix.length === state.mmSas.length) return ix;
  return state.mmSas.length === 0 ? EMPTY : build(state);
}

/** MM SAs with this cookie pair `i:r`, in list order. */
export function mmByPair(state: IkeHostState, pair: string | null): readonly MainModeSa[] {
  return pair === null ? [] : (mmIndex(state).byPair.get(pair) ?? []);
}

/** MM SAs with this peer address, in list order. */
export function mmByPeer(state: IkeHostState, peerAddress: string): readonly MainModeSa[] {
  return mmIndex(state).byPeer.get(peerAddress) ?? [];
}

export function addMm(state: IkeHostState, sa: MainModeSa): void {
  const found = mmIndex(state);
  const ix = found === EMPTY ? build(state) : found;
  ix.list.push(sa);
  ix.length = ix.list.length;
  enter(ix, sa);
}

/** Drops SAs from the list, keeping the order of the rest (what a `filter` did). */
export function removeMms(state: IkeHostState, doomed: readonly MainModeSa[]): void {
  const ix = mmIndex(state);
  const gone = [...new Set(doomed)].filter((sa) => ix.seq.has(sa));
  if (gone.length === 0) return;
  removeInPlace(ix.list, ix.seq, gone);
  ix.length = ix.list.length;
  for (const sa of gone) {
    ix.seq.delete(sa);
    mapRemove(ix.byPair, pairOf(sa), sa);
    mapRemove(ix.byPeer, sa.peerAddress, sa);
  }
}

/** SAs with expiresAt <= now, in list order. */
export function expiredMms(state: IkeHostState, now: number): MainModeSa[] {
  const ix = mmIndex(state);
  const found = new Set<MainModeSa>();
  const notYet: MainModeSa[] = [];
  while (ix.expiry.size > 0 && ix.expiry.peekKey() <= now) {
    const sa = ix.expiry.pop() as MainModeSa;
    // The key only orders the queue; the test is the one a scan made (NaN never expires).
    if (!ix.seq.has(sa)) continue;
    if (sa.expiresAt <= now) found.add(sa);
    else notYet.push(sa);
  }
  for (const sa of notYet) ix.expiry.push(expiryKey(sa), sa);
  return [...found].sort((a, b) => (ix.seq.get(a) ?? 0) - (ix.seq.get(b) ?? 0));
}
