import { LABEL_WIDTH, NO, NONE, TRUNCATION_MARK, YES } from './labels.js';

/* Small text helpers shared by every layout. A layout is built as lines; blocks join with one blank line. */

/** `Label<padding>: value`; a label longer than the width still gets one space. */
export function field(label: string, value: string, width: number = LABEL_WIDTH): string {
  return `${label.padEnd(width - 1)} : ${value}`.trimEnd();
}

export function yesNo(value: boolean): string {
  return value ? YES : NO;
}

/** Free text that may be empty (descriptions) reads `NONE` when empty. */
export function orNone(text: string | null | undefined): string {
  return text === null || text === undefined || text.trim() === '' ? NONE : text;
}

/** A title and a dash line of the same length. */
export function underlined(title: string): string[] {
  return [title, '-'.repeat(title.length)];
}

/** Joins non-empty blocks of lines with one blank line between them. */
export function joinBlocks(blocks: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...block);
  }
  return out;
}

/** Final text: one line each, ending in a newline; nothing at all for no lines. */
export function toText(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Cuts text to `width` characters, marking the cut. */
export function truncate(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= TRUNCATION_MARK.length) return text.slice(0, Math.max(width, 0));
  return text.slice(0, width - TRUNCATION_MARK.length) + TRUNCATION_MARK;
}
