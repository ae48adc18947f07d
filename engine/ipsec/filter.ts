import { sameFilterAddress } from './address.js';
import { PORT_RANGE, PROTOCOL, PROTOCOL_RANGE } from './constants.js';
import { errors, type IpsecError } from './errors.js';
import { isIpv4, parseIpv4, prefixFromMask } from './ipv4.js';
import { fail, ok, type Result } from './result.js';
import type { Filter, FilterAddress } from './types.js';

/** What `add filter` / `delete filter` take; omitted fields get the `add filter` defaults. */
export interface FilterInput {
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly description?: string;
  /** Default ANY (0) [R]. */
  readonly protocol?: number;
  /** Default yes [R]. */
  readonly mirrored?: boolean;
  /** Default 0 = any port [CV:S2]. */
  readonly srcport?: number;
  readonly dstport?: number;
}

/** A /32 subnet is a host: one spelling per selector, so equal filters compare equal. */
function canonical(address: FilterAddress): FilterAddress {
  return address.kind === 'subnet' && address.mask === '255.255.255.255' ? { kind: 'host', address: address.address } : address;
}

export function filterFromInput(input: FilterInput): Filter {
  return {
    description: input.description ?? '',
    srcaddr: canonical(input.srcaddr),
    dstaddr: canonical(input.dstaddr),
    protocol: input.protocol ?? PROTOCOL.ANY,
    srcport: input.srcport ?? 0,
    dstport: input.dstport ?? 0,
    mirrored: input.mirrored ?? true,
  };
}

function checkAddress(address: FilterAddress, end: string): IpsecError | null {
  switch (address.kind) {
    case 'host':
      return isIpv4(address.address) ? null : errors.invalidAddress(`"${address.address}" is not a valid ${end} address.`);
    case 'subnet': {
      const mask = parseIpv4(address.mask);
      return isIpv4(address.address) && mask !== null && prefixFromMask(mask) !== null
        ? null
        : errors.invalidAddress(`"${address.address}" with mask "${address.mask}" is not a valid ${end} subnet.`);
    }
    case 'range': {
      const from = parseIpv4(address.from);
      const to = parseIpv4(address.to);
      return from !== null && to !== null && from <= to
        ? null
        : errors.invalidAddress(`"${address.from}-${address.to}" is not a valid ${end} address range.`);
    }
    case 'dns':
      // Windows resolves a name once, when the filter is made; a name that does not resolve is refused [R].
      if (address.addresses.length === 0) {
        return errors.invalidAddress(`The DNS name "${address.name}" could not be resolved.`);
      }
      return address.addresses.every(isIpv4)
        ? null
        : errors.invalidAddress(`The DNS name "${address.name}" resolved to an invalid address.`);
    default:
      return null;
  }
}

/** Every rule of §2.2 that can be checked without the network. */
export function checkFilter(filter: Filter): IpsecError | null {
  const bad = checkAddress(filter.srcaddr, 'source') ?? checkAddress(filter.dstaddr, 'destination');
  if (bad) return bad;
  // A server keyword pairs only with "me" [CV:S2].
  const serverPairing =
    (filter.srcaddr.kind === 'server' && filter.dstaddr.kind !== 'me') ||
    (filter.dstaddr.kind === 'server' && filter.srcaddr.kind !== 'me');
  if (serverPairing) {
    return errors.invalidAddress(
      'When one address is a special server (DNS, WINS, DHCP or GATEWAY), the other address must be "me".',
    );
  }
  const p = filter.protocol;
  if (!Number.isInteger(p) || p < PROTOCOL_RANGE.min || p > PROTOCOL_RANGE.max) return errors.invalidProtocol(p);
  for (const [tag, port] of [['srcport', filter.srcport], ['dstport', filter.dstport]] as const) {
    if (!Number.isInteger(port) || port < PORT_RANGE.min || port > PORT_RANGE.max) {
      return errors.invalidPort(`The value ${port} for ${tag} is not valid: it must be between 0 and 65535.`);
    }
    // Ports mean something only to TCP and UDP [CV:S2]; refusing them elsewhere is [R].
    if (port !== 0 && p !== PROTOCOL.TCP && p !== PROTOCOL.UDP) {
      return errors.invalidPort('Ports can be specified only when the protocol is TCP or UDP.');
    }
  }
  return null;
}

/** Same traffic selector; the description does not take part (it is not what `delete filter` types). */
export function sameFilterSpec(a: Filter, b: Filter): boolean {
  return (
    sameFilterAddress(a.srcaddr, b.srcaddr) &&
    sameFilterAddress(a.dstaddr, b.dstaddr) &&
    a.protocol === b.protocol &&
    a.srcport === b.srcport &&
    a.dstport === b.dstport &&
    a.mirrored === b.mirrored
  );
}

/** Validated filter from input, ready to store. */
export function buildFilter(input: FilterInput): Result<Filter, IpsecError> {
  const filter = filterFromInput(input);
  const problem = checkFilter(filter);
  return problem ? fail(problem) : ok(filter);
}
