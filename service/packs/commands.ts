import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { formatProblems, formatProof, provePack, type Locate, type Problem } from '../../engine/lessons/index.js';
import { loadPack, type LoadedPack, type LoadOptions } from './load-pack.js';

/** What `ipsec-lab validate` and `ipsec-lab test` print, and their exit code. */
export interface CommandOutcome {
  readonly code: number;
  readonly output: string;
}

/** Pack-relative file names shown from where the command runs: `PACK/lessons/…` or `PACK.zip!/lessons/…`. */
async function displayer(packPath: string): Promise<(file: string) => string> {
  const folder = (await stat(packPath).catch(() => null))?.isDirectory() ?? false;
  return (file) => (file === packPath ? file : folder ? join(packPath, file) : `${packPath}!/${file}`);
}

async function report(packPath: string, loaded: LoadedPack): Promise<{ lines: string[]; locate: Locate; show: (f: string) => string }> {
  const display = await displayer(packPath);
  const original = new Map<string, string>();
  // Shown names map back to pack files, where the YAML positions are.
  const show = (file: string) => {
    const shown = display(file);
    original.set(shown, file);
    return shown;
  };
  const locate: Locate = (file, place) => loaded.locate(original.get(file) ?? file, place);
  const problems: Problem[] = loaded.problems.map((p) => ({ ...p, file: show(p.file) }));
  return { lines: formatProblems(problems, locate), locate, show };
}

function summary(loaded: LoadedPack): string {
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  const warnings = loaded.problems.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (!loaded.pack) return `${count(errors, 'error')}, ${count(warnings, 'warning')}`;
  const { manifest, lessons, labs } = loaded.pack;
  return `${manifest.id} ${manifest.version} is valid: ${count(lessons.length, 'lesson')}, ${count(Object.keys(labs).length, 'lab')}${warnings ? `, ${count(warnings, 'warning')}` : ''}`;
}

/** `ipsec-lab validate PACK`: schema, cross-reference and lint problems; exit 1 on any error. */
export async function validateCommand(packPath: string, options: LoadOptions = {}): Promise<CommandOutcome> {
  const loaded = await loadPack(packPath, options);
  const { lines } = await report(packPath, loaded);
  return { code: loaded.pack ? 0 : 1, output: [...lines, summary(loaded)].join('\n') + '\n' };
}

/** `ipsec-lab test PACK`: validate, then prove every lesson; exit 1 on any problem or finding. */
export async function testCommand(packPath: string, options: LoadOptions & { seeds?: readonly number[] } = {}): Promise<CommandOutcome> {
  const loaded = await loadPack(packPath, options);
  const { lines, locate, show } = await report(packPath, loaded);
  if (!loaded.pack) return { code: 1, output: [...lines, summary(loaded), 'not tested: fix the errors above first'].join('\n') + '\n' };
  const proof = provePack(loaded.pack, options.seeds ?? [1]);
  const shown = { ...proof, lessons: proof.lessons.map((l) => ({ ...l, findings: l.findings.map((f) => ({ ...f, file: show(f.file) })) })) };
  const text = formatProof(shown, locate);
  return { code: proof.ok ? 0 : 1, output: (lines.length ? `${lines.join('\n')}\n` : '') + text };
}
