import type { TranscriptEntry } from '../../lab.js';
import type { World } from '../../model/world.js';

/** What a check reads: the world now, and the student's actions so far (setup excluded). */
export interface CheckContext {
  readonly world: World;
  readonly transcript: readonly TranscriptEntry[];
}

/** A predicate's verdict and, either way, what it found, in words for the report. */
export interface Outcome {
  readonly pass: boolean;
  readonly message: string;
}

export type Evaluator = (ctx: CheckContext) => Outcome;

export const pass = (message: string): Outcome => ({ pass: true, message });
export const fail = (message: string): Outcome => ({ pass: false, message });

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

export function show(value: unknown): string {
  if (typeof value === 'boolean') return yesNo(value);
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
