import { authMethodLabel, formatRootCa } from '../auth.js';
import { DEFAULT_RESPONSE_ACTION_NAME, DYNAMIC_FILTER_LIST_NAME } from '../constants.js';
import { errors } from '../errors.js';
import { fail, ok } from '../result.js';
import { describeSelector, filterActionById, filterListById, findPolicy, findRule } from '../store-lookup.js';
import type { AuthMethod, IpsecPolicy, IpsecRule, PolicyStore } from '../types.js';
import { actionDetailLines, qmMethodLines, type ActionDetails } from './actions.js';
import { filterLines, filterTable } from './filters.js';
import { objectGuid } from './guid.js';
import { COLUMN, CONNECTION_TYPE, L, NONE, ruleIdWithGuid, TITLE } from './labels.js';
import { modifiedText, resolveLayout, type ResolvedLayout, type ShowContext, type ShowLayout, type ShowResult } from './options.js';
import { renderTable, type Column } from './table.js';
import { field, joinBlocks, orNone, toText, underlined, yesNo } from './text.js';

/* `show rule` (reference §4.3) and the rule blocks of `show policy level=verbose`. */

/** A rule with its 1-based number in the policy (the `id=` of set/delete/show rule). */
export interface NumberedRule {
  readonly number: number;
  readonly rule: IpsecRule;
}

export function numberedRules(policy: IpsecPolicy): NumberedRule[] {
  return policy.rules.map((rule, i) => ({ number: i + 1, rule }));
}

/** Filter list and action as a rule shows them; the default response rule has fixed names [C:S17]. */
function linked(store: PolicyStore, rule: IpsecRule) {
  if (rule.isDefaultResponse) {
    // The model keeps no soft/inpass for it: it only ever answers a peer that asks for security [R].
    const details: ActionDetails = { action: 'negotiate', soft: false, inpass: false, qmpfs: rule.qmpfs, qmsecmethods: rule.qmsecmethods };
    return { listName: DYNAMIC_FILTER_LIST_NAME, filters: [], actionName: DEFAULT_RESPONSE_ACTION_NAME, details };
  }
  const list = filterListById(store, rule.filterListId);
  const action = filterActionById(store, rule.filterActionId);
  return { listName: list?.name ?? NONE, filters: list?.filters ?? [], actionName: action?.name ?? NONE, details: action ?? null };
}

function authLines(methods: readonly AuthMethod[]): string[] {
  const lines = methods.map((m) => {
    if (m.kind === 'psk') return field(L.presharedKey, m.key);
    if (m.kind === 'certificate') return field(L.rootCa, formatRootCa(m));
    return authMethodLabel(m);
  });
  return [...underlined(TITLE.authMethods(methods.length)), ...lines];
}

function ruleHeader(n: NumberedRule, verbose: boolean, ctx: ShowContext): string[] {
  const { rule } = n;
  const lines = [
    field(L.ruleId, verbose ? ruleIdWithGuid(n.number, objectGuid(rule.id)) : String(n.number)),
    field(L.ruleName, orNone(rule.name)),
    field(L.description, orNone(rule.description)),
  ];
  const modified = modifiedText(ctx, rule.id);
  if (modified !== null) lines.push(field(L.lastModified, modified));
  lines.push(
    field(L.activated, yesNo(rule.activate)),
    field(L.connectionType, CONNECTION_TYPE[rule.conntype]),
    field(L.tunnel, rule.tunnel ?? NONE),
  );
  return lines;
}

/** One rule as a list block; filters sit indented under their list, as in the §4.3 sketch. */
export function ruleBlock(store: PolicyStore, n: NumberedRule, verbose: boolean, ctx: ShowContext): string[] {
  const link = linked(store, n.rule);
  const header = ruleHeader(n, verbose, ctx);
  if (!verbose) return [...header, field(L.filterListName, link.listName), field(L.filterActionName, link.actionName)];
  const filters = joinBlocks(link.filters.map((f) => filterLines(f, undefined))).map((l) => (l === '' ? l : `  ${l}`));
  return [
    ...header,
    ...authLines(n.rule.authMethods),
    field(L.filterListName, link.listName),
    ...filters,
    field(L.filterActionName, link.actionName),
    ...(link.details ? actionDetailLines(link.details) : []),
  ];
}

const RULE_COLUMNS: readonly Column[] = [
  { header: COLUMN.id },
  { header: COLUMN.ruleName, shrink: true },
  { header: COLUMN.filterListName, shrink: true },
  { header: COLUMN.filterActionName, shrink: true },
  { header: COLUMN.tunnel, shrink: true },
  { header: COLUMN.activated },
];

function ruleTable(store: PolicyStore, rules: readonly NumberedRule[], wide: boolean): string[] {
  const rows = rules.map((n) => {
    const link = linked(store, n.rule);
    const { rule } = n;
    return [String(n.number), orNone(rule.name), link.listName, link.actionName, rule.tunnel ?? NONE, yesNo(rule.activate)];
  });
  return renderTable(RULE_COLUMNS, rows, wide);
}

/** Methods and, for a key or a CA, what it is; the second column only when something needs it. */
function authTable(methods: readonly AuthMethod[], wide: boolean): string[] {
  const detail = (m: AuthMethod) => (m.kind === 'psk' ? m.key : m.kind === 'certificate' ? formatRootCa(m) : '');
  if (methods.every((m) => detail(m) === '')) return renderTable([{ header: COLUMN.authMethods }], methods.map((m) => [authMethodLabel(m)]), wide);
  const rows = methods.map((m) => [authMethodLabel(m), detail(m)]);
  return renderTable([{ header: COLUMN.authMethods }, { header: '', shrink: true }], rows, wide);
}

function verboseRuleTables(store: PolicyStore, n: NumberedRule, wide: boolean): string[][] {
  const link = linked(store, n.rule);
  const negotiate = link.details?.action === 'negotiate';
  return [
    ruleTable(store, [n], wide),
    authTable(n.rule.authMethods, wide),
    link.filters.length > 0 ? filterTable(link.filters, wide, undefined) : [],
    negotiate && link.details ? qmMethodLines(link.details.qmsecmethods) : [],
  ];
}

/** Several rules of one policy in one layout (also used by `show policy level=verbose`). */
export function rulesLines(store: PolicyStore, rules: readonly NumberedRule[], layout: ResolvedLayout, ctx: ShowContext): string[] {
  if (rules.length === 0) return [];
  if (!layout.table) return joinBlocks(rules.map((n) => ruleBlock(store, n, layout.verbose, ctx)));
  if (!layout.verbose) return ruleTable(store, rules, layout.wide);
  return joinBlocks(rules.flatMap((n) => verboseRuleTables(store, n, layout.wide)));
}

/** `name=`, `id=`, `all` or `default` of `show rule`. */
export type RuleTarget =
  | { readonly name: string }
  | { readonly id: number }
  | { readonly all: true }
  | { readonly default: true };

export interface RuleQuery {
  readonly policy: string;
  readonly rule: RuleTarget;
  /** Only tunnel rules, or only transport rules. */
  readonly type?: 'tunnel' | 'transport';
}

function ofType(type: RuleQuery['type'], rule: IpsecRule): boolean {
  if (type === undefined) return true;
  return type === 'tunnel' ? rule.tunnel !== null : rule.tunnel === null;
}

/**
 * `show rule name=X | id=N | all | default policy=P [type=] [level=] [format=] [wide=]`.
 * A named or numbered rule of the other type is "not found"; `all` of a type with no rules
 * prints nothing [R].
 */
export function showRule(store: PolicyStore, query: RuleQuery, layout: ShowLayout, ctx: ShowContext): ShowResult {
  const policy = findPolicy(store, query.policy);
  if (!policy) return fail(errors.policyNotFound(query.policy));
  const all = numberedRules(policy);
  const target = query.rule;
  let selected: NumberedRule[];
  if ('all' in target) selected = all;
  else if ('default' in target) selected = all.filter((n) => n.rule.isDefaultResponse);
  else {
    const rule = findRule(policy, target);
    const found = all.find((n) => n.rule === rule && ofType(query.type, n.rule));
    if (!found) return fail(errors.ruleNotFound(describeSelector(target), policy.name));
    selected = [found];
  }
  selected = selected.filter((n) => ofType(query.type, n.rule));
  return ok(toText(rulesLines(store, selected, resolveLayout(layout), ctx)));
}
