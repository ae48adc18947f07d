import { netshFromCmd } from '../../netsh/console/run.js';
import type { ShellCommand } from '../command.js';

/**
 * netsh.exe: every Windows version has it; which contexts it offers (ipsec only on 2003) is
 * netsh's business, so `netsh /?` and errors come from the netsh tables.
 */
export const netsh: ShellCommand = {
  name: 'netsh',
  summary: 'Configures and shows network settings (netsh ipsec on Server 2003).',
  usage: 'Usage: netsh [-a AliasFile] [-c Context] [-r RemoteMachine]\n             [Command | -f ScriptFile]',
  builtIn: false,
  run({ world, host }, args) {
    return netshFromCmd(world, host, args);
  },
};
