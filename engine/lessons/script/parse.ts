import type { Action } from '../../actions.js';
import { ouPathToDn } from '../../directory/build.js';
import { domainDn } from '../../directory/types.js';
import { parseScript } from '../../script/parse-script.js';
import { validateAgainst } from '../schema/validate.js';
import { ACTION_NODES, DOMAIN_CHANGE_NODES } from './action-nodes.js';

/*
 * Solution and setup scripts: `HOST> command` and `@advance 90m` lines as `ipsec-lab run`
 * reads them, plus `@action {json}` for what a student does in the GUI (a GPO linked, a
 * computer moved). Containers may be written as OU paths (`Servers/Test`) or `.` for the domain.
 */

export interface ScriptAction {
  /** 1-based line in the script text. */
  readonly line: number;
  readonly text: string;
  readonly action: Action;
}

export interface LineProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ScriptHost {
  readonly name: string;
  readonly domain: string | null;
}

export interface ParsedLines {
  readonly actions: readonly ScriptAction[];
  readonly problems: readonly LineProblem[];
}

const ACTION_PREFIX = /^@action\s+/i;

/** `Servers/Test` → its DN in the domain, `.` → the domain; a DN is kept as written. */
export function toContainerDn(domain: string, container: string): string {
  if (container === '.' || container === '') return domainDn(domain.toLowerCase());
  return container.includes('=') ? container : ouPathToDn(domain.toLowerCase(), container);
}

function withDns(action: Action, hosts: readonly ScriptHost[]): Action {
  if (action.type === 'move-computer' && action.ou !== null) {
    const domain = hosts.find((h) => h.name.toLowerCase() === action.host.toLowerCase())?.domain;
    return domain ? { ...action, ou: toContainerDn(domain, action.ou) } : action;
  }
  if (action.type !== 'directory') return action;
  const change = { ...action.change } as Record<string, unknown>;
  for (const key of ['container', 'parent']) {
    if (typeof change[key] === 'string') change[key] = toContainerDn(action.domain, change[key]);
  }
  return { ...action, change: change as typeof action.change };
}

function parseActionJson(json: string): Action | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `@action needs one JSON object on the line: ${(error as Error).message}`;
  }
  const type = (value as { type?: unknown } | null)?.type;
  const node = typeof type === 'string' ? ACTION_NODES[type] : undefined;
  if (!node) return `@action needs "type": one of ${Object.keys(ACTION_NODES).join(', ')}`;
  const { change, ...rest } = value as { change?: unknown };
  const problems = validateAgainst(node, type === 'directory' ? rest : value);
  if (type !== 'directory' && change !== undefined) problems.push({ path: ['change'], message: 'unknown field "change"' });
  const op = (value as { change?: { op?: unknown } }).change?.op;
  const changeNode = type === 'directory' ? (typeof op === 'string' ? DOMAIN_CHANGE_NODES[op] : undefined) : undefined;
  if (type === 'directory' && !changeNode) return `a directory action needs "change.op": one of ${Object.keys(DOMAIN_CHANGE_NODES).join(', ')}`;
  if (changeNode) problems.push(...validateAgainst(changeNode, (value as { change: unknown }).change, ['change']));
  const first = problems[0];
  return first ? `@action: ${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}` : (value as Action);
}

function parseOne(text: string, hosts: readonly ScriptHost[]): Action | string | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  if (ACTION_PREFIX.test(trimmed)) {
    const action = parseActionJson(trimmed.replace(ACTION_PREFIX, ''));
    return typeof action === 'string' ? action : withDns(action, hosts);
  }
  const parsed = parseScript(trimmed, hosts.map((h) => h.name));
  if (!parsed.ok) {
    const message = parsed.problems[0]?.message ?? 'not a script line';
    return trimmed.startsWith('@') ? `${message.replace('the one directive is @advance TIME', 'directives are @advance TIME and @action {json}')}` : message;
  }
  return parsed.steps[0]?.action ?? null;
}

/** Reads script lines; every bad line is reported, and nothing is applied here. */
export function parseLines(lines: readonly string[], hosts: readonly ScriptHost[], firstLine = 1): ParsedLines {
  const actions: ScriptAction[] = [];
  const problems: LineProblem[] = [];
  lines.forEach((text, i) => {
    const line = firstLine + i;
    const result = parseOne(text, hosts);
    if (typeof result === 'string') problems.push({ line, column: 1 + (text.length - text.trimStart().length), message: result });
    else if (result) actions.push({ line, text: text.trim(), action: result });
  });
  return { actions, problems };
}

export function parseScriptText(text: string, hosts: readonly ScriptHost[]): ParsedLines {
  return parseLines(text.split(/\r?\n/), hosts);
}
