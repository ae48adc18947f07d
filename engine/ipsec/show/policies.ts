import { errors } from '../errors.js';
import { fail, ok } from '../result.js';
import { findPolicy } from '../store-lookup.js';
import type { IpsecPolicy, PolicyStore } from '../types.js';
import { mmMethodLines } from './actions.js';
import { COLUMN, L, minutes, mmLifetimeText } from './labels.js';
import {
  hasTimes,
  modifiedText,
  provenanceLines,
  resolveLayout,
  type ResolvedLayout,
  type ShowContext,
  type ShowLayout,
  type ShowResult,
} from './options.js';
import { numberedRules, rulesLines } from './rules.js';
import { renderTable, type Column } from './table.js';
import { field, joinBlocks, orNone, toText, yesNo } from './text.js';

/*
 * `show policy` (reference §4.1). At level=normal no line but the first may hold the word
 * "Policy": a real admin script greps for it and expects exactly `Policy Name : X` [CV:S35].
 */

function policyHeader(store: PolicyStore, policy: IpsecPolicy, verbose: boolean, ctx: ShowContext): string[] {
  const lines = [
    field(L.policyName, policy.name),
    field(L.description, orNone(policy.description)),
    ...provenanceLines(store, ctx, policy.id, verbose),
    field(L.assigned, yesNo(policy.assigned)),
    field(L.pollingInterval, minutes(policy.pollinginterval)),
  ];
  if (verbose) lines.push(field(L.mmLifetime, mmLifetimeText(policy.mmlifetime, policy.qmpermm)));
  lines.push(field(L.masterPfs, yesNo(policy.mmpfs)));
  if (!verbose) lines.push(field(L.ruleCount, String(policy.rules.length)));
  return lines;
}

function policyBlock(store: PolicyStore, policy: IpsecPolicy, layout: ResolvedLayout, ctx: ShowContext): string[] {
  const header = policyHeader(store, policy, layout.verbose, ctx);
  if (!layout.verbose) return header;
  return joinBlocks([
    [...header, ...mmMethodLines(policy.mmsecmethods)],
    rulesLines(store, numberedRules(policy), layout, ctx),
  ]);
}

function policyTable(policies: readonly IpsecPolicy[], wide: boolean, ctx: ShowContext): string[] {
  const times = hasTimes(ctx);
  const columns: Column[] = [{ header: COLUMN.policyName, shrink: true }];
  if (times) columns.push({ header: COLUMN.lastModified });
  columns.push({ header: COLUMN.assigned });
  const rows = policies.map((p) => {
    const row = [p.name];
    if (times) row.push(modifiedText(ctx, p.id) ?? '');
    row.push(yesNo(p.assigned));
    return row;
  });
  return renderTable(columns, rows, wide);
}

/** The lines of several policies in one layout (also used by `show all`). */
export function policiesLines(store: PolicyStore, policies: readonly IpsecPolicy[], layout: ShowLayout, ctx: ShowContext): string[] {
  const resolved = resolveLayout(layout);
  if (policies.length === 0) return [];
  if (!resolved.table) return joinBlocks(policies.map((p) => policyBlock(store, p, resolved, ctx)));
  if (!resolved.verbose) return policyTable(policies, resolved.wide, ctx);
  return joinBlocks(
    policies.flatMap((p) => [
      policyTable([p], resolved.wide, ctx),
      mmMethodLines(p.mmsecmethods),
      rulesLines(store, numberedRules(p), resolved, ctx),
    ]),
  );
}

/** `name=X` or `all` of `show policy`. */
export type PolicyTarget = { readonly name: string } | { readonly all: true };

/** `show policy name=X | all [level=] [format=] [wide=]`. */
export function showPolicy(store: PolicyStore, target: PolicyTarget, layout: ShowLayout, ctx: ShowContext): ShowResult {
  if ('all' in target) return ok(toText(policiesLines(store, store.policies, layout, ctx)));
  const policy = findPolicy(store, target.name);
  if (!policy) return fail(errors.policyNotFound(target.name));
  return ok(toText(policiesLines(store, [policy], layout, ctx)));
}
