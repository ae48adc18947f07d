import { versionFacts } from '../../model/windows-version.js';
import { asksForUsage, printed, type ShellCommand } from '../command.js';

export const ver: ShellCommand = {
  name: 'ver',
  summary: 'Displays the Windows version.',
  usage: 'Displays the Windows version.\n\nVER',
  builtIn: true,
  run({ host }, args) {
    if (asksForUsage(args)) return printed(this.usage);
    return printed('', versionFacts(host.version).verLine);
  },
};
