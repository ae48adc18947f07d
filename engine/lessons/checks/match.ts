import { fail, pass, show, type Outcome } from './outcome.js';

/*
 * "Some object has every property the check names": the shared shape of the store and
 * directory predicates, with a report that names the closest object and what differs.
 */

export interface Prop<T> {
  /** The property as the check names it. */
  readonly name: string;
  readonly want: string;
  readonly ok: (item: T) => boolean;
  readonly actual: (item: T) => string;
}

/** A property test, or none when the check does not name the property. */
export function prop<T, V>(name: string, want: V | undefined, get: (item: T) => V, same: (a: V, b: V) => boolean = Object.is): Prop<T>[] {
  if (want === undefined) return [];
  return [{ name, want: show(want), ok: (item) => same(get(item), want), actual: (item) => show(get(item)) }];
}

/** `prop` bound to one item type, so the getters' parameter types are inferred. */
export function fields<T>() {
  return <V>(name: string, want: V | undefined, get: (item: T) => V, same?: (a: V, b: V) => boolean): Prop<T>[] => prop<T, V>(name, want, get, same);
}

function closest<T>(items: readonly T[], props: readonly Prop<T>[]): { item: T; wrong: Prop<T>[] } | undefined {
  let best: { item: T; wrong: Prop<T>[] } | undefined;
  for (const item of items) {
    const wrong = props.filter((p) => !p.ok(item));
    if (!best || wrong.length < best.wrong.length) best = { item, wrong };
    if (wrong.length === 0) break;
  }
  return best;
}

export interface Judgement<T> {
  /** The object kind and where, e.g. `filter in list "Web" (local store of SRV1)`. */
  readonly what: string;
  readonly items: readonly T[];
  readonly props: readonly Prop<T>[];
  readonly exists: boolean;
  /** Said when there are no candidates at all. */
  readonly none: string;
}

function wanted<T>(props: readonly Prop<T>[]): string {
  return props.map((p) => `${p.name}=${p.want}`).join(', ');
}

/** Pass when some item has every property (exists) or none has (exists: false). */
export function judge<T>(j: Judgement<T>): Outcome {
  const best = closest(j.items, j.props);
  const found = best !== undefined && best.wrong.length === 0;
  const spec = j.props.length ? ` with ${wanted(j.props)}` : '';
  if (!j.exists) return found ? fail(`${j.what}${spec} exists, and it should not`) : pass(`no ${j.what}${spec}`);
  if (found) return pass(`${j.what}${spec} found`);
  if (!best) return fail(j.none);
  const diff = best.wrong.map((p) => `${p.name} is ${p.actual(best.item)}, expected ${p.want}`).join('; ');
  return fail(j.items.length === 1 ? `${j.what}: ${diff}` : `no ${j.what}${spec} (the closest has ${diff})`);
}
