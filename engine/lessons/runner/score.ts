import type { Hint, LessonFile, Step } from '../model.js';
import type { Completion, HintPolicy, LogEntry, Mode, ObjectiveScore, ScoreReport, StepScore } from './types.js';

/*
 * Points and hints. Each step is worth its `points` (default 1) towards its objective; steps
 * without one count towards "general". In exam mode hints are free, charged or hidden as the
 * lesson says (default charged); a hint costs its own `cost`, else the lesson's `hintCost`,
 * else 1, taken from its step's points (a step never scores below 0). Practice hints are free.
 */

export const GENERAL_OBJECTIVE = { id: 'general', title: 'General' } as const;

export function modeOf(lesson: LessonFile, requested?: Mode): Mode {
  // An exam lesson is always an exam; a practice lesson may be sat as one.
  return lesson.mode === 'exam' ? 'exam' : (requested ?? 'practice');
}

export function hintPolicyOf(lesson: LessonFile, mode: Mode): HintPolicy {
  return mode === 'exam' ? (lesson.hintPolicy ?? 'charged') : 'free';
}

export function hintCost(lesson: LessonFile, hint: Hint, policy: HintPolicy): number {
  if (policy !== 'charged') return 0;
  return (typeof hint === 'string' ? undefined : hint.cost) ?? lesson.hintCost ?? 1;
}

export function stepPoints(step: Step): number {
  return step.points ?? 1;
}

export function objectiveOf(step: Step): string {
  return step.objective ?? GENERAL_OBJECTIVE.id;
}

type HintEntry = Extract<LogEntry, { kind: 'hint' }>;

function chargesByStep(log: readonly LogEntry[]): Map<string, number> {
  const charges = new Map<string, number>();
  for (const entry of log) {
    if (entry.kind === 'hint') charges.set(entry.step, (charges.get(entry.step) ?? 0) + (entry as HintEntry).cost);
  }
  return charges;
}

/** The objectives a lesson's steps count towards, in the lesson's order ("general" last). */
export function objectivesOf(lesson: LessonFile): { id: string; title: string }[] {
  const used = new Set(lesson.steps.map(objectiveOf));
  const declared = (lesson.objectives ?? []).filter((o) => used.has(o.id));
  return used.has(GENERAL_OBJECTIVE.id) && !declared.some((o) => o.id === GENERAL_OBJECTIVE.id) ? [...declared, GENERAL_OBJECTIVE] : declared;
}

/** The score so far: per step, then summed per objective (in the lesson's order) and in all. */
export function scoreReport(lesson: LessonFile, completions: readonly Completion[], log: readonly LogEntry[]): ScoreReport {
  const doneIds = new Set(completions.map((c) => c.step));
  const charges = chargesByStep(log);
  const steps: StepScore[] = lesson.steps.map((step) => {
    const points = stepPoints(step);
    const charged = charges.get(step.id) ?? 0;
    const isDone = doneIds.has(step.id);
    return { id: step.id, objective: objectiveOf(step), points, charged, done: isDone, earned: Math.max(0, (isDone ? points : 0) - charged) };
  });
  const objectives: ObjectiveScore[] = objectivesOf(lesson).map(({ id, title }) => {
    const mine = steps.filter((s) => s.objective === id);
    const sum = (pick: (s: StepScore) => number) => mine.reduce((n, s) => n + pick(s), 0);
    return { id, title, earned: sum((s) => s.earned), possible: sum((s) => s.points), charged: sum((s) => s.charged) };
  });
  const total = (pick: (s: StepScore) => number) => steps.reduce((n, s) => n + pick(s), 0);
  return { earned: total((s) => s.earned), possible: total((s) => s.points), charged: total((s) => s.charged), objectives, steps };
}
