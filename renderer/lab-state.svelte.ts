import type { LabApi, LabMethods, LabView } from '../service/protocol/lab-api.js';
import { describeError } from './lab-client.js';

export type ClockRequest = LabMethods['advanceClock']['params'];

/** labChanged events closer together than this are answered with one labView request. */
const REFRESH_DELAY_MS = 40;

/**
 * The renderer's copy of the lab, kept fresh: every labChanged (a command typed in any console,
 * the clock moving, a tool's change) schedules one labView request; bursts coalesce into one,
 * and at most one request is in flight. Answers are applied in the order they were asked for.
 */
export class LabState {
  /** The latest LabView, or null until the first arrives. */
  view = $state.raw<LabView | null>(null);
  /** The simulated time in ms: from labChanged at once, and from every view. */
  clock = $state(0);
  /** A clock request is in flight. */
  busy = $state(false);
  /** The last clock request's failure, as one line. */
  clockError = $state<string | null>(null);
  /** Why the view could not be read, as one line. */
  viewError = $state<string | null>(null);
  /** The connection is gone: nothing more will be asked. */
  stopped = $state(false);

  readonly #lab: LabApi;
  readonly #unsubscribe: (() => void)[];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #loading = false;
  #again = false;
  #asked = 0;
  #applied = 0;

  constructor(lab: LabApi) {
    this.#lab = lab;
    this.#unsubscribe = [
      lab.on('labChanged', ({ clock }) => {
        this.clock = clock;
        this.#schedule();
      }),
      lab.on('connectionLost', () => this.dispose()),
    ];
  }

  /** Reads the whole lab now (the first time, or on demand). */
  async refresh(): Promise<void> {
    if (this.stopped) return;
    if (this.#loading) {
      this.#again = true;
      return;
    }
    this.#loading = true;
    try {
      do {
        this.#again = false;
        const asked = ++this.#asked;
        this.#accept(asked, await this.#lab.labView({}));
      } while (this.#again && !this.stopped);
      this.viewError = null;
    } catch (error) {
      if (!this.stopped) this.viewError = describeError(error);
    } finally {
      this.#loading = false;
    }
  }

  /** Moves the simulated clock; ignored while another clock request is in flight. */
  async advance(request: ClockRequest): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    this.clockError = null;
    try {
      const asked = ++this.#asked;
      this.#accept(asked, await this.#lab.advanceClock(request));
    } catch (error) {
      if (!this.stopped) this.clockError = describeError(error);
    } finally {
      this.busy = false;
    }
  }

  /** When the next background Group Policy refresh of an online domain member falls due, or null. */
  nextGpRefresh(): { at: number; host: string } | null {
    let next: { at: number; host: string } | null = null;
    for (const h of this.view?.hosts ?? []) {
      if (h.online && h.nextGpRefresh !== null && (!next || h.nextGpRefresh < next.at)) next = { at: h.nextGpRefresh, host: h.name };
    }
    return next;
  }

  dispose(): void {
    this.stopped = true;
    clearTimeout(this.#timer);
    for (const off of this.#unsubscribe) off();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  #accept(asked: number, view: LabView): void {
    if (asked < this.#applied || this.stopped) return;
    this.#applied = asked;
    this.view = view;
    this.clock = view.clock;
  }
}
