import type { LabApi } from '../service/protocol/lab-api.js';
import { describeError } from './lab-client.js';

/**
 * Keeps one reading of the lab fresh for a view that may be hidden: `load` runs at once when
 * the view is shown, and after labChanged events (debounced) while it is shown; changes made
 * while hidden are read when it is shown again. At most one load is in flight; a change that
 * arrives meanwhile schedules one more.
 */
export class LabWatch {
  readonly #load: () => Promise<void>;
  readonly #onError: (message: string | null) => void;
  readonly #delay: number;
  readonly #unsubscribe: () => void;
  #shown = false;
  #stale = true;
  #loading = false;
  #again = false;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(lab: LabApi, load: () => Promise<void>, onError: (message: string | null) => void, delay = 120) {
    this.#load = load;
    this.#onError = onError;
    this.#delay = delay;
    this.#unsubscribe = lab.on('labChanged', () => {
      this.#stale = true;
      if (this.#shown) this.#schedule();
    });
  }

  /** The view became visible (read now if anything changed) or hidden (stop reading). */
  show(shown: boolean): void {
    this.#shown = shown;
    if (shown && this.#stale) void this.refresh();
  }

  async refresh(): Promise<void> {
    if (this.#stopped) return;
    if (this.#loading) {
      this.#again = true;
      return;
    }
    this.#loading = true;
    try {
      do {
        this.#again = false;
        this.#stale = false;
        await this.#load();
      } while (this.#again && !this.#stopped);
      this.#onError(null);
    } catch (error) {
      if (!this.#stopped) this.#onError(describeError(error));
    } finally {
      this.#loading = false;
    }
  }

  dispose(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#unsubscribe();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.refresh();
    }, this.#delay);
  }
}
