import type { Action } from '../../actions.js';

/** practice: hints free, solution available; exam: hints hidden or charged, timer, no solution. */
export type Mode = 'practice' | 'exam';
export type HintPolicy = 'free' | 'charged' | 'hidden';

/**
 * One entry of a session's log, kept across reset and undo. Replaying the log on a fresh
 * session of the same lesson and seed reproduces the session exactly: that is how results are
 * re-graded. `at` is the simulated clock after the entry.
 */
export type LogEntry =
  /** An action applied; `n` is how many student actions the world holds after it. */
  | { readonly kind: 'action'; readonly n: number; readonly at: number; readonly action: Action }
  /** An action a lock refused; the world did not change. */
  | { readonly kind: 'refused'; readonly at: number; readonly action: Action; readonly reason: string }
  /** Hint `hint` (0-based) of a step revealed, costing `cost` points. */
  | { readonly kind: 'hint'; readonly at: number; readonly step: string; readonly hint: number; readonly cost: number }
  | { readonly kind: 'undo'; readonly at: number }
  | { readonly kind: 'reset'; readonly at: number }
  /** Back to the world at the start of a step (its checkpoint). */
  | { readonly kind: 'restore'; readonly at: number; readonly step: string }
  | { readonly kind: 'solution'; readonly at: number };

export type LogKind = LogEntry['kind'];

/** When a step was completed: after the student's `action`-th action, at simulated time `at`. */
export interface Completion {
  readonly step: string;
  readonly action: number;
  readonly at: number;
}

/** What an operation on a session did: done, or refused with a message for the student. */
export type Done = { readonly ok: true } | { readonly ok: false; readonly error: string };

export const done: Done = { ok: true };
export const refused = (error: string): Done => ({ ok: false, error });

/** One check of the current step, as the student sees it. */
export interface CheckView {
  readonly id: string;
  readonly pass: boolean;
  /** What was found, in words ("on SRV1, the active policy is none"). */
  readonly message: string;
  /** The author's feedback for this failure ("your filter is not mirrored"). */
  readonly feedback?: string;
}

export interface FeedbackView {
  readonly checks: readonly CheckView[];
  /** Feedback for specific wrong states (the step's diagnoses that hold now), most specific first. */
  readonly diagnoses: readonly string[];
}

export interface StepView {
  readonly id: string;
  readonly title: string;
  readonly objective: string;
  readonly points: number;
  readonly status: 'done' | 'current' | 'pending';
  readonly completed?: Completion;
  /** Hints revealed so far, in ladder order. */
  readonly hints: readonly string[];
  readonly hintsLeft: number;
  /** Points the next hint costs; null when none is left or hints are hidden. */
  readonly nextHintCost: number | null;
}

export interface ObjectiveScore {
  readonly id: string;
  readonly title: string;
  readonly earned: number;
  readonly possible: number;
  /** Points hints took away. */
  readonly charged: number;
}

export interface StepScore {
  readonly id: string;
  readonly objective: string;
  readonly points: number;
  readonly earned: number;
  readonly charged: number;
  readonly done: boolean;
}

export interface ScoreReport {
  readonly earned: number;
  readonly possible: number;
  readonly charged: number;
  readonly objectives: readonly ObjectiveScore[];
  readonly steps: readonly StepScore[];
}

export interface InvariantView {
  readonly id: string;
  readonly message: string;
  readonly feedback?: string;
}

/** Everything the lesson pane shows, computed from the session (and the wall clock passed in). */
export interface LessonStateView {
  readonly lessonId: string;
  readonly title: string;
  readonly mode: Mode;
  readonly hintPolicy: HintPolicy;
  readonly seed: number;
  readonly steps: readonly StepView[];
  /** Index of the current step; steps.length once every step is done. */
  readonly current: number;
  readonly feedback: FeedbackView | null;
  /** Invariants that do not hold now: steps cannot complete until they do. */
  readonly broken: readonly InvariantView[];
  readonly score: ScoreReport;
  readonly actions: number;
  readonly clock: number;
  readonly canUndo: boolean;
  readonly complete: boolean;
  readonly finished: boolean;
  readonly timeLimitMs: number | null;
  readonly timeLeftMs: number | null;
  readonly solutionAvailable: boolean;
}
