import { isIpv4 } from './ipv4.js';
import { errors, type IpsecError } from './errors.js';
import { validateMmOffer, validateQmOffer } from './offers.js';
import type { AuthMethod, MmOffer, QmOffer } from './types.js';

/* Shared checks for the store operations; each returns the first problem or null. */

export function checkName(what: string, name: string): IpsecError | null {
  return name.trim() === '' ? errors.emptyName(what) : null;
}

export function checkRange(
  param: string,
  value: number | undefined,
  range: { readonly min: number; readonly max: number },
): IpsecError | null {
  if (value === undefined) return null;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return errors.outOfRange(param, value, range.min, range.max);
  }
  return null;
}

export function checkQmOffers(offers: readonly QmOffer[] | undefined): IpsecError | null {
  if (offers === undefined) return null;
  if (offers.length === 0) return errors.noSecurityMethods();
  for (const offer of offers) {
    const problem = validateQmOffer(offer);
    if (problem) return errors.invalidQmOffer(problem);
  }
  return null;
}

export function checkMmOffers(offers: readonly MmOffer[] | undefined): IpsecError | null {
  if (offers === undefined) return null;
  if (offers.length === 0) return errors.noSecurityMethods();
  for (const offer of offers) {
    const problem = validateMmOffer(offer);
    if (problem) return errors.invalidMmOffer(problem);
  }
  return null;
}

export function checkAuthMethods(methods: readonly AuthMethod[] | undefined): IpsecError | null {
  if (methods === undefined) return null;
  if (methods.length === 0) return errors.noAuthMethods();
  for (const method of methods) {
    if (method.kind === 'psk' && method.key.trim() === '') return errors.emptyPsk();
    if (method.kind === 'certificate' && method.rootCa.trim() === '') return errors.emptyRootCa();
  }
  return null;
}

const DNS_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Address keywords are not host names, so they cannot name a tunnel endpoint [R]. */
const ADDRESS_KEYWORDS = ['me', 'any', 'dns', 'wins', 'dhcp', 'gateway'];

/** A tunnel endpoint is one IP address or DNS name [CV:S2]; null clears it. */
export function checkTunnel(tunnel: string | null | undefined): IpsecError | null {
  if (tunnel === undefined || tunnel === null) return null;
  const t = tunnel.trim();
  if (isIpv4(t)) return null;
  if (ADDRESS_KEYWORDS.includes(t.toLowerCase())) return errors.invalidTunnel(tunnel);
  if (!/^[0-9.]+$/.test(t) && DNS_NAME.test(t)) return null;
  return errors.invalidTunnel(tunnel);
}

export function firstProblem(...checks: (IpsecError | null)[]): IpsecError | null {
  return checks.find((c) => c !== null) ?? null;
}
