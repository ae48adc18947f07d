import type { IkeErrorCode } from './codes.js';
import type { AuditEvent, CounterDelta, HostEffect, MainModeSa, QuickModeSa, Role } from './types.js';

/* What one packet did: the verdicts, the IKE exchange if any, and its effects on both hosts. */

export interface IkeMessage {
  readonly mode: 'main' | 'quick';
  /** 1–6 in main mode, 1–3 in quick mode; a notify or resend carries the number it answers/repeats. */
  readonly number: number;
  readonly kind: 'message' | 'notify' | 'retransmit';
  readonly from: Role;
  /** Simulated time it was sent. */
  readonly at: number;
  readonly payloads: readonly string[];
  /** Offered methods (main mode 1: `3DES-SHA1-2`, auth kinds; quick mode 1: `ESP[3DES,SHA1]`). */
  readonly proposals: readonly string[];
  /** The method picked (main mode 2, quick mode 2). */
  readonly chosen: string | null;
}

export interface NegotiationFailure {
  readonly mode: 'main' | 'quick';
  /** The last message the detecting side received before it failed (0 = none). */
  readonly message: number;
  readonly detectedBy: Role;
  /** The code the detecting side logs, and its text. */
  readonly code: IkeErrorCode;
  readonly text: string;
  /** Each host's 547 "Failure Point" and code (null: that host logs nothing). */
  readonly point: Readonly<Record<Role, 'Me' | 'Peer' | null>>;
  readonly codes: Readonly<Record<Role, IkeErrorCode | null>>;
}

export type OutcomeKind =
  /** Default exemption (IKE itself, or Kerberos/broadcast per ipsecexempt). */
  | 'exempt'
  /** No negotiate filter on either side: clear text, delivered. */
  | 'clear'
  /** A block filter on the sender (outbound) or the receiver (inbound); no IKE, no event. */
  | 'blocked'
  /** Arrived clear where the receiver requires security and does not allow inpass. */
  | 'dropped'
  /** Arrived clear, accepted by an inpass=yes receiver, which will answer secured. */
  | 'inpass'
  /** Sent under an existing quick mode SA. */
  | 'secured'
  /** Sent clear under an existing soft SA. */
  | 'soft-existing'
  /** A negotiation with this peer is already in flight: the packet waits and is lost. */
  | 'pending'
  /** This packet started a negotiation that will end in SAs at settlesAt. */
  | 'negotiated'
  /** …that will end in a soft SA (peer never answered, soft=yes). */
  | 'soft'
  /** …that will fail. */
  | 'failed';

export interface NegotiationOutcome {
  readonly kind: OutcomeKind;
  readonly initiator: string;
  readonly responder: string;
  /** The packet reached the receiver now. */
  readonly delivered: boolean;
  /** The sender's IPSec held the packet for IKE (ping: "Negotiating IP Security."). */
  readonly negotiating: boolean;
  readonly blockedBy: Role | null;
  /** Outbound SPI protecting the packet ('secured'). */
  readonly outboundSpi: number | null;
  readonly mainModeReused: boolean;
  readonly messages: readonly IkeMessage[];
  readonly failure: NegotiationFailure | null;
  readonly startedAt: number;
  readonly settlesAt: number;
  /** Timed effects on each host, applied by applyOutcome/advance. */
  readonly effects: Readonly<Record<Role, readonly HostEffect[]>>;
  readonly sas: Readonly<Record<Role, { readonly mm: readonly MainModeSa[]; readonly qm: readonly QuickModeSa[] }>>;
  readonly events: readonly AuditEvent[];
  /** Net counter changes once everything has settled (gauges that rise and fall cancel). */
  readonly counterDeltas: Readonly<Record<Role, CounterDelta>>;
}
