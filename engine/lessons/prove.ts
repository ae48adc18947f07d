import type { CheckContext } from './checks/outcome.js';
import { instantiate, type LessonInstance } from './instance.js';
import { lessonFile, type Pack } from './model.js';
import { lintLab } from './lint/lab-lint.js';
import { hasErrors, type Place, type Problem } from './problems.js';
import { advanceSteps, brokenInvariant, compileLesson, runChecks, stepStatus, type CompiledLesson } from './progress.js';
import type { ScriptAction } from './script/parse.js';
import { startLessonLab, studentTranscript, type LessonLab } from './session.js';

/*
 * `ipsec-lab test PACK`: every lesson proved solvable and every check able to fail.
 *  1. every check of every step fails on the starting world (and every invariant holds there);
 *  2. the reference solution, replayed through Lab.apply, completes every step in order while
 *     the invariants keep holding;
 *  3. every mutant (a near miss) leaves some step incomplete or breaks an invariant.
 */

export type FindingKind =
  | 'lesson-invalid'
  | 'setup-rejected'
  | 'invariant-fails-at-start'
  | 'check-passes-at-start'
  | 'solution-rejected'
  | 'invariant-broken'
  | 'solution-incomplete'
  | 'mutant-survives';

export interface Finding {
  readonly kind: FindingKind;
  readonly file: string;
  readonly place: Place;
  readonly message: string;
}

export interface LessonProof {
  readonly lessonId: string;
  readonly seed: number;
  readonly ok: boolean;
  readonly checks: number;
  readonly actions: number;
  readonly mutants: number;
  readonly findings: readonly Finding[];
}

export interface PackProof {
  readonly ok: boolean;
  readonly packId: string;
  readonly version: string;
  readonly lessons: readonly LessonProof[];
}

interface Replay {
  readonly stepsDone: number;
  readonly broken?: { readonly id: string; readonly message: string; readonly after: ScriptAction };
  readonly rejected: readonly { readonly action: ScriptAction; readonly error: string }[];
  readonly ctx: CheckContext;
}

function contextOf(started: LessonLab): CheckContext {
  return { world: started.lab.world, transcript: studentTranscript(started) };
}

/** Plays a script as a student would: after each action, invariants are checked and steps advance. */
function replay(instance: LessonInstance, compiled: CompiledLesson, actions: readonly ScriptAction[]): Replay {
  const started = startLessonLab(instance);
  const rejected: { action: ScriptAction; error: string }[] = [];
  let stepsDone = 0;
  let broken: Replay['broken'];
  for (const action of actions) {
    const outcome = started.lab.apply(action.action);
    if (!outcome.ok) rejected.push({ action, error: outcome.error });
    const ctx = contextOf(started);
    stepsDone = advanceSteps(compiled, stepsDone, ctx);
    const inv = broken ? undefined : brokenInvariant(compiled, ctx);
    if (inv) broken = { id: inv.id, message: inv.message, after: action };
  }
  return { stepsDone, rejected, ctx: contextOf(started), ...(broken ? { broken } : {}) };
}

function startFindings(instance: LessonInstance, compiled: CompiledLesson): Finding[] {
  const started = startLessonLab(instance);
  const findings: Finding[] = started.rejected.map((r) => ({ kind: 'setup-rejected', file: r.setup.file, place: r.setup.place, message: `the lab refused this setup action: ${r.error}` }));
  const ctx = contextOf(started);
  const file = lessonFile(instance.lessonId, 'lesson.yaml');
  compiled.steps.forEach((step, s) => {
    runChecks(step.checks, ctx).forEach((r, c) => {
      if (!r.pass) return;
      findings.push({ kind: 'check-passes-at-start', file, place: { path: ['steps', s, 'checks', c] }, message: `step "${step.step.id}", check "${r.id}" already passes on the starting world, so it cannot tell whether the student did anything (${r.message})` });
    });
  });
  runChecks(compiled.invariants, ctx).forEach((r, i) => {
    if (!r.pass) findings.push({ kind: 'invariant-fails-at-start', file, place: { path: ['invariants', i] }, message: `invariant "${r.id}" does not hold on the starting world: ${r.message}` });
  });
  return findings;
}

function solutionFindings(instance: LessonInstance, compiled: CompiledLesson): Finding[] {
  const file = lessonFile(instance.lessonId, 'solution.txt');
  const run = replay(instance, compiled, instance.solution);
  const findings: Finding[] = run.rejected.map((r) => ({ kind: 'solution-rejected', file, place: { line: r.action.line }, message: `the lab refused "${r.action.text}": ${r.error}` }));
  if (run.broken) {
    const { id, message, after } = run.broken;
    findings.push({ kind: 'invariant-broken', file, place: { line: after.line }, message: `invariant "${id}" breaks after "${after.text}": ${message}` });
  }
  const step = compiled.steps[run.stepsDone];
  if (step) {
    const failing = stepStatus(step, run.ctx).results.filter((r) => !r.pass).map((r) => `check "${r.id}" fails: ${r.message}`);
    const total = compiled.steps.length;
    findings.push({ kind: 'solution-incomplete', file, place: { whole: true }, message: `the solution stops at step "${step.step.id}" (${run.stepsDone} of ${total} steps done); ${failing.join('; ')}` });
  }
  return findings;
}

function mutantFindings(instance: LessonInstance, compiled: CompiledLesson): Finding[] {
  const file = lessonFile(instance.lessonId, 'mutants.yaml');
  return instance.mutants.flatMap(({ mutant, index, actions }): Finding[] => {
    const run = replay(instance, compiled, actions);
    if (run.broken || run.stepsDone < compiled.steps.length) return [];
    const about = mutant.description ? ` (${mutant.description})` : '';
    return [{ kind: 'mutant-survives', file, place: { path: [index] }, message: `mutant "${mutant.id}"${about} completes every step: no check catches it` }];
  });
}

/** The lesson's lab checked again with this seed's values: another draw may break what seed 1 did not. */
function labProblems(pack: Pack, lessonId: string, seed: number): Problem[] {
  const labId = pack.lessons.find((l) => l.id === lessonId)?.lesson.lab;
  const lab = labId === undefined ? undefined : pack.labs[labId];
  return lab ? lintLab(lab.lab, lab.file, seed) : [];
}

export function proveLesson(pack: Pack, lessonId: string, seed = 1): LessonProof {
  const base = { lessonId, seed, checks: 0, actions: 0, mutants: 0 };
  const labErrors = labProblems(pack, lessonId, seed);
  const { instance, problems } = hasErrors(labErrors) ? { instance: undefined, problems: labErrors } : instantiate(pack, lessonId, seed);
  if (!instance || hasErrors(problems)) {
    const findings = problems.filter((p) => p.severity === 'error').map((p): Finding => ({ kind: 'lesson-invalid', file: p.file, place: p.place, message: p.message }));
    return { ...base, ok: false, findings };
  }
  const compiled = compileLesson(instance.lesson);
  const findings = [...startFindings(instance, compiled), ...solutionFindings(instance, compiled), ...mutantFindings(instance, compiled)];
  const checks = compiled.steps.reduce((n, s) => n + s.checks.length, 0);
  return { ...base, checks, actions: instance.solution.length, mutants: instance.mutants.length, ok: findings.length === 0, findings };
}

/** Proves every lesson of a validated pack, once per seed (variables differ per seed). */
export function provePack(pack: Pack, seeds: readonly number[] = [1]): PackProof {
  const lessons = pack.lessons.flatMap((l) => seeds.map((seed) => proveLesson(pack, l.id, seed)));
  return { ok: lessons.every((l) => l.ok), packId: pack.manifest.id, version: pack.manifest.version, lessons };
}
