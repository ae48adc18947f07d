import { errors, type IpsecError } from './errors.js';
import { fail, ok } from './result.js';
import {
  describeSelector,
  findFilterAction,
  findFilterList,
  findRule,
  idAllocator,
  replaceAt,
  sameName,
  standardRules,
  type RuleSelector,
  type StoreResult,
} from './store-lookup.js';
import type { AuthMethod, ConnectionType, IpsecPolicy, PolicyStore, StandardRule } from './types.js';
import { checkAuthMethods, checkName, checkTunnel, firstProblem } from './validate.js';

/* `add|set|delete rule` (netsh-ipsec-2003.md §2.5, §2.6, §2.7). */

export interface RuleFields {
  readonly description?: string;
  /** Tunnel endpoint; null (or omitted on add) = transport mode. */
  readonly tunnel?: string | null;
  /** Default all [R]. */
  readonly conntype?: ConnectionType;
  /** Default yes [R]. */
  readonly activate?: boolean;
  /** In preference order; replaces the whole list on set [CV:S23]. Default on add: Kerberos [R]. */
  readonly authMethods?: readonly AuthMethod[];
}

export interface AddRuleInput extends RuleFields {
  readonly name: string;
  readonly policy: string;
  readonly filterlist: string;
  readonly filteraction: string;
}

export interface SetRuleInput extends RuleFields {
  readonly policy: string;
  readonly rule: RuleSelector;
  readonly newname?: string;
  readonly filterlist?: string;
  readonly filteraction?: string;
}

/** A rule name must be given, must not be `all`, and must be unique in its policy [CV:S2]. */
function checkRuleName(policy: IpsecPolicy, name: string, self: string | null): IpsecError | null {
  const bad = checkName('Rule', name);
  if (bad) return bad;
  if (sameName(name.trim(), 'all')) return errors.ruleNameReserved();
  const clash = standardRules(policy).find((r) => sameName(r.name, name));
  return clash && clash.id !== self ? errors.ruleExists(name, policy.name) : null;
}

function locatePolicy(store: PolicyStore, name: string): { index: number; policy: IpsecPolicy } | IpsecError {
  const index = store.policies.findIndex((p) => sameName(p.name, name));
  const policy = store.policies[index];
  return policy ? { index, policy } : errors.policyNotFound(name);
}

export function addRule(store: PolicyStore, input: AddRuleInput): StoreResult {
  const located = locatePolicy(store, input.policy);
  if ('code' in located) return fail(located);
  const { index, policy } = located;
  const bad = firstProblem(checkRuleName(policy, input.name, null), checkTunnel(input.tunnel), checkAuthMethods(input.authMethods));
  if (bad) return fail(bad);
  const list = findFilterList(store, input.filterlist);
  if (!list) return fail(errors.filterListNotFound(input.filterlist));
  const action = findFilterAction(store, input.filteraction);
  if (!action) return fail(errors.filterActionNotFound(input.filteraction));
  const ids = idAllocator(store);
  const rule: StandardRule = {
    id: ids.next('rule'),
    isDefaultResponse: false,
    name: input.name,
    description: input.description ?? '',
    filterListId: list.id,
    filterActionId: action.id,
    tunnel: input.tunnel ?? null,
    conntype: input.conntype ?? 'all',
    activate: input.activate ?? true,
    authMethods: input.authMethods ?? [{ kind: 'kerberos' }],
  };
  // New rules go after the other standard rules and before the default response rule.
  const standard = policy.rules.filter((r) => !r.isDefaultResponse);
  const dynamic = policy.rules.filter((r) => r.isDefaultResponse);
  const updated: IpsecPolicy = { ...policy, rules: [...standard, rule, ...dynamic] };
  return ok({ ...store, policies: replaceAt(store.policies, index, updated), nextId: ids.nextId() });
}

function locateRule(
  policy: IpsecPolicy,
  selector: RuleSelector,
): { position: number; rule: StandardRule } | IpsecError {
  const rule = findRule(policy, selector);
  if (!rule) return errors.ruleNotFound(describeSelector(selector), policy.name);
  if (rule.isDefaultResponse) return errors.defaultRuleProtected(policy.name);
  return { position: policy.rules.indexOf(rule), rule };
}

export function setRule(store: PolicyStore, input: SetRuleInput): StoreResult {
  const located = locatePolicy(store, input.policy);
  if ('code' in located) return fail(located);
  const { index, policy } = located;
  const target = locateRule(policy, input.rule);
  if ('code' in target) return fail(target);
  const { position, rule } = target;
  const bad = firstProblem(
    input.newname === undefined ? null : checkRuleName(policy, input.newname, rule.id),
    checkTunnel(input.tunnel),
    checkAuthMethods(input.authMethods),
  );
  if (bad) return fail(bad);
  let filterListId = rule.filterListId;
  if (input.filterlist !== undefined) {
    const list = findFilterList(store, input.filterlist);
    if (!list) return fail(errors.filterListNotFound(input.filterlist));
    filterListId = list.id;
  }
  let filterActionId = rule.filterActionId;
  if (input.filteraction !== undefined) {
    const action = findFilterAction(store, input.filteraction);
    if (!action) return fail(errors.filterActionNotFound(input.filteraction));
    filterActionId = action.id;
  }
  const updated: StandardRule = {
    ...rule,
    name: input.newname ?? rule.name,
    description: input.description ?? rule.description,
    filterListId,
    filterActionId,
    tunnel: input.tunnel === undefined ? rule.tunnel : input.tunnel,
    conntype: input.conntype ?? rule.conntype,
    activate: input.activate ?? rule.activate,
    authMethods: input.authMethods ?? rule.authMethods,
  };
  const newPolicy: IpsecPolicy = { ...policy, rules: replaceAt(policy.rules, position, updated) };
  return ok({ ...store, policies: replaceAt(store.policies, index, newPolicy) });
}

export interface DeleteRuleInput {
  readonly policy: string;
  readonly rule: RuleSelector;
}

export function deleteRule(store: PolicyStore, input: DeleteRuleInput): StoreResult {
  const located = locatePolicy(store, input.policy);
  if ('code' in located) return fail(located);
  const { index, policy } = located;
  const target = locateRule(policy, input.rule);
  if ('code' in target) return fail(target);
  const newPolicy: IpsecPolicy = { ...policy, rules: policy.rules.filter((r) => r.id !== target.rule.id) };
  return ok({ ...store, policies: replaceAt(store.policies, index, newPolicy) });
}

/** `delete rule all policy=X`: every rule except the default response rule, which is never deleted. */
export function deleteAllRules(store: PolicyStore, policyName: string): StoreResult {
  const located = locatePolicy(store, policyName);
  if ('code' in located) return fail(located);
  const { index, policy } = located;
  const newPolicy: IpsecPolicy = { ...policy, rules: policy.rules.filter((r) => r.isDefaultResponse) };
  return ok({ ...store, policies: replaceAt(store.policies, index, newPolicy) });
}
