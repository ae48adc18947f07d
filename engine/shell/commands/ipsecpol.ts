import { IPSECPOL, runIpsecTool } from '../../ipseccmd/run.js';
import { usage } from '../../ipseccmd/labels.js';
import type { ShellResult, ShellCommand } from '../command.js';

/** What cmd.exe says when the program is not on the path (the shell's own wording). */
function notRecognized(name: string): ShellResult {
  return { output: `'${name}' is not recognized as an internal or external command,\noperable program or batch file.\n\n`, errorLevel: 9009 };
}

/**
 * ipsecpol.exe from the Windows 2000 Resource Kit: only on a 2000 host the lab gave the
 * Resource Kit (reference §7.1); the same grammar as ipseccmd without the query mode.
 */
export const ipsecpol: ShellCommand = {
  name: 'ipsecpol',
  summary: 'Configures IPSec policy in the SPD, the registry or Active Directory (Resource Kit).',
  usage: usage('ipsecpol').join('\n'),
  builtIn: false,
  versions: ['2000'],
  run({ world, host }, args) {
    if (!host.tools.includes('resource-kit')) return notRecognized('ipsecpol');
    return runIpsecTool(world, host, args, IPSECPOL);
  },
};
