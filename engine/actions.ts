import type { DomainOp } from './directory/ops.js';
import type { StoreOp, StoreTarget } from './gui/store-action.js';

/** A domain change as an action: new GPOs get their GUID from the lab's seeded source. */
export type DomainChange = DomainOp extends infer O ? (O extends { op: 'create-gpo' } ? Omit<O, 'id'> : O) : never;

/**
 * Every change to a lab world is one of these plain, serialisable objects. The console, the
 * GUI and replay all produce them, so grading never cares which one the student used.
 */
export type Action =
  /** A line typed at a host's command prompt. */
  | { readonly type: 'command'; readonly host: string; readonly line: string }
  /** The simulated clock moves forward. */
  | { readonly type: 'advance'; readonly ms: number }
  /** A change made in Active Directory Users and Computers or the Group Policy tools. */
  | { readonly type: 'directory'; readonly domain: string; readonly change: DomainChange }
  /** A computer account moved to another OU (a DN), or to the default Computers container (null). */
  | { readonly type: 'move-computer'; readonly host: string; readonly ou: string | null }
  /** A computer switched off or on (a fault a lab can inject: an unreachable DC). */
  | { readonly type: 'power'; readonly host: string; readonly online: boolean }
  /** A bad packet a lab makes arrive at a host, to show what the monitor's error counters mean. */
  | { readonly type: 'inject'; readonly host: string; readonly fault: PacketFault }
  /** An edit made in IP Security Policy Management (a wizard's Finish, a dialog's OK, Assign). */
  | { readonly type: 'ipsec-store'; readonly target: StoreTarget; readonly op: StoreOp };

/** Packets that only an attacker or a broken network sends: each moves its own counter. */
export const PACKET_FAULTS = ['bad-spi', 'replay', 'tampered', 'malformed-ike', 'unknown-cookies'] as const;
export type PacketFault = (typeof PACKET_FAULTS)[number];

export type ActionType = Action['type'];

export type { StoreOp, StoreTarget } from './gui/store-action.js';
