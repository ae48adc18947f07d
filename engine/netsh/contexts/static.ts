/** The `netsh ipsec static` context: the policy store (reference §2). */
import type { NetshContext } from '../grammar.js';
import { STATIC_ADD } from './static-add.js';
import { STATIC_DELETE } from './static-delete.js';
import { STATIC_SET } from './static-set.js';
import { STATIC_OTHER, STATIC_SHOW } from './static-show.js';

export const STATIC_COMMANDS = [...STATIC_ADD, ...STATIC_DELETE, ...STATIC_SET, ...STATIC_SHOW, ...STATIC_OTHER] as const;

export const STATIC_CONTEXT: NetshContext = {
  name: 'static',
  path: ['ipsec', 'static'],
  description: "Changes to the `netsh ipsec static' context.",
  groups: [
    { verb: 'add', description: 'Creates new policies and related information.' },
    { verb: 'delete', description: 'Deletes policies and related information.' },
    { verb: 'set', description: 'Modifies existing policies and related information.' },
    { verb: 'show', description: 'Displays details of policies and related information.' },
  ],
  commands: STATIC_COMMANDS,
  subcontexts: [],
};
