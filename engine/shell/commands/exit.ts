import { asksForUsage, printed, type ShellCommand } from '../command.js';

export const exit: ShellCommand = {
  name: 'exit',
  summary: 'Quits the CMD.EXE program (command interpreter).',
  usage: [
    'Quits the CMD.EXE program (command interpreter) or the current batch',
    'script.',
    '',
    'EXIT [/B] [exitCode]',
  ].join('\n'),
  builtIn: true,
  run(_ctx, args) {
    if (asksForUsage(args)) return printed(this.usage);
    return { output: '', exit: true };
  },
};
