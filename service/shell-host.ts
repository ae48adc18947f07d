import { builtInLab, consoleBanner, DEFAULT_LAB_ID, Lab, toPrintable, type Action, type ApplyOutcome } from '../engine/index.js';
import type { ShellOpening, ShellReply } from './protocol/lab-api.js';
import { UserError } from './protocol/rpc.js';

/** Longest command line accepted; cmd.exe itself stops at 8191 characters. */
export const MAX_COMMAND_LINE = 8191;

export function openLab(labId: string = DEFAULT_LAB_ID): Lab {
  const spec = builtInLab(labId);
  if (!spec) throw new UserError(`There is no lab named "${labId}".`);
  return new Lab(spec);
}

/**
 * What the consoles and tools act on: a lab, or a lesson session standing in front of one
 * (which may refuse an action under a lock, and rebuilds its lab on undo or reset).
 */
export interface LabTarget {
  readonly lab: Lab;
  apply(action: Action): ApplyOutcome;
}

function plain(lab: Lab): LabTarget {
  return { lab, apply: (action) => lab.apply(action) };
}

/**
 * The command prompts of one lab, as console clients see them: every line becomes an engine
 * action, and everything printed is made terminal-safe here, once. Consoles name hosts, never
 * a lab object, so when the target switches (a lesson opens) they go on against the new one.
 */
export class ShellHost {
  private readonly listeners: Array<() => void> = [];
  private target: LabTarget;

  constructor(lab: Lab) {
    this.target = plain(lab);
  }

  get lab(): Lab {
    return this.target.lab;
  }

  /** Switches every console and tool to another lab or lesson, and tells the listeners. */
  use(target: Lab | LabTarget): void {
    this.target = target instanceof Lab ? plain(target) : target;
    this.changed();
  }

  /** Called after every change to the lab, whoever made it. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners the lab changed other than by an action (undo, reset, a new lab). */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Applies one action and tells the listeners; a rejected action changes nothing and says why. */
  apply(action: Action): ApplyOutcome {
    const outcome = this.target.apply(action);
    if (outcome.ok) this.changed();
    return outcome;
  }

  open(hostName: string): ShellOpening {
    const host = this.requireHost(hostName);
    return { host: host.name, banner: consoleBanner(host), prompt: this.lab.prompt(host.name) ?? '' };
  }

  run(hostName: string, line: string): ShellReply {
    const host = this.requireHost(hostName);
    if (line.length > MAX_COMMAND_LINE) {
      return { output: 'The input line is too long.\n\n', clear: false, exit: false, prompt: this.promptOf(host.name) };
    }
    const outcome = this.apply({ type: 'command', host: host.name, line });
    // A refused line (a lesson's lock) is answered in the console, like any message cmd prints.
    if (!outcome.ok) return { output: `${toPrintable(outcome.error)}\n\n`, clear: false, exit: false, prompt: this.promptOf(host.name) };
    const shell = outcome.shell ?? { output: '' };
    return {
      output: toPrintable(shell.output),
      clear: shell.clear ?? false,
      exit: shell.exit ?? false,
      prompt: this.promptOf(host.name),
    };
  }

  complete(hostName: string, line: string): string[] {
    return this.lab.complete(this.requireHost(hostName).name, line);
  }

  private promptOf(hostName: string): string {
    return toPrintable(this.lab.prompt(hostName) ?? '');
  }

  private requireHost(name: unknown) {
    const host = typeof name === 'string' ? this.lab.host(name) : undefined;
    if (!host) throw new UserError(`There is no host named ${String(name)} in this lab (${this.lab.hosts().join(', ')}).`);
    return host;
  }
}
