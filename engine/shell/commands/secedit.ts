import { printed, type ShellCommand } from '../command.js';

const USAGE = [
  'secedit /refreshpolicy {machine_policy | user_policy} [/enforce]',
].join('\n');

/** Windows 2000's way to refresh Group Policy, before gpupdate existed [C:S7]. */
export const secedit: ShellCommand = {
  name: 'secedit',
  summary: 'Configures and analyzes system security; on Windows 2000 also refreshes policy.',
  usage: USAGE,
  builtIn: false,
  versions: ['2000'],
  run({ host }, args) {
    const words = args.trim().toLowerCase().split(/\s+/);
    if (words[0] !== '/refreshpolicy' || !['machine_policy', 'user_policy'].includes(words[1] ?? '')) {
      return printed(USAGE);
    }
    const machine = words[1] === 'machine_policy';
    return {
      ...printed(
        `Group policy propagation from the domain has been initiated for this ${machine ? 'computer' : 'user'}. It may take a few minutes for the propagation to complete and the new policy to take effect. Please check Application Log for errors, if any.`,
      ),
      effects: machine ? [{ kind: 'gp-refresh' as const, host: host.name }] : [],
    };
  },
};
