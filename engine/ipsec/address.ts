import { formatIpv4, isIpv4, maskFromPrefix, parseIpv4, prefixFromMask } from './ipv4.js';
import { fail, ok, type Result } from './result.js';
import type { FilterAddress, SpecialServer } from './types.js';

/* The `srcaddr=`/`srcmask=` value grammar of `add filter` (netsh-ipsec-2003.md §2.2). */

const SERVERS: Record<string, SpecialServer> = { DNS: 'DNS', WINS: 'WINS', DHCP: 'DHCP', GATEWAY: 'GATEWAY' };
const HOST_MASK = '255.255.255.255';

/** `255.255.255.0` or a prefix `1`..`32`; returns the dotted form. Non-contiguous masks fail. */
export function parseMask(text: string): Result<string> {
  const t = text.trim();
  if (/^[0-9]{1,2}$/.test(t)) {
    const prefix = Number(t);
    if (prefix < 1 || prefix > 32) return fail(`Mask prefix "${t}" is out of range: it must be between 1 and 32.`);
    return ok(formatIpv4(maskFromPrefix(prefix)));
  }
  const value = parseIpv4(t);
  if (value === null) {
    return fail(`"${t}" is not a valid mask: give a dotted mask such as 255.255.255.0 or a prefix length 1-32.`);
  }
  if (prefixFromMask(value) === null) return fail(`"${t}" is not a valid mask: its one bits must be contiguous.`);
  return ok(formatIpv4(value));
}

/** Host-name syntax (RFC 1123 labels); anything not an address or keyword must look like this. */
function isDnsName(text: string): boolean {
  if (text.length > 253 || /^[0-9.]+$/.test(text)) return false;
  return text
    .split('.')
    .every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * Parses an address and its optional mask. Keywords (`me`, `any`, the servers) and DNS names
 * carry their own mask, so a typed mask is ignored for them [R]; a range takes none [CV:S2].
 * A DNS name comes back unresolved (`addresses: []`): the caller, who knows the network,
 * fills in the addresses before `addFilter`.
 */
export function parseFilterAddress(text: string, maskText?: string): Result<FilterAddress> {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === 'ME') return ok({ kind: 'me' });
  if (upper === 'ANY') return ok({ kind: 'any' });
  const server = SERVERS[upper];
  if (server) return ok({ kind: 'server', server });
  const dash = t.indexOf('-');
  if (dash > 0 && isIpv4(t.slice(0, dash))) {
    const from = t.slice(0, dash);
    const to = t.slice(dash + 1);
    const a = parseIpv4(from);
    const b = parseIpv4(to);
    if (a === null || b === null) return fail(`"${t}" is not a valid address range: give <ip>-<ip>.`);
    if (a > b) return fail(`"${t}" is not a valid address range: the first address is higher than the second.`);
    if (maskText !== undefined) return fail('A mask cannot be given with an address range.');
    return ok({ kind: 'range', from, to });
  }
  if (isIpv4(t)) {
    if (maskText === undefined) return ok({ kind: 'host', address: t });
    const mask = parseMask(maskText);
    if (!mask.ok) return mask;
    if (mask.value === HOST_MASK) return ok({ kind: 'host', address: t });
    return ok({ kind: 'subnet', address: t, mask: mask.value });
  }
  if (/^[0-9.]+$/.test(t)) return fail(`"${t}" is not a valid IP address.`);
  if (isDnsName(t)) return ok({ kind: 'dns', name: t, addresses: [] });
  return fail(`"${t}" is not a valid address: use me, any, an IP address, an address range, a DNS name, DNS, WINS, DHCP or GATEWAY.`);
}

/** The address as netsh would take it back (`me`, `any`, `DNS`, `10.0.0.0`, `a-b`, a name). */
export function formatFilterAddress(address: FilterAddress): string {
  switch (address.kind) {
    case 'me':
      return 'me';
    case 'any':
      return 'any';
    case 'host':
    case 'subnet':
      return address.address;
    case 'range':
      return `${address.from}-${address.to}`;
    case 'server':
      return address.server;
    case 'dns':
      return address.name;
  }
}

/** The dotted mask a listing shows: keywords and names are single addresses, `any` is /0. */
export function filterAddressMask(address: FilterAddress): string {
  switch (address.kind) {
    case 'any':
      return '0.0.0.0';
    case 'subnet':
      return address.mask;
    default:
      return HOST_MASK;
  }
}

/** Number of fixed leading bits; feeds the filter weight in matching.ts. */
export function addressSpecificityBits(address: FilterAddress): number {
  switch (address.kind) {
    case 'any':
      return 0;
    case 'subnet':
      return prefixFromMask(parseIpv4(address.mask) ?? 0) ?? 0;
    case 'range': {
      const size = (parseIpv4(address.to) ?? 0) - (parseIpv4(address.from) ?? 0) + 1;
      return 32 - Math.ceil(Math.log2(size));
    }
    default:
      // me, a host, a server keyword and a resolved name all expand to /32 filters.
      return 32;
  }
}

export function sameFilterAddress(a: FilterAddress, b: FilterAddress): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'host':
      return b.kind === 'host' && a.address === b.address;
    case 'subnet':
      return b.kind === 'subnet' && a.address === b.address && a.mask === b.mask;
    case 'range':
      return b.kind === 'range' && a.from === b.from && a.to === b.to;
    case 'server':
      return b.kind === 'server' && a.server === b.server;
    case 'dns':
      return b.kind === 'dns' && a.name.toLowerCase() === b.name.toLowerCase();
    default:
      return true;
  }
}
