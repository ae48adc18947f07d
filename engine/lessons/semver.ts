/*
 * Just enough semantic versioning for `app:` in pack.yaml: compare x.y.z versions and test
 * space-separated comparators (`>=0.1.0 <1.0.0`, `^0.1.0`, `~0.1.2`, `=1.0.0`, `1.0.0`, `*`).
 * Pre-release tags sort before their release and are otherwise ignored.
 */

type Triple = readonly [number, number, number, boolean];

function parse(version: string): Triple | null {
  const m = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] !== undefined] : null;
}

function compare(a: Triple, b: Triple): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return Math.sign(d);
  }
  return a[3] === b[3] ? 0 : a[3] ? -1 : 1;
}

function upperOf(kind: '^' | '~', v: Triple): Triple {
  if (kind === '~') return [v[0], v[1] + 1, 0, true];
  if (v[0] > 0) return [v[0] + 1, 0, 0, true];
  return v[1] > 0 ? [0, v[1] + 1, 0, true] : [0, 0, v[2] + 1, true];
}

function satisfiesOne(version: Triple, comparator: string): boolean {
  if (comparator === '*') return true;
  const m = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator);
  const target = m?.[2] ? parse(m[2]) : null;
  if (!m || !target) return false;
  const c = compare(version, target);
  switch (m[1]) {
    case '^':
    case '~':
      return c >= 0 && compare(version, upperOf(m[1], target)) < 0;
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    default:
      return c === 0;
  }
}

export function isSemver(version: string): boolean {
  return parse(version) !== null;
}

/** Whether `version` is in `range`; an unreadable version or range never is. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  const comparators = range.trim().split(/\s+/).filter(Boolean);
  return v !== null && comparators.length > 0 && comparators.every((c) => satisfiesOne(v, c));
}
