import { asksForUsage, printed, type ShellCommand } from '../command.js';

export const cls: ShellCommand = {
  name: 'cls',
  summary: 'Clears the screen.',
  usage: 'Clears the screen.\n\nCLS',
  builtIn: true,
  run(_ctx, args) {
    if (asksForUsage(args)) return printed(this.usage);
    return { output: '', clear: true };
  },
};
