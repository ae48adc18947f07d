import type { PackProof } from './prove.js';
import type { Place, Problem } from './problems.js';

/** Turns a place in a file into line and column; the loader knows where YAML paths are. */
export type Locate = (file: string, place: Place) => { readonly line: number; readonly column: number } | undefined;

/** `file:line:column: message` (or `file: message` for a whole file), the form editors jump to. */
export function formatPlace(file: string, place: Place, locate: Locate): string {
  const at = 'line' in place ? { line: place.line, column: place.column ?? 1 } : 'path' in place ? locate(file, place) : undefined;
  return at ? `${file}:${at.line}:${at.column}` : file;
}

export function formatProblem(p: Problem, locate: Locate): string {
  return `${formatPlace(p.file, p.place, locate)}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

function position(p: Problem, locate: Locate): number {
  const at = 'line' in p.place ? { line: p.place.line, column: p.place.column ?? 1 } : 'path' in p.place ? locate(p.file, p.place) : undefined;
  return at ? at.line * 10_000 + at.column : 0;
}

/** Problems in file order, then by position, errors and warnings together. */
export function formatProblems(problems: readonly Problem[], locate: Locate): string[] {
  return problems
    .map((p) => ({ text: formatProblem(p, locate), file: p.file, at: position(p, locate) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.at - b.at)
    .map((p) => p.text);
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The report of `ipsec-lab test`: one block per lesson (and seed), then one summary line. */
export function formatProof(proof: PackProof, locate: Locate): string {
  const lines = [`${proof.packId} ${proof.version}`];
  for (const l of proof.lessons) {
    const head = `  ${l.ok ? 'ok  ' : 'FAIL'} ${l.lessonId} (seed ${l.seed})`;
    const stats = `${count(l.checks, 'check fails', 'checks fail')} at the start, the solution (${count(l.actions, 'action')}) completes every step, ${count(l.mutants, 'mutant fails', 'mutants fail')}`;
    lines.push(l.ok ? `${head}: ${stats}` : head);
    for (const f of l.findings) lines.push(`       ${formatPlace(f.file, f.place, locate)}: ${f.message}`);
  }
  const failed = proof.lessons.filter((l) => !l.ok).length;
  lines.push(`${count(proof.lessons.length - failed, 'lesson')} proved, ${failed} failed`);
  return `${lines.join('\n')}\n`;
}
