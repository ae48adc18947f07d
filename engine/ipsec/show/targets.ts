import { ipsecError, type IpsecError } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { sameName, standardRules } from '../store-lookup.js';
import type { PolicyStore, StandardRule } from '../types.js';

/** `name=X`, `rule=Y` or `all` of `show filterlist` / `show filteraction` (reference §2.9). */
export type ObjectTarget = { readonly name: string } | { readonly rule: string } | { readonly all: true };

/**
 * Picks the objects a target names. `rule=` has no `policy=`, and rule names are unique only
 * inside a policy, so every rule of that name counts; each object is listed once, store order.
 */
export function selectObjects<T extends { readonly id: string; readonly name: string }>(
  store: PolicyStore,
  items: readonly T[],
  target: ObjectTarget,
  link: (rule: StandardRule) => string,
  notFound: (name: string) => IpsecError,
): Result<T[], IpsecError> {
  if ('all' in target) return ok([...items]);
  if ('name' in target) {
    const found = items.find((item) => sameName(item.name, target.name));
    return found ? ok([found]) : fail(notFound(target.name));
  }
  const rules = store.policies.flatMap((p) => standardRules(p)).filter((r) => sameName(r.name, target.rule));
  // The store's ruleNotFound wording needs a policy; rule= has none, so the sentence is ours [R].
  if (rules.length === 0) return fail(ipsecError('rule-not-found', `Rule with name "${target.rule}" does not exist.`));
  const ids = new Set(rules.map(link));
  return ok(items.filter((item) => ids.has(item.id)));
}
