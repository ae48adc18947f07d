import type { IpsecError } from './errors.js';
import type { Result } from './result.js';
import type { FilterAction, FilterList, IpsecPolicy, IpsecRule, PolicyStore, StandardRule } from './types.js';

/*
 * Name lookups. Names compare case-insensitively, like other Windows object names [R]; the
 * spelling as typed is what is stored and shown.
 */

/** What every store operation returns: the new store, or why nothing changed. */
export type StoreResult = Result<PolicyStore, IpsecError>;

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function findPolicy(store: PolicyStore, name: string): IpsecPolicy | undefined {
  return store.policies.find((p) => sameName(p.name, name));
}

export function findFilterList(store: PolicyStore, name: string): FilterList | undefined {
  return store.filterLists.find((l) => sameName(l.name, name));
}

export function findFilterAction(store: PolicyStore, name: string): FilterAction | undefined {
  return store.filterActions.find((a) => sameName(a.name, name));
}

export function filterListById(store: PolicyStore, id: string): FilterList | undefined {
  return store.filterLists.find((l) => l.id === id);
}

export function filterActionById(store: PolicyStore, id: string): FilterAction | undefined {
  return store.filterActions.find((a) => a.id === id);
}

export function standardRules(policy: IpsecPolicy): StandardRule[] {
  return policy.rules.filter((r): r is StandardRule => !r.isDefaultResponse);
}

/**
 * A rule by name, or by its 1-based number in the policy (the order `show rule` lists, the
 * default response rule last). The default response rule has no name, so only a number can
 * reach it; callers refuse it, since only `set defaultrule` may touch it.
 */
export type RuleSelector = { readonly name: string } | { readonly id: number };

export function findRule(policy: IpsecPolicy, selector: RuleSelector): IpsecRule | undefined {
  if ('name' in selector) return standardRules(policy).find((r) => sameName(r.name, selector.name));
  return Number.isInteger(selector.id) && selector.id >= 1 ? policy.rules[selector.id - 1] : undefined;
}

export function describeSelector(selector: RuleSelector): string {
  return 'name' in selector ? `name "${selector.name}"` : `ID ${selector.id}`;
}

/** The first rule (in store order) that links to a filter list or action, if any. */
export function firstUser(
  store: PolicyStore,
  uses: (rule: StandardRule) => boolean,
): { policy: IpsecPolicy; rule: StandardRule } | undefined {
  for (const policy of store.policies) {
    const rule = standardRules(policy).find(uses);
    if (rule) return { policy, rule };
  }
  return undefined;
}

/** Deterministic ids: `<kind>:<n>` from the store's counter. */
export function idAllocator(store: PolicyStore): { next(kind: string): string; nextId(): number } {
  let n = store.nextId;
  return {
    next(kind: string) {
      const id = `${kind}:${n}`;
      n += 1;
      return id;
    },
    nextId: () => n,
  };
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}
