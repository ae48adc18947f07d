/**
 * `show mmfilter` and `show qmfilter` (netsh-ipsec-2003.md §3.3): `name=` or all, generic or
 * specific, narrowed by the address/protocol/port/action values given. [R layout]
 */
import { sameFilterAddress } from '../ipsec/address.js';
import { fail, ok, type Result } from '../ipsec/result.js';
import { sameName } from '../ipsec/store-lookup.js';
import type { Direction, HostContext } from '../ipsec/traffic.js';
import type { FilterActionKind, FilterAddress } from '../ipsec/types.js';
import { spdError, type SpdError } from './errors.js';
import { addressLines, authLines, portText, protocolText, type DnsResolver } from './format.js';
import { ACTION, CONNECTION_TYPE, DIRECTION, EMPTY, HEADING, LABEL, ME_ADDRESS, NONE } from './labels.js';
import { joinBlocks, labelLine, section, userText, yesNo } from './layout.js';
import { effectiveMmPolicy, effectiveQmPolicy } from './lookup.js';
import { specificMmFilters, specificQmFilters } from './specific.js';
import type { MmFilter, QmFilter, Spd } from './types.js';

export interface ShowFilterOptions {
  /** One filter by name; omitted = all. */
  readonly name?: string;
  /** Default generic. */
  readonly type?: 'generic' | 'specific';
  /** Only filters with this source / destination (mask folded in). */
  readonly srcaddr?: FilterAddress;
  readonly dstaddr?: FilterAddress;
  /** Adds DNS name lines, looked up with `resolve`. */
  readonly resolvedns?: boolean;
  readonly resolve?: DnsResolver;
  /** Expands `me` and the server keywords for type=specific. */
  readonly host?: HostContext;
}

export interface ShowQmFilterOptions extends ShowFilterOptions {
  readonly protocol?: number;
  readonly srcport?: number;
  readonly dstport?: number;
  readonly actioninbound?: FilterActionKind;
  readonly actionoutbound?: FilterActionKind;
}

/** One listed filter: generic as stored, or one specific expansion with direction and weight. */
export interface FilterRow<F> {
  readonly filter: F;
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly srcport: number;
  readonly dstport: number;
  readonly specific: { readonly direction: Direction; readonly weight: number } | null;
}

function rows<F extends MmFilter | QmFilter>(filters: readonly F[], options: ShowFilterOptions, qm: boolean): FilterRow<F>[] {
  if (options.type !== 'specific') {
    return filters.map((f) => {
      const ports = 'srcport' in f ? { srcport: f.srcport, dstport: f.dstport } : { srcport: 0, dstport: 0 };
      return { filter: f, srcaddr: f.srcaddr, dstaddr: f.dstaddr, ...ports, specific: null };
    });
  }
  const expanded = qm
    ? specificQmFilters(filters as readonly QmFilter[], options.host)
    : specificMmFilters(filters as readonly MmFilter[], options.host);
  return expanded.map((s) => ({ ...s, filter: s.generic as F, specific: { direction: s.direction, weight: s.weight } }));
}

function addressWanted(row: FilterRow<unknown>, options: ShowFilterOptions): boolean {
  const src = options.srcaddr === undefined || sameFilterAddress(options.srcaddr, row.srcaddr);
  return src && (options.dstaddr === undefined || sameFilterAddress(options.dstaddr, row.dstaddr));
}

function qmWanted(row: FilterRow<QmFilter>, o: ShowQmFilterOptions): boolean {
  const f = row.filter;
  return (
    addressWanted(row, o) &&
    (o.protocol === undefined || o.protocol === f.protocol) &&
    (o.srcport === undefined || o.srcport === row.srcport) &&
    (o.dstport === undefined || o.dstport === row.dstport) &&
    (o.actioninbound === undefined || o.actioninbound === f.actioninbound) &&
    (o.actionoutbound === undefined || o.actionoutbound === f.actionoutbound)
  );
}

/** Mirrored for a generic filter; direction and weight for a specific one. */
function shapeLines(row: FilterRow<MmFilter | QmFilter>): string[] {
  if (!row.specific) return [labelLine(LABEL.mirrored, yesNo(row.filter.mirrored))];
  return [labelLine(LABEL.direction, DIRECTION[row.specific.direction]), labelLine(LABEL.weight, row.specific.weight)];
}

function headLines(row: FilterRow<MmFilter | QmFilter>, options: ShowFilterOptions): string[] {
  return [
    labelLine(LABEL.filterName, userText(row.filter.name)),
    labelLine(LABEL.connectionType, CONNECTION_TYPE[row.filter.conntype]),
    ...addressLines(row.srcaddr, row.dstaddr, options.resolve, options.resolvedns === true),
  ];
}

export function mmFilterBlock(spd: Spd, row: FilterRow<MmFilter>, options: ShowFilterOptions): string[] {
  const policy = effectiveMmPolicy(spd, row.filter);
  return [
    ...headLines(row, options),
    ...shapeLines(row),
    labelLine(LABEL.mmPolicy, policy ? userText(policy.name) : NONE),
    ...authLines(row.filter.authMethods),
  ];
}

export function qmFilterBlock(spd: Spd, row: FilterRow<QmFilter>, options: ShowFilterOptions): string[] {
  const f = row.filter;
  const policy = effectiveQmPolicy(spd, f);
  const tunnel = f.mode === 'tunnel' ? [labelLine(LABEL.tunnelSrc, ME_ADDRESS), labelLine(LABEL.tunnelDst, f.tunnelDst)] : [];
  return [
    ...headLines(row, options),
    ...tunnel,
    labelLine(LABEL.protocol, protocolText(f.protocol)),
    labelLine(LABEL.srcPort, portText(row.srcport)),
    labelLine(LABEL.dstPort, portText(row.dstport)),
    ...shapeLines(row),
    labelLine(LABEL.qmPolicy, policy ? userText(policy.name) : NONE),
    labelLine(LABEL.inboundAction, ACTION[f.actioninbound]),
    labelLine(LABEL.outboundAction, ACTION[f.actionoutbound]),
  ];
}

function counted(title: string, blocks: string[][], empty: string): string[][] {
  return section(title, blocks, empty, blocks.length > 0 ? [labelLine(LABEL.filterCount, blocks.length)] : []);
}

/** The MM filter section(s) of a listing; also used by `show all`. */
export function mmFilterSections(spd: Spd, filters: readonly MmFilter[], options: ShowFilterOptions): string[][] {
  const blocks = rows(filters, options, false)
    .filter((r) => addressWanted(r, options))
    .map((r) => mmFilterBlock(spd, r, options));
  const title = options.type === 'specific' ? HEADING.specificMmFilters : HEADING.genericMmFilters;
  return counted(title, blocks, EMPTY.mmFilters);
}

/** Transport section, then tunnel section (a named filter shows only its own). */
export function qmFilterSections(spd: Spd, filters: readonly QmFilter[], options: ShowQmFilterOptions, both = true): string[][] {
  const specific = options.type === 'specific';
  const part = (mode: QmFilter['mode']) => {
    const blocks = rows(filters.filter((f) => f.mode === mode), options, true)
      .filter((r) => qmWanted(r, options))
      .map((r) => qmFilterBlock(spd, r, options));
    if (mode === 'transport') {
      return counted(specific ? HEADING.specificTransportFilters : HEADING.genericTransportFilters, blocks, EMPTY.transportFilters);
    }
    return counted(specific ? HEADING.specificTunnelFilters : HEADING.genericTunnelFilters, blocks, EMPTY.tunnelFilters);
  };
  const modes = both ? (['transport', 'tunnel'] as const) : [...new Set(filters.map((f) => f.mode))];
  return modes.flatMap(part);
}

export function showMmFilter(spd: Spd, options: ShowFilterOptions = {}): Result<string, SpdError> {
  const filters = options.name === undefined ? spd.mmFilters : spd.mmFilters.filter((f) => sameName(f.name, options.name ?? ''));
  if (filters.length === 0 && options.name !== undefined) return fail(spdError('mm-filter-not-found'));
  return ok(joinBlocks(mmFilterSections(spd, filters, options)));
}

export function showQmFilter(spd: Spd, options: ShowQmFilterOptions = {}): Result<string, SpdError> {
  if (options.name === undefined) return ok(joinBlocks(qmFilterSections(spd, spd.qmFilters, options)));
  const filters = spd.qmFilters.filter((f) => sameName(f.name, options.name ?? ''));
  if (filters.length === 0) return fail(spdError('transport-filter-not-found'));
  return ok(joinBlocks(qmFilterSections(spd, filters, options, false)));
}
