import { formatFilterAddress } from '../../ipsec/address.js';
import { formatQmOffer, formatQmOffers } from '../../ipsec/offers.js';
import { filterActionById, filterListById, findFilterList, findPolicy, standardRules } from '../../ipsec/store-lookup.js';
import { isDefaultRuleActive, type Filter, type FilterAction, type FilterList, type IpsecPolicy, type PolicyStore, type StandardRule } from '../../ipsec/types.js';
import type { Predicates } from '../model.js';
import { fields, judge } from './match.js';
import { fail, sameName, type Evaluator, type Outcome } from './outcome.js';
import { resolveStore, type StoreTarget } from './store-target.js';
import { parseAddressSpec, parseMethod, parseMethods, protocolName, protocolNumber, sameAddress, sameOffers } from './values.js';

/* Predicates over one IPSec policy store: policy, rule, filterlist, filter, filteraction. */

const names = (a: string, b: string) => sameName(a, b);

function inStore(t: StoreTarget, body: (store: PolicyStore, label: string) => Outcome): Evaluator {
  return ({ world }) => {
    const resolved = resolveStore(world, t);
    return 'error' in resolved ? fail(resolved.error) : body(resolved.store, resolved.label);
  };
}

export function policyCheck(p: Predicates['policy']): Evaluator {
  const prop = fields<IpsecPolicy>();
  return inStore(p, (store, label) =>
    judge<IpsecPolicy>({
      what: `policy "${p.name}" in ${label}`,
      items: store.policies.filter((x) => sameName(x.name, p.name)),
      exists: p.exists ?? true,
      none: `there is no policy "${p.name}" in ${label}`,
      props: [
        ...prop('assigned', p.assigned, (x) => x.assigned),
        ...prop('description', p.description, (x) => x.description),
        ...prop('mmpfs', p.mmpfs, (x) => x.mmpfs),
        ...prop('qmpermm', p.qmpermm, (x) => x.qmpermm),
        ...prop('mmlifetime', p.mmlifetime, (x) => x.mmlifetime),
        ...prop('pollinginterval', p.pollinginterval, (x) => x.pollinginterval),
        ...prop('defaultResponse', p.defaultResponse, isDefaultRuleActive),
        ...prop('rules', p.rules, (x) => standardRules(x).length),
      ],
    }),
  );
}

function listName(store: PolicyStore, rule: StandardRule): string {
  return filterListById(store, rule.filterListId)?.name ?? '(missing)';
}

function actionName(store: PolicyStore, rule: StandardRule): string {
  return filterActionById(store, rule.filterActionId)?.name ?? '(missing)';
}

export function ruleCheck(p: Predicates['rule']): Evaluator {
  const prop = fields<StandardRule>();
  return inStore(p, (store, label) => {
    const policy = findPolicy(store, p.policy);
    if (!policy) return fail(`there is no policy "${p.policy}" in ${label}`);
    return judge<StandardRule>({
      what: `rule of policy "${policy.name}" (${label})`,
      items: standardRules(policy),
      exists: p.exists ?? true,
      none: `policy "${policy.name}" has no rules besides the default response rule`,
      props: [
        ...prop('name', p.name, (r) => r.name, names),
        ...prop('filterlist', p.filterlist, (r) => listName(store, r), names),
        ...prop('filteraction', p.filteraction, (r) => actionName(store, r), names),
        ...prop('active', p.active, (r) => r.activate),
        ...prop('tunnel', p.tunnel, (r) => r.tunnel),
        ...prop('conntype', p.conntype, (r) => r.conntype),
      ],
    });
  });
}

export function filterListCheck(p: Predicates['filterlist']): Evaluator {
  const prop = fields<FilterList>();
  return inStore(p, (store, label) =>
    judge<FilterList>({
      what: `filter list "${p.name}" in ${label}`,
      items: store.filterLists.filter((l) => sameName(l.name, p.name)),
      exists: p.exists ?? true,
      none: `there is no filter list "${p.name}" in ${label}`,
      props: [...prop('filters', p.filters, (l) => l.filters.length), ...prop('description', p.description, (l) => l.description)],
    }),
  );
}

/** A check's address, compared as netsh would store it; an unparsable one never matches. */
function addressProp(name: string, text: string | undefined, get: (f: Filter) => Filter['srcaddr']) {
  if (text === undefined) return [];
  const parsed = parseAddressSpec(text);
  return [{ name, want: text, ok: (f: Filter) => parsed.ok && sameAddress(get(f), parsed.value), actual: (f: Filter) => formatFilterAddress(get(f)) }];
}

export function filterCheck(p: Predicates['filter']): Evaluator {
  const protocol = p.protocol === undefined ? undefined : protocolNumber(p.protocol);
  const prop = fields<Filter>();
  return inStore(p, (store, label) => {
    const list = findFilterList(store, p.list);
    if (!list) return fail(`there is no filter list "${p.list}" in ${label}`);
    return judge<Filter>({
      what: `filter in list "${list.name}" (${label})`,
      items: list.filters,
      exists: p.exists ?? true,
      none: `filter list "${list.name}" in ${label} holds no filters`,
      props: [
        ...addressProp('src', p.src, (f) => f.srcaddr),
        ...addressProp('dst', p.dst, (f) => f.dstaddr),
        ...(protocol === undefined ? [] : [{ name: 'protocol', want: protocolName(protocol), ok: (f: Filter) => f.protocol === protocol, actual: (f: Filter) => protocolName(f.protocol) }]),
        ...prop('srcport', p.srcport, (f) => f.srcport),
        ...prop('dstport', p.dstport, (f) => f.dstport),
        ...prop('mirrored', p.mirrored, (f) => f.mirrored),
      ],
    });
  });
}

function methodProps(p: Predicates['filteraction']) {
  const all = p.methods === undefined ? undefined : parseMethods(p.methods);
  const first = p.firstMethod === undefined ? undefined : parseMethod(p.firstMethod);
  const shown = (a: FilterAction) => formatQmOffers(a.qmsecmethods, { omitDefaultLifetime: true }) || 'none';
  return [
    ...(all === undefined ? [] : [{ name: 'methods', want: p.methods ?? '', ok: (a: FilterAction) => all.ok && sameOffers(a.qmsecmethods, all.value), actual: shown }]),
    ...(first === undefined
      ? []
      : [{
          name: 'firstMethod',
          want: p.firstMethod ?? '',
          ok: (a: FilterAction) => first.ok && sameOffers(a.qmsecmethods.slice(0, 1), first.value),
          actual: (a: FilterAction) => (a.qmsecmethods[0] ? formatQmOffer(a.qmsecmethods[0], { omitDefaultLifetime: true }) : 'none'),
        }]),
  ];
}

export function filterActionCheck(p: Predicates['filteraction']): Evaluator {
  const prop = fields<FilterAction>();
  return inStore(p, (store, label) =>
    judge<FilterAction>({
      what: `filter action "${p.name}" in ${label}`,
      items: store.filterActions.filter((a) => sameName(a.name, p.name)),
      exists: p.exists ?? true,
      none: `there is no filter action "${p.name}" in ${label}`,
      props: [
        ...prop('action', p.action, (a) => a.action),
        ...prop('inpass', p.inpass, (a) => a.inpass),
        ...prop('soft', p.soft, (a) => a.soft),
        ...prop('qmpfs', p.qmpfs, (a) => a.qmpfs),
        ...methodProps(p),
      ],
    }),
  );
}
