import { filterAddressMask, formatFilterAddress } from '../address.js';
import { errors } from '../errors.js';
import { parseIpv4, prefixFromMask } from '../ipv4.js';
import { ok } from '../result.js';
import type { Filter, FilterAddress, FilterList, PolicyStore } from '../types.js';
import {
  ANY,
  ANY_ADDRESS,
  COLUMN,
  L,
  ME_ADDRESS,
  PROTOCOL_NAME,
  SERVER_ADDRESS,
  TITLE,
} from './labels.js';
import { hasTimes, modifiedText, provenanceLines, resolveLayout, type ShowContext, type ShowLayout, type ShowResult } from './options.js';
import { renderTable, type Column } from './table.js';
import { selectObjects, type ObjectTarget } from './targets.js';
import { field, joinBlocks, orNone, toText, underlined, yesNo } from './text.js';

/* `show filterlist` (reference §4.2) and the filter blocks `show rule` reuses. */

/** The `Source IP Address` value: keywords in angle brackets, a name by what it resolved to. */
export function addressText(address: FilterAddress): string {
  switch (address.kind) {
    case 'me':
      return ME_ADDRESS;
    case 'any':
      return ANY_ADDRESS;
    case 'server':
      return SERVER_ADDRESS[address.server];
    case 'dns':
      return address.addresses.length > 0 ? address.addresses.join(', ') : address.name;
    default:
      return formatFilterAddress(address);
  }
}

/**
 * The `Source DNS Name` value: the name typed for a DNS filter; with `resolvedns=yes` a
 * reverse lookup of a single address; otherwise the same text as the address line [R].
 */
export function dnsNameText(address: FilterAddress, resolve?: (ip: string) => string | undefined): string {
  if (address.kind === 'dns') return address.name;
  if (address.kind === 'host' && resolve) return resolve(address.address) ?? address.address;
  return addressText(address);
}

export function protocolText(protocol: number): string {
  return PROTOCOL_NAME[protocol] ?? String(protocol);
}

export function portText(port: number): string {
  return port === 0 ? ANY : String(port);
}

type Resolver = ((ip: string) => string | undefined) | undefined;

/** One filter as a list block; an empty filter description prints blank, as in §4.2. */
export function filterLines(filter: Filter, resolve: Resolver): string[] {
  return [
    field(L.description, filter.description),
    field(L.mirrored, yesNo(filter.mirrored)),
    field(L.srcAddress, addressText(filter.srcaddr)),
    field(L.srcMask, filterAddressMask(filter.srcaddr)),
    field(L.srcDns, dnsNameText(filter.srcaddr, resolve)),
    field(L.dstAddress, addressText(filter.dstaddr)),
    field(L.dstMask, filterAddressMask(filter.dstaddr)),
    field(L.dstDns, dnsNameText(filter.dstaddr, resolve)),
    field(L.protocol, protocolText(filter.protocol)),
    field(L.srcPort, portText(filter.srcport)),
    field(L.dstPort, portText(filter.dstport)),
  ];
}

const FILTER_COLUMNS: readonly Column[] = [
  { header: COLUMN.mirrored },
  { header: COLUMN.srcAddress, shrink: true },
  { header: COLUMN.dstAddress, shrink: true },
  { header: COLUMN.protocol },
  { header: COLUMN.srcPort },
  { header: COLUMN.dstPort },
];

/**
 * A table cell holds address and mask together (`10.1.0.0/16`) [R]: with a column for each
 * mask, a Me-to-Any row alone is 93 characters and `wide=no` would have to cut addresses.
 */
function addressCell(address: FilterAddress, resolve: Resolver): string {
  const text = resolve ? dnsNameText(address, resolve) : addressText(address);
  if (address.kind !== 'subnet') return text;
  return `${text}/${prefixFromMask(parseIpv4(address.mask) ?? 0) ?? address.mask}`;
}

/** The filters of a list as a table; with resolvedns the address columns show names. */
export function filterTable(filters: readonly Filter[], wide: boolean, resolve: Resolver): string[] {
  const rows = filters.map((f) => [
    yesNo(f.mirrored),
    addressCell(f.srcaddr, resolve),
    addressCell(f.dstaddr, resolve),
    protocolText(f.protocol),
    portText(f.srcport),
    portText(f.dstport),
  ]);
  return renderTable(FILTER_COLUMNS, rows, wide);
}

function listBlock(store: PolicyStore, list: FilterList, verbose: boolean, ctx: ShowContext, resolve: Resolver): string[] {
  const header = [
    field(L.filterListName, list.name),
    field(L.description, orNone(list.description)),
    ...provenanceLines(store, ctx, list.id, verbose),
    field(L.filterCount, String(list.filters.length)),
  ];
  if (!verbose || list.filters.length === 0) return header;
  const filters = joinBlocks(list.filters.map((f) => filterLines(f, resolve)));
  return [...header, '', ...underlined(TITLE.filters), ...filters];
}

function listTable(lists: readonly FilterList[], wide: boolean, ctx: ShowContext): string[] {
  const times = hasTimes(ctx);
  const columns: Column[] = [{ header: COLUMN.filterListName, shrink: true }, { header: COLUMN.filterCount }];
  if (times) columns.push({ header: COLUMN.lastModified });
  const rows = lists.map((l) => {
    const row = [l.name, String(l.filters.length)];
    if (times) row.push(modifiedText(ctx, l.id) ?? '');
    return row;
  });
  return renderTable(columns, rows, wide);
}

export interface FilterListLayout extends ShowLayout {
  /** Default no. */
  readonly resolvedns?: boolean;
}

/** The lines of several filter lists in one layout (also used by `show all`). */
export function filterListsLines(
  store: PolicyStore,
  lists: readonly FilterList[],
  layout: FilterListLayout,
  ctx: ShowContext,
): string[] {
  const { verbose, table, wide } = resolveLayout(layout);
  const resolve = layout.resolvedns ? (ctx.resolveDns ?? (() => undefined)) : undefined;
  if (lists.length === 0) return [];
  if (!table) return joinBlocks(lists.map((l) => listBlock(store, l, verbose, ctx, resolve)));
  if (!verbose) return listTable(lists, wide, ctx);
  return joinBlocks(
    lists.flatMap((l) => [listTable([l], wide, ctx), l.filters.length > 0 ? filterTable(l.filters, wide, resolve) : []]),
  );
}

/** `show filterlist name=X | rule=Y | all [level=] [format=] [resolvedns=] [wide=]`. */
export function showFilterList(
  store: PolicyStore,
  target: ObjectTarget,
  layout: FilterListLayout,
  ctx: ShowContext,
): ShowResult {
  const selected = selectObjects(store, store.filterLists, target, (r) => r.filterListId, errors.filterListNotFound);
  if (!selected.ok) return selected;
  return ok(toText(filterListsLines(store, selected.value, layout, ctx)));
}
