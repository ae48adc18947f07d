import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore } from './defaults.js';
import { formatIpsecError, type IpsecErrorKind } from './errors.js';
import { addFilterList, addPolicy, addRule, deleteAllRules, deleteRule, setRule, type StoreResult } from './store-ops.js';
import { findFilterAction, findFilterList, findPolicy, findRule, standardRules } from './store-lookup.js';
import type { IpsecPolicy, PolicyStore } from './types.js';

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

/** A store with an empty policy "P" and a filter list "Web". */
function base(): PolicyStore {
  return unwrap(addFilterList(unwrap(addPolicy(createDefaultLocalStore(), { name: 'P' })), { name: 'Web' }));
}

const addWeb = { name: 'R1', policy: 'P', filterlist: 'Web', filteraction: 'Permit' };

describe('add rule', () => {
  it('links list and action by id, with the §2.5 defaults, before the default response rule', () => {
    const store = base();
    const after = unwrap(addRule(store, addWeb));
    const p = policy(after, 'P');
    expect(p.rules).toHaveLength(2);
    expect(p.rules[0]).toEqual({
      id: `rule:${store.nextId}`,
      isDefaultResponse: false,
      name: 'R1',
      description: '',
      filterListId: findFilterList(store, 'Web')?.id,
      filterActionId: findFilterAction(store, 'Permit')?.id,
      tunnel: null,
      conntype: 'all',
      activate: true,
      authMethods: [{ kind: 'kerberos' }],
    });
    expect(p.rules[1]?.isDefaultResponse).toBe(true);
    const two = unwrap(addRule(after, { ...addWeb, name: 'R2' }));
    expect(policy(two, 'P').rules.map((r) => r.name)).toEqual(['R1', 'R2', '']);
  });

  it('takes tunnel, conntype, activate, description and ordered auth methods', () => {
    const after = unwrap(
      addRule(base(), {
        ...addWeb,
        tunnel: '10.0.0.1',
        conntype: 'dialup',
        activate: false,
        description: 'd',
        authMethods: [
          { kind: 'certificate', rootCa: 'CN=Root', certmap: true, excludeCaName: false },
          { kind: 'psk', key: 'k' },
        ],
      }),
    );
    expect(policy(after, 'P').rules[0]).toMatchObject({
      tunnel: '10.0.0.1',
      conntype: 'dialup',
      activate: false,
      description: 'd',
      authMethods: [
        { kind: 'certificate', rootCa: 'CN=Root', certmap: true, excludeCaName: false },
        { kind: 'psk', key: 'k' },
      ],
    });
  });

  it.each([
    [{ name: 'all' }, 'rule-name-reserved', 'A Rule cannot be named "all".'],
    [{ name: 'ALL' }, 'rule-name-reserved', undefined],
    [{ name: '' }, 'empty-name', 'The Rule name cannot be empty.'],
    [{ policy: 'Foo' }, 'policy-not-found', 'Policy with name "Foo" does not exist.'],
    [{ filterlist: 'Bar' }, 'filterlist-not-found', 'Filter List with name "Bar" does not exist.'],
    [{ filteraction: 'Baz' }, 'filteraction-not-found', 'Filter Action with name "Baz" does not exist.'],
    [{ tunnel: 'me' }, 'invalid-tunnel', undefined],
    [{ tunnel: '10.0.0.256' }, 'invalid-tunnel', undefined],
    [{ authMethods: [{ kind: 'psk', key: '' }] }, 'empty-psk', 'The preshared key cannot be empty.'],
    [{ authMethods: [] }, 'no-auth-methods', undefined],
  ] as const)('refuses %o', (change, kind, message) => {
    expectError(addRule(base(), { ...addWeb, ...change } as Parameters<typeof addRule>[1]), kind, message);
  });

  it('refuses a second rule of the same name in one policy, but not in another', () => {
    const store = unwrap(addRule(base(), addWeb));
    expectError(addRule(store, { ...addWeb, name: 'r1' }), 'rule-exists', 'A Rule with name "r1" already exists in Policy "P".');
    expect(unwrap(addRule(store, { ...addWeb, policy: 'Client (Respond Only)' })).policies).toHaveLength(4);
  });

  it('accepts a DNS-name tunnel endpoint', () => {
    expect(policy(unwrap(addRule(base(), { ...addWeb, tunnel: 'gw.example.test' })), 'P').rules[0]?.tunnel).toBe('gw.example.test');
  });
});

describe('set rule', () => {
  const withRule = () => unwrap(addRule(base(), addWeb));

  it('by name: renames, relinks and replaces the auth list', () => {
    const after = unwrap(
      setRule(withRule(), {
        policy: 'P',
        rule: { name: 'r1' },
        newname: 'Renamed',
        filteraction: 'Require Security',
        filterlist: 'All IP Traffic',
        authMethods: [{ kind: 'psk', key: 'x' }],
        tunnel: '10.0.0.2',
      }),
    );
    const r = findRule(policy(after, 'P'), { name: 'Renamed' });
    expect(r).toMatchObject({
      filterActionId: findFilterAction(after, 'Require Security')?.id,
      filterListId: findFilterList(after, 'All IP Traffic')?.id,
      authMethods: [{ kind: 'psk', key: 'x' }],
      tunnel: '10.0.0.2',
    });
    const cleared = unwrap(setRule(after, { policy: 'P', rule: { name: 'Renamed' }, tunnel: null }));
    expect(findRule(policy(cleared, 'P'), { id: 1 })?.tunnel).toBeNull();
  });

  it('by id', () => {
    const after = unwrap(setRule(createDefaultLocalStore(), { policy: 'Server (Request Security)', rule: { id: 2 }, activate: false }));
    expect(standardRules(policy(after, 'Server (Request Security)')).map((r) => r.activate)).toEqual([true, false]);
  });

  it('refuses unknown policy/rule/list/action, reserved or clashing names, and the default rule', () => {
    const store = unwrap(addRule(withRule(), { ...addWeb, name: 'R2' }));
    expectError(setRule(store, { policy: 'Foo', rule: { name: 'R1' } }), 'policy-not-found');
    expectError(setRule(store, { policy: 'P', rule: { name: 'Nope' } }), 'rule-not-found', 'Rule with name "Nope" does not exist in Policy "P".');
    expectError(setRule(store, { policy: 'P', rule: { id: 9 } }), 'rule-not-found', 'Rule with ID 9 does not exist in Policy "P".');
    expectError(setRule(store, { policy: 'P', rule: { id: 3 } }), 'default-rule-protected');
    expectError(setRule(store, { policy: 'P', rule: { name: 'R1' }, newname: 'R2' }), 'rule-exists');
    expectError(setRule(store, { policy: 'P', rule: { name: 'R1' }, newname: 'all' }), 'rule-name-reserved');
    expectError(setRule(store, { policy: 'P', rule: { name: 'R1' }, filterlist: 'Bar' }), 'filterlist-not-found');
    expectError(setRule(store, { policy: 'P', rule: { name: 'R1' }, filteraction: 'Baz' }), 'filteraction-not-found');
    expectError(setRule(store, { policy: 'P', rule: { name: 'R1' }, authMethods: [{ kind: 'psk', key: '  ' }] }), 'empty-psk');
    // Renaming to its own name in another case is fine.
    expect(findRule(policy(unwrap(setRule(store, { policy: 'P', rule: { name: 'R1' }, newname: 'r1' })), 'P'), { id: 1 })?.name).toBe('r1');
  });
});

describe('delete rule', () => {
  it('by name or id; the default response rule stays', () => {
    const store = createDefaultLocalStore();
    const byName = unwrap(deleteRule(store, { policy: 'Server (Request Security)', rule: { name: 'All ICMP Traffic' } }));
    expect(policy(byName, 'Server (Request Security)').rules.map((r) => r.name)).toEqual(['All IP Traffic', '']);
    const byId = unwrap(deleteRule(store, { policy: 'Server (Request Security)', rule: { id: 1 } }));
    expect(policy(byId, 'Server (Request Security)').rules.map((r) => r.name)).toEqual(['All ICMP Traffic', '']);
  });

  it('refuses the default response rule, unknown rules and policies', () => {
    const store = createDefaultLocalStore();
    expectError(deleteRule(store, { policy: 'Client (Respond Only)', rule: { id: 1 } }), 'default-rule-protected');
    expectError(deleteRule(store, { policy: 'Client (Respond Only)', rule: { name: '' } }), 'rule-not-found');
    expectError(deleteRule(store, { policy: 'Client (Respond Only)', rule: { id: 0 } }), 'rule-not-found');
    expectError(deleteRule(store, { policy: 'Foo', rule: { id: 1 } }), 'policy-not-found');
  });

  it('delete rule all keeps only the default response rule, and frees the lists', () => {
    const store = createDefaultLocalStore();
    const after = unwrap(deleteAllRules(store, 'Secure Server (Require Security)'));
    expect(policy(after, 'Secure Server (Require Security)').rules.map((r) => r.isDefaultResponse)).toEqual([true]);
    expectError(deleteAllRules(store, 'Foo'), 'policy-not-found');
  });
});
