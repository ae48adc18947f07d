import { describe, expect, it } from 'vitest';
import { DEFAULT_MM_OFFERS, REQUEST_SECURITY_QM_OFFERS } from './constants.js';
import {
  formatMmOffer,
  formatMmOffers,
  formatQmOffer,
  formatQmOffers,
  parseMmOffer,
  parseMmOffers,
  parseQmOffer,
  parseQmOffers,
  validateMmOffer,
  validateQmOffer,
} from './offers.js';
import type { QmOffer } from './types.js';

function errorOf(r: { ok: boolean; error?: string }): string {
  expect(r.ok).toBe(false);
  return r.error ?? '';
}

describe('quick mode offers', () => {
  it('parses ESP with explicit lifetimes', () => {
    expect(parseQmOffer('ESP[3DES,SHA1]:100000k/3600s')).toEqual({
      ok: true,
      value: { ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 },
    });
  });

  it('fills the default 100000 KB / 3600 s lifetimes when omitted', () => {
    const r = parseQmOffer('AH[MD5]');
    expect(r).toEqual({ ok: true, value: { ah: 'MD5', esp: null, lifetimeKBytes: 100000, lifetimeSeconds: 3600 } });
  });

  it('accepts None for either ESP part and the combined AH+ESP form', () => {
    const r = parseQmOffers('ESP[None,SHA1] ESP[DES,None] AH[SHA1]+ESP[3DES,None]:50000k/600s');
    expect(r.ok && r.value.map((o) => [o.ah, o.esp?.confidentiality, o.esp?.integrity, o.lifetimeKBytes, o.lifetimeSeconds])).toEqual([
      [null, 'None', 'SHA1', 100000, 3600],
      [null, 'DES', 'None', 100000, 3600],
      ['SHA1', '3DES', 'None', 50000, 600],
    ]);
  });

  it('is case-insensitive and formats canonically', () => {
    const r = parseQmOffers('esp[3des,sha1]:204800K/300S  ah[md5]');
    expect(r.ok).toBe(true);
    if (r.ok) expect(formatQmOffers(r.value)).toBe('ESP[3DES,SHA1]:204800k/300s AH[MD5]:100000k/3600s');
  });

  it('keeps the list order (preference) of the reference example', () => {
    const r = parseQmOffers('AH[MD5]:204800k/300s ESP[DES,SHA1]:30000k/480s');
    expect(r.ok && r.value.map((o) => formatQmOffer(o))).toEqual(['AH[MD5]:204800k/300s', 'ESP[DES,SHA1]:30000k/480s']);
  });

  it('round-trips every built-in offer and odd lifetimes', () => {
    const offers: QmOffer[] = [
      ...REQUEST_SECURITY_QM_OFFERS,
      { ah: 'SHA1', esp: { confidentiality: 'None', integrity: 'MD5' }, lifetimeKBytes: 20480, lifetimeSeconds: 172800 },
    ];
    for (const omitDefaultLifetime of [false, true]) {
      const text = formatQmOffers(offers, { omitDefaultLifetime });
      const back = parseQmOffers(text);
      expect(back).toEqual({ ok: true, value: offers });
    }
    expect(formatQmOffer(offers[0]!, { omitDefaultLifetime: true })).toBe('ESP[3DES,SHA1]');
  });

  it.each([
    ['ESP[None,None]', 'ESP[None,None] protects nothing'],
    ['ESP[AES128,SHA1]', 'no AES'],
    ['ESP[3DES,SHA256]', 'not an ESP integrity algorithm'],
    ['AH[None]', 'not an AH integrity algorithm'],
    ['AH[SHA1,MD5]', 'not an AH integrity algorithm'],
    ['ESP[3DES]', 'not a valid quick mode security method'],
    ['ESP[3DES,SHA1', 'not a valid quick mode security method'],
    ['ESP:3DES-SHA1', 'not a valid quick mode security method'],
    ['ESP[3DES,SHA1]+AH[MD5]', 'written AH[HashAlg]+ESP'],
    ['AH[MD5]+ESP[DES,MD5]+ESP[DES,SHA1]', 'not a valid quick mode security method'],
    ['ESP[3DES,SHA1]:3600s/100000k', 'malformed'],
    ['ESP[3DES,SHA1]:100000k', 'malformed'],
    ['ESP[3DES,SHA1]:', 'malformed'],
    ['ESP[3DES,SHA1]:100000k/299s', 'between 300 and 172800'],
    ['ESP[3DES,SHA1]:100000k/172801s', 'between 300 and 172800'],
    ['ESP[3DES,SHA1]:20479k/3600s', 'between 20480 and 2147483647'],
  ])('rejects %s', (text, reason) => {
    expect(errorOf(parseQmOffer(text))).toContain(reason);
  });

  it('rejects an empty list and reports the first bad token of a list', () => {
    expect(errorOf(parseQmOffers('   '))).toBe('No quick mode security methods were given.');
    expect(errorOf(parseQmOffers('ESP[3DES,SHA1] ESP[3DES, SHA1]'))).toContain('"ESP[3DES,"');
  });

  it('validates offers built in code with the parser rules', () => {
    expect(validateQmOffer(REQUEST_SECURITY_QM_OFFERS[0]!)).toBeNull();
    expect(validateQmOffer({ ah: null, esp: null, lifetimeKBytes: 100000, lifetimeSeconds: 3600 })).toContain('needs AH, ESP or both');
    expect(
      validateQmOffer({ ah: null, esp: { confidentiality: 'None', integrity: 'None' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 }),
    ).toContain('ESP[None,None]');
    expect(validateQmOffer({ ah: 'MD5', esp: null, lifetimeKBytes: 100000, lifetimeSeconds: 10 })).toContain('seconds');
  });
});

describe('main mode offers', () => {
  it('parses the default list in order', () => {
    expect(parseMmOffers('3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 DES-MD5-1')).toEqual({ ok: true, value: DEFAULT_MM_OFFERS });
  });

  it('accepts group 3 (DH2048) and any case', () => {
    expect(parseMmOffer('3des-sha1-3')).toEqual({ ok: true, value: { encryption: '3DES', integrity: 'SHA1', dhGroup: 3 } });
  });

  it('round-trips', () => {
    const text = '3DES-SHA1-3 DES-MD5-3 3DES-MD5-2';
    const r = parseMmOffers(text);
    expect(r.ok && formatMmOffers(r.value)).toBe(text);
    expect(formatMmOffer({ encryption: 'DES', integrity: 'MD5', dhGroup: 1 })).toBe('DES-MD5-1');
  });

  it.each([
    ['AES128-SHA1-2', 'no AES'],
    ['3DES-SHA256-2', 'not a main mode integrity algorithm'],
    ['3DES-SHA1-4', 'not a Diffie-Hellman group'],
    ['3DES-SHA1-14', 'not a Diffie-Hellman group'],
    ['3DES-SHA1', 'expected ConfAlg-HashAlg-GroupNum'],
    ['3DES-SHA1-2-1', 'expected ConfAlg-HashAlg-GroupNum'],
    ['None-SHA1-2', 'not a main mode encryption algorithm'],
  ])('rejects %s', (text, reason) => {
    expect(errorOf(parseMmOffer(text))).toContain(reason);
  });

  it('rejects the advfirewall syntax and an empty list', () => {
    expect(errorOf(parseMmOffers('3DES-SHA1 DHGroup2;AES128-SHA256 DHGroup14'))).toContain('"3DES-SHA1"');
    expect(errorOf(parseMmOffers(''))).toBe('No main mode security methods were given.');
  });

  it('validates offers built in code', () => {
    expect(validateMmOffer(DEFAULT_MM_OFFERS[0]!)).toBeNull();
    expect(validateMmOffer({ encryption: '3DES', integrity: 'SHA1', dhGroup: 5 as 1 })).not.toBeNull();
  });
});
