import type { LabApi, LessonResult, LessonState, Mode, PackSummary } from '../service/protocol/lab-api.js';
import { describeError } from './lab-client.js';
import { markProgress } from './lesson-progress.js';

/**
 * The renderer's copy of the lesson side: the pack list and the open lesson, kept fresh from
 * lessonChanged (every command typed in any prompt re-checks the steps). Operations report
 * their failure as one line in `error`; nothing here grades or simulates.
 */
export class LessonStore {
  packs = $state.raw<readonly PackSummary[] | null>(null);
  packsError = $state<string | null>(null);
  /** The open lesson, or null when none is. */
  lesson = $state.raw<LessonState | null>(null);
  /** The result once the lesson is finished in this window. */
  result = $state.raw<LessonResult | null>(null);
  /** The reference solution's lines while shown. */
  solution = $state.raw<readonly string[] | null>(null);
  /** One line from the last failed operation. */
  error = $state<string | null>(null);
  /** A notice from the service (time up, saved work set aside), shown until dismissed. */
  notice = $state<string | null>(null);
  busy = $state(false);
  /** The start screen is shown over an open lesson. */
  browsing = $state(false);

  readonly #lab: LabApi;
  readonly #off: () => void;

  constructor(lab: LabApi) {
    this.#lab = lab;
    this.#off = lab.on('lessonChanged', (state) => this.#accept(state));
  }

  /** Reads the packs and, if the service already has a lesson open, that lesson. */
  async load(): Promise<void> {
    await this.refreshPacks();
    try {
      this.#accept(await this.#lab.lessonState({}));
    } catch {
      // No lesson is open yet: the start screen shows.
    }
  }

  async refreshPacks(): Promise<void> {
    try {
      this.packs = await this.#lab.listPacks({});
      this.packsError = null;
    } catch (error) {
      this.packsError = describeError(error);
    }
  }

  /** Imports a pack folder or zip; returns the error line, or null when it was imported. */
  async importPack(path: string): Promise<string | null> {
    try {
      await this.#lab.importPack({ path });
      await this.refreshPacks();
      return null;
    } catch (error) {
      return describeError(error);
    }
  }

  async open(pack: string, lesson: string, mode: Mode): Promise<boolean> {
    const ok = await this.#run(async () => {
      this.result = null;
      this.solution = null;
      this.#accept(await this.#lab.openLesson({ pack, lesson, mode }));
      this.browsing = false;
    });
    if (ok) markProgress(pack, lesson, 'started');
    return ok;
  }

  revealHint = () => this.#run(async () => this.#accept(await this.#lab.revealHint({})));
  reset = () => this.#run(async () => this.#accept(await this.#lab.resetLesson({})));
  undo = () => this.#run(async () => this.#accept(await this.#lab.undoLast({})));

  async showSolution(): Promise<void> {
    await this.#run(async () => {
      this.solution = (await this.#lab.showSolution({})).lines;
    });
  }

  hideSolution(): void {
    this.solution = null;
  }

  /** Ends the lesson (or fetches the result of one already ended) for the score report. */
  async finish(): Promise<void> {
    const lesson = this.lesson;
    await this.#run(async () => {
      this.solution = null;
      this.result = await this.#lab.finishLesson({});
      if (lesson) markProgress(lesson.pack.id, lesson.lessonId, 'done');
    });
  }

  /** Back to the start screen; the service keeps the lesson (and its progress) as it is. */
  browse(): void {
    this.browsing = true;
    this.error = null;
    void this.refreshPacks();
  }

  /** Back from the start screen to the open lesson. */
  resume(): void {
    this.browsing = false;
  }

  dispose(): void {
    this.#off();
  }

  async #run(work: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await work();
      return true;
    } catch (error) {
      this.error = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #accept(state: LessonState): void {
    if (state.notice) this.notice = state.notice;
    this.lesson = state;
  }
}
