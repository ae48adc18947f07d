import { idAllocator, sameName } from '../store-lookup.js';
import type { IpsecPolicy, IpsecRule, PolicyStore } from '../types.js';

/*
 * Merges a staged (already checked) store into the current one. An object whose name is
 * already there replaces it but keeps its id, so rules elsewhere that link to a replaced filter
 * list or action stay linked; new objects get fresh ids. Ids are handed out lists first, then
 * actions, then each policy and its rules, the order a fresh store was built in, so exporting
 * the default store and importing it into an empty one gives the very same store.
 */

export interface ImportCounts {
  readonly added: number;
  readonly replaced: number;
}

export interface ImportSummary {
  readonly filterLists: ImportCounts;
  readonly filterActions: ImportCounts;
  readonly policies: ImportCounts;
}

type Ids = ReturnType<typeof idAllocator>;

/** Replaces by name or appends; returns the merged items, staged-id → new-id, and the counts. */
function mergeNamed<T extends { readonly id: string; readonly name: string }>(
  current: readonly T[],
  staged: readonly T[],
  ids: Ids,
  kind: string,
  rebuild: (item: T, id: string) => T,
): { items: T[]; idMap: Map<string, string>; counts: ImportCounts } {
  const items = [...current];
  const idMap = new Map<string, string>();
  let replaced = 0;
  for (const item of staged) {
    const index = items.findIndex((existing) => sameName(existing.name, item.name));
    const existing = items[index];
    const id = existing ? existing.id : ids.next(kind);
    const merged = rebuild(item, id);
    if (existing) {
      items[index] = merged;
      replaced += 1;
    } else {
      items.push(merged);
    }
    idMap.set(item.id, id);
  }
  return { items, idMap, counts: { added: staged.length - replaced, replaced } };
}

function relinkRules(policy: IpsecPolicy, ids: Ids, lists: Map<string, string>, actions: Map<string, string>): IpsecRule[] {
  return policy.rules.map((rule) => {
    const id = ids.next('rule');
    if (rule.isDefaultResponse) return { ...rule, id };
    return {
      ...rule,
      id,
      filterListId: lists.get(rule.filterListId) ?? rule.filterListId,
      filterActionId: actions.get(rule.filterActionId) ?? rule.filterActionId,
    };
  });
}

/** Only one assigned policy per store: an assigned import un-assigns the others [R, as add policy]. */
function settleAssignment(policies: readonly IpsecPolicy[], imported: ReadonlySet<string>): IpsecPolicy[] {
  const winner = policies.filter((p) => imported.has(p.id) && p.assigned).at(-1);
  if (!winner) return [...policies];
  return policies.map((p) => (p.assigned && p.id !== winner.id ? { ...p, assigned: false } : p));
}

export function mergeStores(target: PolicyStore, staged: PolicyStore): { store: PolicyStore; summary: ImportSummary } {
  const ids = idAllocator(target);
  const lists = mergeNamed(target.filterLists, staged.filterLists, ids, 'filterlist', (l, id) => ({ ...l, id }));
  const actions = mergeNamed(target.filterActions, staged.filterActions, ids, 'filteraction', (a, id) => ({ ...a, id }));
  const policies = mergeNamed(target.policies, staged.policies, ids, 'policy', (p, id) => ({
    ...p,
    id,
    rules: relinkRules(p, ids, lists.idMap, actions.idMap),
  }));
  const imported = new Set(policies.idMap.values());
  const store: PolicyStore = {
    ...target,
    filterLists: lists.items,
    filterActions: actions.items,
    policies: settleAssignment(policies.items, imported),
    nextId: ids.nextId(),
  };
  return { store, summary: { filterLists: lists.counts, filterActions: actions.counts, policies: policies.counts } };
}
