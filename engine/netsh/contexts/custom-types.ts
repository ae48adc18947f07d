/**
 * Value grammars that are not plain keywords. The offer lists use the policy store's own
 * grammars (ESP[3DES,SHA1]:100000k/3600s, 3DES-SHA1-2), so a bad offer fails at parse time
 * with "The parameter is incorrect." instead of reaching the store.
 */
import { parseMmOffers, parseQmOffers, type MmOffer, type QmOffer, type Result } from '../../ipsec/index.js';
import type { CustomType, ValueResult } from '../grammar.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

function offerList<T>(name: string, syntax: string, parse: (text: string) => Result<T[]>): CustomType<readonly T[]> {
  return {
    kind: 'custom',
    name,
    syntax,
    parse(text) {
      const parsed = parse(text);
      return parsed.ok ? ok(parsed.value) : fail(parsed.error);
    },
  };
}

/** Quick mode offers: ESP[..], AH[..], AH[..]+ESP[..], each with an optional :Nk/Ns lifetime. */
export const QM_OFFERS: CustomType<readonly QmOffer[]> = offerList('qmsecmethods', '(neg#1 neg#2 ... neg#n)', parseQmOffers);

/** Main mode offers: ConfAlg-HashAlg-GroupNum. */
export const MM_OFFERS: CustomType<readonly MmOffer[]> = offerList('mmsecmethods', '(sec#1 sec#2 ... sec#n)', parseMmOffers);

export interface RootCa {
  /** The certificate authority's name, with `\'` turned back into `"`. */
  readonly ca: string;
  readonly certmap: boolean;
  readonly excludecaname: boolean;
}

const ROOTCA_OPTION = /\s+(certmap|excludecaname):(\S*)\s*$/i;

/** `"<certificate> certmap:(yes|no) excludecaname:(yes|no)"`; the options trail the CA name. */
export const ROOTCA: CustomType<RootCa> = {
  kind: 'custom',
  name: 'rootca',
  syntax: '"<certificate> certmap:(yes | no) excludecaname:(yes | no)"',
  parse(text) {
    let rest = ` ${text.trim()}`;
    const options: Record<string, boolean> = {};
    for (let m = ROOTCA_OPTION.exec(rest); m; m = ROOTCA_OPTION.exec(rest)) {
      const key = (m[1] ?? '').toLowerCase();
      const word = (m[2] ?? '').toLowerCase();
      if (key in options || !['yes', 'no', 'y', 'n'].includes(word)) return fail(`bad ${key} option`);
      options[key] = word.startsWith('y');
      rest = rest.slice(0, m.index);
    }
    const ca = rest.trim().replace(/\\'/g, '"');
    if (ca === '') return fail('rootca needs a certificate authority name');
    return ok({ ca, certmap: options['certmap'] ?? false, excludecaname: options['excludecaname'] ?? false });
  },
};

/** `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`, braces optional; returned braced and lower-case. */
export const GUID: CustomType<string> = {
  kind: 'custom',
  name: 'guid',
  syntax: '<guid>',
  parse(text) {
    const m = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i.exec(text);
    return m && text.startsWith('{') === text.endsWith('}') ? ok(`{${(m[1] ?? '').toLowerCase()}}`) : fail(`"${text}" is not a GUID`);
  },
};
