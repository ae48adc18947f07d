import type { Action } from '../actions.js';
import { parseDuration } from './duration.js';

/** One runnable line of a lab script, with where it came from. */
export interface ScriptStep {
  readonly line: number;
  readonly action: Action;
}

export interface ScriptProblem {
  readonly line: number;
  readonly message: string;
}

export type ParsedScript =
  | { readonly ok: true; readonly steps: readonly ScriptStep[] }
  | { readonly ok: false; readonly problems: readonly ScriptProblem[] };

const HOST_LINE = /^([A-Za-z0-9][A-Za-z0-9-]{0,14})>\s?(.*)$/;

/**
 * Reads a lab script: `HOST> command` lines, `@advance 90m` clock lines, `#` comments and blank
 * lines. Every problem is reported with its line number and nothing runs unless all lines are good.
 */
export function parseScript(text: string, knownHosts: readonly string[]): ParsedScript {
  const hosts = new Map(knownHosts.map((h) => [h.toUpperCase(), h]));
  const steps: ScriptStep[] = [];
  const problems: ScriptProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const result = parseLine(trimmed, hosts);
    if (typeof result === 'string') problems.push({ line, message: result });
    else steps.push({ line, action: result });
  });
  return problems.length ? { ok: false, problems } : { ok: true, steps };
}

function parseLine(text: string, hosts: Map<string, string>): Action | string {
  if (text.startsWith('@')) return parseDirective(text);
  const match = HOST_LINE.exec(text);
  if (!match) return 'expected "HOST> command", "@advance TIME" or a # comment';
  const [, name = '', command = ''] = match;
  const host = hosts.get(name.toUpperCase());
  if (!host) return `there is no host named ${name} in this lab (${[...hosts.values()].join(', ')})`;
  return { type: 'command', host, line: command };
}

function parseDirective(text: string): Action | string {
  const [word, ...rest] = text.slice(1).split(/\s+/);
  if (word?.toLowerCase() !== 'advance') return `unknown directive @${word ?? ''}; the one directive is @advance TIME`;
  const ms = parseDuration(rest.join(''));
  if (ms === null) return 'give @advance a time such as 90m, 1h30m, 45s or 2d';
  return { type: 'advance', ms };
}
