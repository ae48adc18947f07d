import { asksForUsage, printed, type ShellCommand } from '../command.js';

const USAGE = [
  'Refreshes Group Policy settings.',
  '',
  'GPUPDATE [/Target:{Computer | User}] [/Force] [/Wait:<value>]',
  '         [/Logoff] [/Boot] [/Sync]',
  '',
  'Parameters:',
  '',
  'Value                 Description',
  '/Target:{Computer | User} Specifies that only User or only Computer',
  '                      policy settings are refreshed. By default, both',
  '                      User and Computer policy settings are refreshed.',
  '',
  '/Force                Reapplies all policy settings. By default, only',
  '                      policy settings that have changed are applied.',
].join('\n');

const INVALID = 'Invalid Syntax.';

interface GpupdateOptions {
  readonly target: 'both' | 'computer' | 'user';
  readonly force: boolean;
}

function parseOptions(args: string): GpupdateOptions | null {
  let target: GpupdateOptions['target'] = 'both';
  let force = false;
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    if (lower === '/force') force = true;
    else if (lower === '/target:computer') target = 'computer';
    else if (lower === '/target:user') target = 'user';
    else if (!/^\/(wait:\d+|logoff|boot|sync)$/.test(lower)) return null;
  }
  return { target, force };
}

/**
 * gpupdate (XP and 2003). It refreshes computer policy now — which is when a computer notices a
 * newly assigned or removed IPSec policy; failures go to the event log, as on Windows.
 */
export const gpupdate: ShellCommand = {
  name: 'gpupdate',
  summary: 'Refreshes local and Active Directory-based Group Policy settings.',
  usage: USAGE,
  builtIn: false,
  versions: ['XP', '2003'],
  run({ host }, args) {
    if (asksForUsage(args)) return printed(USAGE);
    const options = parseOptions(args);
    if (!options) return printed(INVALID, '', USAGE);
    const lines = ['Refreshing Policy...', ''];
    if (options.target !== 'computer') lines.push('User Policy Refresh has completed.');
    if (options.target !== 'user') lines.push('Computer Policy Refresh has completed.');
    if (options.force) lines.push('', 'To check for errors in policy processing, review the event log.');
    const effects = options.target === 'user' ? [] : [{ kind: 'gp-refresh' as const, host: host.name }];
    return { ...printed(...lines), effects };
  },
};
