import { randomInt } from 'node:crypto';
import { hasErrors, instantiate, splitLessonMarkdown, type LessonText, type Pack } from '../../engine/lessons/index.js';
import { LessonSession, modeOf, replaySession, resultOf, sessionState, timeLimitOf, type LessonResult, type Mode } from '../../engine/lessons/runner/index.js';
import type { Action, ApplyOutcome } from '../../engine/index.js';
import type { LessonState, PackSummary } from '../protocol/lab-api.js';
import { UserError } from '../protocol/rpc.js';
import type { ShellHost } from '../shell-host.js';
import { PackLibrary, summarize } from './pack-library.js';
import { ProgressStore, PROGRESS_FORMAT, type LessonProgress } from './progress-store.js';

export interface LessonHostOptions {
  readonly home: string;
  readonly builtInDir: string;
  readonly appVersion: string;
  readonly student: string;
  /** Wall clock in ms (exam timers); tests pass their own. */
  readonly now: () => number;
}

/** The open lesson: its session and what the result and progress files need besides it. */
interface Active {
  readonly session: LessonSession;
  readonly pack: Pack;
  readonly hash: string;
  readonly text: LessonText;
  readonly startedMs: number;
  /** Set once the lesson is finished (by the student or the exam timer). */
  result: LessonResult | null;
}

/**
 * The lesson side of LabService: the pack library, progress on disk and the one open lesson.
 * The lesson's session stands in front of the lab the consoles and tools use (ShellHost), so
 * every action passes its locks and re-checks its steps; each change is saved and announced.
 */
export class LessonHost {
  readonly store: ProgressStore;
  readonly library: PackLibrary;
  private active: Active | null = null;
  private notice: string | null = null;

  constructor(
    private readonly shells: ShellHost,
    private readonly options: LessonHostOptions,
    private readonly announce: (state: LessonState) => void,
  ) {
    this.store = new ProgressStore(options.home, (line) => (this.notice = line));
    this.library = new PackLibrary(options.builtInDir, options.home, options.appVersion);
  }

  async listPacks(): Promise<PackSummary[]> {
    return (await this.library.scan()).map(summarize);
  }

  importPack(path: string): Promise<PackSummary> {
    return this.library.import(path);
  }

  async open(packId: string, lessonId: string, mode?: Mode, seed?: number): Promise<LessonState> {
    const found = await this.library.find(packId);
    const pack = found.loaded.pack;
    const source = pack.lessons.find((l) => l.id === lessonId);
    if (!source) throw new UserError(`Pack "${packId}" has no lesson "${lessonId}" (${pack.lessons.map((l) => l.id).join(', ')}).`);
    const wanted = { ...(mode !== undefined ? { mode: modeOf(source.lesson, mode) } : {}), ...(seed !== undefined ? { seed } : {}) };
    const stored = await this.resumable(packId, lessonId, found.hash, wanted);
    const useSeed = stored?.seed ?? seed ?? randomInt(0, 2 ** 31);
    const { instance, problems } = instantiate(pack, lessonId, useSeed);
    if (!instance || hasErrors(problems)) throw new UserError(`Lesson ${lessonId} cannot start: ${problems[0]?.message ?? 'its lab is missing'}.`);
    let session = new LessonSession(instance, { mode: stored?.mode ?? modeOf(source.lesson, mode) });
    if (stored) {
      const replayed = replaySession(instance, stored.transcript, { mode: stored.mode, compiled: session.compiled });
      if (replayed.problems.length === 0) session = replayed.session;
      else this.notice = `Your saved work in ${lessonId} no longer replays (${replayed.problems[0]}); the lesson starts afresh.`;
    }
    const startedMs = stored ? Date.parse(stored.started) : this.options.now();
    this.active = { session, pack, hash: found.hash, text: splitLessonMarkdown(instance.markdown), startedMs, result: null };
    this.shells.use({ get lab() { return session.lab; }, apply: (action) => this.apply(action) });
    return this.changed();
  }

  /** Saved progress to resume, or null; progress that cannot be resumed is kept aside. */
  private async resumable(packId: string, lessonId: string, hash: string, wanted: { mode?: Mode; seed?: number }): Promise<LessonProgress | null> {
    const stored = await this.store.load(packId, lessonId);
    if (!stored) return null;
    const file = this.store.fileOf(packId, lessonId);
    if (stored.result) {
      // A finished attempt stays on disk beside the new one.
      await this.store.setAside(file, 'finished');
      return null;
    }
    const sameRun = (wanted.mode === undefined || wanted.mode === stored.mode) && (wanted.seed === undefined || wanted.seed === stored.seed);
    if (stored.pack.hash === hash && sameRun) return stored;
    const aside = await this.store.setAside(file, 'earlier');
    const why = stored.pack.hash === hash ? 'you chose another mode or seed' : 'the pack has changed since';
    this.notice = `Your earlier work in ${lessonId} was kept as ${aside.split(/[\\/]/).pop()}: ${why}.`;
    return null;
  }

  state(): LessonState {
    const active = this.require();
    return this.expireIfDue(active) ? this.changed() : this.view(active);
  }

  private view(active: Active): LessonState {
    const { session, pack, text } = active;
    const { id, title, version } = pack.manifest;
    return { ...sessionState(session, this.elapsed(active)), pack: { id, title, version }, text, notice: this.takeNotice() };
  }

  revealHint(): LessonState {
    return this.op((s) => s.revealHint());
  }

  reset(): LessonState {
    return this.op((s) => s.reset(), true);
  }

  undo(): LessonState {
    return this.op((s) => s.undo(), true);
  }

  restore(step: string): LessonState {
    return this.op((s) => s.restore(step), true);
  }

  solution(): { lines: string[] } {
    const outcome = this.require().session.solution();
    if (!outcome.ok) throw new UserError(outcome.error);
    this.changed();
    return { lines: outcome.lines };
  }

  /** Ends the lesson and returns the result, also saved with the progress. */
  finish(): LessonResult {
    const active = this.require();
    if (!active.result) {
      active.session.finish();
      active.result = this.resultOf(active);
    }
    this.changed();
    return active.result;
  }

  /** Every action from a console or tool, while a lesson is open. */
  private apply(action: Action): ApplyOutcome {
    const active = this.require();
    this.expireIfDue(active);
    const outcome = active.session.apply(action);
    this.changed();
    return outcome;
  }

  private op(run: (session: LessonSession) => { ok: true } | { ok: false; error: string }, worldChanged = false): LessonState {
    const active = this.require();
    const expired = this.expireIfDue(active);
    const outcome = run(active.session);
    if (!outcome.ok) {
      if (expired) this.changed();
      throw new UserError(outcome.error);
    }
    // Undo, reset and restore rebuild the lab: the consoles and views must hear of it.
    if (worldChanged) this.shells.changed();
    return this.changed();
  }

  /** An exam past its time limit is handed in as it stands; true when that happens now. */
  private expireIfDue(active: Active): boolean {
    const limit = timeLimitOf(active.session);
    if (active.session.finished || limit === null || this.elapsed(active) < limit) return false;
    active.session.finish();
    active.result = this.resultOf(active);
    this.notice = 'Time is up: your exam was handed in as it stood.';
    return true;
  }

  private resultOf(active: Active): LessonResult {
    const { id, version } = active.pack.manifest;
    const now = this.options.now();
    return resultOf(active.session, {
      pack: { id, version, hash: active.hash },
      student: this.options.student,
      app: this.options.appVersion,
      started: new Date(active.startedMs).toISOString(),
      finished: new Date(now).toISOString(),
      wallMs: Math.max(0, now - active.startedMs),
    });
  }

  /** Saves the progress and tells every connection; returns the state it announced. */
  private changed(): LessonState {
    const active = this.require();
    const { session, pack, hash } = active;
    const progress: LessonProgress = {
      format: PROGRESS_FORMAT,
      formatVersion: 1,
      pack: { id: pack.manifest.id, version: pack.manifest.version, hash },
      lesson: session.instance.lessonId,
      seed: session.instance.seed,
      mode: session.mode,
      student: this.options.student,
      started: new Date(active.startedMs).toISOString(),
      transcript: [...session.log],
      result: active.result,
    };
    void this.store.save(progress);
    const state = this.view(active);
    this.announce(state);
    return state;
  }

  private elapsed(active: Active): number {
    return Math.max(0, this.options.now() - active.startedMs);
  }

  private takeNotice(): string | null {
    const notice = this.notice;
    this.notice = null;
    return notice;
  }

  private require(): Active {
    if (!this.active) throw new UserError('No lesson is open; open one from the lesson list first.');
    return this.active;
  }
}
