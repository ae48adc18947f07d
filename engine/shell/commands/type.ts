import { fileKey, isDirectory, PATH_ERRORS, resolvePath } from '../../model/files.js';
import type { Host } from '../../model/host.js';
import { failed, printed, type ShellCommand, type ShellResult } from '../command.js';
import { cmdWords } from '../words.js';

const USAGE = 'Displays the contents of a text file or files.\n\nTYPE [drive:][path]filename';

function contents(host: Host, typed: string): { text: string } | { error: string } {
  const resolved = resolvePath(host.console.cwd, typed);
  if (!resolved.ok) return { error: PATH_ERRORS[resolved.error] };
  if (isDirectory(host, resolved.path)) return { error: PATH_ERRORS.denied };
  const key = fileKey(host, resolved.path);
  return key === undefined ? { error: PATH_ERRORS.noFile } : { text: host.files[key] ?? '' };
}

/**
 * TYPE prints a file as stored; cmd.exe's blank line follows, so a file ending in a newline
 * shows one blank line before the prompt and a file without one shows none.
 */
export const type: ShellCommand = {
  name: 'type',
  summary: 'Displays the contents of a text file.',
  usage: USAGE,
  builtIn: true,
  run({ host }, args) {
    const names = cmdWords(args);
    if (names.length === 1 && names[0] === '/?') return printed(USAGE);
    if (names.length === 0) return failed('The syntax of the command is incorrect.');
    let output = '';
    let errorLevel = 0;
    for (const name of names) {
      const found = contents(host, name);
      // With several files, TYPE names each one before its text.
      if (names.length > 1) output += `\n${name}\n\n\n`;
      if ('error' in found) {
        output += `${found.error}\n`;
        errorLevel = 1;
      } else output += found.text;
    }
    const result: ShellResult = { output: `${output}\n`, errorLevel };
    return result;
  },
};
