/**
 * The flag layer of the command line: which flags exist, how many words each takes, and the
 * words collected for each. Flags are case-insensitive [R]; a list flag (-f, -n, -a, -1s,
 * -1f) takes every following word up to the next one starting with `-` or `/`.
 */
import type { ValueResult } from '../netsh/index.js';
import { PROBLEM } from './labels.js';

const LIST = ['-f', '-n', '-a', '-1s', '-1f'] as const;
const SINGLE = ['-t', '-1k', '-1e', '-w', '-p', '-r'] as const;
const SWITCH = ['-1p', '-soft', '-confirm', '-dialup', '-lan', '-u', '-x', '-y', '-o'] as const;

export type FlagName = (typeof LIST)[number] | (typeof SINGLE)[number] | (typeof SWITCH)[number];

/** Words given per flag, in the order typed; a switch has none. */
export type Flags = ReadonlyMap<FlagName, readonly string[]>;

const isFlag = (word: string) => /^[-/]/.test(word);

function flagName(word: string): FlagName | undefined {
  const lower = word.toLowerCase();
  return [...LIST, ...SINGLE, ...SWITCH].find((f) => f === lower);
}

/** Splits the words after the program name (and `\\computer`) into flags and their values. */
export function readFlags(words: readonly string[]): ValueResult<Flags> {
  const flags = new Map<FlagName, string[]>();
  let current: { name: FlagName; max: number } | null = null;
  for (const word of words) {
    if (isFlag(word)) {
      const name = flagName(word);
      if (!name) return { ok: false, error: PROBLEM.unknownFlag(word) };
      if (flags.has(name)) return { ok: false, error: PROBLEM.repeated(name) };
      flags.set(name, []);
      const max = (LIST as readonly string[]).includes(name) ? Infinity : (SINGLE as readonly string[]).includes(name) ? 1 : 0;
      current = { name, max };
      continue;
    }
    const values = current ? flags.get(current.name) : undefined;
    if (!current || !values || values.length >= current.max) return { ok: false, error: PROBLEM.strayValue(word) };
    values.push(word);
  }
  for (const [name, values] of flags) {
    if (!(SWITCH as readonly string[]).includes(name) && values.length === 0) return { ok: false, error: PROBLEM.missingValue(name) };
  }
  return { ok: true, value: flags };
}

/** The one value of a single-value flag. */
export function single(flags: Flags, name: FlagName): string | undefined {
  return flags.get(name)?.[0];
}
