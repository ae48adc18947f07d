import type { Mutant } from './model.js';
import type { Path } from './problems.js';

/*
 * A mutant's script: the reference solution with lines removed, replaced or appended, or a
 * whole script of its own. Lines compare trimmed; each edit must find its line.
 */

export interface MutatedScript {
  readonly lines: readonly string[];
  readonly problems: readonly { readonly path: Path; readonly message: string }[];
}

function indexOfLine(lines: readonly string[], text: string): number {
  const want = text.trim();
  return lines.findIndex((l) => l.trim() === want);
}

export function mutateSolution(solution: string, mutant: Mutant): MutatedScript {
  if (mutant.script !== undefined) return { lines: mutant.script.split(/\r?\n/), problems: [] };
  const lines = solution.split(/\r?\n/);
  const problems: { path: Path; message: string }[] = [];
  const missing = (path: Path, text: string) => problems.push({ path, message: `the solution has no line "${text.trim()}"` });
  (mutant.remove ?? []).forEach((text, i) => {
    const at = indexOfLine(lines, text);
    if (at < 0) missing(['remove', i], text);
    else lines.splice(at, 1);
  });
  (mutant.replace ?? []).forEach((edit, i) => {
    const at = indexOfLine(lines, edit.from);
    if (at < 0) missing(['replace', i, 'from'], edit.from);
    else lines[at] = edit.to;
  });
  lines.push(...(mutant.append ?? []));
  if (!mutant.remove?.length && !mutant.replace?.length && !mutant.append?.length) {
    problems.push({ path: [], message: 'a mutant needs remove, replace, append or script' });
  }
  return { lines, problems };
}
