import {
  DEFAULT_MM_LIFETIME_MINUTES,
  DEFAULT_MM_OFFERS,
  DEFAULT_POLLING_INTERVAL_MINUTES,
  DEFAULT_QM_PER_MM,
  MINUTES_RANGE,
  QM_PER_MM_RANGE,
} from './constants.js';
import { makeDefaultResponseRule } from './defaults.js';
import { errors } from './errors.js';
import { fail, ok } from './result.js';
import { findPolicy, idAllocator, replaceAt, sameName, type StoreResult } from './store-lookup.js';
import type { AuthMethod, DefaultResponseRule, IpsecPolicy, MmOffer, PolicyStore, QmOffer } from './types.js';
import { checkAuthMethods, checkMmOffers, checkName, checkQmOffers, checkRange, firstProblem } from './validate.js';

/* `add|set|delete policy` and `set defaultrule` (netsh-ipsec-2003.md §2.4, §2.6, §2.7, §5.4). */

export interface PolicyFields {
  readonly description?: string;
  readonly mmpfs?: boolean;
  readonly qmpermm?: number;
  /** Minutes. */
  readonly mmlifetime?: number;
  readonly activatedefaultrule?: boolean;
  /** Minutes. */
  readonly pollinginterval?: number;
  readonly assign?: boolean;
  readonly mmsecmethods?: readonly MmOffer[];
}

export interface AddPolicyInput extends PolicyFields {
  readonly name: string;
}

export interface SetPolicyInput extends PolicyFields {
  readonly name: string;
  readonly newname?: string;
}

function checkFields(input: PolicyFields) {
  return firstProblem(
    checkRange('qmpermm', input.qmpermm, QM_PER_MM_RANGE),
    checkRange('mmlifetime', input.mmlifetime, MINUTES_RANGE),
    checkRange('pollinginterval', input.pollinginterval, MINUTES_RANGE),
    checkMmOffers(input.mmsecmethods),
  );
}

/**
 * Only one policy per store is assigned; `assign` does nothing in the domain store, where
 * GPOs assign [CV:S34][C:S19]. Un-assigning the others is [R].
 */
function applyAssignment(
  store: PolicyStore,
  policies: readonly IpsecPolicy[],
  id: string,
  assign: boolean | undefined,
): IpsecPolicy[] {
  if (assign === undefined || store.location === 'domain') return [...policies];
  return policies.map((p) => {
    if (p.id === id) return p.assigned === assign ? p : { ...p, assigned: assign };
    return assign && p.assigned ? { ...p, assigned: false } : p;
  });
}

/** Creates a policy holding only its default response rule (active unless told otherwise) [C:S18]. */
export function addPolicy(store: PolicyStore, input: AddPolicyInput): StoreResult {
  const bad = firstProblem(checkName('Policy', input.name), checkFields(input));
  if (bad) return fail(bad);
  if (findPolicy(store, input.name)) return fail(errors.policyExists(input.name));
  const ids = idAllocator(store);
  const mmpfs = input.mmpfs ?? false;
  const policy: IpsecPolicy = {
    id: ids.next('policy'),
    name: input.name,
    description: input.description ?? '',
    mmpfs,
    // Master key PFS forces one quick mode per main mode [C:S28][CV:S34].
    qmpermm: mmpfs ? 1 : (input.qmpermm ?? DEFAULT_QM_PER_MM),
    mmlifetime: input.mmlifetime ?? DEFAULT_MM_LIFETIME_MINUTES,
    pollinginterval: input.pollinginterval ?? DEFAULT_POLLING_INTERVAL_MINUTES,
    assigned: false,
    mmsecmethods: input.mmsecmethods ?? DEFAULT_MM_OFFERS,
    rules: [makeDefaultResponseRule(ids.next('rule'), input.activatedefaultrule ?? true)],
  };
  const policies = applyAssignment(store, [...store.policies, policy], policy.id, input.assign);
  return ok({ ...store, policies, nextId: ids.nextId() });
}

export function setPolicy(store: PolicyStore, input: SetPolicyInput): StoreResult {
  const index = store.policies.findIndex((p) => sameName(p.name, input.name));
  const current = store.policies[index];
  if (!current) return fail(errors.policyNotFound(input.name));
  const bad = firstProblem(input.newname === undefined ? null : checkName('Policy', input.newname), checkFields(input));
  if (bad) return fail(bad);
  if (input.newname !== undefined) {
    const clash = findPolicy(store, input.newname);
    if (clash && clash.id !== current.id) return fail(errors.policyExists(input.newname));
  }
  const mmpfs = input.mmpfs ?? current.mmpfs;
  const activate = input.activatedefaultrule;
  const updated: IpsecPolicy = {
    ...current,
    name: input.newname ?? current.name,
    description: input.description ?? current.description,
    mmpfs,
    qmpermm: mmpfs ? 1 : (input.qmpermm ?? current.qmpermm),
    mmlifetime: input.mmlifetime ?? current.mmlifetime,
    pollinginterval: input.pollinginterval ?? current.pollinginterval,
    mmsecmethods: input.mmsecmethods ?? current.mmsecmethods,
    rules:
      activate === undefined
        ? current.rules
        : current.rules.map((r) => (r.isDefaultResponse ? { ...r, activate } : r)),
  };
  const policies = applyAssignment(store, replaceAt(store.policies, index, updated), updated.id, input.assign);
  return ok({ ...store, policies });
}

/** Deletes a policy and its rules; shared filter lists and actions stay [R]. */
export function deletePolicy(store: PolicyStore, name: string): StoreResult {
  const policy = findPolicy(store, name);
  if (!policy) return fail(errors.policyNotFound(name));
  return ok({ ...store, policies: store.policies.filter((p) => p.id !== policy.id) });
}

export function deleteAllPolicies(store: PolicyStore): StoreResult {
  return ok({ ...store, policies: [] });
}

export interface SetDefaultRuleInput {
  readonly policy: string;
  readonly qmpfs?: boolean;
  readonly activate?: boolean;
  readonly qmsecmethods?: readonly QmOffer[];
  /** Replaces the whole list when given [CV:S23]. */
  readonly authMethods?: readonly AuthMethod[];
}

/** Only methods, PFS, authentication and activation of the default response rule change [C:S17]. */
export function setDefaultRule(store: PolicyStore, input: SetDefaultRuleInput): StoreResult {
  const index = store.policies.findIndex((p) => sameName(p.name, input.policy));
  const policy = store.policies[index];
  if (!policy) return fail(errors.policyNotFound(input.policy));
  const bad = firstProblem(checkQmOffers(input.qmsecmethods), checkAuthMethods(input.authMethods));
  if (bad) return fail(bad);
  const rules = policy.rules.map((r) => {
    if (!r.isDefaultResponse) return r;
    const updated: DefaultResponseRule = {
      ...r,
      qmpfs: input.qmpfs ?? r.qmpfs,
      activate: input.activate ?? r.activate,
      qmsecmethods: input.qmsecmethods ?? r.qmsecmethods,
      authMethods: input.authMethods ?? r.authMethods,
    };
    return updated;
  });
  return ok({ ...store, policies: replaceAt(store.policies, index, { ...policy, rules }) });
}
