import { DEFAULT_RESPONSE_ACTION_NAME, DYNAMIC_FILTER_LIST_NAME } from '../ipsec/constants.js';
import { matchPacket, type MatchDecision } from '../ipsec/matching.js';
import { findPolicy } from '../ipsec/store-lookup.js';
import type { Packet } from '../ipsec/traffic.js';
import type { AuthMethod, Filter, FilterAddress, IpsecPolicy, QmOffer } from '../ipsec/types.js';
import { hostContext, type NegotiationPeer } from './peer.js';
import type { QmFilterRef, TrafficSelector } from './types.js';

/*
 * What one side's effective policy says about a packet, in IKE terms: the filter that caused
 * the negotiation, the methods it allows, and the traffic the SA will cover.
 */

export interface SideView {
  readonly policy: IpsecPolicy;
  readonly filter: QmFilterRef;
  readonly authMethods: readonly AuthMethod[];
  readonly qmOffers: readonly QmOffer[];
  readonly qmpfs: boolean;
  readonly soft: boolean;
  readonly inpass: boolean;
  /** Tunnel endpoint of the rule (as typed); null = transport mode. */
  readonly tunnel: string | null;
}

export type SenderDecision =
  | { readonly kind: 'exempt' | 'clear' | 'blocked'; readonly match: MatchDecision | null }
  | { readonly kind: 'negotiate'; readonly match: MatchDecision; readonly view: SideView; readonly selector: TrafficSelector };

const HOST_MASK = '255.255.255.255';

/** The effective policy, or null when the service is stopped or nothing is assigned. */
export function effectivePolicy(peer: NegotiationPeer): IpsecPolicy | null {
  if (!peer.policyAgentRunning || peer.policy.policyName === null) return null;
  return findPolicy(peer.policy.store, peer.policy.policyName) ?? null;
}

export function matchOn(peer: NegotiationPeer, packet: Packet): MatchDecision | null {
  return matchUnder(peer, effectivePolicy(peer), packet);
}

/** matchOn with the effective policy already looked up (it is the same lookup). */
function matchUnder(peer: NegotiationPeer, policy: IpsecPolicy | null, packet: Packet): MatchDecision | null {
  if (policy === null) return null;
  return matchPacket(peer.policy.store, peer.policy.policyName, hostContext(peer), packet);
}

function viewOf(policy: IpsecPolicy, match: MatchDecision): SideView | null {
  const { rule, filterAction, filterList } = match;
  if (!rule || !filterAction || !filterList || match.verdict !== 'negotiate') return null;
  return {
    policy,
    filter: {
      policyName: policy.name,
      ruleName: rule.name,
      filterListName: filterList.name,
      filterIndex: match.filterIndex,
      filterActionName: filterAction.name,
    },
    authMethods: rule.authMethods,
    qmOffers: filterAction.qmsecmethods,
    qmpfs: filterAction.qmpfs,
    soft: filterAction.soft,
    inpass: filterAction.inpass,
    tunnel: rule.tunnel,
  };
}

/** The default response rule's view, when the policy has it switched on. */
export function defaultResponseView(policy: IpsecPolicy): SideView | null {
  const rule = policy.rules.find((r) => r.isDefaultResponse && r.activate);
  if (!rule || !rule.isDefaultResponse) return null;
  return {
    policy,
    filter: {
      policyName: policy.name,
      ruleName: null,
      filterListName: DYNAMIC_FILTER_LIST_NAME,
      filterIndex: null,
      filterActionName: DEFAULT_RESPONSE_ACTION_NAME,
    },
    authMethods: rule.authMethods,
    qmOffers: rule.qmsecmethods,
    qmpfs: rule.qmpfs,
    soft: false,
    inpass: false,
    tunnel: null,
  };
}

/** Tunnel IDs keep the filter's subnet; `any` is 0.0.0.0/0; everything else the packet's host [R]. */
function idFor(address: FilterAddress, actual: string, tunnel: boolean): { address: string; mask: string } {
  if (!tunnel) return { address: actual, mask: HOST_MASK };
  if (address.kind === 'subnet') return { address: address.address, mask: address.mask };
  if (address.kind === 'any') return { address: '0.0.0.0', mask: '0.0.0.0' };
  return { address: actual, mask: HOST_MASK };
}

/** The quick mode IDs a filter gives for this packet, local side first. */
export function selectorFor(filter: Filter, packet: Packet, reversed: boolean, tunnel: boolean): TrafficSelector {
  const local = reversed ? filter.dstaddr : filter.srcaddr;
  const remote = reversed ? filter.srcaddr : filter.dstaddr;
  const src = idFor(local, packet.src, tunnel);
  const dst = idFor(remote, packet.dst, tunnel);
  return {
    srcAddress: src.address,
    srcMask: src.mask,
    dstAddress: dst.address,
    dstMask: dst.mask,
    protocol: filter.protocol,
    srcPort: reversed ? filter.dstport : filter.srcport,
    dstPort: reversed ? filter.srcport : filter.dstport,
  };
}

/** The sender's decision for an outbound packet. */
export function senderDecision(peer: NegotiationPeer, packet: Packet): SenderDecision {
  const policy = effectivePolicy(peer);
  const match = matchUnder(peer, policy, packet);
  if (!policy || !match) return { kind: 'clear', match: null };
  if (match.verdict === 'exempt') return { kind: 'exempt', match };
  if (match.verdict === 'block') return { kind: 'blocked', match };
  const view = viewOf(policy, match);
  const filter = match.filterList?.filters[match.filterIndex ?? -1];
  if (!view || !filter) return { kind: 'clear', match };
  const selector = selectorFor(filter, packet, match.reversed, view.tunnel !== null);
  return { kind: 'negotiate', match, view, selector };
}

export type ResponderLookup =
  | { readonly kind: 'silent' }
  | { readonly kind: 'no-policy'; readonly policy: IpsecPolicy }
  | { readonly kind: 'ok'; readonly view: SideView };

/**
 * How the responder answers a negotiation for `packet` (as it arrives): a negotiate rule of its
 * own, else the default response rule, else "No policy configured" (13825). No policy or a
 * stopped service means IKE never answers.
 */
export function responderLookup(peer: NegotiationPeer, packet: Packet): ResponderLookup {
  const policy = effectivePolicy(peer);
  if (!policy) return { kind: 'silent' };
  const match = matchUnder(peer, policy, packet);
  const own = match ? viewOf(policy, match) : null;
  if (own) return { kind: 'ok', view: own };
  const dynamic = defaultResponseView(policy);
  return dynamic ? { kind: 'ok', view: dynamic } : { kind: 'no-policy', policy };
}

export function mirrorSelector(s: TrafficSelector): TrafficSelector {
  return {
    srcAddress: s.dstAddress,
    srcMask: s.dstMask,
    dstAddress: s.srcAddress,
    dstMask: s.srcMask,
    protocol: s.protocol,
    srcPort: s.dstPort,
    dstPort: s.srcPort,
  };
}
