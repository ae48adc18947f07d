import type { PolicyInForce } from '../gp/effective-policy.js';
import type { IpsecRule, PolicyStore } from '../ipsec/types.js';

/**
 * The persistent store's policy stays in force on top of the active one (reference §6.4): the
 * Policy Agent plumbs both policies' filters into the one SPD, where the most specific filter
 * wins. IKE and matching see that as one policy: the active policy's settings with the
 * persistent rules added. Ids are prefixed so the two stores' objects never collide.
 */
const cache = new WeakMap<PolicyStore, WeakMap<PolicyStore, PolicyStore>>();

function prefixed(store: PolicyStore, tag: string): Pick<PolicyStore, 'filterLists' | 'filterActions'> {
  return {
    filterLists: store.filterLists.map((l) => ({ ...l, id: `${tag}${l.id}` })),
    filterActions: store.filterActions.map((a) => ({ ...a, id: `${tag}${a.id}` })),
  };
}

function retag(rule: IpsecRule, tag: string): IpsecRule {
  return rule.isDefaultResponse ? { ...rule, id: `${tag}${rule.id}` } : { ...rule, id: `${tag}${rule.id}`, filterListId: `${tag}${rule.filterListId}`, filterActionId: `${tag}${rule.filterActionId}` };
}

function combine(persistent: PolicyInForce, active: PolicyInForce): PolicyStore {
  const p = prefixed(persistent.store, 'p:');
  const a = prefixed(active.store, 'a:');
  // Persistent rules first: on equal weight the earlier rule wins, and the persistent policy was read first.
  const standard = (f: PolicyInForce, tag: string) => f.policy.rules.filter((r) => !r.isDefaultResponse).map((r) => retag(r, tag));
  const defaultRule = active.policy.rules.filter((r) => r.isDefaultResponse).map((r) => retag(r, 'a:'));
  const policy = { ...active.policy, rules: [...standard(persistent, 'p:'), ...standard(active, 'a:'), ...defaultRule] };
  return {
    location: active.store.location,
    policies: [policy],
    filterLists: [...p.filterLists, ...a.filterLists],
    filterActions: [...p.filterActions, ...a.filterActions],
    nextId: active.store.nextId,
  };
}

/** The store and policy name IKE should use for a host enforcing `persistent` and/or `active`. */
export function policyForIke(persistent: PolicyInForce | null, active: PolicyInForce | null): { store: PolicyStore; policyName: string } | null {
  if (!persistent || !active) {
    const only = active ?? persistent;
    return only ? { store: only.store, policyName: only.policy.name } : null;
  }
  let byActive = cache.get(persistent.store);
  if (!byActive) cache.set(persistent.store, (byActive = new WeakMap()));
  let store = byActive.get(active.store);
  if (!store || store.policies[0]?.name !== active.policy.name) {
    store = combine(persistent, active);
    byActive.set(active.store, store);
  }
  return { store, policyName: active.policy.name };
}
