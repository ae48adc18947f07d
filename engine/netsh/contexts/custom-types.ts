/**
 * Value grammars that are not plain keywords. The two offer lists are placeholders: they keep
 * the typed offers as text, one entry per offer, and only reject what is obviously not an offer.
 * The policy-store model owns the real grammars (ESP[3DES,SHA1]:100000k/3600s, 3DES-SHA1-2)
 * and replaces `parse` here without touching any table.
 */
import type { CustomType, ValueResult } from '../grammar.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

function offerList(name: string, syntax: string, shape: RegExp): CustomType<readonly string[]> {
  return {
    kind: 'custom',
    name,
    syntax,
    parse(text) {
      const offers = text.trim().split(/\s+/).filter((o) => o !== '');
      if (offers.length === 0) return fail(`${name} needs at least one offer`);
      const bad = offers.find((o) => !shape.test(o));
      return bad === undefined ? ok(offers) : fail(`"${bad}" is not a ${name} offer`);
    },
  };
}

/** Quick mode offers: ESP[..], AH[..], AH[..]+ESP[..], each with an optional :Nk/Ns lifetime. */
export const QM_OFFERS = offerList(
  'qmsecmethods',
  '(neg#1 neg#2 ... neg#n)',
  /^(?:ESP\[[^\]]*\]|AH\[[^\]]*\](?:\+ESP\[[^\]]*\])?)(?::[^\s]*)?$/i,
);

/** Main mode offers: ConfAlg-HashAlg-GroupNum. */
export const MM_OFFERS = offerList('mmsecmethods', '(sec#1 sec#2 ... sec#n)', /^[a-z0-9]+-[a-z0-9]+-\d+$/i);

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
