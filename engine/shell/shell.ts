import { completeInNetsh, completeNetshArgs } from '../netsh/console/complete.js';
import { netshInConsole } from '../netsh/console/run.js';
import { netshPrompt } from '../netsh/state.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';
import { printed, type ShellCommand, type ShellResult } from './command.js';
import { withRedirections } from './output-files.js';
import { splitRedirections } from './redirect.js';
import { SHELL_COMMANDS } from './registry.js';

/** cmd.exe ends a command's name at white space and at these delimiters (`ver/?`, `ipconfig/all`). */
const NAME_PATTERN = /^([^\s/,;=]+)(.*)$/s;

const PROGRAM_SUFFIX = /\.(exe|com)$/i;

function available(command: ShellCommand, host: Host): boolean {
  return !command.versions || command.versions.includes(host.version);
}

/** The command a typed name runs, and the arguments it gets (`echo.` runs echo with `.`). */
function lookup(name: string, rest: string, host: Host): { command: ShellCommand; args: string } | undefined {
  const lower = name.toLowerCase();
  const program = lower.replace(PROGRAM_SUFFIX, '');
  const exact = SHELL_COMMANDS.find((c) => c.name === lower || (!c.builtIn && c.name === program));
  if (exact) return available(exact, host) ? { command: exact, args: rest } : undefined;
  const glued = SHELL_COMMANDS.find((c) => c.glued && lower.startsWith(c.name) && c.glued.includes(lower.charAt(c.name.length)));
  return glued && available(glued, host) ? { command: glued, args: name.slice(glued.name.length) + rest } : undefined;
}

function notRecognized(word: string): ShellResult {
  return { ...printed(`'${word}' is not recognized as an internal or external command,`, 'operable program or batch file.'), errorLevel: 9009 };
}

/** Runs a command line cmd.exe has already stripped of redirections. */
function dispatch(world: World, host: Host, line: string): ShellResult {
  const trimmed = line.replace(/^[\s@]+/, '');
  if (trimmed.trim() === '') return { output: '' };
  const match = NAME_PATTERN.exec(trimmed);
  if (!match) return notRecognized(trimmed);
  const [, name = '', rest = ''] = match;
  const found = lookup(name, rest, host);
  if (!found) return notRecognized(name);
  return found.command.run({ world, host }, found.args);
}

/** With ECHO OFF cmd.exe prints neither its prompt nor the blank line before it. */
function echoAfter(host: Host, result: ShellResult): boolean {
  const consoles = (result.effects ?? []).filter((e) => e.kind === 'console' && e.host === host.name);
  const last = consoles[consoles.length - 1];
  return last?.kind === 'console' ? last.console.echo : host.console.echo;
}

/** Runs one line typed at a host's console. Pure: reads the world, returns what is printed and the effects. */
export function runCommandLine(world: World, host: Host, line: string): ShellResult {
  // While netsh runs interactively it reads the console's lines itself.
  const netsh = host.console.netsh;
  if (netsh) return netshInConsole(world, host, netsh, line);
  const split = splitRedirections(line);
  if (!split.ok) return { ...printed(split.error), errorLevel: 1 };
  const result = withRedirections(host, split.redirections, () => dispatch(world, host, split.command));
  if (echoAfter(host, result) || !result.output.endsWith('\n')) return result;
  return { ...result, output: result.output.slice(0, -1) };
}

/** The prompt the console shows on this host now. */
export function promptOf(host: Host): string {
  if (host.console.netsh) return netshPrompt(host.console.netsh);
  return host.console.echo ? `${host.console.cwd}>` : '';
}

/**
 * Tab completion: command names for the first word; netsh lines, both inside interactive
 * netsh and after `netsh` at cmd.exe. Each candidate replaces the last word of the line.
 */
export function completeCommandLine(world: World, host: Host, line: string): string[] {
  if (host.console.netsh) return completeInNetsh(world, host, host.console.netsh, line);
  const netshArgs = /^\s*netsh(?:\.exe)?(\s.*)$/is.exec(line);
  if (netshArgs) return completeNetshArgs(world, host, netshArgs[1] ?? '');
  if (/\s/.test(line.trimStart())) return [];
  const prefix = line.trimStart().toLowerCase();
  return SHELL_COMMANDS.filter((c) => available(c, host) && c.name.startsWith(prefix))
    .map((c) => c.name)
    .sort();
}
