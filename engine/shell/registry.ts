import type { ShellCommand } from './command.js';
import { cls } from './commands/cls.js';
import { dir } from './commands/dir.js';
import { echo } from './commands/echo.js';
import { dsadd, dsget, dsmoveCommand, dsqueryCommand, dsrmCommand } from './commands/ds-tools.js';
import { exit } from './commands/exit.js';
import { gpresult } from './commands/gpresult.js';
import { gpupdate } from './commands/gpupdate.js';
import { helpCommand } from './commands/help.js';
import { hostname } from './commands/hostname.js';
import { ipconfig } from './commands/ipconfig.js';
import { ipseccmd } from './commands/ipseccmd.js';
import { ipsecpol } from './commands/ipsecpol.js';
import { net } from './commands/net.js';
import { netdiag } from './commands/netdiag.js';
import { ping } from './commands/ping.js';
import { telnet } from './commands/telnet.js';
import { netsh } from './commands/netsh.js';
import { secedit } from './commands/secedit.js';
import { type } from './commands/type.js';
import { ver } from './commands/ver.js';

/** The command table of the emulated cmd.exe: add a command here and HELP, dispatch and completion follow. */
export const SHELL_COMMANDS: readonly ShellCommand[] = [
  cls,
  dir,
  echo,
  dsadd,
  dsget,
  dsmoveCommand,
  dsqueryCommand,
  dsrmCommand,
  exit,
  gpresult,
  gpupdate,
  helpCommand(() => SHELL_COMMANDS),
  hostname,
  ipconfig,
  ipseccmd,
  ipsecpol,
  net,
  netdiag,
  ping,
  telnet,
  netsh,
  secedit,
  type,
  ver,
];
