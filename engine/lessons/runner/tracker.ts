import type { CheckContext } from '../checks/outcome.js';
import { runChecks, stepStatus, type CompiledLesson, type NamedResult } from '../progress.js';
import type { Completion } from './types.js';

/** The current step's verdict after the last action: every check's result and the diagnoses. */
export interface StepStatus {
  readonly passed: boolean;
  readonly results: readonly NamedResult[];
  readonly diagnoses: readonly string[];
}

/**
 * Step progress over one world: after every action the invariants are checked, then the
 * current step's checks (compiled once), and every step that passes now is completed in order.
 * Each check runs once per action; the current step's results are kept for the feedback pane.
 */
export class StepTracker {
  private index = 0;
  private readonly done: Completion[] = [];
  private status: StepStatus | null = null;
  private brokenNow: readonly NamedResult[] = [];

  constructor(readonly compiled: CompiledLesson) {}

  get current(): number {
    return this.index;
  }

  get completions(): readonly Completion[] {
    return this.done;
  }

  /** The current step's last verdict; null once every step is done. */
  get currentStatus(): StepStatus | null {
    return this.status;
  }

  get broken(): readonly NamedResult[] {
    return this.brokenNow;
  }

  /** Re-checks after the student's `action`-th action (0: the starting world). */
  update(ctx: CheckContext, action: number): void {
    this.brokenNow = runChecks(this.compiled.invariants, ctx).filter((r) => !r.pass);
    const steps = this.compiled.steps;
    this.status = null;
    while (this.index < steps.length) {
      const step = steps[this.index];
      if (!step) break;
      const status = stepStatus(step, ctx);
      // A step whose checks pass still waits while an invariant is broken: it must keep holding.
      if (!status.passed || this.brokenNow.length > 0) {
        this.status = status;
        return;
      }
      this.done.push({ step: step.step.id, action, at: ctx.world.clock });
      this.index++;
    }
  }
}
