/**
 * `add|set|delete rule`, `delete all` (netsh-ipsec-2003.md §3.1) and the IPSEC Services
 * restart (§6.5). A rule is one QM filter plus the MM filter for its peer (see types.ts).
 */
import { sameFilterAddress } from '../ipsec/address.js';
import { ipsecError, type IpsecError } from '../ipsec/errors.js';
import { checkFilter, filterFromInput } from '../ipsec/filter.js';
import { isIpv4 } from '../ipsec/ipv4.js';
import { fail, ok, type Result } from '../ipsec/result.js';
import type { AuthMethod, ConnectionType, FilterActionKind, FilterAddress } from '../ipsec/types.js';
import { checkAuthMethods, firstProblem } from '../ipsec/validate.js';
import { spdError, type SpdError } from './errors.js';
import { defaultMmPolicy, defaultQmPolicy, findMmPolicy, findQmPolicy, findQmFilterByKey, idAllocator, replaceById, type RuleKey, type SpdResult } from './lookup.js';
import { negotiates, type MmFilter, type QmFilter, type Spd } from './types.js';

/** The identifying fields; omitted ones take the `add rule` defaults [CV:S2]. */
export interface RuleIdentityInput {
  /** Address with its mask folded in, as parseFilterAddress returns it; DNS names resolved. */
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  /** Default ANY. */
  readonly protocol?: number;
  readonly srcport?: number;
  readonly dstport?: number;
  /** Default yes. */
  readonly mirrored?: boolean;
  /** Default all. */
  readonly conntype?: ConnectionType;
  /** IPv4 tunnel endpoint; omitted/null = transport mode. */
  readonly tunneldstaddress?: string | null;
}

export interface RuleSettings {
  /** Omitted on add = the SPD's default MM policy (netsh always gives one). */
  readonly mmpolicy?: string;
  /** Needed when an action negotiates, unless a default QM policy exists. */
  readonly qmpolicy?: string;
  /** Default negotiate. */
  readonly actioninbound?: FilterActionKind;
  readonly actionoutbound?: FilterActionKind;
  /** Preference order; replaces the whole list on set [CV:S23]. Default Kerberos [R]. */
  readonly authMethods?: readonly AuthMethod[];
}

export interface AddRuleInput extends RuleIdentityInput, RuleSettings {
  /** Filter names; generated GUID-style when omitted (the Policy Agent passes rule names). */
  readonly mmFilterName?: string;
  readonly qmFilterName?: string;
}

export type SetRuleInput = RuleIdentityInput & RuleSettings;

const ACTIONS: readonly FilterActionKind[] = ['permit', 'block', 'negotiate'];
const CONNTYPES: readonly ConnectionType[] = ['all', 'lan', 'dialup'];
const KERBEROS_ONLY: readonly AuthMethod[] = [{ kind: 'kerberos' }];

function badKeyword(tag: string, value: unknown, allowed: readonly string[]): IpsecError {
  return ipsecError('invalid-value', `"${String(value)}" is not a valid value for ${tag}: use ${allowed.join(', ')}.`);
}

/** Validated, canonical rule key (a /32 subnet becomes a host, defaults filled in). */
function ruleKeyFrom(input: RuleIdentityInput): Result<RuleKey, IpsecError> {
  const filter = filterFromInput(input);
  const conntype = input.conntype ?? 'all';
  const tunnel = input.tunneldstaddress ?? null;
  const bad = firstProblem(
    checkFilter(filter),
    CONNTYPES.includes(conntype) ? null : badKeyword('conntype', conntype, CONNTYPES),
    tunnel === null || isIpv4(tunnel) ? null : ipsecError('invalid-tunnel', `"${tunnel}" is not a valid tunnel endpoint: give an IP address.`),
  );
  if (bad) return fail(bad);
  const { description: _unused, ...selector } = filter;
  return ok({ ...selector, conntype, tunnelDst: tunnel });
}

function checkSettings(input: RuleSettings): IpsecError | null {
  const { actioninbound: inb, actionoutbound: outb } = input;
  return firstProblem(
    inb === undefined || ACTIONS.includes(inb) ? null : badKeyword('actioninbound', inb, ACTIONS),
    outb === undefined || ACTIONS.includes(outb) ? null : badKeyword('actionoutbound', outb, ACTIONS),
    checkAuthMethods(input.authMethods),
  );
}

/** A named MM policy's id, or null for "the default one", which must then exist. */
function resolveMmPolicy(spd: Spd, name: string | undefined): Result<string | null, SpdError> {
  if (name === undefined) return defaultMmPolicy(spd) ? ok(null) : fail(spdError('default-mm-policy-not-found'));
  const policy = findMmPolicy(spd, name);
  return policy ? ok(policy.id) : fail(spdError('mm-policy-not-found'));
}

function resolveQmPolicy(spd: Spd, name: string | undefined, negotiating: boolean): Result<string | null, SpdError> {
  if (name === undefined) {
    return !negotiating || defaultQmPolicy(spd) ? ok(null) : fail(spdError('default-qm-policy-not-found'));
  }
  const policy = findQmPolicy(spd, name);
  return policy ? ok(policy.id) : fail(spdError('qm-policy-not-found'));
}

/** The MM filter's selector: the rule's addresses, or this host to the tunnel endpoint [R]. */
function mmSelector(key: RuleKey): Pick<MmFilter, 'srcaddr' | 'dstaddr' | 'mirrored' | 'conntype'> {
  if (key.tunnelDst === null) return { srcaddr: key.srcaddr, dstaddr: key.dstaddr, mirrored: key.mirrored, conntype: key.conntype };
  return { srcaddr: { kind: 'me' }, dstaddr: { kind: 'host', address: key.tunnelDst }, mirrored: true, conntype: key.conntype };
}

function sameMmSelector(a: MmFilter, b: ReturnType<typeof mmSelector>): boolean {
  return sameFilterAddress(a.srcaddr, b.srcaddr) && sameFilterAddress(a.dstaddr, b.dstaddr) && a.mirrored === b.mirrored && a.conntype === b.conntype;
}

function sameAuth(a: readonly AuthMethod[], b: readonly AuthMethod[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function addRule(spd: Spd, input: AddRuleInput): SpdResult {
  const key = ruleKeyFrom(input);
  if (!key.ok) return key;
  const bad = checkSettings(input);
  if (bad) return fail(bad);
  const actions = { actioninbound: input.actioninbound ?? 'negotiate', actionoutbound: input.actionoutbound ?? 'negotiate' } as const;
  const mmPolicyId = resolveMmPolicy(spd, input.mmpolicy);
  if (!mmPolicyId.ok) return mmPolicyId;
  const qmPolicyId = resolveQmPolicy(spd, input.qmpolicy, negotiates(actions));
  if (!qmPolicyId.ok) return qmPolicyId;
  const tunnel = key.value.tunnelDst !== null;
  if (findQmFilterByKey(spd, key.value)) return fail(spdError(tunnel ? 'tunnel-filter-exists' : 'transport-filter-exists'));
  const authMethods = input.authMethods ?? KERBEROS_ONLY;
  const selector = mmSelector(key.value);
  const shared = spd.mmFilters.find((m) => sameMmSelector(m, selector));
  // One MM filter per peer: a second rule may share it only with the same policy and methods.
  if (shared && (shared.mmPolicyId !== mmPolicyId.value || !sameAuth(shared.authMethods, authMethods))) {
    return fail(spdError('mm-filter-exists'));
  }
  const ids = idAllocator(spd);
  const mmFilter: MmFilter = shared ?? {
    id: ids.id('mmfilter'),
    name: input.mmFilterName ?? ids.guid(),
    ...selector,
    mmPolicyId: mmPolicyId.value,
    authMethods,
  };
  const { tunnelDst, ...fields } = key.value;
  const common = { id: ids.id('qmfilter'), name: input.qmFilterName ?? ids.guid(), ...fields, ...actions, qmPolicyId: qmPolicyId.value, mmFilterId: mmFilter.id };
  const qmFilter: QmFilter = tunnelDst === null ? { ...common, mode: 'transport' } : { ...common, mode: 'tunnel', tunnelDst };
  const mmFilters = shared ? spd.mmFilters : [...spd.mmFilters, mmFilter];
  return ok({ ...spd, mmFilters, qmFilters: [...spd.qmFilters, qmFilter], nextId: ids.nextId() });
}

function findRule(spd: Spd, input: RuleIdentityInput): Result<QmFilter, SpdError> {
  const key = ruleKeyFrom(input);
  if (!key.ok) return key;
  const filter = findQmFilterByKey(spd, key.value);
  if (filter) return ok(filter);
  return fail(spdError(key.value.tunnelDst === null ? 'transport-filter-not-found' : 'tunnel-filter-not-found'));
}

/**
 * Only the policies, actions and authentication change; the other fields find the rule
 * [CV:S23]. MM policy and methods belong to the peer's MM filter, which rules to the same
 * peer share, so changing them changes it for all of those rules [R].
 */
export function setRule(spd: Spd, input: SetRuleInput): SpdResult {
  const found = findRule(spd, input);
  if (!found.ok) return found;
  const bad = checkSettings(input);
  if (bad) return fail(bad);
  const current = found.value;
  const actions = {
    actioninbound: input.actioninbound ?? current.actioninbound,
    actionoutbound: input.actionoutbound ?? current.actionoutbound,
  };
  const mmPolicyId = input.mmpolicy === undefined ? ok(undefined) : resolveMmPolicy(spd, input.mmpolicy);
  if (!mmPolicyId.ok) return mmPolicyId;
  const qmPolicyId = input.qmpolicy === undefined ? ok(current.qmPolicyId) : resolveQmPolicy(spd, input.qmpolicy, negotiates(actions));
  if (!qmPolicyId.ok) return qmPolicyId;
  if (qmPolicyId.value === null && negotiates(actions) && !defaultQmPolicy(spd)) return fail(spdError('default-qm-policy-not-found'));
  const qmFilters = replaceById(spd.qmFilters, { ...current, ...actions, qmPolicyId: qmPolicyId.value });
  const mmFilters = spd.mmFilters.map((m) => {
    if (m.id !== current.mmFilterId) return m;
    return { ...m, mmPolicyId: mmPolicyId.value ?? m.mmPolicyId, authMethods: input.authMethods ?? m.authMethods };
  });
  return ok({ ...spd, mmFilters, qmFilters });
}

/** Deletes the rule's QM filter, and its MM filter once no other rule uses it. */
export function deleteRule(spd: Spd, input: RuleIdentityInput): SpdResult {
  const found = findRule(spd, input);
  if (!found.ok) return found;
  const qmFilters = spd.qmFilters.filter((f) => f.id !== found.value.id);
  const stillUsed = qmFilters.some((f) => f.mmFilterId === found.value.mmFilterId);
  const mmFilters = stillUsed ? spd.mmFilters : spd.mmFilters.filter((m) => m.id !== found.value.mmFilterId);
  return ok({ ...spd, mmFilters, qmFilters });
}

function withoutObjects(spd: Spd): Spd {
  return { ...spd, mmPolicies: [], qmPolicies: [], mmFilters: [], qmFilters: [] };
}

/** `delete all`: every rule, filter and policy of the SPD; config stays. */
export function deleteAll(spd: Spd): SpdResult {
  return ok(withoutObjects(spd));
}

/**
 * IPSEC Services stopped and started (or the computer restarted): the dynamic objects are
 * gone, the registry-backed config is not (§1.1, §6.5). The id counter keeps running so ids
 * are never reused. Re-applying the assigned policy is the Policy Agent's job, not this.
 */
export function restartPolicyAgent(spd: Spd): Spd {
  return withoutObjects(spd);
}
