import type { Action } from './actions.js';
import { applyEffect } from './effects.js';
import type { LabEvent } from './events.js';
import { createWorld, type LabSpec } from './labs/lab-spec.js';
import { advanceClock } from './sim/clock.js';
import type { Host } from './model/host.js';
import { versionFacts } from './model/windows-version.js';
import { findHost, hostNames, type World } from './model/world.js';
import type { ShellResult } from './shell/command.js';
import { completeCommandLine, promptOf, runCommandLine } from './shell/shell.js';

export interface TranscriptEntry {
  readonly at: number;
  readonly action: Action;
}

export type ApplyOutcome =
  | { readonly ok: true; readonly events: readonly LabEvent[]; readonly shell?: ShellResult }
  | { readonly ok: false; readonly error: string };

/** The greeting cmd.exe prints when its window opens. */
export function consoleBanner(host: Host): string {
  const facts = versionFacts(host.version);
  return `${facts.verLine}\n${facts.copyright}\n\n`;
}

/**
 * One running lab: a world, the actions applied to it in order, and the only door through which
 * the world changes. Replaying the transcript on the lab's starting world reproduces it exactly.
 */
export class Lab {
  readonly spec: LabSpec;
  private current: World;
  private readonly log: TranscriptEntry[] = [];

  constructor(spec: LabSpec) {
    this.spec = spec;
    this.current = createWorld(spec);
  }

  get world(): Readonly<World> {
    return this.current;
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.log;
  }

  hosts(): string[] {
    return hostNames(this.current);
  }

  host(name: string): Host | undefined {
    return findHost(this.current, name);
  }

  apply(action: Action): ApplyOutcome {
    const outcome = this.dispatch(action);
    if (outcome.ok) this.log.push({ at: this.current.clock, action });
    return outcome;
  }

  prompt(hostName: string): string | undefined {
    const host = this.host(hostName);
    return host && promptOf(host);
  }

  complete(hostName: string, line: string): string[] {
    const host = this.host(hostName);
    return host ? completeCommandLine(host, line) : [];
  }

  private dispatch(action: Action): ApplyOutcome {
    switch (action.type) {
      case 'command': {
        const host = this.host(action.host);
        if (!host) return { ok: false, error: `There is no host named ${action.host} in this lab.` };
        const shell = runCommandLine(this.current, host, action.line);
        for (const effect of shell.effects ?? []) applyEffect(this.current, effect);
        const event: LabEvent = { type: 'command-run', host: host.name, line: action.line, at: this.current.clock };
        return { ok: true, events: [event], shell };
      }
      case 'advance': {
        if (!Number.isFinite(action.ms) || action.ms < 0) {
          return { ok: false, error: 'The clock can only move forward by a whole, positive time.' };
        }
        const from = this.current.clock;
        advanceClock(this.current, from + Math.floor(action.ms));
        return { ok: true, events: [{ type: 'clock-advanced', from, to: this.current.clock }] };
      }
    }
  }
}
