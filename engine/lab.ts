import type { Action } from './actions.js';
import { applyAction, type ApplyOutcome } from './apply.js';
import { createWorld, type LabSpec } from './labs/lab-spec.js';
import type { Host } from './model/host.js';
import { versionFacts } from './model/windows-version.js';
import { findHost, hostNames, type World } from './model/world.js';
import { completeCommandLine, promptOf } from './shell/shell.js';

export type { ApplyOutcome };

export interface TranscriptEntry {
  readonly at: number;
  readonly action: Action;
}

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
    return host ? completeCommandLine(this.current, host, line) : [];
  }

  private dispatch(action: Action): ApplyOutcome {
    return applyAction(this.current, action);
  }
}
