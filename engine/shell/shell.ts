import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';
import { printed, type ShellCommand, type ShellResult } from './command.js';
import { SHELL_COMMANDS } from './registry.js';

/** cmd.exe ends a command's name at white space and at these delimiters (`ver/?`, `ipconfig/all`). */
const NAME_PATTERN = /^([^\s/,;=]+)(.*)$/s;

const PROGRAM_SUFFIX = /\.(exe|com)$/i;

function lookup(name: string, host: Host): ShellCommand | undefined {
  const lower = name.toLowerCase();
  const program = lower.replace(PROGRAM_SUFFIX, '');
  const command = SHELL_COMMANDS.find((c) => c.name === lower || (!c.builtIn && c.name === program));
  if (command?.versions && !command.versions.includes(host.version)) return undefined;
  return command;
}

function notRecognized(word: string): ShellResult {
  return printed(`'${word}' is not recognized as an internal or external command,`, 'operable program or batch file.');
}

/** Runs one line typed at a host's command prompt. Pure: reads the world, returns what cmd.exe prints. */
export function runCommandLine(world: World, host: Host, line: string): ShellResult {
  const trimmed = line.replace(/^[\s@]+/, '').trimEnd();
  if (trimmed === '') return { output: '' };
  const match = NAME_PATTERN.exec(trimmed);
  if (!match) return notRecognized(trimmed);
  const [, name = '', rest = ''] = match;
  const command = lookup(name, host);
  if (!command) return notRecognized(name);
  return command.run({ world, host }, rest);
}

/** The prompt cmd.exe shows on this host now. */
export function promptOf(host: Host): string {
  return `${host.console.cwd}>`;
}

/** Command names starting with what the user typed, for tab completion of the first word. */
export function completeCommandLine(host: Host, line: string): string[] {
  if (/\s/.test(line.trimStart())) return [];
  const prefix = line.trimStart().toLowerCase();
  return SHELL_COMMANDS.filter((c) => (!c.versions || c.versions.includes(host.version)) && c.name.startsWith(prefix))
    .map((c) => c.name)
    .sort();
}
