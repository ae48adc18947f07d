/**
 * netsh at a host's command prompt: `netsh …` typed at cmd.exe, and the lines typed while an
 * interactive netsh owns the console. Pure: the world is read, changes leave as Effects.
 */
import type { Effect } from '../../effects.js';
import type { ConsoleState, Host, NetshConsoleState } from '../../model/host.js';
import type { World } from '../../model/world.js';
import type { ShellResult } from '../../shell/command.js';
import { createApplier, LOCAL_STORE } from '../apply/index.js';
import { runNetshCommandLine } from '../cmdline.js';
import { runNetshLine } from '../session.js';
import { netshDeps } from './deps.js';

const sameNetsh = (a: NetshConsoleState | null, b: NetshConsoleState | null) =>
  a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** Only a change is an effect, so a line netsh refused leaves the world exactly as it was. */
function consoleEffect(host: Host, console: ConsoleState): Effect[] {
  const now = host.console;
  const same = console.cwd === now.cwd && console.echo === now.echo && sameNetsh(console.netsh, now.netsh);
  return same ? [] : [{ kind: 'console', host: host.name, console }];
}

/**
 * `netsh [options] [command]` from cmd.exe. A command or script runs to the end on the local
 * store (each netsh starts there, §2.8); with no command netsh takes over the console.
 */
export function netshFromCmd(world: World, host: Host, args: string): ShellResult {
  const applier = createApplier(world, host, LOCAL_STORE);
  const result = runNetshCommandLine(args, netshDeps(world, host, LOCAL_STORE, applier));
  if (result.interactive) {
    const netsh: NetshConsoleState = { path: result.interactive.path, stack: result.interactive.stack, store: LOCAL_STORE };
    // netsh prints its own prompt at once: no blank line from cmd.exe in between.
    return { output: result.output, effects: consoleEffect(host, { ...host.console, netsh }) };
  }
  return { output: `${result.output}\n`, effects: applier.effects(), errorLevel: result.exitCode };
}

/** One line typed at the `netsh …>` prompt; exit, bye and quit hand the console back to cmd.exe. */
export function netshInConsole(world: World, host: Host, state: NetshConsoleState, line: string): ShellResult {
  const applier = createApplier(world, host, state.store);
  const result = runNetshLine(state, line, netshDeps(world, host, state.store, applier));
  const netsh: NetshConsoleState | null = result.exit
    ? null
    : { path: result.newState.path, stack: result.newState.stack, store: applier.selection() };
  const effects = [...applier.effects(), ...consoleEffect(host, { ...host.console, netsh })];
  // Back at cmd.exe, its blank line comes before the prompt again.
  return { output: result.output + (result.exit ? '\n' : ''), effects, errorLevel: result.failed ? 1 : 0 };
}
