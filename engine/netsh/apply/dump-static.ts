/**
 * `netsh ipsec static dump`: a script that rebuilds the selected store. It starts with
 * `delete all` (as `netsh interface dump` starts with `reset all` [R]), then lists, actions,
 * policies with their default response rule, rules, and last the assignments.
 */
import {
  filterActionById,
  filterListById,
  formatMmOffers,
  formatQmOffers,
  isDefaultRuleActive,
  standardRules,
  type DefaultResponseRule,
  type Filter,
  type FilterAction,
  type FilterList,
  type IpsecPolicy,
  type PolicyStore,
  type StandardRule,
} from '../../ipsec/index.js';
import type { StoreSelection } from '../../model/host.js';
import { addressTags, authTags, line, protocolText, quoted, section, yesNo } from './dump-format.js';

export const STATIC_DUMP_TITLE = 'IPsec static configuration';

/** What the static dump needs besides the store: where it is, and which GPOs assign its policies. */
export interface StaticDumpContext {
  readonly selection: StoreSelection;
  /** Domain store only: GPO name → the policy it assigns. */
  readonly gpoAssignments: readonly { readonly gpo: string; readonly policy: string }[];
}

const described = (description: string) => (description === '' ? null : `description=${quoted(description)}`);

function storeLine(selection: StoreSelection): string {
  if (selection.location !== 'domain') return `set store location=${selection.location}`;
  return `set store location=domain domain=${selection.domain}`;
}

function filterLine(list: FilterList, filter: Filter): string {
  return line(`add filter filterlist=${quoted(list.name)}`, [
    ...addressTags('src', filter.srcaddr),
    ...addressTags('dst', filter.dstaddr),
    described(filter.description),
    `protocol=${protocolText(filter.protocol)}`,
    `mirrored=${yesNo(filter.mirrored)}`,
    `srcport=${filter.srcport}`,
    `dstport=${filter.dstport}`,
  ]);
}

function filterListLines(list: FilterList): string[] {
  return [line(`add filterlist name=${quoted(list.name)}`, [described(list.description)]), ...list.filters.map((f) => filterLine(list, f))];
}

function filterActionLine(action: FilterAction): string {
  return line(`add filteraction name=${quoted(action.name)}`, [
    described(action.description),
    `qmpfs=${yesNo(action.qmpfs)}`,
    `inpass=${yesNo(action.inpass)}`,
    `soft=${yesNo(action.soft)}`,
    `action=${action.action}`,
    // netsh refuses an empty list, and a permit/block action usually has none.
    action.qmsecmethods.length > 0 ? `qmsecmethods=${quoted(formatQmOffers(action.qmsecmethods))}` : null,
  ]);
}

function policyLine(policy: IpsecPolicy): string {
  return line(`add policy name=${quoted(policy.name)}`, [
    described(policy.description),
    `mmpfs=${yesNo(policy.mmpfs)}`,
    `qmpermm=${policy.qmpermm}`,
    `mmlifetime=${policy.mmlifetime}`,
    `activatedefaultrule=${yesNo(isDefaultRuleActive(policy))}`,
    `pollinginterval=${policy.pollinginterval}`,
    `mmsecmethods=${quoted(formatMmOffers(policy.mmsecmethods))}`,
  ]);
}

function defaultRuleLine(policy: IpsecPolicy, rule: DefaultResponseRule): string {
  return line(`set defaultrule policy=${quoted(policy.name)}`, [
    `qmpfs=${yesNo(rule.qmpfs)}`,
    `qmsecmethods=${quoted(formatQmOffers(rule.qmsecmethods))}`,
    ...authTags(rule.authMethods),
  ]);
}

function ruleLine(store: PolicyStore, policy: IpsecPolicy, rule: StandardRule): string {
  return line(`add rule name=${quoted(rule.name)} policy=${quoted(policy.name)}`, [
    `filterlist=${quoted(filterListById(store, rule.filterListId)?.name ?? '')}`,
    `filteraction=${quoted(filterActionById(store, rule.filterActionId)?.name ?? '')}`,
    rule.tunnel === null ? null : `tunnel=${rule.tunnel}`,
    `conntype=${rule.conntype}`,
    `activate=${yesNo(rule.activate)}`,
    described(rule.description),
    ...authTags(rule.authMethods),
  ]);
}

function policyLines(store: PolicyStore, policy: IpsecPolicy): string[] {
  const defaults = policy.rules.filter((r): r is DefaultResponseRule => r.isDefaultResponse);
  return [
    policyLine(policy),
    ...defaults.map((rule) => defaultRuleLine(policy, rule)),
    ...standardRules(policy).map((rule) => ruleLine(store, policy, rule)),
  ];
}

/** Assignments come last, once every policy is complete. */
function assignmentLines(store: PolicyStore, ctx: StaticDumpContext): string[] {
  const local = store.policies.filter((p) => p.assigned).map((p) => `set policy name=${quoted(p.name)} assign=yes`);
  const gpos = ctx.gpoAssignments.map((a) => `set policy name=${quoted(a.policy)} gponame=${quoted(a.gpo)}`);
  return [...local, ...gpos];
}

/** The commands that rebuild `store`, inside its banner. */
export function staticDump(store: PolicyStore, ctx: StaticDumpContext): string[] {
  const body = [
    storeLine(ctx.selection),
    'delete all',
    ...store.filterLists.flatMap(filterListLines),
    ...store.filterActions.map(filterActionLine),
    ...store.policies.flatMap((p) => policyLines(store, p)),
    ...assignmentLines(store, ctx),
  ];
  return section(STATIC_DUMP_TITLE, 'ipsec static', body);
}
