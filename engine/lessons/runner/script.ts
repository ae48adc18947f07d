import type { Action } from '../../actions.js';
import { parseLines, type LineProblem, type ScriptHost } from '../script/parse.js';

/*
 * A student's session as a script, for `ipsec-lab run --pack`: the lines of solution.txt
 * (`HOST> command`, `@advance 90m`, `@action {json}`) plus what a student does in the lesson
 * pane: `@hint`, `@undo`, `@reset`, `@restore STEP`, `@solution`.
 */

export type SessionOp =
  | { readonly op: 'action'; readonly action: Action }
  | { readonly op: 'hint' }
  | { readonly op: 'undo' }
  | { readonly op: 'reset' }
  | { readonly op: 'restore'; readonly step: string }
  | { readonly op: 'solution' };

export interface ScriptOp {
  readonly line: number;
  readonly text: string;
  readonly op: SessionOp;
}

const PANE = /^@(hint|undo|reset|solution|restore)(?:\s+(\S+))?\s*$/i;

function paneOp(text: string): SessionOp | string | null {
  const m = PANE.exec(text);
  if (!m) return null;
  const word = (m[1] ?? '').toLowerCase();
  const arg = m[2];
  if (word === 'restore') return arg ? { op: 'restore', step: arg } : '@restore needs the id of a step: @restore STEP';
  if (arg !== undefined) return `@${word} takes nothing after it`;
  return { op: word as 'hint' | 'undo' | 'reset' | 'solution' };
}

/** Reads a session script; every bad line is reported and nothing is applied here. */
export function parseSessionScript(text: string, hosts: readonly ScriptHost[]): { ops: ScriptOp[]; problems: LineProblem[] } {
  const ops: ScriptOp[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    const pane = paneOp(trimmed);
    if (typeof pane === 'string') problems.push({ line, column: 1, message: pane });
    else if (pane) ops.push({ line, text: trimmed, op: pane });
    else {
      const parsed = parseLines([raw], hosts, line);
      problems.push(...parsed.problems);
      for (const a of parsed.actions) ops.push({ line, text: a.text, op: { op: 'action', action: a.action } });
    }
  });
  return { ops, problems };
}
