import { parseFilterAddress, sameFilterAddress } from '../../ipsec/address.js';
import { PROTOCOL } from '../../ipsec/constants.js';
import { parseQmOffer, parseQmOffers } from '../../ipsec/offers.js';
import type { FilterAddress, QmOffer } from '../../ipsec/types.js';
import type { Result } from '../../ipsec/result.js';

/*
 * Values a check writes the way netsh does (addresses, protocols, security methods), parsed
 * once when the check is compiled and by the validator, with the engine's own parsers.
 */

const PROTOCOLS: Record<string, number> = { any: PROTOCOL.ANY, icmp: PROTOCOL.ICMP, tcp: PROTOCOL.TCP, udp: PROTOCOL.UDP, raw: PROTOCOL.RAW };

export function protocolNumber(protocol: string | number): number {
  return typeof protocol === 'number' ? protocol : (PROTOCOLS[protocol] ?? PROTOCOL.ANY);
}

export function protocolName(n: number): string {
  return Object.entries(PROTOCOLS).find(([, v]) => v === n)?.[0]?.toUpperCase() ?? String(n);
}

/** `me`, `any`, `DNS`, `10.0.0.5`, `10.0.0.0/24`, `10.0.0.0/255.255.255.0`, `a-b`, a DNS name. */
export function parseAddressSpec(text: string): Result<FilterAddress> {
  const slash = text.indexOf('/');
  return slash < 0 ? parseFilterAddress(text) : parseFilterAddress(text.slice(0, slash), text.slice(slash + 1));
}

export function sameAddress(a: FilterAddress, b: FilterAddress): boolean {
  return sameFilterAddress(a, b);
}

/** Security methods as a check gives them; lifetimes count only when written (`:k/s`). */
export interface MethodSpec {
  readonly offers: readonly QmOffer[];
  readonly lifetimes: boolean;
}

export function parseMethods(text: string): Result<MethodSpec> {
  const parsed = parseQmOffers(text);
  return parsed.ok ? { ok: true, value: { offers: parsed.value, lifetimes: text.includes(':') } } : parsed;
}

export function parseMethod(text: string): Result<MethodSpec> {
  const parsed = parseQmOffer(text.trim());
  return parsed.ok ? { ok: true, value: { offers: [parsed.value], lifetimes: text.includes(':') } } : parsed;
}

export function sameOffer(a: QmOffer, b: QmOffer, lifetimes: boolean): boolean {
  const sameEsp = a.esp === null || b.esp === null ? a.esp === b.esp : a.esp.confidentiality === b.esp.confidentiality && a.esp.integrity === b.esp.integrity;
  const sameLife = !lifetimes || (a.lifetimeKBytes === b.lifetimeKBytes && a.lifetimeSeconds === b.lifetimeSeconds);
  return a.ah === b.ah && sameEsp && sameLife;
}

export function sameOffers(actual: readonly QmOffer[], spec: MethodSpec): boolean {
  return actual.length === spec.offers.length && actual.every((o, i) => sameOffer(o, spec.offers[i] as QmOffer, spec.lifetimes));
}
