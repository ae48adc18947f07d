import type { Path } from './schema/validate.js';

export type { Path };

/**
 * Where a problem is: a path into a YAML document (the loader turns it into line:column), a
 * line and column of a text file, or the whole file.
 */
export type Place = { readonly path: Path } | { readonly line: number; readonly column?: number } | { readonly whole: true };

export type Severity = 'error' | 'warning';

/** One thing wrong with a pack, named by file (relative to the pack root) and place. */
export interface Problem {
  readonly file: string;
  readonly place: Place;
  readonly message: string;
  readonly severity: Severity;
}

export const WHOLE: Place = { whole: true };

export function problem(file: string, place: Place, message: string, severity: Severity = 'error'): Problem {
  return { file, place, message, severity };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
