import { parseDuration } from '../../script/duration.js';
import { hintText, type Step } from '../model.js';
import { hintCost, objectiveOf, stepPoints } from './score.js';
import type { LessonSession } from './session.js';
import type { FeedbackView, LessonStateView, StepView } from './types.js';

/** The lesson's time limit in ms, or null when it has none (only exams are timed). */
export function timeLimitOf(session: LessonSession): number | null {
  const limit = session.instance.lesson.timeLimit;
  return session.mode === 'exam' && limit ? parseDuration(limit) : null;
}

function stepView(session: LessonSession, step: Step, index: number): StepView {
  const current = session.progress.current;
  const completed = session.completions.find((c) => c.step === step.id);
  const hints = step.hints ?? [];
  const revealed = session.hintsRevealed(step.id);
  const hidden = session.hintPolicy === 'hidden';
  const next = hidden ? undefined : hints[revealed];
  return {
    id: step.id,
    title: step.title,
    objective: objectiveOf(step),
    points: stepPoints(step),
    status: index < current ? 'done' : index === current ? 'current' : 'pending',
    ...(completed ? { completed } : {}),
    hints: hints.slice(0, revealed).map(hintText),
    hintsLeft: hidden ? 0 : hints.length - revealed,
    nextHintCost: next === undefined ? null : hintCost(session.instance.lesson, next, session.hintPolicy),
  };
}

function feedback(session: LessonSession): FeedbackView | null {
  const status = session.progress.currentStatus;
  if (!status) return null;
  const checks = status.results.map((r) => ({ id: r.id, pass: r.pass, message: r.message, ...(r.feedback ? { feedback: r.feedback } : {}) }));
  return { checks, diagnoses: status.diagnoses };
}

/**
 * Everything the lesson pane shows. `elapsedMs` is wall time since the lesson opened, measured
 * by the caller: the engine has no clock of its own besides the simulated one.
 */
export function sessionState(session: LessonSession, elapsedMs = 0): LessonStateView {
  const { instance, compiled } = session;
  const limit = timeLimitOf(session);
  return {
    lessonId: instance.lessonId,
    title: instance.lesson.title,
    mode: session.mode,
    hintPolicy: session.hintPolicy,
    seed: instance.seed,
    steps: compiled.steps.map((s, i) => stepView(session, s.step, i)),
    current: session.progress.current,
    feedback: feedback(session),
    broken: session.progress.broken.map((r) => ({ id: r.id, message: r.message, ...(r.feedback ? { feedback: r.feedback } : {}) })),
    score: session.score(),
    actions: session.actionCount,
    clock: session.lab.world.clock,
    canUndo: !session.finished && session.actionCount > 0,
    complete: session.complete,
    finished: session.finished,
    timeLimitMs: limit,
    timeLeftMs: limit === null ? null : Math.max(0, limit - elapsedMs),
    solutionAvailable: session.mode === 'practice' || session.finished,
  };
}
