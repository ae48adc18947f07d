import { PROTOCOL } from './constants.js';
import { parseIpv4 } from './ipv4.js';
import { filterActionById, filterListById, findPolicy } from './store-lookup.js';
import type { HostContext } from './traffic.js';
import type { Filter, FilterAction, FilterAddress, FilterList, PolicyStore, StandardRule } from './types.js';

/**
 * A policy prepared for matching: addresses parsed to numbers once, weights computed once.
 * Stores are immutable values, so a compiled policy is cached against the store object itself
 * and is dropped with it.
 */
export type AddressTest = (ip: number | null, text: string, host: HostContext) => boolean;

export interface CompiledFilter {
  readonly filter: Filter;
  readonly index: number;
  readonly weight: number;
  readonly src: AddressTest;
  readonly dst: AddressTest;
}

export interface CompiledRule {
  readonly rule: StandardRule;
  readonly position: number;
  readonly list: FilterList;
  readonly action: FilterAction;
  readonly filters: readonly CompiledFilter[];
}

const cache = new WeakMap<PolicyStore, Map<string, readonly CompiledRule[] | null>>();

function servers(server: string, host: HostContext): readonly string[] {
  if (server === 'DNS') return host.dnsServers ?? [];
  if (server === 'WINS') return host.winsServers ?? [];
  if (server === 'DHCP') return host.dhcpServers ?? [];
  return host.gateways ?? [];
}

export function addressTest(address: FilterAddress): AddressTest {
  switch (address.kind) {
    case 'any':
      return () => true;
    case 'me':
      return (_ip, text, host) => host.addresses.includes(text);
    case 'host': {
      const value = parseIpv4(address.address);
      return (ip) => ip !== null && ip === value;
    }
    case 'subnet': {
      const network = parseIpv4(address.address) ?? 0;
      const mask = parseIpv4(address.mask) ?? 0;
      return (ip) => ip !== null && ((ip & mask) >>> 0) === ((network & mask) >>> 0);
    }
    case 'range': {
      const from = parseIpv4(address.from) ?? 0;
      const to = parseIpv4(address.to) ?? 0;
      return (ip) => ip !== null && ip >= from && ip <= to;
    }
    case 'server':
      return (_ip, text, host) => servers(address.server, host).includes(text);
    case 'dns':
      return (_ip, text) => address.addresses.includes(text);
  }
}

function compile(store: PolicyStore, policyName: string, weightOf: (f: Filter) => number): readonly CompiledRule[] | null {
  const policy = findPolicy(store, policyName);
  if (!policy) return null;
  const rules: CompiledRule[] = [];
  policy.rules.forEach((rule, position) => {
    if (rule.isDefaultResponse) return;
    const list = filterListById(store, rule.filterListId);
    const action = filterActionById(store, rule.filterActionId);
    if (!list || !action) return;
    const filters = list.filters.map((filter, index) => ({ filter, index, weight: weightOf(filter), src: addressTest(filter.srcaddr), dst: addressTest(filter.dstaddr) }));
    rules.push({ rule, position, list, action, filters });
  });
  return rules;
}

export function compiledPolicy(store: PolicyStore, policyName: string, weightOf: (f: Filter) => number): readonly CompiledRule[] | null {
  let byName = cache.get(store);
  if (!byName) cache.set(store, (byName = new Map()));
  const key = policyName.toLowerCase();
  if (!byName.has(key)) byName.set(key, compile(store, policyName, weightOf));
  return byName.get(key) ?? null;
}

/** One direction of a compiled filter against a packet whose addresses are already parsed. */
export function oneWayCompiled(
  c: CompiledFilter,
  protocol: number,
  src: { n: number | null; t: string },
  dst: { n: number | null; t: string },
  srcPort: number,
  dstPort: number,
  host: HostContext,
): boolean {
  const f = c.filter;
  return (
    (f.protocol === PROTOCOL.ANY || f.protocol === protocol) &&
    (f.srcport === 0 || f.srcport === srcPort) &&
    (f.dstport === 0 || f.dstport === dstPort) &&
    c.src(src.n, src.t, host) &&
    c.dst(dst.n, dst.t, host)
  );
}
