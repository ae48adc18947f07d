/**
 * The value grammars of -n, -1s, -1k and -a. ipseccmd writes SHA for SHA1 and NONE for None
 * [C:S21]; each offer is rewritten in netsh's grammar and parsed by the store's own parser, so
 * both tools accept the same algorithms and lifetimes. Rekey and PFS suffixes are [R].
 */
import {
  DEFAULT_QM_LIFETIME_KBYTES,
  DEFAULT_QM_LIFETIME_SECONDS,
  parseMmOffer,
  parseQmOffer,
  type DhGroup,
  type MmOffer,
  type QmOffer,
} from '../ipsec/index.js';
import type { ValueResult } from '../netsh/index.js';
import type { PfsGroup } from '../spd/index.js';
import { PROBLEM, WHY } from './labels.js';
import type { AuthSpec, Negotiation } from './types.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

const CONF: Record<string, string> = { DES: 'DES', '3DES': '3DES', NONE: 'None' };
const HASH: Record<string, string> = { MD5: 'MD5', SHA: 'SHA1', NONE: 'None' };
const OFFER = /^(AH\[([^\]]*)\](?:\+ESP\[([^\]]*)\])?|ESP\[([^\]]*)\])(.*)$/i;
const SUFFIX = /^(?:(\d{1,10})([KS])(?:\/(\d{1,10})([KS]))?)?(?:PFS([123])?)?$/i;

function espText(inner: string): string | null {
  const [conf = '', hash = '', ...rest] = inner.split(',');
  const c = CONF[conf.toUpperCase()];
  const h = HASH[hash.toUpperCase()];
  return rest.length === 0 && c && h ? `ESP[${c},${h}]` : null;
}

function ahText(inner: string): string | null {
  const h = HASH[inner.toUpperCase()];
  return h && h !== 'None' ? `AH[${h}]` : null;
}

/** `:k/s` for netsh, each half defaulting as netsh's does when only one is typed. */
function lifetime(m: RegExpExecArray): string | null {
  const parts = [[m[1], m[2]], [m[3], m[4]]].filter(([n]) => n !== undefined);
  const kb = parts.find(([, u]) => u?.toUpperCase() === 'K')?.[0];
  const s = parts.find(([, u]) => u?.toUpperCase() === 'S')?.[0];
  if (parts.length === 2 && (kb === undefined || s === undefined)) return null;
  return parts.length === 0 ? '' : `:${kb ?? DEFAULT_QM_LIFETIME_KBYTES}k/${s ?? DEFAULT_QM_LIFETIME_SECONDS}s`;
}

interface ParsedOffer {
  readonly offer: QmOffer;
  readonly pfs: PfsGroup;
}

/** The methods part (`ESP[..]`, `AH[..]`, `AH[..]+ESP[..]`) in netsh's spelling. */
function methodText(m: RegExpExecArray): string | null {
  if (m[4] !== undefined) return espText(m[4]);
  const ah = ahText(m[2] ?? '');
  if (m[3] === undefined) return ah;
  const esp = espText(m[3]);
  return ah && esp ? `${ah}+${esp}` : null;
}

function pfsGroup(suffix: string, group: string | undefined): PfsGroup {
  if (group !== undefined) return `GRP${group}` as PfsGroup;
  // A bare PFS takes the main mode's group [R].
  return /PFS$/i.test(suffix) ? 'GRPMM' : 'NOPFS';
}

function parseOffer(token: string): ValueResult<ParsedOffer> {
  const m = OFFER.exec(token);
  const text = m ? methodText(m) : null;
  if (!m || !text) return fail(PROBLEM.negotiation(token, WHY.offer));
  const suffixText = m[5] ?? '';
  const suffix = SUFFIX.exec(suffixText);
  const life = suffix ? lifetime(suffix) : null;
  if (!suffix || life === null) return fail(PROBLEM.negotiation(token, WHY.rekey));
  const parsed = parseQmOffer(text + life);
  if (!parsed.ok) return fail(PROBLEM.negotiation(token, parsed.error));
  return ok({ offer: parsed.value, pfs: pfsGroup(suffixText, suffix[5]) });
}

/** -n: BLOCK or PASS alone, else offers (INPASS may come with them); PFS from the first offer that asks. */
export function parseNegotiation(tokens: readonly string[]): ValueResult<Negotiation> {
  const words = tokens.map((t) => t.toUpperCase());
  for (const word of ['BLOCK', 'PASS']) {
    if (words.includes(word)) return tokens.length === 1 ? ok({ kind: word === 'BLOCK' ? 'block' : 'pass' }) : fail(PROBLEM.negotiationAlone(word));
  }
  const offers: ParsedOffer[] = [];
  for (const token of tokens.filter((t) => t.toUpperCase() !== 'INPASS')) {
    const parsed = parseOffer(token);
    if (!parsed.ok) return parsed;
    offers.push(parsed.value);
  }
  const pfs = offers.find((o) => o.pfs !== 'NOPFS')?.pfs ?? 'NOPFS';
  return ok({ kind: 'negotiate', inpass: words.includes('INPASS'), offers: offers.length > 0 ? offers.map((o) => o.offer) : undefined, pfs });
}

/** -1s: `3DES-SHA-2 DES-MD5-1`. */
export function parseMmMethods(tokens: readonly string[], groups: readonly DhGroup[]): ValueResult<MmOffer[]> {
  const offers: MmOffer[] = [];
  for (const token of tokens) {
    const [conf = '', hash = '', group = '', ...rest] = token.split('-');
    const c = CONF[conf.toUpperCase()];
    const h = HASH[hash.toUpperCase()];
    if (rest.length > 0 || !c || c === 'None' || !h || h === 'None') {
      return fail(PROBLEM.mmMethod(token, WHY.mmShape));
    }
    const parsed = parseMmOffer(`${c}-${h}-${group}`);
    if (!parsed.ok || !groups.includes(parsed.value.dhGroup)) return fail(PROBLEM.mmMethod(token, WHY.groups(groups)));
    offers.push(parsed.value);
  }
  return ok(offers);
}

/** -1k: `10Q`, `28800S`, or both joined by a slash. */
export function parseRekey(text: string): ValueResult<{ qmpermm: number | undefined; seconds: number | undefined }> {
  const m = /^(\d{1,10})([QS])(?:\/(\d{1,10})([QS]))?$/i.exec(text);
  if (!m || (m[4] !== undefined && m[4].toUpperCase() === m[2]?.toUpperCase())) return fail(PROBLEM.rekey(text));
  const value = (unit: string) => {
    const i = [m[2], m[4]].findIndex((u) => u?.toUpperCase() === unit);
    return i < 0 ? undefined : Number(i === 0 ? m[1] : m[3]);
  };
  return ok({ qmpermm: value('Q'), seconds: value('S') });
}

/** -a: K, P:"key", C:"CA name" (also KERBEROS, PRESHARE:, CERT:); order = preference. */
export function parseAuth(tokens: readonly string[]): ValueResult<AuthSpec> {
  let kerberos: boolean | undefined;
  let psk: string | undefined;
  const rootca: AuthSpec['rootca'][number][] = [];
  const given: AuthSpec['given'][number][] = [];
  for (const token of tokens) {
    const colon = token.indexOf(':');
    const word = (colon < 0 ? token : token.slice(0, colon)).toUpperCase();
    const value = colon < 0 ? undefined : token.slice(colon + 1);
    if ((word === 'K' || word === 'KERBEROS') && value === undefined) {
      if (kerberos) return fail(PROBLEM.authTwice(token));
      kerberos = true;
      given.push('kerberos');
    } else if ((word === 'P' || word === 'PRESHARE') && value) {
      if (psk !== undefined) return fail(PROBLEM.authTwice(token));
      psk = value;
      given.push('psk');
    } else if ((word === 'C' || word === 'CERT') && value) {
      rootca.push({ ca: value, certmap: false, excludecaname: false });
      given.push('rootca');
    } else {
      return fail(PROBLEM.auth(token));
    }
  }
  return ok({ kerberos, psk, rootca, given });
}
