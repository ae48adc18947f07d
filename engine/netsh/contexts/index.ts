/** The netsh context tree: the root and `ipsec` with its two sub-contexts. */
import type { NetshContext } from '../grammar.js';
import { command } from '../params.js';
import { DYNAMIC_CONTEXT } from './dynamic.js';
import { STATIC_CONTEXT } from './static.js';

export const ipsecDump = command({
  id: 'ipsec.dump',
  verb: 'dump',
  description: 'Displays a configuration script.',
  purpose: 'Prints a script that recreates the IPSec configuration.',
  params: [],
  examples: ['dump'],
});

export const netshDump = command({
  id: 'netsh.dump',
  verb: 'dump',
  description: 'Displays a configuration script.',
  purpose: 'Prints a script of the configuration of every context.',
  params: [],
  examples: ['dump'],
});

export const IPSEC_CONTEXT: NetshContext = {
  name: 'ipsec',
  path: ['ipsec'],
  description: "Changes to the `netsh ipsec' context.",
  groups: [],
  commands: [ipsecDump],
  subcontexts: [STATIC_CONTEXT, DYNAMIC_CONTEXT],
};

/** Only the ipsec helper is emulated; other netsh contexts (interface, ras ...) are "not found". */
export const NETSH_ROOT: NetshContext = {
  name: 'netsh',
  path: [],
  description: '',
  groups: [],
  commands: [netshDump],
  subcontexts: [IPSEC_CONTEXT],
};

export { DYNAMIC_CONTEXT, STATIC_CONTEXT };
