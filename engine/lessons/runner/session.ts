import type { Action } from '../../actions.js';
import type { ApplyOutcome, Lab, TranscriptEntry } from '../../lab.js';
import type { CheckContext } from '../checks/outcome.js';
import type { LessonInstance } from '../instance.js';
import { hintText, type Step } from '../model.js';
import { compileLesson, type CompiledLesson } from '../progress.js';
import { startLessonLab, studentTranscript, type LessonLab } from '../session.js';
import { lockRefusal } from './locks.js';
import { hintCost, hintPolicyOf, modeOf, scoreReport } from './score.js';
import { StepTracker } from './tracker.js';
import { done, refused, type Completion, type Done, type HintPolicy, type LogEntry, type Mode, type ScoreReport } from './types.js';

export interface SessionOptions {
  /** Requested mode; an exam lesson is always sat as an exam. */
  readonly mode?: Mode;
  /** The lesson's checks compiled once, shared by sessions of the same instance. */
  readonly compiled?: CompiledLesson;
}

export type HintOutcome = { readonly ok: true; readonly text: string; readonly cost: number } | { readonly ok: false; readonly error: string };

/**
 * A student working through one lesson: the lab built from the lesson's instance (pack, lab,
 * seed), the steps re-checked after every action, hints, locks, reset, undo and checkpoints.
 * Pure and deterministic: the world is only ever the starting world plus `actions`, so undo
 * and restore rebuild it by replay, and the log replayed on a new session reproduces this one.
 */
export class LessonSession {
  readonly mode: Mode;
  readonly hintPolicy: HintPolicy;
  readonly compiled: CompiledLesson;
  private started!: LessonLab;
  private tracker!: StepTracker;
  private actions: Action[] = [];
  /** The student's part of the lab transcript, kept as it grows (no copy per action). */
  private studentLog: TranscriptEntry[] = [];
  private readonly entries: LogEntry[] = [];
  private ended = false;

  constructor(
    readonly instance: LessonInstance,
    options: SessionOptions = {},
  ) {
    this.mode = modeOf(instance.lesson, options.mode);
    this.hintPolicy = hintPolicyOf(instance.lesson, this.mode);
    this.compiled = options.compiled ?? compileLesson(instance.lesson);
    this.rebuild([]);
  }

  get lab(): Lab {
    return this.started.lab;
  }

  get log(): readonly LogEntry[] {
    return this.entries;
  }

  /** Student actions the world holds now (after undo, reset and restore). */
  get actionCount(): number {
    return this.actions.length;
  }

  get progress(): StepTracker {
    return this.tracker;
  }

  get completions(): readonly Completion[] {
    return this.tracker.completions;
  }

  get finished(): boolean {
    return this.ended;
  }

  get complete(): boolean {
    return this.tracker.current >= this.compiled.steps.length;
  }

  currentStep(): Step | undefined {
    return this.compiled.steps[this.tracker.current]?.step;
  }

  context(): CheckContext {
    return { world: this.lab.world, transcript: this.studentLog };
  }

  /** Applies one action as the student made it: locks first, then the lab, then the steps. */
  apply(action: Action): ApplyOutcome {
    if (this.ended) return { ok: false, error: 'The lesson is finished; nothing more can be changed.' };
    const reason = lockRefusal(this.lab.world, action, this.instance.lesson.locks, this.currentStep()?.locks);
    if (reason) {
      this.entries.push({ kind: 'refused', at: this.clock(), action, reason });
      return { ok: false, error: reason };
    }
    const outcome = this.lab.apply(action);
    if (!outcome.ok) return outcome;
    this.record(action);
    this.tracker.update(this.context(), this.actions.length);
    this.entries.push({ kind: 'action', n: this.actions.length, at: this.clock(), action });
    return outcome;
  }

  /** The current step's checks again, on the world as it is: what the feedback pane shows. */
  recheck(): void {
    this.tracker.update(this.context(), this.actions.length);
  }

  /** Reveals the next hint of the current step; charged in exam mode, refused when hidden. */
  revealHint(): HintOutcome {
    if (this.ended) return { ok: false, error: 'The lesson is finished.' };
    if (this.hintPolicy === 'hidden') return { ok: false, error: 'Hints are not available in this exam.' };
    const step = this.currentStep();
    if (!step) return { ok: false, error: 'Every step is done; there are no more hints.' };
    const index = this.hintsRevealed(step.id);
    const hint = step.hints?.[index];
    if (hint === undefined) return { ok: false, error: 'There are no more hints for this step.' };
    const cost = hintCost(this.instance.lesson, hint, this.hintPolicy);
    this.entries.push({ kind: 'hint', at: this.clock(), step: step.id, hint: index, cost });
    return { ok: true, text: hintText(hint), cost };
  }

  hintsRevealed(stepId: string): number {
    return this.entries.filter((e) => e.kind === 'hint' && e.step === stepId).length;
  }

  /** Takes back the last action: the world is rebuilt from the start without it. */
  undo(): Done {
    if (this.ended) return refused('The lesson is finished.');
    if (this.actions.length === 0) return refused('There is nothing to undo.');
    this.rebuild(this.actions.slice(0, -1));
    this.entries.push({ kind: 'undo', at: this.clock() });
    return done;
  }

  /** Back to the lesson's starting world; the log (and hints taken) stay. */
  reset(): Done {
    if (this.ended) return refused('The lesson is finished.');
    this.rebuild([]);
    this.entries.push({ kind: 'reset', at: this.clock() });
    return done;
  }

  /** Actions the world held when each step started: the checkpoints restore returns to. */
  checkpoints(): { step: string; actions: number }[] {
    const steps = this.compiled.steps.slice(0, this.tracker.current + 1);
    return steps.map((s, i) => ({ step: s.step.id, actions: i === 0 ? 0 : (this.completions[i - 1]?.action ?? 0) }));
  }

  /** Back to the world at the start of a step already reached. */
  restore(stepId: string): Done {
    if (this.ended) return refused('The lesson is finished.');
    const point = this.checkpoints().find((c) => c.step === stepId);
    if (!point) return refused(`Step "${stepId}" has not been reached yet, so it has no checkpoint.`);
    this.rebuild(this.actions.slice(0, point.actions));
    this.entries.push({ kind: 'restore', at: this.clock(), step: stepId });
    return done;
  }

  /** The reference solution's lines; not during an exam. It never touches the student's world. */
  solution(): { ok: true; lines: string[] } | { ok: false; error: string } {
    if (this.mode === 'exam' && !this.ended) return { ok: false, error: 'The solution is not shown during an exam.' };
    // Logged while the student works; after the end the log is closed (it is the result's).
    if (!this.ended) this.entries.push({ kind: 'solution', at: this.clock() });
    return { ok: true, lines: this.instance.solution.map((a) => a.text) };
  }

  /** Ends the session: nothing changes the world after this. */
  finish(): void {
    this.ended = true;
  }

  score(): ScoreReport {
    return scoreReport(this.instance.lesson, this.completions, this.entries);
  }

  private clock(): number {
    return this.lab.world.clock;
  }

  /** The starting world plus these actions, with steps re-tracked after each one. */
  private rebuild(actions: readonly Action[]): void {
    this.started = startLessonLab(this.instance);
    this.studentLog = [...studentTranscript(this.started)];
    this.tracker = new StepTracker(this.compiled);
    this.tracker.update(this.context(), 0);
    this.actions = [];
    for (const action of actions) {
      const outcome = this.lab.apply(action);
      // Replay is deterministic: an action accepted once is accepted again.
      if (!outcome.ok) throw new Error(`replay diverged: ${outcome.error}`);
      this.record(action);
      this.tracker.update(this.context(), this.actions.length);
    }
  }

  private record(action: Action): void {
    this.actions.push(action);
    const entry = this.lab.transcript[this.lab.transcript.length - 1];
    if (entry) this.studentLog.push(entry);
  }
}
