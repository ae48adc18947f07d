import type { Effect } from '../effects.js';
import type { Host } from '../model/host.js';
import type { WindowsVersion } from '../model/windows-version.js';
import type { World } from '../model/world.js';

/** What one command line did, as cmd.exe would show it. */
export interface ShellResult {
  /** Text printed between the typed line and the next prompt, lines ended by "\n". */
  readonly output: string;
  /** The window was cleared before `output` was printed (cls). */
  readonly clear?: boolean;
  /** The console window closes (exit). */
  readonly exit?: boolean;
  /** Changes to the world, applied in order once the command has been answered. */
  readonly effects?: readonly Effect[];
  /** cmd.exe's ERRORLEVEL after the line: 0 (or absent) when it succeeded. */
  readonly errorLevel?: number;
}

export interface ShellContext {
  readonly world: World;
  readonly host: Host;
}

/**
 * One command of the emulated cmd.exe, declared as data: the shell dispatches, lists HELP
 * and completes from the table of these, never from code paths of its own.
 */
export interface ShellCommand {
  /** Lower-case name as typed. */
  readonly name: string;
  /** One line for HELP's list. */
  readonly summary: string;
  /** What `NAME /?` and `HELP NAME` print. */
  readonly usage: string;
  /** cmd.exe built-ins are listed by HELP; external programs answer `HELP NAME` differently. */
  readonly builtIn: boolean;
  /** Windows versions that have the command; all when absent. */
  readonly versions?: readonly WindowsVersion[];
  /**
   * Characters that may follow the name with no space and start its arguments, as `echo.`
   * and `echo:` do in cmd.exe; none when absent.
   */
  readonly glued?: string;
  /** `args` is the rest of the line after the command name, untrimmed. */
  run(ctx: ShellContext, args: string): ShellResult;
}

/** A command's printed lines followed by the blank line cmd.exe leaves before its prompt. */
export function printed(...lines: string[]): ShellResult {
  return { output: lines.map((l) => `${l}\n`).join('') + '\n' };
}

/** Like printed, for a command that failed (ERRORLEVEL 1). */
export function failed(...lines: string[]): ShellResult {
  return { ...printed(...lines), errorLevel: 1 };
}

export function asksForUsage(args: string): boolean {
  return args.trim() === '/?';
}
