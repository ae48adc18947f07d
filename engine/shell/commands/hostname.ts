import { asksForUsage, printed, type ShellCommand } from '../command.js';

export const hostname: ShellCommand = {
  name: 'hostname',
  summary: 'Prints the name of the current host.',
  usage: 'Prints the name of the current host.\n\nhostname',
  builtIn: false,
  run({ host }, args) {
    if (asksForUsage(args)) return printed(this.usage);
    if (args.trim() !== '') return printed('sethostname: Use the Network Control Panel Applet to set hostname.');
    return printed(host.name);
  },
};
