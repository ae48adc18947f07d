/** The `netsh ipsec dynamic` context: the live SPD of the IPSec Services (reference §3). */
import type { NetshContext } from '../grammar.js';
import { setConfig, showConfig } from './dynamic-config.js';
import { DYNAMIC_EDIT } from './dynamic-edit.js';
import { dynamicDump, DYNAMIC_SHOW } from './dynamic-show.js';

export const DYNAMIC_COMMANDS = [...DYNAMIC_EDIT, setConfig, showConfig, ...DYNAMIC_SHOW, dynamicDump] as const;

export const DYNAMIC_CONTEXT: NetshContext = {
  name: 'dynamic',
  path: ['ipsec', 'dynamic'],
  description: "Changes to the `netsh ipsec dynamic' context.",
  groups: [
    { verb: 'add', description: 'Adds policy, filter, and actions to SPD.' },
    { verb: 'delete', description: 'Deletes policy, filter, and actions from SPD.' },
    { verb: 'set', description: 'Modifies policy, filter, and actions in SPD.' },
    { verb: 'show', description: 'Displays policy, filter, and actions from SPD.' },
  ],
  commands: DYNAMIC_COMMANDS,
  subcontexts: [],
};
