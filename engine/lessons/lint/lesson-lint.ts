import { normalizeCommand } from '../checks/host-predicates.js';
import type { LessonInstance } from '../instance.js';
import { lockedBy } from '../locks.js';
import { splitLessonMarkdown } from '../markdown.js';
import { hintText, lessonFile, type LessonSource } from '../model.js';
import { problem, type Problem } from '../problems.js';
import { placeholders, placeholdersInText } from '../variables.js';
import { labEnv, lintChecks, lintNested } from './check-lint.js';

/** Solution commands shorter than this are too generic to call a hint a give-away (`ipconfig`). */
const LEAK_MIN_LENGTH = 12;

function duplicates<T>(items: readonly T[], key: (item: T) => string): number[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const k = key(item);
    if (seen.has(k)) return [i];
    seen.add(k);
    return [];
  });
}

function structure(source: LessonSource, file: string): Problem[] {
  const { lesson } = source;
  const out: Problem[] = [];
  for (const i of duplicates(lesson.steps, (s) => s.id)) out.push(problem(file, { path: ['steps', i, 'id'] }, `step id "${lesson.steps[i]?.id}" is used twice`));
  const objectives = lesson.objectives ?? [];
  for (const i of duplicates(objectives, (o) => o.id)) out.push(problem(file, { path: ['objectives', i, 'id'] }, `objective id "${objectives[i]?.id}" is used twice`));
  lesson.steps.forEach((step, i) => {
    if (step.objective !== undefined && !objectives.some((o) => o.id === step.objective)) {
      out.push(problem(file, { path: ['steps', i, 'objective'] }, `there is no objective "${step.objective}" in objectives`));
    }
  });
  if (lesson.mode === 'exam' && lesson.timeLimit === undefined) out.push(problem(file, { path: ['mode'] }, 'an exam usually has a timeLimit', 'warning'));
  for (const i of duplicates(source.mutants, (m) => m.id)) out.push(problem(lessonFile(source.id, 'mutants.yaml'), { path: [i, 'id'] }, `mutant id "${source.mutants[i]?.id}" is used twice`));
  return out;
}

function checks(instance: LessonInstance, file: string): Problem[] {
  const env = labEnv(instance.spec);
  const findings = instance.lesson.steps.flatMap((step, i) => [
    ...lintChecks(step.checks, ['steps', i, 'checks'], env),
    ...(step.diagnoses ?? []).flatMap((d, j) => lintNested(d.when, ['steps', i, 'diagnoses', j, 'when'], env)),
  ]);
  findings.push(...lintChecks(instance.lesson.invariants ?? [], ['invariants'], env));
  return findings.map((f) => problem(file, { path: f.path }, f.message));
}

function markdown(source: LessonSource): Problem[] {
  const file = lessonFile(source.id, 'lesson.md');
  const { sections } = splitLessonMarkdown(source.markdown);
  const steps = source.lesson.steps.length;
  if (sections.length === steps) return [];
  const extra = sections[steps];
  const where = extra ? { line: extra.line, column: 1 } : { line: Math.max(1, source.markdown.split('\n').length), column: 1 };
  return [problem(file, where, `lesson.md has ${sections.length} "## " section${sections.length === 1 ? '' : 's'} and lesson.yaml ${steps} step${steps === 1 ? '' : 's'}: write one section per step, in order`)];
}

function hints(instance: LessonInstance, file: string): Problem[] {
  const commands = instance.solution.flatMap((a) => (a.action.type === 'command' ? [normalizeCommand(a.action.line)] : [])).filter((c) => c.length >= LEAK_MIN_LENGTH);
  return instance.lesson.steps.flatMap((step, i) =>
    (step.hints ?? []).flatMap((hint, j) => {
      const text = normalizeCommand(hintText(hint));
      const leaked = commands.find((c) => text.includes(c));
      return leaked ? [problem(file, { path: ['steps', i, 'hints', j] }, `this hint gives away the solution command "${leaked}"`, 'warning')] : [];
    }),
  );
}

function locks(instance: LessonInstance): Problem[] {
  const file = lessonFile(instance.lessonId, 'solution.txt');
  return instance.solution.flatMap((a) => {
    const why = lockedBy(a.action, instance.lesson.locks);
    return why ? [problem(file, { line: a.line, column: 1 }, `the solution uses what the lesson locks: ${why}`)] : [];
  });
}

function variables(source: LessonSource, defined: ReadonlySet<string>): Problem[] {
  const unknown = (name: string) => !defined.has(name);
  const message = (name: string) => `there is no variable "${name}" in the lab${defined.size ? ` (${[...defined].join(', ')})` : ''}`;
  const inYaml = (file: string, value: unknown) => placeholders(value).filter((p) => unknown(p.name)).map((p) => problem(file, { path: p.path }, message(p.name)));
  const inText = (file: string, text: string) => placeholdersInText(text).filter((p) => unknown(p.name)).map((p) => problem(file, { line: p.line, column: p.column }, message(p.name)));
  return [
    ...inYaml(lessonFile(source.id, 'lesson.yaml'), source.lesson),
    ...inYaml(lessonFile(source.id, 'mutants.yaml'), source.mutants),
    ...inText(lessonFile(source.id, 'lesson.md'), source.markdown),
    ...inText(lessonFile(source.id, 'solution.txt'), source.solution),
  ];
}

/** Everything cross-file about one lesson; `instance` is the lesson built for the validation seed, `defined` its lab's variables. */
export function lintLesson(source: LessonSource, instance: LessonInstance | undefined, defined: ReadonlySet<string> | undefined): Problem[] {
  const file = lessonFile(source.id, 'lesson.yaml');
  // With no lab (a dangling reference, reported already) there are no variables to check against.
  const out = [...structure(source, file), ...markdown(source), ...(defined ? variables(source, defined) : [])];
  if (instance) out.push(...checks(instance, file), ...hints(instance, file), ...locks(instance));
  return out;
}
