/**
 * `add|set|delete mmpolicy` and `add|set|delete qmpolicy` (netsh-ipsec-2003.md §3.1). Every
 * operation checks everything first and never modifies its input.
 */
import {
  DEFAULT_MM_LIFETIME_MINUTES,
  DEFAULT_MM_OFFERS,
  DEFAULT_NEGOTIATE_QM_OFFERS,
  DEFAULT_QM_PER_MM,
  MINUTES_RANGE,
  QM_PER_MM_RANGE,
} from '../ipsec/constants.js';
import { ipsecError } from '../ipsec/errors.js';
import { fail, ok } from '../ipsec/result.js';
import type { MmOffer, QmOffer } from '../ipsec/types.js';
import { checkMmOffers, checkName, checkQmOffers, checkRange, firstProblem } from '../ipsec/validate.js';
import { spdError } from './errors.js';
import { findMmPolicy, findQmPolicy, idAllocator, replaceById, type SpdResult } from './lookup.js';
import { negotiates, type MmPolicy, type PfsGroup, type QmPolicy, type Spd } from './types.js';

/** Idle soft SA lifetime when none is given: 5 minutes [R]. */
export const DEFAULT_SOFT_SA_EXPIRATION_SECONDS = 300;
export const SOFT_SA_EXPIRATION_RANGE = { min: 1, max: 2_147_483_647 } as const;
export const PFS_GROUPS: readonly PfsGroup[] = ['GRP1', 'GRP2', 'GRP3', 'GRPMM', 'NOPFS'];

export interface MmPolicyFields {
  readonly qmpermm?: number;
  /** Minutes. */
  readonly mmlifetime?: number;
  /** Seconds. */
  readonly softsaexpirationtime?: number;
  readonly mmsecmethods?: readonly MmOffer[];
  /** Make this the SPD's default MM policy (no netsh tag on 2003: for the Policy Agent) [R]. */
  readonly default?: boolean;
}

export interface MmPolicyInput extends MmPolicyFields {
  readonly name: string;
}

export interface QmPolicyFields {
  readonly soft?: boolean;
  readonly pfsgroup?: PfsGroup;
  readonly qmsecmethods?: readonly QmOffer[];
  /** Make this the SPD's default QM policy (no netsh tag on 2003) [R]. */
  readonly default?: boolean;
}

export interface QmPolicyInput extends QmPolicyFields {
  readonly name: string;
}

function checkMmFields(input: MmPolicyFields) {
  return firstProblem(
    checkRange('qmpermm', input.qmpermm, QM_PER_MM_RANGE),
    checkRange('mmlifetime', input.mmlifetime, MINUTES_RANGE),
    checkRange('softsaexpirationtime', input.softsaexpirationtime, SOFT_SA_EXPIRATION_RANGE),
    checkMmOffers(input.mmsecmethods),
  );
}

function checkQmFields(input: QmPolicyFields) {
  const badPfs = input.pfsgroup !== undefined && !PFS_GROUPS.includes(input.pfsgroup);
  const pfsProblem = badPfs
    ? ipsecError('invalid-value', `"${String(input.pfsgroup)}" is not a valid value for pfsgroup: use ${PFS_GROUPS.join(', ')}.`)
    : null;
  return firstProblem(pfsProblem, checkQmOffers(input.qmsecmethods));
}

/** Only one default per kind: making one default clears the flag elsewhere. */
function withDefault<T extends { readonly id: string; readonly isDefault: boolean }>(items: readonly T[], id: string, flag: boolean | undefined): T[] {
  if (flag !== true) return [...items];
  return items.map((p) => (p.id !== id && p.isDefault ? { ...p, isDefault: false } : p));
}

/** Some MM filter names no policy, so it needs the default one. */
function needsDefaultMm(spd: Spd): boolean {
  return spd.mmFilters.some((f) => f.mmPolicyId === null);
}

function needsDefaultQm(spd: Spd): boolean {
  return spd.qmFilters.some((f) => f.qmPolicyId === null && negotiates(f));
}

export function mmPolicyInUse(spd: Spd, policy: MmPolicy): boolean {
  return spd.mmFilters.some((f) => f.mmPolicyId === policy.id) || (policy.isDefault && needsDefaultMm(spd));
}

export function qmPolicyInUse(spd: Spd, policy: QmPolicy): boolean {
  return spd.qmFilters.some((f) => f.qmPolicyId === policy.id) || (policy.isDefault && needsDefaultQm(spd));
}

export function addMmPolicy(spd: Spd, input: MmPolicyInput): SpdResult {
  const bad = firstProblem(checkName('Main Mode Policy', input.name), checkMmFields(input));
  if (bad) return fail(bad);
  if (findMmPolicy(spd, input.name)) return fail(spdError('mm-policy-exists'));
  const ids = idAllocator(spd);
  const policy: MmPolicy = {
    id: ids.id('mmpolicy'),
    name: input.name,
    isDefault: input.default ?? false,
    qmpermm: input.qmpermm ?? DEFAULT_QM_PER_MM,
    mmlifetime: input.mmlifetime ?? DEFAULT_MM_LIFETIME_MINUTES,
    softsaexpirationtime: input.softsaexpirationtime ?? DEFAULT_SOFT_SA_EXPIRATION_SECONDS,
    offers: input.mmsecmethods ?? DEFAULT_MM_OFFERS,
  };
  const mmPolicies = withDefault([...spd.mmPolicies, policy], policy.id, input.default);
  return ok({ ...spd, mmPolicies, nextId: ids.nextId() });
}

export function setMmPolicy(spd: Spd, input: MmPolicyInput): SpdResult {
  const current = findMmPolicy(spd, input.name);
  if (!current) return fail(spdError('mm-policy-not-found'));
  const bad = checkMmFields(input);
  if (bad) return fail(bad);
  // Dropping the default flag would strand the filters that rely on it.
  if (input.default === false && current.isDefault && needsDefaultMm(spd)) {
    return fail(spdError('mm-policy-in-use'));
  }
  const updated: MmPolicy = {
    ...current,
    isDefault: input.default ?? current.isDefault,
    qmpermm: input.qmpermm ?? current.qmpermm,
    mmlifetime: input.mmlifetime ?? current.mmlifetime,
    softsaexpirationtime: input.softsaexpirationtime ?? current.softsaexpirationtime,
    offers: input.mmsecmethods ?? current.offers,
  };
  return ok({ ...spd, mmPolicies: withDefault(replaceById(spd.mmPolicies, updated), updated.id, input.default) });
}

export function deleteMmPolicy(spd: Spd, name: string): SpdResult {
  const policy = findMmPolicy(spd, name);
  if (!policy) return fail(spdError('mm-policy-not-found'));
  if (mmPolicyInUse(spd, policy)) return fail(spdError('mm-policy-in-use'));
  return ok({ ...spd, mmPolicies: spd.mmPolicies.filter((p) => p.id !== policy.id) });
}

/** `delete mmpolicy all`: all or nothing, so a policy a rule still uses stops the command [R]. */
export function deleteAllMmPolicies(spd: Spd): SpdResult {
  if (spd.mmPolicies.some((p) => mmPolicyInUse(spd, p))) return fail(spdError('mm-policy-in-use'));
  return ok({ ...spd, mmPolicies: [] });
}

export function addQmPolicy(spd: Spd, input: QmPolicyInput): SpdResult {
  const bad = firstProblem(checkName('Quick Mode Policy', input.name), checkQmFields(input));
  if (bad) return fail(bad);
  if (findQmPolicy(spd, input.name)) return fail(spdError('qm-policy-exists'));
  const ids = idAllocator(spd);
  const policy: QmPolicy = {
    id: ids.id('qmpolicy'),
    name: input.name,
    isDefault: input.default ?? false,
    soft: input.soft ?? false,
    pfsgroup: input.pfsgroup ?? 'NOPFS',
    offers: input.qmsecmethods ?? DEFAULT_NEGOTIATE_QM_OFFERS,
  };
  const qmPolicies = withDefault([...spd.qmPolicies, policy], policy.id, input.default);
  return ok({ ...spd, qmPolicies, nextId: ids.nextId() });
}

export function setQmPolicy(spd: Spd, input: QmPolicyInput): SpdResult {
  const current = findQmPolicy(spd, input.name);
  if (!current) return fail(spdError('qm-policy-not-found'));
  const bad = checkQmFields(input);
  if (bad) return fail(bad);
  if (input.default === false && current.isDefault && needsDefaultQm(spd)) {
    return fail(spdError('qm-policy-in-use'));
  }
  const updated: QmPolicy = {
    ...current,
    isDefault: input.default ?? current.isDefault,
    soft: input.soft ?? current.soft,
    pfsgroup: input.pfsgroup ?? current.pfsgroup,
    offers: input.qmsecmethods ?? current.offers,
  };
  return ok({ ...spd, qmPolicies: withDefault(replaceById(spd.qmPolicies, updated), updated.id, input.default) });
}

export function deleteQmPolicy(spd: Spd, name: string): SpdResult {
  const policy = findQmPolicy(spd, name);
  if (!policy) return fail(spdError('qm-policy-not-found'));
  if (qmPolicyInUse(spd, policy)) return fail(spdError('qm-policy-in-use'));
  return ok({ ...spd, qmPolicies: spd.qmPolicies.filter((p) => p.id !== policy.id) });
}

export function deleteAllQmPolicies(spd: Spd): SpdResult {
  if (spd.qmPolicies.some((p) => qmPolicyInUse(spd, p))) return fail(spdError('qm-policy-in-use'));
  return ok({ ...spd, qmPolicies: [] });
}
