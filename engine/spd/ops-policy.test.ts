import { describe, expect, it } from 'vitest';
import { DEFAULT_MM_OFFERS, DEFAULT_NEGOTIATE_QM_OFFERS } from '../ipsec/constants.js';
import { parseMmOffers, parseQmOffers } from '../ipsec/offers.js';
import { formatSpdError, type SpdError } from './errors.js';
import { createSpd, type SpdResult } from './lookup.js';
import {
  addMmPolicy,
  addQmPolicy,
  deleteAllMmPolicies,
  deleteAllQmPolicies,
  deleteMmPolicy,
  deleteQmPolicy,
  setMmPolicy,
  setQmPolicy,
} from './ops-policy.js';
import { addRule } from './ops-rule.js';
import type { PfsGroup, Spd } from './types.js';

function must(r: SpdResult): Spd {
  if (!r.ok) throw new Error(formatSpdError(r.error));
  return r.value;
}

function err(r: SpdResult): SpdError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
};

const me = { kind: 'me' } as const;
const peer = { kind: 'host', address: '192.168.1.20' } as const;
const base = createSpd('2003');

describe('add mmpolicy', () => {
  it('fills the defaults: 480 min, no QM limit, 300 s soft SA, the default methods', () => {
    const spd = must(addMmPolicy(base, { name: 'MM1' }));
    expect(spd.mmPolicies).toEqual([
      { id: 'mmpolicy:1', name: 'MM1', isDefault: false, qmpermm: 0, mmlifetime: 480, softsaexpirationtime: 300, offers: DEFAULT_MM_OFFERS },
    ]);
    expect(spd.nextId).toBe(2);
  });

  it('keeps the values given', () => {
    const offers = value(parseMmOffers('3DES-SHA1-3'));
    const spd = must(addMmPolicy(base, { name: 'MM1', qmpermm: 1, mmlifetime: 60, softsaexpirationtime: 30, mmsecmethods: offers }));
    expect(spd.mmPolicies[0]).toMatchObject({ qmpermm: 1, mmlifetime: 60, softsaexpirationtime: 30, offers });
  });

  it('refuses a second policy of the same name, in any case, with Win32 13003', () => {
    const e = err(addMmPolicy(must(addMmPolicy(base, { name: 'MM1' })), { name: 'mm1' }));
    expect(e).toMatchObject({ code: 13003 });
    expect(formatSpdError(e)).toBe('The specified main mode policy already exists.');
  });

  it.each([
    [{ name: '' }, 'ERR IPsec[05014] : The Main Mode Policy name cannot be empty.'],
    [{ name: 'X', qmpermm: -1 }, 'ERR IPsec[05020] : The value -1 for qmpermm is not valid: it must be between 0 and 2147483647.'],
    [{ name: 'X', mmlifetime: 0 }, 'ERR IPsec[05020] : The value 0 for mmlifetime is not valid: it must be between 1 and 71582788.'],
    [{ name: 'X', softsaexpirationtime: 0 }, 'ERR IPsec[05020] : The value 0 for softsaexpirationtime is not valid: it must be between 1 and 2147483647.'],
    [{ name: 'X', mmsecmethods: [] }, 'ERR IPsec[05023] : At least one security method must be given.'],
  ])('rejects bad values the ERR IPsec way: %j', (input, text) => {
    expect(formatSpdError(err(addMmPolicy(base, input)))).toBe(text);
  });

  it('keeps one default policy: a new default takes the flag', () => {
    const one = must(addMmPolicy(base, { name: 'A', default: true }));
    const two = must(addMmPolicy(one, { name: 'B', default: true }));
    expect(two.mmPolicies.map((p) => [p.name, p.isDefault])).toEqual([['A', false], ['B', true]]);
  });
});

describe('set / delete mmpolicy', () => {
  const withRule = must(addRule(must(addMmPolicy(base, { name: 'MM1' })), { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1', actioninbound: 'block', actionoutbound: 'block' }));

  it('changes only the fields given', () => {
    const spd = must(setMmPolicy(withRule, { name: 'mm1', mmlifetime: 90 }));
    expect(spd.mmPolicies[0]).toMatchObject({ name: 'MM1', mmlifetime: 90, qmpermm: 0, softsaexpirationtime: 300 });
  });

  it('reports a missing policy with 13004', () => {
    expect(formatSpdError(err(setMmPolicy(base, { name: 'Nope' })))).toBe('The specified main mode policy was not found.');
    expect(err(deleteMmPolicy(base, 'Nope')).code).toBe(13004);
  });

  it('checks ranges on set', () => {
    expect(err(setMmPolicy(withRule, { name: 'MM1', qmpermm: 1.5 })).code).toBe(5020);
  });

  it('refuses to delete a policy a rule uses (13005), alone or with all', () => {
    expect(formatSpdError(err(deleteMmPolicy(withRule, 'MM1')))).toBe('The specified main mode policy is being used.');
    expect(err(deleteAllMmPolicies(withRule)).code).toBe(13005);
  });

  it('deletes unused policies', () => {
    const two = must(addMmPolicy(base, { name: 'A' }));
    expect(must(deleteMmPolicy(two, 'a')).mmPolicies).toEqual([]);
    expect(must(deleteAllMmPolicies(must(addMmPolicy(two, { name: 'B' })))).mmPolicies).toEqual([]);
  });

  it('will not drop the default flag while a filter relies on it', () => {
    const spd = must(addRule(must(addMmPolicy(base, { name: 'D', default: true })), { srcaddr: me, dstaddr: peer, actioninbound: 'permit', actionoutbound: 'permit' }));
    expect(err(setMmPolicy(spd, { name: 'D', default: false })).code).toBe(13005);
    expect(err(deleteMmPolicy(spd, 'D')).code).toBe(13005);
  });
});

describe('add / set / delete qmpolicy', () => {
  it('fills the defaults: not soft, no PFS, the Require Security methods', () => {
    const spd = must(addQmPolicy(base, { name: 'QM1' }));
    expect(spd.qmPolicies).toEqual([
      { id: 'qmpolicy:1', name: 'QM1', isDefault: false, soft: false, pfsgroup: 'NOPFS', offers: DEFAULT_NEGOTIATE_QM_OFFERS },
    ]);
  });

  it('refuses a duplicate with 13000 and a missing one with 13001', () => {
    const spd = must(addQmPolicy(base, { name: 'QM1' }));
    expect(formatSpdError(err(addQmPolicy(spd, { name: 'qm1' })))).toBe('The specified quick mode policy already exists.');
    expect(formatSpdError(err(setQmPolicy(spd, { name: 'QM2', soft: true })))).toBe('The specified quick mode policy was not found.');
    expect(err(deleteQmPolicy(spd, 'QM2')).code).toBe(13001);
  });

  it('rejects bad pfs groups and empty offer lists', () => {
    expect(formatSpdError(err(addQmPolicy(base, { name: 'Q', pfsgroup: 'GRP9' as PfsGroup })))).toBe(
      'ERR IPsec[05020] : "GRP9" is not a valid value for pfsgroup: use GRP1, GRP2, GRP3, GRPMM, NOPFS.',
    );
    expect(err(addQmPolicy(base, { name: 'Q', qmsecmethods: [] })).code).toBe(5023);
    expect(err(addQmPolicy(base, { name: ' ' })).code).toBe(5014);
  });

  it('sets soft, pfs and methods', () => {
    const offers = value(parseQmOffers('AH[SHA1]'));
    const spd = must(setQmPolicy(must(addQmPolicy(base, { name: 'QM1' })), { name: 'QM1', soft: true, pfsgroup: 'GRPMM', qmsecmethods: offers }));
    expect(spd.qmPolicies[0]).toMatchObject({ soft: true, pfsgroup: 'GRPMM', offers });
  });

  it('refuses to delete a policy in use (13002), and an implicit default in use', () => {
    let spd = must(addMmPolicy(base, { name: 'MM1' }));
    spd = must(addQmPolicy(spd, { name: 'QM1' }));
    spd = must(addQmPolicy(spd, { name: 'D', default: true }));
    spd = must(addRule(spd, { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1', qmpolicy: 'QM1' }));
    spd = must(addRule(spd, { srcaddr: me, dstaddr: peer, protocol: 6, mmpolicy: 'MM1' }));
    expect(formatSpdError(err(deleteQmPolicy(spd, 'QM1')))).toBe('The specified quick mode policy is being used.');
    expect(err(deleteQmPolicy(spd, 'D')).code).toBe(13002);
    expect(err(setQmPolicy(spd, { name: 'D', default: false })).code).toBe(13002);
    expect(err(deleteAllQmPolicies(spd)).code).toBe(13002);
  });

  it('deletes unused ones', () => {
    const spd = must(addQmPolicy(must(addQmPolicy(base, { name: 'A' })), { name: 'B' }));
    expect(must(deleteQmPolicy(spd, 'A')).qmPolicies.map((p) => p.name)).toEqual(['B']);
    expect(must(deleteAllQmPolicies(spd)).qmPolicies).toEqual([]);
  });
});
