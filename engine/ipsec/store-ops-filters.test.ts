import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore, createEmptyStore } from './defaults.js';
import { formatIpsecError, type IpsecErrorKind } from './errors.js';
import {
  addFilter,
  addFilterAction,
  addFilterList,
  deleteAllFilterActions,
  deleteAllFilterLists,
  deleteFilter,
  deleteFilterAction,
  deleteFilterList,
  setFilterAction,
  setFilterList,
  type StoreResult,
} from './store-ops.js';
import { findFilterAction, findFilterList } from './store-lookup.js';
import type { PolicyStore } from './types.js';
import { parseQmOffers } from './offers.js';

function unwrap(r: StoreResult): PolicyStore {
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

function expectError(r: StoreResult, kind: IpsecErrorKind, message?: string): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.kind).toBe(kind);
  expect(r.error.code).toBeGreaterThanOrEqual(5000);
  expect(r.error.code).toBeLessThan(6000);
  if (message !== undefined) expect(r.error.message).toBe(message);
}

function offers(text: string) {
  const r = parseQmOffers(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const me = { kind: 'me' } as const;
const any = { kind: 'any' } as const;

describe('filter lists', () => {
  it('adds an empty list with a fresh id', () => {
    const before = createEmptyStore('local');
    const after = unwrap(addFilterList(before, { name: 'Web', description: 'HTTP' }));
    expect(after.filterLists).toEqual([{ id: 'filterlist:1', name: 'Web', description: 'HTTP', filters: [] }]);
    expect(after.nextId).toBe(2);
  });

  it('refuses a duplicate name, case-insensitively, and an empty name', () => {
    const store = createDefaultLocalStore();
    expectError(addFilterList(store, { name: 'all ip traffic' }), 'filterlist-exists', 'A Filter List with name "all ip traffic" already exists.');
    expectError(addFilterList(store, { name: '  ' }), 'empty-name', 'The Filter List name cannot be empty.');
  });

  it('renames and re-describes; rules keep pointing at it by id', () => {
    const store = createDefaultLocalStore();
    const after = unwrap(setFilterList(store, { name: 'All IP Traffic', newname: 'Everything', description: 'x' }));
    const list = findFilterList(after, 'Everything');
    expect(list).toMatchObject({ id: findFilterList(store, 'All IP Traffic')?.id, description: 'x' });
    expect(findFilterList(after, 'All IP Traffic')).toBeUndefined();
    expect(unwrap(setFilterList(store, { name: 'All IP Traffic', newname: 'ALL IP TRAFFIC' })).filterLists[1]?.name).toBe('ALL IP TRAFFIC');
  });

  it('set: unknown list, clashing or empty new name', () => {
    const store = createDefaultLocalStore();
    expectError(setFilterList(store, { name: 'Nope' }), 'filterlist-not-found', 'Filter List with name "Nope" does not exist.');
    expectError(setFilterList(store, { name: 'All IP Traffic', newname: 'All ICMP Traffic' }), 'filterlist-exists');
    expectError(setFilterList(store, { name: 'All IP Traffic', newname: '' }), 'empty-name');
  });

  it('deletes an unused list, refuses one a rule uses', () => {
    const store = unwrap(addFilterList(createDefaultLocalStore(), { name: 'Spare' }));
    expect(findFilterList(unwrap(deleteFilterList(store, 'spare')), 'Spare')).toBeUndefined();
    expectError(
      deleteFilterList(store, 'All IP Traffic'),
      'filterlist-in-use',
      'Filter List with name "All IP Traffic" is used by Rule "All IP Traffic" of Policy "Secure Server (Require Security)" and cannot be deleted.',
    );
    expectError(deleteFilterList(store, 'Nope'), 'filterlist-not-found');
  });

  it('delete all: refused while any list is used, otherwise empties', () => {
    const store = createDefaultLocalStore();
    expectError(deleteAllFilterLists(store), 'filterlist-in-use');
    const noPolicies = { ...store, policies: [] };
    expect(unwrap(deleteAllFilterLists(noPolicies)).filterLists).toEqual([]);
  });
});

describe('filters', () => {
  it('adds a filter with the add filter defaults', () => {
    const store = unwrap(addFilterList(createEmptyStore('local'), { name: 'L' }));
    const after = unwrap(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any }));
    expect(findFilterList(after, 'L')?.filters).toEqual([
      { description: '', srcaddr: me, dstaddr: any, protocol: 0, srcport: 0, dstport: 0, mirrored: true },
    ]);
  });

  it('creates a missing filter list on the fly', () => {
    const after = unwrap(
      addFilter(createEmptyStore('local'), { filterlist: 'Web', srcaddr: any, dstaddr: me, protocol: 6, dstport: 80, mirrored: true }),
    );
    expect(after.filterLists.map((l) => [l.id, l.name, l.filters.length])).toEqual([['filterlist:1', 'Web', 1]]);
  });

  it('refuses an identical selector even with another description', () => {
    const store = unwrap(addFilter(createEmptyStore('local'), { filterlist: 'L', srcaddr: me, dstaddr: any, description: 'a' }));
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, description: 'b' }), 'filter-exists');
    // Differs in mirroring: a different filter.
    expect(findFilterList(unwrap(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, mirrored: false })), 'L')?.filters).toHaveLength(2);
  });

  it('server keywords pair only with me', () => {
    const store = createEmptyStore('local');
    const dns = { kind: 'server', server: 'DNS' } as const;
    expect(unwrap(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: dns, protocol: 17, dstport: 53 })).filterLists).toHaveLength(1);
    expectError(addFilter(store, { filterlist: 'L', srcaddr: any, dstaddr: dns }), 'invalid-address');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: dns, dstaddr: { kind: 'host', address: '10.0.0.1' } }), 'invalid-address');
  });

  it('ports need TCP or UDP and must be in range; protocol 0..255', () => {
    const store = createEmptyStore('local');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, protocol: 1, dstport: 80 }), 'invalid-port', 'Ports can be specified only when the protocol is TCP or UDP.');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, protocol: 6, dstport: 70000 }), 'invalid-port');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, protocol: 256 }), 'invalid-protocol');
  });

  it('refuses bad addresses, unresolved DNS names and an empty list name', () => {
    const store = createEmptyStore('local');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: { kind: 'host', address: '1.2.3' }, dstaddr: any }), 'invalid-address');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: { kind: 'dns', name: 'x.test', addresses: [] } }), 'invalid-address', 'The DNS name "x.test" could not be resolved.');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: { kind: 'range', from: '10.0.0.9', to: '10.0.0.1' } }), 'invalid-address');
    expectError(addFilter(store, { filterlist: '', srcaddr: me, dstaddr: any }), 'empty-name');
  });

  it('stores a /32 subnet as a host and refuses a non-contiguous mask', () => {
    const store = createEmptyStore('local');
    const after = unwrap(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: { kind: 'subnet', address: '10.0.0.1', mask: '255.255.255.255' } }));
    expect(findFilterList(after, 'L')?.filters[0]?.dstaddr).toEqual({ kind: 'host', address: '10.0.0.1' });
    expectError(addFilter(after, { filterlist: 'L', srcaddr: me, dstaddr: { kind: 'host', address: '10.0.0.1' } }), 'filter-exists');
    expectError(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: { kind: 'subnet', address: '10.0.0.0', mask: '255.0.255.0' } }), 'invalid-address');
  });

  it('deletes the one filter whose selector matches, defaults applied', () => {
    let store = unwrap(addFilter(createEmptyStore('local'), { filterlist: 'L', srcaddr: me, dstaddr: any, description: 'all' }));
    store = unwrap(addFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, protocol: 6, dstport: 80 }));
    const after = unwrap(deleteFilter(store, { filterlist: 'l', srcaddr: me, dstaddr: any }));
    expect(findFilterList(after, 'L')?.filters.map((f) => f.dstport)).toEqual([80]);
    expectError(deleteFilter(store, { filterlist: 'L', srcaddr: me, dstaddr: any, protocol: 17 }), 'filter-not-found', 'No filter in Filter List "L" matches the specified filter.');
    expectError(deleteFilter(store, { filterlist: 'M', srcaddr: me, dstaddr: any }), 'filterlist-not-found');
  });
});

describe('filter actions', () => {
  it('adds with the §2.3 defaults: negotiate, no pfs/inpass/soft, default methods', () => {
    const after = unwrap(addFilterAction(createDefaultLocalStore(), { name: 'Neg' }));
    const a = findFilterAction(after, 'Neg');
    expect(a).toMatchObject({ action: 'negotiate', qmpfs: false, inpass: false, soft: false, description: '' });
    expect(a?.qmsecmethods).toEqual(findFilterAction(after, 'Require Security')?.qmsecmethods);
  });

  it('keeps given methods, and a permit action has none by default', () => {
    const store = createEmptyStore('local');
    const a = unwrap(addFilterAction(store, { name: 'A', qmsecmethods: offers('AH[MD5]'), soft: true }));
    expect(findFilterAction(a, 'A')).toMatchObject({ soft: true, qmsecmethods: offers('AH[MD5]') });
    const b = unwrap(addFilterAction(store, { name: 'Block', action: 'block' }));
    expect(findFilterAction(b, 'Block')).toMatchObject({ action: 'block', qmsecmethods: [] });
  });

  it('add: duplicate, empty name, empty or invalid method lists', () => {
    const store = createDefaultLocalStore();
    expectError(addFilterAction(store, { name: 'PERMIT' }), 'filteraction-exists', 'A Filter Action with name "PERMIT" already exists.');
    expectError(addFilterAction(store, { name: '' }), 'empty-name');
    expectError(addFilterAction(store, { name: 'X', qmsecmethods: [] }), 'no-security-methods');
    expectError(
      addFilterAction(store, { name: 'X', qmsecmethods: [{ ah: null, esp: { confidentiality: 'None', integrity: 'None' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 }] }),
      'invalid-qm-offer',
    );
  });

  it('set changes only what is given; switching to negotiate fills methods', () => {
    const store = createDefaultLocalStore();
    const after = unwrap(setFilterAction(store, { name: 'Permit', action: 'negotiate', soft: true, newname: 'Was Permit' }));
    const a = findFilterAction(after, 'Was Permit');
    expect(a).toMatchObject({ id: 'filteraction:3', action: 'negotiate', soft: true, inpass: false });
    expect(a?.qmsecmethods.length).toBe(4);
    const b = unwrap(setFilterAction(store, { name: 'Require Security', qmpfs: true, qmsecmethods: offers('ESP[3DES,SHA1]') }));
    expect(findFilterAction(b, 'Require Security')).toMatchObject({ qmpfs: true, inpass: true, qmsecmethods: offers('ESP[3DES,SHA1]') });
  });

  it('set: unknown, clashing new name, bad methods', () => {
    const store = createDefaultLocalStore();
    expectError(setFilterAction(store, { name: 'Nope' }), 'filteraction-not-found', 'Filter Action with name "Nope" does not exist.');
    expectError(setFilterAction(store, { name: 'Permit', newname: 'Require Security' }), 'filteraction-exists');
    expectError(setFilterAction(store, { name: 'Permit', qmsecmethods: [] }), 'no-security-methods');
  });

  it('delete: unused ok, used refused, unknown refused; delete all is all or nothing', () => {
    const store = unwrap(addFilterAction(createDefaultLocalStore(), { name: 'Spare' }));
    expect(findFilterAction(unwrap(deleteFilterAction(store, 'Spare')), 'Spare')).toBeUndefined();
    expectError(deleteFilterAction(store, 'Permit'), 'filteraction-in-use', 'Filter Action with name "Permit" is used by Rule "All ICMP Traffic" of Policy "Secure Server (Require Security)" and cannot be deleted.');
    expectError(deleteFilterAction(store, 'Nope'), 'filteraction-not-found');
    expectError(deleteAllFilterActions(store), 'filteraction-in-use');
    expect(unwrap(deleteAllFilterActions({ ...store, policies: [] })).filterActions).toEqual([]);
  });
});
