import type { Packet } from '../ipsec/traffic.js';
import { negotiationFailed } from './audit.js';
import { hex8 } from './hex.js';
import { MESSAGE_MS } from './behaviour.js';
import type { IkeErrorCode } from './codes.js';
import type { NegotiationPeer } from './peer.js';
import type { Reason } from './reasons.js';
import { at, type Script } from './script.js';
import type { IkeHostState, Role, TrafficSelector } from './types.js';
import { mirrorSelector, type SideView } from './views.js';

/* What every step of one negotiation shares, and small helpers over it. */

/** Faults an exercise can inject into one negotiation. */
export interface NegotiationFaults {
  /** The initiator's adapter cannot send IKE messages (cable unplugged) [R]. */
  readonly sendFailure?: boolean;
  /** This host's driver refuses the outbound SA (Key Addition Failures). */
  readonly keyAddFailure?: Role;
  /** This host's driver refuses the inbound SA (Key Update Failures). */
  readonly keyUpdateFailure?: Role;
}

export interface Ctx {
  readonly s: Script;
  readonly peers: Readonly<Record<Role, NegotiationPeer>>;
  readonly states: Readonly<Record<Role, IkeHostState>>;
  readonly view: SideView;
  /** The traffic the initiator asks to protect, initiator side first. */
  readonly selector: TrafficSelector;
  readonly packet: Packet;
  readonly t0: number;
  readonly next32: () => number;
  readonly faults: NegotiationFaults;
}

export function other(role: Role): Role {
  return role === 'initiator' ? 'responder' : 'initiator';
}

/** Simulated time at which message `n` (counted from this exchange's start) arrives. */
export function arrival(ctx: Ctx, n: number): number {
  return ctx.t0 + n * MESSAGE_MS;
}

/** The selector as `role` sees it. */
export function selectorOf(ctx: Ctx, role: Role): TrafficSelector {
  return role === 'initiator' ? ctx.selector : mirrorSelector(ctx.selector);
}

export function addressOf(ctx: Ctx, role: Role): string {
  return ctx.peers[role].address;
}

export interface FailureNote {
  readonly role: Role;
  readonly time: number;
  readonly mode: 'main' | 'quick';
  readonly point: 'Me' | 'Peer';
  readonly code: IkeErrorCode;
  readonly message: number;
  readonly identity?: string;
  readonly reasons: readonly Reason[];
}

/** A host's side of a failure: its counters and its 547. */
export function noteFailure(ctx: Ctx, n: FailureNote): void {
  const peer = ctx.peers[other(n.role)];
  const event = negotiationFailed(ctx.peers[n.role].name, n.time, {
    mode: n.mode,
    selector: selectorOf(ctx, n.role),
    local: addressOf(ctx, n.role),
    peer: peer.address,
    peerIdentity: n.identity ?? `Peer IP Address: ${peer.address}`,
    point: n.point,
    code: n.code,
    message: n.message,
  });
  at(ctx.s, n.role, n.time, { reasons: n.reasons, events: [event] });
}

/** The base reasons of a failure on a host: every failure counts; the initiator's acquire failed. */
export function failureReasons(role: Role, extra: readonly Reason[] = []): Reason[] {
  return role === 'initiator' ? ['negotiation-failed', 'acquire-failed', ...extra] : ['negotiation-failed', ...extra];
}

export function hex64(next32: () => number): string {
  const part = () => hex8(next32() >>> 0);
  return part() + part();
}
