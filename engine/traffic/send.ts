import { transmit } from '../ike/traffic.js';
import type { NegotiationOutcome } from '../ike/outcome.js';
import type { Packet } from '../ipsec/traffic.js';
import type { Host } from '../model/host.js';
import type { TrafficDraft } from './draft.js';
import { negotiationPeer } from './peer.js';
import { appendRecord, recordOf } from './record.js';

export interface Delivery {
  /** The packet reached the other host's stack. */
  readonly delivered: boolean;
  /** It was held back while IPSec negotiated (ping's "Negotiating IP Security."). */
  readonly negotiating: boolean;
  readonly outcome: NegotiationOutcome | null;
}

const LOST: Delivery = { delivered: false, negotiating: false, outcome: null };

/** One packet from `from` to `to` at the draft's time, through both hosts' IPSec. */
export function sendPacket(draft: TrafficDraft, from: Host, to: Host | null, packet: Packet, bytes: number): Delivery {
  if (!from.online || !to?.online) return LOST;
  const peers = { from: negotiationPeer(draft.world, from), to: negotiationPeer(draft.world, to) };
  const result = transmit(draft.ike, { initiator: peers.from, responder: peers.to, packet, now: draft.now, next32: draft.next32, bytes });
  draft.log = appendRecord(draft.log, recordOf(draft.now, peers, packet, result.outcome, result.delivered));
  return { delivered: result.delivered, negotiating: result.outcome.negotiating, outcome: result.outcome };
}
