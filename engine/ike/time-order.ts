/*
 * Sorting small lists without Array.prototype.sort, whose work array and comparator calls were
 * a measurable share of every packet. Lists are almost always in order already, or two ordered
 * runs (one host's events, then the other's); results are exactly those of the stable sorts
 * they replace.
 */

/** Sorts `list` in place by `at`, stably (as `list.sort((a, b) => a.at - b.at)` does); returns it. */
export function sortByAt<T extends { readonly at: number }>(list: T[]): T[] {
  const split = firstDescent(list, 0);
  if (split === list.length) return list;
  // More than two runs, or a NaN time: the real sort decides, as before.
  if (firstDescent(list, split) !== list.length || list.some((e) => Number.isNaN(e.at))) return list.sort((a, b) => a.at - b.at);
  const left = list.slice(0, split);
  let i = 0;
  let j = split;
  let k = 0;
  while (i < left.length && j < list.length) {
    // Ties keep the left run first, as a stable sort does.
    if ((left[i] as T).at <= (list[j] as T).at) list[k++] = left[i++] as T;
    else list[k++] = list[j++] as T;
  }
  while (i < left.length) list[k++] = left[i++] as T;
  return list;
}

/** Index of the first element (after `from`) not in order with the one before it, or the length. */
function firstDescent<T extends { readonly at: number }>(list: readonly T[], from: number): number {
  for (let i = from + 1; i < list.length; i++) if (!((list[i - 1] as T).at <= (list[i] as T).at)) return i;
  return list.length;
}

/** A sorted copy of host names, as `[...names].sort()` gives (a packet names just two). */
export function sortedNames(names: readonly string[]): string[] {
  const [a, b] = names;
  if (names.length === 2 && typeof a === 'string' && typeof b === 'string') return b < a ? [b, a] : [a, b];
  return [...names].sort();
}
