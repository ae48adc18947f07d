/**
 * Specific filters (`show mmfilter|qmfilter type=specific`): each generic filter with its
 * keywords expanded to this host's addresses and, when mirrored, split into an outbound and
 * an inbound filter, each with its weight [CV:S15 expansion][R direction and weight].
 */
import { filterWeight } from '../ipsec/matching.js';
import type { Direction, HostContext } from '../ipsec/traffic.js';
import type { FilterAddress } from '../ipsec/types.js';
import type { MmFilter, QmFilter } from './types.js';

export interface SpecificFilter<F> {
  readonly generic: F;
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly srcport: number;
  readonly dstport: number;
  readonly direction: Direction;
  readonly weight: number;
}

function serverAddresses(server: Extract<FilterAddress, { kind: 'server' }>['server'], host: HostContext): readonly string[] {
  switch (server) {
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

/** Keywords and names become host addresses; without a host, `me` stays a keyword. */
export function expandAddress(address: FilterAddress, host: HostContext | undefined): FilterAddress[] {
  const hosts = (list: readonly string[]): FilterAddress[] => list.map((a) => ({ kind: 'host', address: a }));
  if (address.kind === 'dns') return hosts(address.addresses);
  if (!host) return [address];
  if (address.kind === 'me') return hosts(host.addresses);
  if (address.kind === 'server') return hosts(serverAddresses(address.server, host));
  return [address];
}

interface Selector {
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly protocol: number;
  readonly srcport: number;
  readonly dstport: number;
  readonly mirrored: boolean;
}

function expand<F>(generic: F, selector: Selector, host: HostContext | undefined): SpecificFilter<F>[] {
  // As written the filter is outbound, unless it only names this host as the destination.
  const forward: Direction = selector.dstaddr.kind === 'me' && selector.srcaddr.kind !== 'me' ? 'inbound' : 'outbound';
  const reverse: Direction = forward === 'outbound' ? 'inbound' : 'outbound';
  const out: SpecificFilter<F>[] = [];
  for (const src of expandAddress(selector.srcaddr, host)) {
    for (const dst of expandAddress(selector.dstaddr, host)) {
      const one = (s: FilterAddress, d: FilterAddress, sp: number, dp: number, direction: Direction) => {
        const weight = filterWeight({ description: '', srcaddr: s, dstaddr: d, protocol: selector.protocol, srcport: sp, dstport: dp, mirrored: false });
        out.push({ generic, srcaddr: s, dstaddr: d, srcport: sp, dstport: dp, direction, weight });
      };
      one(src, dst, selector.srcport, selector.dstport, forward);
      if (selector.mirrored) one(dst, src, selector.dstport, selector.srcport, reverse);
    }
  }
  return out;
}

export function specificMmFilters(filters: readonly MmFilter[], host: HostContext | undefined): SpecificFilter<MmFilter>[] {
  return filters.flatMap((f) => expand(f, { ...f, protocol: 0, srcport: 0, dstport: 0 }, host));
}

export function specificQmFilters<F extends QmFilter>(filters: readonly F[], host: HostContext | undefined): SpecificFilter<F>[] {
  return filters.flatMap((f) => expand(f, f, host));
}
