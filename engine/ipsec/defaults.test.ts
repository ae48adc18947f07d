import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MM_OFFERS,
  DEFAULT_RESPONSE_QM_OFFERS,
  PROTOCOL,
  REQUEST_SECURITY_QM_OFFERS,
  REQUIRE_SECURITY_QM_OFFERS,
} from './constants.js';
import { createDefaultLocalStore, createEmptyStore } from './defaults.js';
import { formatMmOffers, formatQmOffers } from './offers.js';
import { filterActionById, filterListById, findFilterAction, findFilterList, findPolicy } from './store-lookup.js';
import { isDefaultRuleActive, type IpsecPolicy, type PolicyStore } from './types.js';

function policyOf(store: PolicyStore, name: string): IpsecPolicy {
  const p = findPolicy(store, name);
  if (!p) throw new Error(`missing ${name}`);
  return p;
}

/** [filter list, filter action, auth] per standard rule, then a marker for the default rule. */
function ruleSummary(store: PolicyStore, policy: IpsecPolicy): string[] {
  return policy.rules.map((r) =>
    r.isDefaultResponse
      ? `<Dynamic> -> Default Response (${r.authMethods.map((a) => a.kind).join(',')})`
      : `${filterListById(store, r.filterListId)?.name} -> ${filterActionById(store, r.filterActionId)?.name} (${r.authMethods.map((a) => a.kind).join(',')})`,
  );
}

describe('createDefaultLocalStore', () => {
  const store = createDefaultLocalStore();

  it('is a local store with two filter lists, three actions and three policies', () => {
    expect(store.location).toBe('local');
    expect(store.filterLists.map((l) => l.name)).toEqual(['All ICMP Traffic', 'All IP Traffic']);
    expect(store.filterActions.map((a) => a.name)).toEqual(['Permit', 'Request Security (Optional)', 'Require Security']);
    expect(store.policies.map((p) => p.name)).toEqual([
      'Client (Respond Only)',
      'Secure Server (Require Security)',
      'Server (Request Security)',
    ]);
  });

  it('All ICMP Traffic: one mirrored Me <-> Any ICMP filter', () => {
    expect(findFilterList(store, 'All ICMP Traffic')?.filters).toEqual([
      { description: '', srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' }, protocol: PROTOCOL.ICMP, srcport: 0, dstport: 0, mirrored: true },
    ]);
  });

  it('All IP Traffic: one mirrored Me <-> Any filter of any protocol', () => {
    expect(findFilterList(store, 'all ip traffic')?.filters).toEqual([
      { description: '', srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' }, protocol: 0, srcport: 0, dstport: 0, mirrored: true },
    ]);
  });

  it('Permit passes in the clear', () => {
    expect(findFilterAction(store, 'Permit')).toMatchObject({ action: 'permit', qmsecmethods: [] });
  });

  it('Request Security (Optional): negotiate, inpass, soft, no PFS, ESP then AH offers', () => {
    const a = findFilterAction(store, 'Request Security (Optional)');
    expect(a).toMatchObject({ action: 'negotiate', inpass: true, soft: true, qmpfs: false });
    expect(formatQmOffers(a?.qmsecmethods ?? [], { omitDefaultLifetime: true })).toBe(
      'ESP[3DES,SHA1] ESP[3DES,MD5] ESP[DES,SHA1] ESP[DES,MD5] AH[SHA1] AH[MD5]',
    );
    expect(a?.qmsecmethods).toEqual(REQUEST_SECURITY_QM_OFFERS);
  });

  it('Require Security: negotiate, inpass, no soft, no PFS, ESP offers only', () => {
    const a = findFilterAction(store, 'Require Security');
    expect(a).toMatchObject({ action: 'negotiate', inpass: true, soft: false, qmpfs: false });
    expect(formatQmOffers(a?.qmsecmethods ?? [])).toBe(
      'ESP[3DES,SHA1]:100000k/3600s ESP[3DES,MD5]:100000k/3600s ESP[DES,SHA1]:100000k/3600s ESP[DES,MD5]:100000k/3600s',
    );
    expect(a?.qmsecmethods).toEqual(REQUIRE_SECURITY_QM_OFFERS);
  });

  it('every policy has the §5.3 settings and is not assigned', () => {
    for (const p of store.policies) {
      expect(p).toMatchObject({ pollinginterval: 180, mmlifetime: 480, qmpermm: 0, mmpfs: false, assigned: false });
      expect(formatMmOffers(p.mmsecmethods)).toBe('3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 DES-MD5-1');
      expect(isDefaultRuleActive(p)).toBe(true);
      const last = p.rules[p.rules.length - 1];
      expect(last?.isDefaultResponse).toBe(true);
      if (last?.isDefaultResponse) {
        expect(last).toMatchObject({ qmpfs: false, tunnel: null, conntype: 'all', authMethods: [{ kind: 'kerberos' }] });
        expect(last.qmsecmethods).toEqual(DEFAULT_RESPONSE_QM_OFFERS);
      }
    }
  });

  it('Client (Respond Only) holds only the default response rule', () => {
    expect(ruleSummary(store, policyOf(store, 'Client (Respond Only)'))).toEqual(['<Dynamic> -> Default Response (kerberos)']);
  });

  it('Server (Request Security) rules', () => {
    expect(ruleSummary(store, policyOf(store, 'Server (Request Security)'))).toEqual([
      'All IP Traffic -> Request Security (Optional) (kerberos)',
      'All ICMP Traffic -> Permit (kerberos)',
      '<Dynamic> -> Default Response (kerberos)',
    ]);
  });

  it('Secure Server (Require Security) rules', () => {
    const p = policyOf(store, 'Secure Server (Require Security)');
    expect(ruleSummary(store, p)).toEqual([
      'All IP Traffic -> Require Security (kerberos)',
      'All ICMP Traffic -> Permit (kerberos)',
      '<Dynamic> -> Default Response (kerberos)',
    ]);
    for (const r of p.rules) expect(r).toMatchObject({ activate: true, tunnel: null, conntype: 'all' });
  });

  it('has unique ids and a counter past them; each call returns a fresh, equal store', () => {
    const ids = [
      ...store.filterLists.map((l) => l.id),
      ...store.filterActions.map((a) => a.id),
      ...store.policies.flatMap((p) => [p.id, ...p.rules.map((r) => r.id)]),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = ids.map((id) => Number(id.split(':')[1]));
    expect(Math.max(...numbers)).toBeLessThan(store.nextId);
    const again = createDefaultLocalStore();
    expect(again).toEqual(store);
    expect(again.filterLists).not.toBe(store.filterLists);
  });

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(store))).toEqual(store);
  });

  it('has no AES anywhere', () => {
    expect(JSON.stringify(store)).not.toMatch(/AES/i);
    expect(DEFAULT_MM_OFFERS.every((o) => o.encryption === 'DES' || o.encryption === '3DES')).toBe(true);
  });
});

describe('createEmptyStore', () => {
  it('creates an empty domain or persistent store', () => {
    expect(createEmptyStore('domain')).toEqual({ location: 'domain', policies: [], filterLists: [], filterActions: [], nextId: 1 });
    expect(createEmptyStore('persistent').location).toBe('persistent');
  });
});
