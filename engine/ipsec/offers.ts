import {
  DEFAULT_QM_LIFETIME_KBYTES,
  DEFAULT_QM_LIFETIME_SECONDS,
  QM_LIFETIME_KBYTES_RANGE,
  QM_LIFETIME_SECONDS_RANGE,
} from './constants.js';
import { fail, ok, type Result } from './result.js';
import type {
  AhIntegrity,
  DhGroup,
  EspConfidentiality,
  EspIntegrity,
  MmEncryption,
  MmIntegrity,
  MmOffer,
  QmOffer,
} from './types.js';

/*
 * The two offer grammars of netsh-ipsec-2003.md §2.3/§2.4. Keywords are case-insensitive;
 * anything else is rejected with a reason rather than guessed at (e.g. advfirewall syntax).
 */

const ESP_CONF: Record<string, EspConfidentiality> = { DES: 'DES', '3DES': '3DES', NONE: 'None' };
const ESP_INTEG: Record<string, EspIntegrity> = { MD5: 'MD5', SHA1: 'SHA1', NONE: 'None' };
const AH_INTEG: Record<string, AhIntegrity> = { MD5: 'MD5', SHA1: 'SHA1' };
const MM_ENC: Record<string, MmEncryption> = { DES: 'DES', '3DES': '3DES' };
const MM_INTEG: Record<string, MmIntegrity> = { MD5: 'MD5', SHA1: 'SHA1' };
const DH_GROUPS: Record<string, DhGroup> = { '1': 1, '2': 2, '3': 3 };

const QM_SHAPE =
  'expected ESP[ConfAlg,AuthAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,AuthAlg], ' +
  'optionally followed by :<kilobytes>k/<seconds>s';
const NO_AES = ' (Windows Server 2003 IPSec has no AES)';

function splitList(text: string): string[] {
  return text.trim().split(/\s+/).filter((t) => t !== '');
}

function aesHint(name: string): string {
  return name.toUpperCase().startsWith('AES') ? NO_AES : '';
}

function parseEsp(part: string, token: string): Result<NonNullable<QmOffer['esp']>> {
  const m = /^ESP\[([^,\]]*),([^,\]]*)\]$/i.exec(part);
  if (!m) return fail(`"${token}" is not a valid quick mode security method: ${QM_SHAPE}.`);
  const confText = m[1] ?? '';
  const integText = m[2] ?? '';
  const confidentiality = ESP_CONF[confText.toUpperCase()];
  if (!confidentiality) {
    return fail(`"${confText}" in "${token}" is not an ESP encryption algorithm: use DES, 3DES or None${aesHint(confText)}.`);
  }
  const integrity = ESP_INTEG[integText.toUpperCase()];
  if (!integrity) {
    return fail(`"${integText}" in "${token}" is not an ESP integrity algorithm: use MD5, SHA1 or None.`);
  }
  if (confidentiality === 'None' && integrity === 'None') {
    return fail(`"${token}" is not valid: ESP[None,None] protects nothing; give an encryption or an integrity algorithm.`);
  }
  return ok({ confidentiality, integrity });
}

function parseAh(part: string, token: string): Result<AhIntegrity> {
  const m = /^AH\[([^\]]*)\]$/i.exec(part);
  if (!m) return fail(`"${token}" is not a valid quick mode security method: ${QM_SHAPE}.`);
  const text = m[1] ?? '';
  const integrity = AH_INTEG[text.toUpperCase()];
  if (!integrity) return fail(`"${text}" in "${token}" is not an AH integrity algorithm: use MD5 or SHA1.`);
  return ok(integrity);
}

function checkRange(value: number, range: { min: number; max: number }, what: string): string | null {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    return `${what} ${value} is out of range: it must be between ${range.min} and ${range.max}.`;
  }
  return null;
}

function parseLifetime(text: string, token: string): Result<{ kbytes: number; seconds: number }> {
  const m = /^([0-9]+)k\/([0-9]+)s$/i.exec(text);
  if (!m) {
    return fail(`Lifetime "${text}" in "${token}" is malformed: expected <kilobytes>k/<seconds>s, e.g. 100000k/3600s.`);
  }
  const kbytes = Number(m[1]);
  const seconds = Number(m[2]);
  const bad =
    checkRange(kbytes, QM_LIFETIME_KBYTES_RANGE, `Lifetime in kilobytes in "${token}":`) ??
    checkRange(seconds, QM_LIFETIME_SECONDS_RANGE, `Lifetime in seconds in "${token}":`);
  return bad ? fail(bad) : ok({ kbytes, seconds });
}

/** One quick-mode offer such as `ESP[3DES,SHA1]:100000k/3600s` or `AH[SHA1]+ESP[DES,None]`. */
export function parseQmOffer(token: string): Result<QmOffer> {
  const colon = token.indexOf(':');
  const methods = colon < 0 ? token : token.slice(0, colon);
  const parts = methods.split('+');
  let ah: AhIntegrity | null = null;
  let esp: QmOffer['esp'] = null;
  if (parts.length === 1) {
    const only = parts[0] ?? '';
    if (/^AH\[/i.test(only)) {
      const r = parseAh(only, token);
      if (!r.ok) return r;
      ah = r.value;
    } else {
      const r = parseEsp(only, token);
      if (!r.ok) return r;
      esp = r.value;
    }
  } else if (parts.length === 2) {
    // Only the AH-then-ESP order appears in the grammar (§2.3).
    if (/^ESP\[/i.test(parts[0] ?? '')) {
      return fail(`"${token}" is not valid: a combined method is written AH[HashAlg]+ESP[ConfAlg,AuthAlg].`);
    }
    const a = parseAh(parts[0] ?? '', token);
    if (!a.ok) return a;
    const e = parseEsp(parts[1] ?? '', token);
    if (!e.ok) return e;
    ah = a.value;
    esp = e.value;
  } else {
    return fail(`"${token}" is not a valid quick mode security method: ${QM_SHAPE}.`);
  }
  // Methods first, so advfirewall text like `ESP:3DES-SHA1` is named as the wrong grammar.
  let lifetime = { kbytes: DEFAULT_QM_LIFETIME_KBYTES, seconds: DEFAULT_QM_LIFETIME_SECONDS };
  if (colon >= 0) {
    const parsed = parseLifetime(token.slice(colon + 1), token);
    if (!parsed.ok) return parsed;
    lifetime = parsed.value;
  }
  return ok({ ah, esp, lifetimeKBytes: lifetime.kbytes, lifetimeSeconds: lifetime.seconds });
}

/** A space-separated `qmsecmethods` value; order = preference. */
export function parseQmOffers(text: string): Result<QmOffer[]> {
  const tokens = splitList(text);
  if (tokens.length === 0) return fail('No quick mode security methods were given.');
  const offers: QmOffer[] = [];
  for (const token of tokens) {
    const r = parseQmOffer(token);
    if (!r.ok) return r;
    offers.push(r.value);
  }
  return ok(offers);
}

export interface QmFormatOptions {
  /** Leave out `:k/s` when both lifetimes are the defaults. */
  readonly omitDefaultLifetime?: boolean;
}

export function formatQmOffer(offer: QmOffer, options: QmFormatOptions = {}): string {
  const parts: string[] = [];
  if (offer.ah) parts.push(`AH[${offer.ah}]`);
  if (offer.esp) parts.push(`ESP[${offer.esp.confidentiality},${offer.esp.integrity}]`);
  const isDefault =
    offer.lifetimeKBytes === DEFAULT_QM_LIFETIME_KBYTES && offer.lifetimeSeconds === DEFAULT_QM_LIFETIME_SECONDS;
  const lifetime = options.omitDefaultLifetime && isDefault ? '' : `:${offer.lifetimeKBytes}k/${offer.lifetimeSeconds}s`;
  return parts.join('+') + lifetime;
}

export function formatQmOffers(offers: readonly QmOffer[], options: QmFormatOptions = {}): string {
  return offers.map((o) => formatQmOffer(o, options)).join(' ');
}

/** Checks an offer built in code (GUI wizards) against the same rules as the parser. */
export function validateQmOffer(offer: QmOffer): string | null {
  const text = formatQmOffer(offer);
  if (!offer.ah && !offer.esp) return 'A quick mode security method needs AH, ESP or both.';
  if (offer.ah !== null && !Object.values(AH_INTEG).includes(offer.ah)) {
    return `"${String(offer.ah)}" is not an AH integrity algorithm: use MD5 or SHA1.`;
  }
  if (offer.esp) {
    if (!Object.values(ESP_CONF).includes(offer.esp.confidentiality)) {
      return `"${String(offer.esp.confidentiality)}" is not an ESP encryption algorithm: use DES, 3DES or None.`;
    }
    if (!Object.values(ESP_INTEG).includes(offer.esp.integrity)) {
      return `"${String(offer.esp.integrity)}" is not an ESP integrity algorithm: use MD5, SHA1 or None.`;
    }
    if (offer.esp.confidentiality === 'None' && offer.esp.integrity === 'None') {
      return `"${text}" is not valid: ESP[None,None] protects nothing; give an encryption or an integrity algorithm.`;
    }
  }
  return (
    checkRange(offer.lifetimeKBytes, QM_LIFETIME_KBYTES_RANGE, `Lifetime in kilobytes in "${text}":`) ??
    checkRange(offer.lifetimeSeconds, QM_LIFETIME_SECONDS_RANGE, `Lifetime in seconds in "${text}":`)
  );
}

const MM_SHAPE = 'expected ConfAlg-HashAlg-GroupNum with ConfAlg DES|3DES, HashAlg MD5|SHA1, GroupNum 1|2|3, e.g. 3DES-SHA1-2';

/** One main-mode method such as `3DES-SHA1-2`. */
export function parseMmOffer(token: string): Result<MmOffer> {
  const parts = token.split('-');
  if (parts.length !== 3) return fail(`"${token}" is not a valid main mode security method: ${MM_SHAPE}.`);
  const [encText = '', integText = '', groupText = ''] = parts;
  const encryption = MM_ENC[encText.toUpperCase()];
  if (!encryption) {
    return fail(`"${encText}" in "${token}" is not a main mode encryption algorithm: use DES or 3DES${aesHint(encText)}.`);
  }
  const integrity = MM_INTEG[integText.toUpperCase()];
  if (!integrity) return fail(`"${integText}" in "${token}" is not a main mode integrity algorithm: use MD5 or SHA1.`);
  const dhGroup = DH_GROUPS[groupText];
  if (!dhGroup) return fail(`"${groupText}" in "${token}" is not a Diffie-Hellman group: use 1, 2 or 3.`);
  return ok({ encryption, integrity, dhGroup });
}

/** A space-separated `mmsecmethods` value; order = preference. */
export function parseMmOffers(text: string): Result<MmOffer[]> {
  const tokens = splitList(text);
  if (tokens.length === 0) return fail('No main mode security methods were given.');
  const offers: MmOffer[] = [];
  for (const token of tokens) {
    const r = parseMmOffer(token);
    if (!r.ok) return r;
    offers.push(r.value);
  }
  return ok(offers);
}

export function formatMmOffer(offer: MmOffer): string {
  return `${offer.encryption}-${offer.integrity}-${offer.dhGroup}`;
}

export function formatMmOffers(offers: readonly MmOffer[]): string {
  return offers.map(formatMmOffer).join(' ');
}

export function validateMmOffer(offer: MmOffer): string | null {
  const ok =
    Object.values(MM_ENC).includes(offer.encryption) &&
    Object.values(MM_INTEG).includes(offer.integrity) &&
    Object.values(DH_GROUPS).includes(offer.dhGroup);
  return ok ? null : `"${formatMmOffer(offer)}" is not a valid main mode security method: ${MM_SHAPE}.`;
}
