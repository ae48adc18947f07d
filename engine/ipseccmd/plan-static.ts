/**
 * Static mode as netsh `ipsec static` requests on the selected store: the policy (created, or
 * changed where flags say so), the rule — a filter list and a filter action named after it,
 * replaced when the rule exists already [R] — and -x / -y / -o. The same requests typed in
 * netsh build the same store.
 */
import {
  DEFAULT_MM_LIFETIME_MINUTES,
  DEFAULT_POLLING_INTERVAL_MINUTES,
  DEFAULT_QM_PER_MM,
  filterActionById,
  filterListById,
  findFilterAction,
  findFilterList,
  findPolicy,
  findRule,
  standardRules,
  type FilterActionKind,
  type PolicyStore,
} from '../ipsec/index.js';
import type { NetshRequest } from '../netsh/index.js';
import { DONE, NAMES } from './labels.js';
import { request } from './request.js';
import type { FilterSpec, RuleSpec, StaticSpec } from './types.js';

export interface Plan {
  readonly requests: readonly NetshRequest[];
  /** Printed once every request succeeded. */
  readonly messages: readonly string[];
}

function policyRequests(store: PolicyStore, rule: RuleSpec, spec: StaticSpec): NetshRequest[] {
  const mm = rule.mainMode;
  if (!findPolicy(store, spec.policy)) {
    return [
      request('static.add.policy', {
        name: spec.policy,
        description: undefined,
        mmpfs: mm.pfs,
        qmpermm: mm.qmpermm ?? DEFAULT_QM_PER_MM,
        mmlifetime: mm.lifetime ?? DEFAULT_MM_LIFETIME_MINUTES,
        activatedefaultrule: true,
        pollinginterval: spec.pollInterval ?? DEFAULT_POLLING_INTERVAL_MINUTES,
        assign: false,
        mmsecmethods: mm.offers,
      }),
    ];
  }
  const changes = { mmpfs: mm.pfs ? true : undefined, qmpermm: mm.qmpermm, mmlifetime: mm.lifetime, pollinginterval: spec.pollInterval, mmsecmethods: mm.offers };
  if (Object.values(changes).every((v) => v === undefined)) return [];
  const none = { guid: undefined, newname: undefined, description: undefined, activatedefaultrule: undefined, assign: undefined, gponame: undefined };
  return [request('static.set.policy', { name: spec.policy, ...none, ...changes })];
}

/** One action for the whole rule (parse.ts made sure the filters agree): their brackets, else -n. */
function ruleAction(rule: RuleSpec): FilterActionKind {
  const kind = rule.filters[0]?.kind;
  if (kind === 'permit' || kind === 'block') return kind;
  const n = rule.negotiation.kind;
  return n === 'block' ? 'block' : n === 'pass' ? 'permit' : 'negotiate';
}

function filterRequest(list: string, f: FilterSpec): NetshRequest {
  const { srcaddr, srcmask, srcport, dstaddr, dstmask, dstport, protocol, mirrored } = f;
  return request('static.add.filter', { filterlist: list, srcaddr, dstaddr, description: undefined, protocol, mirrored, srcmask, dstmask, srcport, dstport });
}

function actionRequest(name: string, action: FilterActionKind, rule: RuleSpec): NetshRequest {
  const n = rule.negotiation;
  const negotiated = n.kind === 'negotiate' && action === 'negotiate' ? n : null;
  return request('static.add.filteraction', {
    name,
    description: undefined,
    qmpfs: negotiated !== null && negotiated.pfs !== 'NOPFS',
    inpass: negotiated?.inpass ?? false,
    soft: rule.soft,
    action,
    qmsecmethods: negotiated?.offers,
  });
}

/** The rule's old parts go first, so it is rebuilt from what this line says. */
function replaced(store: PolicyStore, spec: StaticSpec, ruleName: string, list: string, action: string): NetshRequest[] {
  const out: NetshRequest[] = [];
  const policy = findPolicy(store, spec.policy);
  if (policy && findRule(policy, { name: ruleName })) out.push(request('static.delete.rule', { name: ruleName, id: undefined, all: false, policy: spec.policy }));
  if (findFilterList(store, list)) out.push(request('static.delete.filterlist', { name: list, all: false }));
  if (findFilterAction(store, action)) out.push(request('static.delete.filteraction', { name: action, all: false }));
  return out;
}

function ruleRequests(store: PolicyStore, rule: RuleSpec, spec: StaticSpec, ruleName: string): NetshRequest[] {
  const action = ruleAction(rule);
  const list = NAMES.filterList(ruleName);
  const actionName = NAMES.filterAction(ruleName);
  const auth = rule.auth;
  const add = request(
    'static.add.rule',
    {
      name: ruleName,
      policy: spec.policy,
      filterlist: list,
      filteraction: actionName,
      tunnel: rule.tunnel,
      conntype: rule.conntype,
      activate: true,
      description: undefined,
      kerberos: auth?.kerberos,
      psk: auth?.psk,
      rootca: auth?.rootca ?? [],
    },
    auth?.given ?? [],
  );
  return [
    ...replaced(store, spec, ruleName, list, actionName),
    request('static.add.filterlist', { name: list, description: undefined }),
    ...rule.filters.map((f) => filterRequest(list, f)),
    actionRequest(actionName, action, rule),
    add,
  ];
}

/** -o: the policy, then the lists and actions of its rules that no other policy uses [R]. */
function deleteRequests(store: PolicyStore, name: string): NetshRequest[] {
  const policy = findPolicy(store, name);
  const others = store.policies.filter((p) => p !== policy).flatMap(standardRules);
  const rules = policy ? standardRules(policy) : [];
  const lists = new Set(rules.filter((r) => !others.some((o) => o.filterListId === r.filterListId)).map((r) => filterListById(store, r.filterListId)?.name));
  const actions = new Set(rules.filter((r) => !others.some((o) => o.filterActionId === r.filterActionId)).map((r) => filterActionById(store, r.filterActionId)?.name));
  return [
    request('static.delete.policy', { name, all: false }),
    ...[...lists].filter((l): l is string => l !== undefined).map((l) => request('static.delete.filterlist', { name: l, all: false })),
    ...[...actions].filter((a): a is string => a !== undefined).map((a) => request('static.delete.filteraction', { name: a, all: false })),
  ];
}

function assignRequest(spec: StaticSpec): NetshRequest {
  const none = { guid: undefined, newname: undefined, description: undefined, mmpfs: undefined, qmpermm: undefined, mmlifetime: undefined };
  const rest = { activatedefaultrule: undefined, pollinginterval: undefined, gponame: undefined, mmsecmethods: undefined };
  return request('static.set.policy', { name: spec.policy, ...none, ...rest, assign: spec.assign });
}

/** Everything one static-mode line does to `store`, and what it prints when done. */
export function planStatic(store: PolicyStore, rule: RuleSpec, spec: StaticSpec, where: string): Plan {
  if (spec.remove) return { requests: deleteRequests(store, spec.policy), messages: [DONE.deleted(spec.policy)] };
  const requests = policyRequests(store, rule, spec);
  const messages = [DONE.policy(spec.policy, where)];
  if (spec.rule !== undefined) {
    requests.push(...ruleRequests(store, rule, spec, spec.rule));
    messages.push(DONE.rule(spec.rule, rule.filters.length));
  }
  if (spec.assign !== undefined) {
    // The request still goes to the store, which ignores assign in the domain store [CV:S34].
    requests.push(assignRequest(spec));
    const directory = store.location === 'domain';
    messages.push(directory ? DONE.gpoAssigns(spec.policy) : spec.assign ? DONE.assigned(spec.policy) : DONE.unassigned(spec.policy));
  }
  return { requests, messages };
}
