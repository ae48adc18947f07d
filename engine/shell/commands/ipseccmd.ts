import { IPSECCMD, runIpsecTool } from '../../ipseccmd/run.js';
import { usage } from '../../ipseccmd/labels.js';
import type { ShellCommand } from '../command.js';

/**
 * ipseccmd.exe from the Windows XP Support Tools (assumed installed on every XP host); 2000
 * has ipsecpol and 2003 has netsh ipsec instead (reference §7.1), so there it is unknown.
 */
export const ipseccmd: ShellCommand = {
  name: 'ipseccmd',
  summary: 'Configures IPSec policy in the SPD, the registry or Active Directory (Support Tools).',
  usage: usage('ipseccmd').join('\n'),
  builtIn: false,
  versions: ['XP'],
  run({ world, host }, args) {
    return runIpsecTool(world, host, args, IPSECCMD);
  },
};
