import { printed, type ShellCommand } from '../command.js';

const USAGE = [
  'Displays messages, or turns command-echoing on or off.',
  '',
  '  ECHO [ON | OFF]',
  '  ECHO [message]',
  '',
  'Type ECHO without parameters to display the current echo setting.',
].join('\n');

/**
 * cmd.exe's ECHO: the one character after the name (a space, or `.` `:` `(` … glued to it)
 * separates and is not printed, so `echo.` prints a blank line; the rest is printed exactly,
 * trailing spaces included. Redirection (`> file`) is the shell's, not echo's.
 */
export const echo: ShellCommand = {
  name: 'echo',
  summary: 'Displays messages, or turns command echoing on or off.',
  usage: USAGE,
  builtIn: true,
  glued: '.:([]+\\/;,=',
  run({ host }, args) {
    const word = args.trim();
    if (word === '') return printed(`ECHO is ${host.console.echo ? 'on' : 'off'}.`);
    if (word === '/?' && /^\s/.test(args)) return printed(USAGE);
    const onOff = word.toLowerCase();
    if (/^\s/.test(args) && (onOff === 'on' || onOff === 'off')) {
      return { output: '\n', effects: [{ kind: 'console', host: host.name, console: { ...host.console, echo: onOff === 'on' } }] };
    }
    return printed(args.slice(1));
  },
};
