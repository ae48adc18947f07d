import { describe, expect, it } from 'vitest';
import { DEFAULT_MM_OFFERS, DEFAULT_RESPONSE_QM_OFFERS } from './constants.js';
import { createDefaultLocalStore, createEmptyStore } from './defaults.js';
import { formatIpsecError, type IpsecErrorKind } from './errors.js';
import { parseMmOffers, parseQmOffers } from './offers.js';
import { addPolicy, deleteAll, deleteAllPolicies, deletePolicy, setDefaultRule, setPolicy, type StoreResult } from './store-ops.js';
import { findPolicy } from './store-lookup.js';
import { isDefaultRuleActive, type DefaultResponseRule, type IpsecPolicy, type PolicyStore } from './types.js';

function unwrap(r: StoreResult): PolicyStore {
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

function expectError(r: StoreResult, kind: IpsecErrorKind, message?: string): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.kind).toBe(kind);
  if (message !== undefined) expect(r.error.message).toBe(message);
}

function policy(store: PolicyStore, name: string): IpsecPolicy {
  const p = findPolicy(store, name);
  if (!p) throw new Error(`no policy ${name}`);
  return p;
}

function defaultRule(p: IpsecPolicy): DefaultResponseRule {
  const r = p.rules.find((x): x is DefaultResponseRule => x.isDefaultResponse);
  if (!r) throw new Error('no default rule');
  return r;
}

describe('add policy', () => {
  it('creates a policy with only an active default response rule and the §2.4 defaults', () => {
    const after = unwrap(addPolicy(createEmptyStore('local'), { name: 'P' }));
    expect(after.policies).toEqual([
      {
        id: 'policy:1',
        name: 'P',
        description: '',
        mmpfs: false,
        qmpermm: 0,
        mmlifetime: 480,
        pollinginterval: 180,
        assigned: false,
        mmsecmethods: DEFAULT_MM_OFFERS,
        rules: [
          {
            id: 'rule:2',
            isDefaultResponse: true,
            name: '',
            description: '',
            activate: true,
            authMethods: [{ kind: 'kerberos' }],
            tunnel: null,
            conntype: 'all',
            qmpfs: false,
            qmsecmethods: DEFAULT_RESPONSE_QM_OFFERS,
          },
        ],
      },
    ]);
    expect(after.nextId).toBe(3);
  });

  it('activatedefaultrule=no leaves the default response rule inactive', () => {
    const after = unwrap(addPolicy(createEmptyStore('local'), { name: 'P', activatedefaultrule: false }));
    expect(isDefaultRuleActive(policy(after, 'P'))).toBe(false);
    expect(policy(after, 'P').rules).toHaveLength(1);
  });

  it('takes every field; mmpfs forces qmpermm to 1', () => {
    const mm = parseMmOffers('3DES-SHA1-3 DES-MD5-3 3DES-MD5-2');
    if (!mm.ok) throw new Error(mm.error);
    const after = unwrap(
      addPolicy(createEmptyStore('local'), {
        name: 'Policy1',
        description: 'd',
        mmpfs: true,
        qmpermm: 5,
        mmlifetime: 60,
        pollinginterval: 5,
        mmsecmethods: mm.value,
      }),
    );
    expect(policy(after, 'policy1')).toMatchObject({ description: 'd', mmpfs: true, qmpermm: 1, mmlifetime: 60, pollinginterval: 5, mmsecmethods: mm.value });
    expect(policy(unwrap(addPolicy(createEmptyStore('local'), { name: 'Q', qmpermm: 5 })), 'Q').qmpermm).toBe(5);
  });

  it('assign=yes assigns it and un-assigns any other in a local store', () => {
    let store = unwrap(addPolicy(createDefaultLocalStore(), { name: 'A', assign: true }));
    expect(store.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual(['A']);
    store = unwrap(addPolicy(store, { name: 'B', assign: true }));
    expect(store.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual(['B']);
  });

  it('assign has no effect in the domain store', () => {
    const after = unwrap(addPolicy(createEmptyStore('domain'), { name: 'A', assign: true }));
    expect(policy(after, 'A').assigned).toBe(false);
  });

  it.each([
    [{ name: 'Client (Respond Only)' }, 'policy-exists', 'A Policy with name "Client (Respond Only)" already exists.'],
    [{ name: '' }, 'empty-name', 'The Policy name cannot be empty.'],
    [{ name: 'X', mmlifetime: 0 }, 'invalid-value', 'The value 0 for mmlifetime is not valid: it must be between 1 and 71582788.'],
    [{ name: 'X', pollinginterval: -5 }, 'invalid-value', undefined],
    [{ name: 'X', pollinginterval: 1.5 }, 'invalid-value', undefined],
    [{ name: 'X', qmpermm: -1 }, 'invalid-value', undefined],
    [{ name: 'X', mmsecmethods: [] }, 'no-security-methods', undefined],
    [{ name: 'X', mmsecmethods: [{ encryption: 'AES', integrity: 'SHA1', dhGroup: 2 }] }, 'invalid-mm-offer', undefined],
  ] as const)('refuses %o', (input, kind, message) => {
    expectError(addPolicy(createDefaultLocalStore(), input as Parameters<typeof addPolicy>[1]), kind, message);
  });
});

describe('set policy', () => {
  it('changes only the given fields and renames', () => {
    const store = createDefaultLocalStore();
    const after = unwrap(setPolicy(store, { name: 'server (request security)', newname: 'Srv', pollinginterval: 30 }));
    const p = policy(after, 'Srv');
    expect(p).toMatchObject({ id: 'policy:12', pollinginterval: 30, mmlifetime: 480 });
    expect(p.rules).toBe(policy(store, 'Server (Request Security)').rules);
  });

  it('activatedefaultrule switches the default response rule', () => {
    const after = unwrap(setPolicy(createDefaultLocalStore(), { name: 'Client (Respond Only)', activatedefaultrule: false }));
    expect(isDefaultRuleActive(policy(after, 'Client (Respond Only)'))).toBe(false);
  });

  it('mmpfs=yes forces qmpermm 1, also against an explicit qmpermm', () => {
    const after = unwrap(setPolicy(createDefaultLocalStore(), { name: 'Client (Respond Only)', mmpfs: true, qmpermm: 9 }));
    expect(policy(after, 'Client (Respond Only)')).toMatchObject({ mmpfs: true, qmpermm: 1 });
  });

  it('assign and un-assign', () => {
    const store = unwrap(setPolicy(createDefaultLocalStore(), { name: 'Client (Respond Only)', assign: true }));
    expect(policy(store, 'Client (Respond Only)').assigned).toBe(true);
    const other = unwrap(setPolicy(store, { name: 'Server (Request Security)', assign: true }));
    expect(other.policies.map((p) => p.assigned)).toEqual([false, false, true]);
    const none = unwrap(setPolicy(other, { name: 'Server (Request Security)', assign: false }));
    expect(none.policies.some((p) => p.assigned)).toBe(false);
  });

  it('refuses unknown policy, clashing or empty new name, bad values', () => {
    const store = createDefaultLocalStore();
    expectError(setPolicy(store, { name: 'Foo' }), 'policy-not-found', 'Policy with name "Foo" does not exist.');
    expectError(setPolicy(store, { name: 'Client (Respond Only)', newname: 'server (request security)' }), 'policy-exists');
    expectError(setPolicy(store, { name: 'Client (Respond Only)', newname: ' ' }), 'empty-name');
    expectError(setPolicy(store, { name: 'Client (Respond Only)', mmlifetime: 71582789 }), 'invalid-value');
  });
});

describe('delete policy / delete all', () => {
  it('deletes the policy and its rules but not the shared lists and actions', () => {
    const store = createDefaultLocalStore();
    const after = unwrap(deletePolicy(store, 'SECURE SERVER (REQUIRE SECURITY)'));
    expect(after.policies.map((p) => p.name)).toEqual(['Client (Respond Only)', 'Server (Request Security)']);
    expect(after.filterLists).toBe(store.filterLists);
    expect(after.filterActions).toBe(store.filterActions);
    expectError(deletePolicy(store, 'Foo'), 'policy-not-found');
  });

  it('delete policy all, then delete all', () => {
    const store = createDefaultLocalStore();
    expect(unwrap(deleteAllPolicies(store)).policies).toEqual([]);
    const wiped = unwrap(deleteAll(store));
    expect(wiped).toEqual({ location: 'local', policies: [], filterLists: [], filterActions: [], nextId: store.nextId });
  });
});

describe('set defaultrule', () => {
  it('changes methods, PFS, activation and replaces the auth list', () => {
    const qm = parseQmOffers('ESP[3DES,SHA1]');
    if (!qm.ok) throw new Error(qm.error);
    const after = unwrap(
      setDefaultRule(createDefaultLocalStore(), {
        policy: 'Client (Respond Only)',
        qmpfs: true,
        activate: false,
        qmsecmethods: qm.value,
        authMethods: [{ kind: 'psk', key: 'secret' }, { kind: 'kerberos' }],
      }),
    );
    expect(defaultRule(policy(after, 'Client (Respond Only)'))).toMatchObject({
      qmpfs: true,
      activate: false,
      qmsecmethods: qm.value,
      authMethods: [{ kind: 'psk', key: 'secret' }, { kind: 'kerberos' }],
    });
  });

  it('refuses unknown policy, empty psk, empty root CA, empty lists', () => {
    const store = createDefaultLocalStore();
    const p = 'Client (Respond Only)';
    expectError(setDefaultRule(store, { policy: 'Foo' }), 'policy-not-found');
    expectError(setDefaultRule(store, { policy: p, authMethods: [{ kind: 'psk', key: '' }] }), 'empty-psk', 'The preshared key cannot be empty.');
    expectError(setDefaultRule(store, { policy: p, authMethods: [{ kind: 'certificate', rootCa: ' ', certmap: false, excludeCaName: false }] }), 'empty-rootca');
    expectError(setDefaultRule(store, { policy: p, authMethods: [] }), 'no-auth-methods');
    expectError(setDefaultRule(store, { policy: p, qmsecmethods: [] }), 'no-security-methods');
  });
});
