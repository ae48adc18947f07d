import { formatIpsecError, type IpsecError } from '../errors.js';
import type { Result } from '../result.js';
import type { PolicyStore } from '../types.js';
import { objectGuid } from './guid.js';
import { L, storeName } from './labels.js';
import { field } from './text.js';

/* What every `show` layout takes besides the store, and the lines all object headers share. */

/** `level=` (reference §2.9; the grammar's values are verbose|normal, default normal). */
export type ShowLevel = 'verbose' | 'normal';
export type ShowFormat = 'list' | 'table';

export interface ShowLayout {
  /** Default normal. */
  readonly level?: ShowLevel;
  /** Default list. */
  readonly format?: ShowFormat;
  /** Default yes; `no` narrows table columns to fit 80 columns. Lists ignore it. */
  readonly wide?: boolean;
}

/** Facts about the host that the store model does not hold; the caller supplies them. */
export interface ShowContext {
  /** Owner shown for the local and persistent stores: `Local Store <SERVER01>`. */
  readonly computerName: string;
  /** Owner shown for the domain store; the computer name when left out. */
  readonly domain?: string;
  /**
   * Renders a simulated-clock time as Windows prints it (`11/20/2003 10:14:56 AM`). With
   * `lastModified`, it turns on the `Last Modified` lines and columns.
   */
  readonly formatTime?: (ms: number) => string;
  /** When an object (by id) last changed, in simulated ms; the store model keeps no times. */
  readonly lastModified?: (objectId: string) => number | undefined;
  /** Reverse lookup of an IPv4 address for `resolvedns=yes`. */
  readonly resolveDns?: (address: string) => string | undefined;
}

/** The text netsh prints, or the store error it prints instead. */
export type ShowResult = Result<string, IpsecError>;

/** What the console shows: the listing, or `ERR IPsec[NNNNN] : …` on its own line. */
export function showText(result: ShowResult): string {
  return result.ok ? result.value : `${formatIpsecError(result.error)}\n`;
}

export interface ResolvedLayout {
  readonly verbose: boolean;
  readonly table: boolean;
  readonly wide: boolean;
}

export function resolveLayout(layout: ShowLayout = {}): ResolvedLayout {
  return { verbose: layout.level === 'verbose', table: layout.format === 'table', wide: layout.wide ?? true };
}

export function storeLabel(store: Pick<PolicyStore, 'location'>, ctx: ShowContext): string {
  return storeName(store.location, store.location === 'domain' ? (ctx.domain ?? ctx.computerName) : ctx.computerName);
}

/** The formatted change time of an object, or null when the caller keeps no times. */
export function modifiedText(ctx: ShowContext, objectId: string): string | null {
  if (!ctx.formatTime || !ctx.lastModified) return null;
  const ms = ctx.lastModified(objectId);
  return ms === undefined ? null : ctx.formatTime(ms);
}

/** Whether tables get a `Last Modified` column at all. */
export function hasTimes(ctx: ShowContext): boolean {
  return ctx.formatTime !== undefined && ctx.lastModified !== undefined;
}

/** `Store`, `Last Modified` and (verbose) `GUID`: the lines between name/description and the details. */
export function provenanceLines(store: PolicyStore, ctx: ShowContext, objectId: string, verbose: boolean): string[] {
  const lines = [field(L.store, storeLabel(store, ctx))];
  const modified = modifiedText(ctx, objectId);
  if (modified !== null) lines.push(field(L.lastModified, modified));
  if (verbose) lines.push(field(L.guid, objectGuid(objectId)));
  return lines;
}
