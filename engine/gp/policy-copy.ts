import { filterActionById, filterListById, findPolicy } from '../ipsec/store-lookup.js';
import type { PolicyStore } from '../ipsec/types.js';

/**
 * A store holding one policy and exactly the filter lists and filter actions its rules use:
 * what a computer caches when Group Policy delivers a domain policy. Null if the policy is gone.
 */
export function copyPolicy(store: PolicyStore, policyName: string): PolicyStore | null {
  const policy = findPolicy(store, policyName);
  if (!policy) return null;
  const listIds = new Set<string>();
  const actionIds = new Set<string>();
  for (const rule of policy.rules) {
    if (rule.isDefaultResponse) continue;
    listIds.add(rule.filterListId);
    actionIds.add(rule.filterActionId);
  }
  return {
    location: store.location,
    policies: [policy],
    filterLists: [...listIds].flatMap((id) => filterListById(store, id) ?? []),
    filterActions: [...actionIds].flatMap((id) => filterActionById(store, id) ?? []),
    nextId: store.nextId,
  };
}
