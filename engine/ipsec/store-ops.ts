import { ok } from './result.js';
import type { StoreResult } from './store-lookup.js';
import type { PolicyStore } from './types.js';

/*
 * The store operations behind `netsh ipsec static` add/set/delete. Every one checks all of
 * its input before building a new store; the input store is never modified, so a failed
 * command leaves the world exactly as it was.
 */

export { addFilter, addFilterList, deleteAllFilterLists, deleteFilter, deleteFilterList, setFilterList } from './ops-filterlist.js';
export type { AddFilterInput, AddFilterListInput, SetFilterListInput } from './ops-filterlist.js';
export { addFilterAction, deleteAllFilterActions, deleteFilterAction, setFilterAction } from './ops-filteraction.js';
export type { AddFilterActionInput, FilterActionFields, SetFilterActionInput } from './ops-filteraction.js';
export { addPolicy, deleteAllPolicies, deletePolicy, setDefaultRule, setPolicy } from './ops-policy.js';
export type { AddPolicyInput, PolicyFields, SetDefaultRuleInput, SetPolicyInput } from './ops-policy.js';
export { addRule, deleteAllRules, deleteRule, setRule } from './ops-rule.js';
export type { AddRuleInput, DeleteRuleInput, RuleFields, SetRuleInput } from './ops-rule.js';
export type { RuleSelector, StoreResult } from './store-lookup.js';

/** `delete all`: every policy, filter list and filter action, the built-in ones included [C:S1]. */
export function deleteAll(store: PolicyStore): StoreResult {
  return ok({ ...store, policies: [], filterLists: [], filterActions: [] });
}
