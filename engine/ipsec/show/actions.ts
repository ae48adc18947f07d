import { errors } from '../errors.js';
import { ok } from '../result.js';
import type { FilterAction, FilterActionKind, MmOffer, PolicyStore, QmOffer } from '../types.js';
import { ACTION, COLUMN, DH_GROUP, L, MM_TABLE, NONE, QM_TABLE, TITLE } from './labels.js';
import { hasTimes, modifiedText, provenanceLines, resolveLayout, type ShowContext, type ShowLayout, type ShowResult } from './options.js';
import { renderTable, type Column } from './table.js';
import { selectObjects, type ObjectTarget } from './targets.js';
import { field, joinBlocks, orNone, toText, yesNo } from './text.js';

/* `show filteraction` and the method tables of §4.1 / §4.3, shared with policies and rules. */

/** `Main Mode Security Methods` with its fixed-width table (§4.1). */
export function mmMethodLines(offers: readonly MmOffer[]): string[] {
  const [enc, integ] = MM_TABLE.widths;
  const rows = offers.map((o) => `${o.encryption.padEnd(enc)}${o.integrity.padEnd(integ)}${DH_GROUP[o.dhGroup]}`);
  return [TITLE.mmMethods, MM_TABLE.header, MM_TABLE.dashes, ...rows];
}

function qmRow(offer: QmOffer): string {
  const [ah, conf, integ] = QM_TABLE.widths;
  const esp = offer.esp ?? { confidentiality: 'None', integrity: 'None' };
  const lifetime = `${offer.lifetimeKBytes}/${offer.lifetimeSeconds}`;
  return `${(offer.ah ?? 'None').padEnd(ah)}${esp.confidentiality.padEnd(conf)}${esp.integrity.padEnd(integ)}${lifetime}`;
}

/** `Security Methods` with its fixed-width table (§4.3); lifetimes are the offer's own. */
export function qmMethodLines(offers: readonly QmOffer[]): string[] {
  return [TITLE.qmMethods, QM_TABLE.header, QM_TABLE.dashes, ...offers.map(qmRow)];
}

/** What an action does; the negotiation lines only mean something for negotiate [R]. */
export interface ActionDetails {
  readonly action: FilterActionKind;
  readonly soft: boolean;
  readonly inpass: boolean;
  readonly qmpfs: boolean;
  readonly qmsecmethods: readonly QmOffer[];
}

export function actionDetailLines(details: ActionDetails): string[] {
  const lines = [field(L.action, ACTION[details.action])];
  if (details.action !== 'negotiate') return lines;
  return [
    ...lines,
    field(L.soft, yesNo(details.soft)),
    field(L.inpass, yesNo(details.inpass)),
    field(L.qmpfs, yesNo(details.qmpfs)),
    ...qmMethodLines(details.qmsecmethods),
  ];
}

function actionBlock(store: PolicyStore, action: FilterAction, verbose: boolean, ctx: ShowContext): string[] {
  const header = [
    field(L.filterActionName, action.name),
    field(L.description, orNone(action.description)),
    ...provenanceLines(store, ctx, action.id, verbose),
  ];
  return verbose ? [...header, ...actionDetailLines(action)] : [...header, field(L.action, ACTION[action.action])];
}

function actionTable(actions: readonly FilterAction[], verbose: boolean, wide: boolean, ctx: ShowContext): string[] {
  const times = hasTimes(ctx);
  const columns: Column[] = [{ header: COLUMN.filterActionName, shrink: true }, { header: COLUMN.action }];
  if (verbose) columns.push({ header: COLUMN.soft }, { header: COLUMN.inpass }, { header: COLUMN.qmpfs });
  if (times) columns.push({ header: COLUMN.lastModified });
  const rows = actions.map((a) => {
    const negotiate = a.action === 'negotiate';
    const flag = (value: boolean) => (negotiate ? yesNo(value) : NONE);
    const row = [a.name, ACTION[a.action]];
    if (verbose) row.push(flag(a.soft), flag(a.inpass), flag(a.qmpfs));
    if (times) row.push(modifiedText(ctx, a.id) ?? '');
    return row;
  });
  return renderTable(columns, rows, wide);
}

/** The lines of several filter actions in one layout (also used by `show all`). */
export function filterActionsLines(
  store: PolicyStore,
  actions: readonly FilterAction[],
  layout: ShowLayout,
  ctx: ShowContext,
): string[] {
  const { verbose, table, wide } = resolveLayout(layout);
  if (actions.length === 0) return [];
  if (!table) return joinBlocks(actions.map((a) => actionBlock(store, a, verbose, ctx)));
  if (!verbose) return actionTable(actions, false, wide, ctx);
  return joinBlocks(
    actions.flatMap((a) => [
      actionTable([a], true, wide, ctx),
      a.action === 'negotiate' ? qmMethodLines(a.qmsecmethods) : [],
    ]),
  );
}

/** `show filteraction name=X | rule=Y | all [level=] [format=] [wide=]`. */
export function showFilterAction(
  store: PolicyStore,
  target: ObjectTarget,
  layout: ShowLayout,
  ctx: ShowContext,
): ShowResult {
  const selected = selectObjects(store, store.filterActions, target, (r) => r.filterActionId, errors.filterActionNotFound);
  if (!selected.ok) return selected;
  return ok(toText(filterActionsLines(store, selected.value, layout, ctx)));
}
