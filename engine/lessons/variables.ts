import { formatIpv4, parseIpv4 } from '../ipsec/ipv4.js';
import { nextUint32, seedRandom, type RandomState } from '../random.js';
import type { VariableDef } from './model.js';
import { PLACEHOLDER } from './model/variables.js';
import type { Path } from './problems.js';

/** Values drawn for one student: variable name → text. */
export type Variables = Readonly<Record<string, string>>;

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

function pick(random: RandomState, size: number): number {
  return nextUint32(random) % size;
}

/** First and last host number a subnet variable may draw, or a reason it has none. */
export function addressRange(def: { subnet: string; from?: number; to?: number }): { base: number; first: number; last: number } | string {
  const [network = '', prefixText = ''] = def.subnet.split('/');
  const base = parseIpv4(network);
  const prefix = Number(prefixText);
  if (base === null || !Number.isInteger(prefix)) return `"${def.subnet}" is not a subnet such as 192.168.1.0/24`;
  const size = 2 ** (32 - prefix);
  const first = def.from ?? 1;
  const last = def.to ?? size - 2;
  if (first > last || last > size - 2) return `host numbers ${first} to ${last} do not fit in ${def.subnet} (1 to ${size - 2})`;
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (base & mask) >>> 0, first, last };
}

function drawAddress(random: RandomState, def: { subnet: string; from?: number; to?: number }, taken: Set<string>): string | undefined {
  const range = addressRange(def);
  if (typeof range === 'string') return undefined;
  const count = range.last - range.first + 1;
  const start = pick(random, count);
  // Walk on from a random start, so the draw is uniform-ish and always ends.
  for (let i = 0; i < count; i++) {
    const address = formatIpv4((range.base + range.first + ((start + i) % count)) >>> 0);
    if (!taken.has(address)) return address;
  }
  return undefined;
}

function drawOne(random: RandomState, def: VariableDef, taken: Set<string>): string | undefined {
  if ('choice' in def) return def.choice[pick(random, def.choice.length)];
  if ('address' in def) return drawAddress(random, def.address, taken);
  if ('secret' in def) return Array.from({ length: def.secret.length }, () => SECRET_ALPHABET[pick(random, SECRET_ALPHABET.length)]).join('');
  const { min, max } = def.number;
  return max < min ? undefined : String(min + pick(random, max - min + 1));
}

/**
 * Draws every variable for one student. The same seed always gives the same values; addresses
 * never repeat one another or an address in `taken` (those the lab names itself).
 */
export function drawVariables(defs: Readonly<Record<string, VariableDef>>, seed: number, taken: readonly string[] = []): { values: Variables; failed: string[] } {
  const random = seedRandom(seed ^ 0x5eed1e55);
  const used = new Set(taken);
  const values: Record<string, string> = {};
  const failed: string[] = [];
  for (const [name, def] of Object.entries(defs)) {
    const value = drawOne(random, def, used);
    if (value === undefined) failed.push(name);
    else {
      values[name] = value;
      if ('address' in def) used.add(value);
    }
  }
  return { values, failed };
}

export function substituteText(text: string, vars: Variables): string {
  return text.includes('{{') ? text.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole) : text;
}

/** A deep copy of parsed data with every `{{name}}` in its strings replaced. */
export function substitute<T>(value: T, vars: Variables): T {
  if (typeof value === 'string') return substituteText(value, vars) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => substitute(item, vars)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)])) as T;
  }
  return value;
}

/** Every placeholder in parsed data, with where it is. */
export function placeholders(value: unknown, path: Path = []): { path: Path; name: string }[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((m) => ({ path, name: m[1] ?? '' }));
  if (Array.isArray(value)) return value.flatMap((item: unknown, i) => placeholders(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
  return [];
}

/** Placeholders in a text file, with line and column (1-based). */
export function placeholdersInText(text: string): { line: number; column: number; name: string }[] {
  return text.split('\n').flatMap((line, i) => [...line.matchAll(PLACEHOLDER)].map((m) => ({ line: i + 1, column: (m.index ?? 0) + 1, name: m[1] ?? '' })));
}
