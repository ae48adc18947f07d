import { addressSpecificityBits } from './address.js';
import { PROTOCOL } from './constants.js';
import { exemptionFor, type Exemption } from './exemptions.js';
import { inSubnet, parseIpv4 } from './ipv4.js';
import { compiledPolicy, oneWayCompiled, type CompiledFilter, type CompiledRule } from './compiled-policy.js';
import type { HostContext, Packet } from './traffic.js';
import type { Filter, FilterAction, FilterAddress, FilterList, IpsecRule, PolicyStore, StandardRule } from './types.js';

/*
 * Which filter of the effective policy decides a packet (netsh-ipsec-2003.md §6.3): the most
 * specific filter across all active rules wins, whatever the rule order.
 */

export type Verdict = 'exempt' | 'permit' | 'block' | 'negotiate' | 'no-match';

export interface MatchDecision {
  readonly verdict: Verdict;
  /** Set when verdict is exempt. */
  readonly exemption: Exemption | null;
  /** Why nothing matched: no (such) policy, or no filter of an active rule fits. */
  readonly reason: 'no-policy' | 'no-filter' | null;
  readonly rule: StandardRule | null;
  /** 1-based position of the rule in its policy (what the UI calls "rule 1"). */
  readonly ruleNumber: number | null;
  readonly filterList: FilterList | null;
  /** 0-based index of the filter in its list; the UI adds one. */
  readonly filterIndex: number | null;
  readonly filterAction: FilterAction | null;
  /** The winning filter's weight (see filterWeight). */
  readonly weight: number | null;
  /** True when a mirrored filter matched with source and destination swapped. */
  readonly reversed: boolean;
}

const EMPTY: Omit<MatchDecision, 'verdict'> = {
  exemption: null,
  reason: null,
  rule: null,
  ruleNumber: null,
  filterList: null,
  filterIndex: null,
  filterAction: null,
  weight: null,
  reversed: false,
};

/**
 * Specificity weight [R — Windows' own formula is not documented in the reference]:
 *   8 × (fixed bits of the source + fixed bits of the destination, 0..64)
 *   + 4 if a protocol is named + 1 per named port.
 * So addresses dominate (a /32 peer beats any protocol or port refinement of a subnet), then
 * protocol, then ports; `me`, a host, a server keyword and a DNS name count as /32, `any` as /0.
 * Equal weights go to the earlier rule, then the earlier filter, so the result is deterministic.
 */
export function filterWeight(filter: Filter): number {
  const bits = addressSpecificityBits(filter.srcaddr) + addressSpecificityBits(filter.dstaddr);
  const protocol = filter.protocol === PROTOCOL.ANY ? 0 : 4;
  const ports = (filter.srcport === 0 ? 0 : 1) + (filter.dstport === 0 ? 0 : 1);
  return bits * 8 + protocol + ports;
}

function serversFor(address: FilterAddress & { kind: 'server' }, host: HostContext): readonly string[] {
  switch (address.server) {
    case 'DNS':
      return host.dnsServers ?? [];
    case 'WINS':
      return host.winsServers ?? [];
    case 'DHCP':
      return host.dhcpServers ?? [];
    case 'GATEWAY':
      return host.gateways ?? [];
  }
}

export function addressMatches(address: FilterAddress, ip: string, host: HostContext): boolean {
  switch (address.kind) {
    case 'any':
      return true;
    case 'me':
      return host.addresses.includes(ip);
    case 'host': {
      const value = parseIpv4(ip);
      return value !== null && value === parseIpv4(address.address);
    }
    case 'subnet': {
      const value = parseIpv4(ip);
      const network = parseIpv4(address.address);
      const mask = parseIpv4(address.mask);
      return value !== null && network !== null && mask !== null && inSubnet(value, network, mask);
    }
    case 'range': {
      const value = parseIpv4(ip);
      const from = parseIpv4(address.from);
      const to = parseIpv4(address.to);
      return value !== null && from !== null && to !== null && value >= from && value <= to;
    }
    case 'server':
      return serversFor(address, host).includes(ip);
    case 'dns':
      return address.addresses.includes(ip);
  }
}

function oneWay(
  filter: Filter,
  protocol: number,
  src: string,
  dst: string,
  srcPort: number,
  dstPort: number,
  host: HostContext,
): boolean {
  return (
    (filter.protocol === PROTOCOL.ANY || filter.protocol === protocol) &&
    (filter.srcport === 0 || filter.srcport === srcPort) &&
    (filter.dstport === 0 || filter.dstport === dstPort) &&
    addressMatches(filter.srcaddr, src, host) &&
    addressMatches(filter.dstaddr, dst, host)
  );
}

/** 'forward' as written, 'reverse' via mirroring (addresses and ports swapped), or null. */
export function filterMatches(filter: Filter, packet: Packet, host: HostContext): 'forward' | 'reverse' | null {
  const sp = packet.srcPort ?? 0;
  const dp = packet.dstPort ?? 0;
  if (oneWay(filter, packet.protocol, packet.src, packet.dst, sp, dp, host)) return 'forward';
  if (filter.mirrored && oneWay(filter, packet.protocol, packet.dst, packet.src, dp, sp, host)) return 'reverse';
  return null;
}

function ruleApplies(rule: IpsecRule, host: HostContext): rule is StandardRule {
  if (rule.isDefaultResponse || !rule.activate) return false;
  return rule.conntype === 'all' || rule.conntype === (host.connection ?? 'lan');
}

/**
 * The decision for one packet on a host whose effective policy is `policyName` (null = none
 * assigned). Exemptions are checked first; the default response rule never matches here — its
 * filters exist only while IKE answers a peer.
 */
export function matchPacket(
  store: PolicyStore,
  policyName: string | null,
  host: HostContext,
  packet: Packet,
): MatchDecision {
  const rules = policyName === null ? null : compiledPolicy(store, policyName, filterWeight);
  if (!rules) return { ...EMPTY, verdict: 'no-match', reason: 'no-policy' };
  const exemption = exemptionFor(packet, host);
  if (exemption) return { ...EMPTY, verdict: 'exempt', exemption };
  const src = { n: parseIpv4(packet.src), t: packet.src };
  const dst = { n: parseIpv4(packet.dst), t: packet.dst };
  const sp = packet.srcPort ?? 0;
  const dp = packet.dstPort ?? 0;
  let best: { rule: CompiledRule; filter: CompiledFilter; reversed: boolean } | null = null;
  for (const rule of rules) {
    if (!ruleApplies(rule.rule, host)) continue;
    for (const filter of rule.filters) {
      // Strictly greater: on a tie the earlier rule/filter, already held, stays.
      if (best && best.filter.weight >= filter.weight) continue;
      if (oneWayCompiled(filter, packet.protocol, src, dst, sp, dp, host)) best = { rule, filter, reversed: false };
      else if (filter.filter.mirrored && oneWayCompiled(filter, packet.protocol, dst, src, dp, sp, host)) best = { rule, filter, reversed: true };
    }
  }
  if (!best) return { ...EMPTY, verdict: 'no-match', reason: 'no-filter' };
  return {
    ...EMPTY,
    verdict: best.rule.action.action,
    rule: best.rule.rule,
    ruleNumber: best.rule.position + 1,
    filterList: best.rule.list,
    filterIndex: best.filter.index,
    filterAction: best.rule.action,
    weight: best.filter.weight,
    reversed: best.reversed,
  };
}
