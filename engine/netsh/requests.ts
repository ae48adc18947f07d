/**
 * The typed requests the handlers emit, one member per command, derived from the tables so a
 * new table entry adds its request type by itself. Narrow on `command`.
 */
import type { CommandSpec, Request } from './grammar.js';
import type { DYNAMIC_COMMANDS } from './contexts/dynamic.js';
import type { ipsecDump, netshDump } from './contexts/index.js';
import type { STATIC_COMMANDS } from './contexts/static.js';

type RequestOf<C> = C extends CommandSpec<infer Id, infer A> ? Request<Id, A> : never;

export type NetshRequest =
  | RequestOf<(typeof STATIC_COMMANDS)[number]>
  | RequestOf<(typeof DYNAMIC_COMMANDS)[number]>
  | RequestOf<typeof ipsecDump>
  | RequestOf<typeof netshDump>;

export type NetshCommandId = NetshRequest['command'];

/** The argument object of one command, e.g. RequestArgs<'static.add.policy'>. */
export type RequestArgs<Id extends NetshCommandId> = Extract<NetshRequest, { command: Id }>['args'];
