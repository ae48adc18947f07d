/**
 * Layout helpers for netsh listings, shared with the SA and statistics listings (§4.5-§4.7):
 * `Label<pad> : value` lines, underlined headings and fixed-width tables. Pure string work.
 */
import { toPrintable } from '../text/printable.js';
import { NO, YES } from './labels.js';

/** `Policy Name            : x` — labels padded to 23 in the list form (§4.1-§4.3). */
export const LIST_LABEL_WIDTH = 23;
/** `Active Acquire                  : 0` — the statistics lists pad to 32 (§4.7). */
export const STATS_LABEL_WIDTH = 32;
/** `wide=no` keeps table rows within 80 columns (§2.9). */
export const NARROW_LINE_WIDTH = 80;

/** `label` padded to `width`, then `: value`; a longer label still gets one space. */
export function labelLine(label: string, value: string | number, width: number = LIST_LABEL_WIDTH): string {
  const pad = ' '.repeat(Math.max(1, width - label.length));
  return `${label}${pad}: ${value}`.trimEnd();
}

/** A further value of a multi-valued label, aligned under the first value. */
export function continuationLine(value: string, width: number = LIST_LABEL_WIDTH): string {
  return `${' '.repeat(width + 2)}${value}`;
}

/** One label with several values: the first on the label's line, the rest aligned below. */
export function labelLines(label: string, values: readonly string[], empty: string, width: number = LIST_LABEL_WIDTH): string[] {
  const [first, ...rest] = values;
  if (first === undefined) return [labelLine(label, empty, width)];
  return [labelLine(label, first, width), ...rest.map((v) => continuationLine(v, width))];
}

/** A title and a dashed rule of the same length. */
export function heading(title: string): string[] {
  return [title, '-'.repeat(title.length)];
}

export function yesNo(value: boolean): string {
  return value ? YES : NO;
}

/** Text a user typed (names, keys), made safe to print. */
export function userText(text: string): string {
  return toPrintable(text);
}

export interface TableColumn {
  readonly header: string;
  readonly width: number;
  /** Width under `wide=no`; longer values are cut. Default: the same as width. */
  readonly narrowWidth?: number;
}

export interface TableOptions {
  /** `wide=no` cuts cells to narrowWidth. Default yes. */
  readonly wide?: boolean;
  /** Length of the dashed rule under the header; default the header row's length. */
  readonly ruleLength?: number;
}

/** Pads to width; a value that does not fit overflows and is followed by one space. */
export function cell(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

/** Narrow cells hold width-1 characters and a space; the last column may run to the line end. */
function fitted(text: string, column: TableColumn, wide: boolean, last: boolean): string {
  const width = wide ? column.width : (column.narrowWidth ?? column.width);
  if (wide || last || text.length < width) return cell(text, width);
  return cell(text.slice(0, Math.max(1, width - 1)), width);
}

/** Header, dashed rule, then one line per row; trailing spaces trimmed. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const wide = options.wide ?? true;
  const line = (cells: readonly string[]) =>
    columns.map((column, i) => fitted(cells[i] ?? '', column, wide, i === columns.length - 1)).join('').trimEnd();
  const header = line(columns.map((c) => c.header));
  const rule = '-'.repeat(options.ruleLength ?? header.length);
  return [header, rule, ...rows.map(line)];
}

/** Blocks separated by one blank line; the whole text ends with a newline. */
export function joinBlocks(blocks: readonly (readonly string[])[]): string {
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}

/**
 * An underlined title over its blocks (blank-line separated once joined), with optional
 * summary lines under the title; `empty` stands in when there are no blocks.
 */
export function section(title: string, blocks: readonly (readonly string[])[], empty: string, summary: readonly string[] = []): string[][] {
  const top = [...heading(title), ...summary];
  const [first, ...rest] = blocks;
  if (first === undefined) return [[...top, empty]];
  return [[...top, ...(summary.length > 0 ? [''] : []), ...first], ...rest.map((b) => [...b])];
}
