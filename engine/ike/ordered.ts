/*
 * Removing items from an array the SA indexes keep in step with: each item has a sequence
 * number increasing along the array, so one item is found by binary search, not a scan.
 */

/** Index of `item` in `list`, or -1. */
export function positionOf<T>(list: readonly T[], seq: ReadonlyMap<T, number>, item: T): number {
  const s = seq.get(item);
  if (s === undefined) return -1;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = seq.get(list[mid] as T) ?? -1;
    if (m === s) return mid;
    if (m < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Removes the (distinct, present) items in place, keeping the order of the rest. */
export function removeInPlace<T>(list: T[], seq: ReadonlyMap<T, number>, doomed: readonly T[]): void {
  if (doomed.length === 1) {
    const at = positionOf(list, seq, doomed[0] as T);
    // shift and pop are O(1) in V8; splice copies (and the oldest SA is the usual one to go).
    if (at === 0) list.shift();
    else if (at === list.length - 1) list.pop();
    else if (at > 0) list.splice(at, 1);
    return;
  }
  const gone = new Set(doomed);
  let w = 0;
  for (const item of list) if (!gone.has(item)) list[w++] = item;
  list.length = w;
}
