import type { PolicyInForce } from '../gp/effective-policy.js';
import type { IpsecRule, PolicyStore } from '../ipsec/types.js';

/**
 * What the Policy Agent puts in the one SPD: the persistent store's policy (reference §6.4),
 * the dynamic filters added with `netsh ipsec dynamic` (§1.1) and the active policy, all at
 * once; the most specific filter wins among them. IKE and matching see that as one policy with
 * the active policy's settings. Ids are prefixed per part so objects never collide.
 */
export type PolicyPart = Pick<PolicyInForce, 'store' | 'policy'>;

function retag(rule: IpsecRule, tag: string): IpsecRule {
  return rule.isDefaultResponse
    ? { ...rule, id: `${tag}${rule.id}` }
    : { ...rule, id: `${tag}${rule.id}`, filterListId: `${tag}${rule.filterListId}`, filterActionId: `${tag}${rule.filterActionId}` };
}

/** Parts in the order they were read: on equal weight the earlier rule wins. */
function combine(parts: readonly PolicyPart[], settings: PolicyPart): PolicyStore {
  const tag = (i: number) => `p${i}:`;
  const rules = parts.flatMap((part, i) => part.policy.rules.filter((r) => !r.isDefaultResponse).map((r) => retag(r, tag(i))));
  const settingsTag = tag(parts.indexOf(settings));
  const defaultRule = settings.policy.rules.filter((r) => r.isDefaultResponse).map((r) => retag(r, settingsTag));
  return {
    location: settings.store.location,
    policies: [{ ...settings.policy, rules: [...rules, ...defaultRule] }],
    filterLists: parts.flatMap((part, i) => part.store.filterLists.map((l) => ({ ...l, id: `${tag(i)}${l.id}` }))),
    filterActions: parts.flatMap((part, i) => part.store.filterActions.map((a) => ({ ...a, id: `${tag(i)}${a.id}` }))),
    nextId: settings.store.nextId,
  };
}

/** Combined stores are cached against the identity of what they were made from. */
const combos = new WeakMap<PolicyStore, { key: readonly PolicyPart[]; store: PolicyStore }[]>();

function cached(parts: readonly PolicyPart[], settings: PolicyPart): PolicyStore {
  const first = parts[0]?.store ?? settings.store;
  const list = combos.get(first) ?? [];
  const same = (key: readonly PolicyPart[]) => key.length === parts.length && key.every((k, i) => k.store === parts[i]?.store && k.policy === parts[i]?.policy);
  const hit = list.find((c) => same(c.key));
  if (hit) return hit.store;
  const store = combine(parts, settings);
  combos.set(first, [...list.slice(-7), { key: parts, store }]);
  return store;
}

/** The store and policy name IKE should use for a host, or null when nothing is in force. */
export function policyForIke(persistent: PolicyInForce | null, active: PolicyInForce | null, dynamic: PolicyPart | null = null): { store: PolicyStore; policyName: string } | null {
  const parts = [persistent, dynamic, active].filter((p): p is PolicyPart => p !== null);
  const settings = active ?? parts[parts.length - 1];
  if (!settings) return null;
  if (parts.length === 1) return { store: settings.store, policyName: settings.policy.name };
  return { store: cached(parts, settings), policyName: settings.policy.name };
}
