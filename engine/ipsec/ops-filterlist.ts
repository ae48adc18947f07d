import { errors } from './errors.js';
import { buildFilter, filterFromInput, sameFilterSpec, type FilterInput } from './filter.js';
import { fail, ok } from './result.js';
import { findFilterList, firstUser, idAllocator, replaceAt, sameName, type StoreResult } from './store-lookup.js';
import type { FilterList, PolicyStore } from './types.js';
import { checkName } from './validate.js';

/* `add|set|delete filterlist` and `add|delete filter` (netsh-ipsec-2003.md §2.1, §2.2, §2.6, §2.7). */

export interface AddFilterListInput {
  readonly name: string;
  readonly description?: string;
}

export function addFilterList(store: PolicyStore, input: AddFilterListInput): StoreResult {
  const bad = checkName('Filter List', input.name);
  if (bad) return fail(bad);
  if (findFilterList(store, input.name)) return fail(errors.filterListExists(input.name));
  const ids = idAllocator(store);
  const list: FilterList = { id: ids.next('filterlist'), name: input.name, description: input.description ?? '', filters: [] };
  return ok({ ...store, filterLists: [...store.filterLists, list], nextId: ids.nextId() });
}

export interface SetFilterListInput {
  readonly name: string;
  readonly newname?: string;
  readonly description?: string;
}

export function setFilterList(store: PolicyStore, input: SetFilterListInput): StoreResult {
  const index = store.filterLists.findIndex((l) => sameName(l.name, input.name));
  const list = store.filterLists[index];
  if (!list) return fail(errors.filterListNotFound(input.name));
  if (input.newname !== undefined) {
    const bad = checkName('Filter List', input.newname);
    if (bad) return fail(bad);
    const clash = findFilterList(store, input.newname);
    if (clash && clash.id !== list.id) return fail(errors.filterListExists(input.newname));
  }
  const updated: FilterList = {
    ...list,
    name: input.newname ?? list.name,
    description: input.description ?? list.description,
  };
  return ok({ ...store, filterLists: replaceAt(store.filterLists, index, updated) });
}

/** Refused while a rule links to the list [R], so no rule is left dangling. */
export function deleteFilterList(store: PolicyStore, name: string): StoreResult {
  const list = findFilterList(store, name);
  if (!list) return fail(errors.filterListNotFound(name));
  const user = firstUser(store, (r) => r.filterListId === list.id);
  if (user) return fail(errors.filterListInUse(list.name, user.rule.name, user.policy.name));
  return ok({ ...store, filterLists: store.filterLists.filter((l) => l.id !== list.id) });
}

/** `delete filterlist all`: all or nothing — fails on the first list a rule still uses. */
export function deleteAllFilterLists(store: PolicyStore): StoreResult {
  for (const list of store.filterLists) {
    const user = firstUser(store, (r) => r.filterListId === list.id);
    if (user) return fail(errors.filterListInUse(list.name, user.rule.name, user.policy.name));
  }
  return ok({ ...store, filterLists: [] });
}

export interface AddFilterInput extends FilterInput {
  readonly filterlist: string;
}

/** Adds a filter; a missing filter list is created on the fly, as netsh does [CV:S2]. */
export function addFilter(store: PolicyStore, input: AddFilterInput): StoreResult {
  const bad = checkName('Filter List', input.filterlist);
  if (bad) return fail(bad);
  const built = buildFilter(input);
  if (!built.ok) return built;
  let base = store;
  if (!findFilterList(base, input.filterlist)) {
    const created = addFilterList(base, { name: input.filterlist });
    if (!created.ok) return created;
    base = created.value;
  }
  const index = base.filterLists.findIndex((l) => sameName(l.name, input.filterlist));
  const list = base.filterLists[index];
  if (!list) return fail(errors.filterListNotFound(input.filterlist));
  // Identical selectors are refused [R] so `delete filter` always names exactly one filter.
  if (list.filters.some((f) => sameFilterSpec(f, built.value))) return fail(errors.filterExists(list.name));
  const updated: FilterList = { ...list, filters: [...list.filters, built.value] };
  return ok({ ...base, filterLists: replaceAt(base.filterLists, index, updated) });
}

/** Removes the filter whose selector equals the input after `add filter` defaults [C:S1][R]. */
export function deleteFilter(store: PolicyStore, input: AddFilterInput): StoreResult {
  const index = store.filterLists.findIndex((l) => sameName(l.name, input.filterlist));
  const list = store.filterLists[index];
  if (!list) return fail(errors.filterListNotFound(input.filterlist));
  // No validation: a selector that could never have been added simply matches nothing.
  const wanted = filterFromInput(input);
  const position = list.filters.findIndex((f) => sameFilterSpec(f, wanted));
  if (position < 0) return fail(errors.filterNotFound(list.name));
  const updated: FilterList = { ...list, filters: list.filters.filter((_, i) => i !== position) };
  return ok({ ...store, filterLists: replaceAt(store.filterLists, index, updated) });
}
