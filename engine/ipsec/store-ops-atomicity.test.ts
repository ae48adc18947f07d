import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore } from './defaults.js';
import {
  addFilter,
  addFilterAction,
  addFilterList,
  addPolicy,
  addRule,
  deleteAll,
  deleteAllFilterActions,
  deleteAllFilterLists,
  deleteAllPolicies,
  deleteAllRules,
  deleteFilter,
  deleteFilterAction,
  deleteFilterList,
  deletePolicy,
  deleteRule,
  setDefaultRule,
  setFilterAction,
  setFilterList,
  setPolicy,
  setRule,
  type StoreResult,
} from './store-ops.js';
import type { PolicyStore } from './types.js';

/** Freezes every object and array, so a mutating operation throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const me = { kind: 'me' } as const;
const any = { kind: 'any' } as const;
const P = 'Server (Request Security)';

/** Operations that must fail on the default store, one or more per error path. */
const failing: [string, (s: PolicyStore) => StoreResult][] = [
  ['add filterlist duplicate', (s) => addFilterList(s, { name: 'All IP Traffic' })],
  ['set filterlist clash', (s) => setFilterList(s, { name: 'All IP Traffic', newname: 'All ICMP Traffic', description: 'x' })],
  ['delete filterlist in use', (s) => deleteFilterList(s, 'All IP Traffic')],
  ['delete filterlist all in use', (s) => deleteAllFilterLists(s)],
  ['add filter bad port', (s) => addFilter(s, { filterlist: 'New', srcaddr: me, dstaddr: any, protocol: 1, dstport: 7 })],
  ['add filter duplicate', (s) => addFilter(s, { filterlist: 'All IP Traffic', srcaddr: me, dstaddr: any })],
  ['delete filter no match', (s) => deleteFilter(s, { filterlist: 'All IP Traffic', srcaddr: any, dstaddr: me })],
  ['add filteraction duplicate', (s) => addFilterAction(s, { name: 'Permit' })],
  ['set filteraction empty methods', (s) => setFilterAction(s, { name: 'Permit', action: 'negotiate', qmsecmethods: [] })],
  ['delete filteraction in use', (s) => deleteFilterAction(s, 'Require Security')],
  ['delete filteraction all in use', (s) => deleteAllFilterActions(s)],
  ['add policy bad lifetime', (s) => addPolicy(s, { name: 'New', mmlifetime: 0, assign: true })],
  ['set policy clash', (s) => setPolicy(s, { name: P, newname: 'Client (Respond Only)', assign: true, activatedefaultrule: false })],
  ['delete policy unknown', (s) => deletePolicy(s, 'Foo')],
  ['add rule reserved name', (s) => addRule(s, { name: 'all', policy: P, filterlist: 'All IP Traffic', filteraction: 'Permit' })],
  ['add rule empty psk', (s) => addRule(s, { name: 'R', policy: P, filterlist: 'All IP Traffic', filteraction: 'Permit', authMethods: [{ kind: 'psk', key: '' }] })],
  ['set rule missing action', (s) => setRule(s, { policy: P, rule: { id: 1 }, newname: 'X', filteraction: 'Nope' })],
  ['set rule default', (s) => setRule(s, { policy: P, rule: { id: 3 }, activate: false })],
  ['delete rule default', (s) => deleteRule(s, { policy: P, rule: { id: 3 } })],
  ['delete rule all unknown policy', (s) => deleteAllRules(s, 'Foo')],
  ['set defaultrule empty psk', (s) => setDefaultRule(s, { policy: P, activate: false, authMethods: [{ kind: 'psk', key: '' }] })],
];

/** Operations that succeed; they too must leave their input alone. */
const succeeding: [string, (s: PolicyStore) => StoreResult][] = [
  ['add filter to existing list', (s) => addFilter(s, { filterlist: 'All IP Traffic', srcaddr: any, dstaddr: me, protocol: 6, dstport: 80 })],
  ['add filter new list', (s) => addFilter(s, { filterlist: 'New', srcaddr: me, dstaddr: any })],
  ['set filteraction', (s) => setFilterAction(s, { name: 'Permit', action: 'negotiate' })],
  ['add policy assigned', (s) => addPolicy(s, { name: 'New', assign: true })],
  ['set policy', (s) => setPolicy(s, { name: P, assign: true, activatedefaultrule: false })],
  ['add rule', (s) => addRule(s, { name: 'R', policy: P, filterlist: 'All IP Traffic', filteraction: 'Permit' })],
  ['set rule', (s) => setRule(s, { policy: P, rule: { id: 1 }, activate: false })],
  ['delete rule', (s) => deleteRule(s, { policy: P, rule: { id: 2 } })],
  ['set defaultrule', (s) => setDefaultRule(s, { policy: P, activate: false })],
  ['delete policy all', (s) => deleteAllPolicies(s)],
  ['delete all', (s) => deleteAll(s)],
];

describe('atomicity', () => {
  it.each(failing)('%s fails and leaves the store untouched', (_name, op) => {
    const store = deepFreeze(createDefaultLocalStore());
    const snapshot = JSON.parse(JSON.stringify(store)) as unknown;
    const r = op(store);
    expect(r.ok).toBe(false);
    expect(store).toEqual(snapshot);
    expect(store).toEqual(createDefaultLocalStore());
  });

  it.each(succeeding)('%s returns a new store and leaves the input untouched', (_name, op) => {
    const store = deepFreeze(createDefaultLocalStore());
    const r = op(store);
    expect(r.ok).toBe(true);
    expect(store).toEqual(createDefaultLocalStore());
    if (r.ok) {
      expect(r.value).not.toBe(store);
      expect(r.value).not.toEqual(store);
      expect(JSON.parse(JSON.stringify(r.value))).toEqual(r.value);
    }
  });
});
