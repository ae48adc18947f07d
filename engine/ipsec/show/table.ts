import { TABLE_GAP, TABLE_MIN_COLUMN, TABLE_WIDTH } from './labels.js';
import { truncate } from './text.js';

/*
 * `format=table`: a header, a dash line, one row per object. Columns are as wide as their
 * widest cell; `wide=no` narrows the columns marked `shrink` (names, addresses) until the row
 * fits TABLE_WIDTH, cutting long values (reference §2.9: "wide=no truncates long names").
 */

export interface Column {
  readonly header: string;
  /** May be narrowed (and its values cut) under `wide=no`. */
  readonly shrink?: boolean;
}

function naturalWidths(columns: readonly Column[], rows: readonly (readonly string[])[]): number[] {
  return columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
}

function total(widths: readonly number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + TABLE_GAP * Math.max(widths.length - 1, 0);
}

/** Takes one character at a time from the widest shrinkable column, so cuts spread evenly. */
function fitWidths(columns: readonly Column[], widths: number[]): number[] {
  const out = [...widths];
  while (total(out) > TABLE_WIDTH) {
    let widest = -1;
    out.forEach((w, i) => {
      const floor = Math.min(TABLE_MIN_COLUMN, widths[i] ?? 0);
      if (columns[i]?.shrink && w > floor && (widest < 0 || w > (out[widest] ?? 0))) widest = i;
    });
    if (widest < 0) break; // nothing left to narrow: the row stays too long
    out[widest] = (out[widest] ?? 0) - 1;
  }
  return out;
}

function renderRow(cells: readonly string[], widths: readonly number[]): string {
  const gap = ' '.repeat(TABLE_GAP);
  return widths
    .map((w, i) => truncate(cells[i] ?? '', w).padEnd(w))
    .join(gap)
    .trimEnd();
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], wide: boolean): string[] {
  const natural = naturalWidths(columns, rows);
  const widths = wide ? natural : fitWidths(columns, natural);
  return [
    renderRow(
      columns.map((c) => c.header),
      widths,
    ),
    '-'.repeat(total(widths)),
    ...rows.map((r) => renderRow(r, widths)),
  ];
}
