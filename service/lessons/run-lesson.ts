import { formatClock, toPrintable } from '../../engine/index.js';
import { hasErrors, instantiate, type LessonInstance } from '../../engine/lessons/index.js';
import { scriptHosts } from '../../engine/lessons/lab-build.js';
import { LessonSession, parseSessionScript, playOp, resultOf, type LessonResult, type Mode, type ScriptOp } from '../../engine/lessons/runner/index.js';
import { problemLines } from '../packs/load-pack.js';
import { UserError } from '../protocol/rpc.js';
import { readTextFile, writeFileAtomic } from '../script-runner.js';
import { readPackSource, type PackSource } from './pack-source.js';

/*
 * `ipsec-lab run --pack PACK --lesson ID --script FILE --result OUT.json`: a scripted student.
 * Each line is played on a lesson session exactly as the lesson pane and consoles play it
 * (locks, hints, undo), the transcript is printed with each step as it completes, and the
 * result file is written atomically.
 */

export interface RunLessonOptions {
  readonly packPath: string;
  readonly lessonId: string;
  readonly scriptPath: string;
  readonly resultPath: string;
  readonly seed: number;
  readonly student: string;
  readonly appVersion: string;
  readonly mode?: Mode;
}

/** A valid pack, or a UserError listing its first problems. */
export async function validPack(packPath: string, appVersion: string): Promise<PackSource & { loaded: { pack: NonNullable<PackSource['loaded']['pack']> } }> {
  const source = await readPackSource(packPath, { appVersion });
  if (!source.loaded.pack) {
    const lines = problemLines(source.loaded).filter((l) => !l.includes(': warning: '));
    throw new UserError(`${packPath} is not a valid pack:\n${lines.slice(0, 10).join('\n')}`);
  }
  return source as PackSource & { loaded: { pack: NonNullable<PackSource['loaded']['pack']> } };
}

export function lessonInstance(source: PackSource, lessonId: string, seed: number): LessonInstance {
  const pack = source.loaded.pack;
  if (!pack?.lessons.some((l) => l.id === lessonId)) throw new UserError(`The pack has no lesson "${lessonId}" (${pack?.lessons.map((l) => l.id).join(', ')}).`);
  const { instance, problems } = instantiate(pack, lessonId, seed);
  if (!instance || hasErrors(problems)) throw new UserError(`Lesson ${lessonId} cannot start with seed ${seed}: ${problems[0]?.message ?? 'unknown problem'}`);
  return instance;
}

function describe(session: LessonSession, { op, text }: ScriptOp, prompt: string): string {
  const played = playOp(session, op);
  if (!played.ok) return `${text}\n  ${played.error}\n\n`;
  if (op.op === 'hint') return `@hint\n  hint${played.cost ? ` (costs ${played.cost})` : ''}: ${played.text ?? ''}\n\n`;
  if (op.op === 'solution') return `@solution\n${(played.lines ?? []).map((l) => `  ${l}`).join('\n')}\n\n`;
  if (op.op !== 'action') return `${text}: back to ${session.actionCount} actions at ${formatClock(session.lab.world.clock)}\n\n`;
  if (op.action.type !== 'command') return `${text} → ${formatClock(session.lab.world.clock)}\n\n`;
  const host = session.lab.host(op.action.host)?.name ?? op.action.host;
  return `[${host}] ${prompt}${op.action.line}\n${played.outcome?.ok ? (played.outcome.shell?.output ?? '') : ''}`;
}

function stepLines(session: LessonSession, before: number): string {
  return session.completions
    .slice(before)
    .map((c) => `== step "${c.step}" complete (action ${c.action}, ${formatClock(c.at)})\n\n`)
    .join('');
}

function summary(session: LessonSession, result: LessonResult): string {
  const score = session.score();
  const { lessonId, seed } = session.instance;
  const done = `${session.completions.length} of ${session.compiled.steps.length} steps done`;
  const width = Math.max(...score.objectives.map((o) => o.id.length), 5);
  const lines = score.objectives.map((o) => `  ${o.id.padEnd(width)}  ${o.earned}/${o.possible}${o.charged ? ` (hints cost ${o.charged})` : ''}`);
  return [`${lessonId}, seed ${seed}, ${session.mode}: ${done}, score ${result.claim.earned}/${result.claim.possible}`, ...lines].join('\n');
}

/** Plays the script and writes the result; returns what to print. */
export async function runLesson(options: RunLessonOptions): Promise<string> {
  const source = await validPack(options.packPath, options.appVersion);
  const instance = lessonInstance(source, options.lessonId, options.seed);
  const text = await readTextFile(options.scriptPath, 'script');
  const parsed = parseSessionScript(text, scriptHosts(instance.spec));
  if (parsed.problems.length) throw new UserError(parsed.problems.map((p) => `${options.scriptPath}:${p.line}:${p.column}: ${p.message}`).join('\n'));
  const session = new LessonSession(instance, options.mode ? { mode: options.mode } : {});
  const started = new Date();
  let out = '';
  for (const op of parsed.ops) {
    const before = session.completions.length;
    const prompt = op.op.op === 'action' && op.op.action.type === 'command' ? (session.lab.prompt(op.op.action.host) ?? '') : '';
    out += toPrintable(describe(session, op, prompt)) + stepLines(session, before);
  }
  session.finish();
  const { id, version } = source.loaded.pack.manifest;
  const finished = new Date();
  const result = resultOf(session, {
    pack: { id, version, hash: source.hash },
    student: options.student,
    app: options.appVersion,
    started: started.toISOString(),
    finished: finished.toISOString(),
    wallMs: finished.getTime() - started.getTime(),
  });
  await writeFileAtomic(options.resultPath, `${JSON.stringify(result, null, 2)}\n`);
  return `${out}${summary(session, result)}\nresult written to ${options.resultPath}\n`;
}
