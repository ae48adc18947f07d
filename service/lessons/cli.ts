import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Mode } from '../../engine/lessons/runner/index.js';
import { appVersion } from '../project.js';
import { UserError } from '../protocol/rpc.js';
import { writeFileAtomic } from '../script-runner.js';
import { formatCsv, formatJson, gradeResults } from './grade.js';
import { runLesson } from './run-lesson.js';

/* `ipsec-lab run --pack …` and `ipsec-lab grade …`, ready for service/cli.ts's command table. */

export const LESSON_USAGE = `  run --pack PACK --lesson ID --script FILE --result OUT.json [--seed N] [--student NAME] [--mode exam]
                                    play a lesson as a student would: "HOST> command", @advance,
                                    @action {json}, @hint, @undo, @reset, @restore STEP lines;
                                    print each step as it completes; write the result file
  grade PACK RESULT... [--format csv|json] [--out FILE]
                                    re-grade results by replaying them on a fresh world; a class
                                    table (one row per student and lesson, one column per
                                    objective); exit 1 if any claim differs from the replay`;

/** Whether `run` was given --pack (the lesson runner) rather than a lab script. */
export function isLessonRun(args: readonly string[]): boolean {
  return args.some((a) => a === '--pack' || a.startsWith('--pack='));
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UserError(`run --pack needs ${flag}.`);
  return value;
}

function seedOf(value: string | undefined): number {
  const seed = Number(value ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 4294967295) throw new UserError('--seed takes a whole number from 0 to 4294967295.');
  return seed;
}

function modeOf(value: string | undefined): Mode | undefined {
  if (value === undefined || value === 'practice' || value === 'exam') return value;
  throw new UserError('--mode takes practice or exam.');
}

function defaultStudent(): string {
  try {
    return userInfo().username || 'student';
  } catch {
    return 'student';
  }
}

export async function runLessonCli(args: string[]): Promise<number> {
  const options = { pack: { type: 'string' }, lesson: { type: 'string' }, script: { type: 'string' }, result: { type: 'string' }, seed: { type: 'string' }, student: { type: 'string' }, mode: { type: 'string' } } as const;
  const { values } = parseArgs({ args, options });
  const mode = modeOf(values.mode);
  const output = await runLesson({
    packPath: required(values.pack, '--pack PACK'),
    lessonId: required(values.lesson, '--lesson ID'),
    scriptPath: required(values.script, '--script FILE'),
    resultPath: required(values.result, '--result OUT.json'),
    seed: seedOf(values.seed),
    student: values.student ?? defaultStudent(),
    appVersion: appVersion(),
    ...(mode ? { mode } : {}),
  });
  process.stdout.write(output);
  return 0;
}

export async function gradeCli(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, out: { type: 'string' } } });
  const [pack, ...results] = positionals;
  if (!pack || results.length === 0) throw new UserError('grade needs a PACK and at least one RESULT file.');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UserError('--format takes csv or json.');
  const table = await gradeResults(pack, results, appVersion());
  const text = format === 'csv' ? formatCsv(table) : formatJson(table);
  if (values.out) await writeFileAtomic(values.out, text);
  else process.stdout.write(text);
  const flagged = table.rows.filter((r) => !r.claimMatches).length;
  process.stderr.write(`graded ${table.rows.length} result${table.rows.length === 1 ? '' : 's'}: ${flagged ? `${flagged} flagged (claim matches: no)` : 'every claim matches its replay'}\n`);
  return flagged ? 1 : 0;
}
