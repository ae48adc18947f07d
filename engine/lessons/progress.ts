import { compileCheck, type CheckResult, type CompiledCheck } from './checks/compile.js';
import type { CheckContext } from './checks/outcome.js';
import type { Check, LessonFile, Step } from './model.js';

/** A check ready to run, named as reports name it. */
export interface NamedCheck {
  readonly id: string;
  readonly run: CompiledCheck;
}

export interface CompiledStep {
  readonly step: Step;
  readonly checks: readonly NamedCheck[];
  readonly diagnoses: readonly { readonly when: CompiledCheck; readonly feedback: string }[];
}

export interface CompiledLesson {
  readonly steps: readonly CompiledStep[];
  readonly invariants: readonly NamedCheck[];
}

function named(checks: readonly Check[], prefix: string): NamedCheck[] {
  return checks.map((check, i) => ({ id: check.id ?? `${prefix}${i + 1}`, run: compileCheck(check) }));
}

/** Compiles every check of a (substituted) lesson once, for evaluation after every action. */
export function compileLesson(lesson: LessonFile): CompiledLesson {
  return {
    steps: lesson.steps.map((step) => ({
      step,
      checks: named(step.checks, 'check-'),
      diagnoses: (step.diagnoses ?? []).map((d) => ({ when: compileCheck(d.when), feedback: d.feedback })),
    })),
    invariants: named(lesson.invariants ?? [], 'invariant-'),
  };
}

export interface NamedResult extends CheckResult {
  readonly id: string;
}

export function runChecks(checks: readonly NamedCheck[], ctx: CheckContext): NamedResult[] {
  return checks.map((c) => ({ id: c.id, ...c.run(ctx) }));
}

/** A step's state now: its checks' results and the diagnoses that apply. */
export function stepStatus(step: CompiledStep, ctx: CheckContext): { passed: boolean; results: NamedResult[]; diagnoses: string[] } {
  const results = runChecks(step.checks, ctx);
  const passed = results.every((r) => r.pass);
  const diagnoses = passed ? [] : step.diagnoses.filter((d) => d.when(ctx).pass).map((d) => d.feedback);
  return { passed, results, diagnoses };
}

/**
 * After an action: the index of the step the student is on. Steps are taken in order; every
 * step whose checks all pass now is completed, so one action may complete several.
 */
export function advanceSteps(lesson: CompiledLesson, current: number, ctx: CheckContext): number {
  let step = current;
  while (step < lesson.steps.length) {
    const s = lesson.steps[step];
    if (!s || !s.checks.every((c) => c.run(ctx).pass)) break;
    step++;
  }
  return step;
}

/** The first invariant that does not hold now, if any. */
export function brokenInvariant(lesson: CompiledLesson, ctx: CheckContext): NamedResult | undefined {
  for (const inv of lesson.invariants) {
    const r = inv.run(ctx);
    if (!r.pass) return { id: inv.id, ...r };
  }
  return undefined;
}
