import { hostContext, type NegotiationPeer } from '../ike/peer.js';
import type { IkeMessage, NegotiationFailure, NegotiationOutcome, OutcomeKind } from '../ike/outcome.js';
import type { AuditEvent } from '../ike/types.js';
import { matchPacket } from '../ipsec/matching.js';
import type { Packet } from '../ipsec/traffic.js';

/** Which filter of which rule decided a packet on one host — "ICMP matched filter 2 of rule 1, Permit". */
export interface MatchSummary {
  readonly host: string;
  readonly policy: string | null;
  readonly verdict: string;
  readonly exemption: string | null;
  readonly rule: string | null;
  readonly ruleNumber: number | null;
  readonly filterList: string | null;
  readonly filterNumber: number | null;
  readonly filterAction: string | null;
}

/** One packet as the network view and the IKE timeline explain it. */
export interface TrafficRecord {
  readonly at: number;
  readonly from: string;
  readonly to: string;
  /** Who started IKE for this packet, and who answered (a reply can ride on the peer's SA). */
  readonly initiator: string;
  readonly responder: string;
  readonly packet: Packet;
  readonly kind: OutcomeKind | 'unreachable';
  readonly delivered: boolean;
  readonly negotiating: boolean;
  readonly sender: MatchSummary | null;
  readonly receiver: MatchSummary | null;
  readonly messages: readonly IkeMessage[];
  readonly failure: NegotiationFailure | null;
  readonly events: readonly AuditEvent[];
}

/** The log keeps this many packets, newest last: enough to explain what just happened. */
export const TRAFFIC_LOG_SIZE = 200;

export function summarise(peer: NegotiationPeer, packet: Packet): MatchSummary {
  const d = matchPacket(peer.policy.store, peer.policy.policyName, hostContext(peer), packet);
  return {
    host: peer.name,
    policy: peer.policyAgentRunning ? peer.policy.policyName : null,
    verdict: d.verdict,
    exemption: d.exemption,
    rule: d.rule?.name ?? null,
    ruleNumber: d.ruleNumber,
    filterList: d.filterList?.name ?? null,
    filterNumber: d.filterIndex === null ? null : d.filterIndex + 1,
    filterAction: d.filterAction?.name ?? null,
  };
}

export function recordOf(
  at: number,
  peers: { from: NegotiationPeer; to: NegotiationPeer },
  packet: Packet,
  outcome: NegotiationOutcome,
  delivered: boolean,
): TrafficRecord {
  return {
    at,
    from: peers.from.name,
    to: peers.to.name,
    initiator: outcome.initiator,
    responder: outcome.responder,
    packet,
    kind: outcome.kind,
    delivered,
    negotiating: outcome.negotiating,
    sender: summarise(peers.from, packet),
    receiver: summarise(peers.to, packet),
    messages: outcome.messages,
    failure: outcome.failure,
    events: outcome.events,
  };
}

export function appendRecord(log: readonly TrafficRecord[], record: TrafficRecord): TrafficRecord[] {
  const next = [...log, record];
  return next.length > TRAFFIC_LOG_SIZE ? next.slice(next.length - TRAFFIC_LOG_SIZE) : next;
}
