/**
 * Tab completion from the same tables: command and context words, `tag=` names, keyword
 * values, and names of existing objects through deps.objectNames.
 */
import { boundParams, nextPositional } from './args.js';
import { GENERIC_VERBS } from './generic.js';
import type { CommandSpec, NetshContext, ParamSpec } from './grammar.js';
import { NETSH_ROOT } from './contexts/index.js';
import { contextAt, firstWordEntries, groupCommands, matchEntry, matchName, ownEntries } from './resolve.js';
import type { NetshDeps, NetshSession } from './state.js';
import { tokenize, type Token } from './tokenize.js';

export interface Completion {
  /** The end of the line that the candidates replace ('' after a space). */
  readonly fragment: string;
  /** Whole replacements for `fragment`. */
  readonly candidates: readonly string[];
}

type Position =
  | { readonly kind: 'context'; readonly context: NetshContext; readonly first: boolean }
  | { readonly kind: 'group'; readonly context: NetshContext; readonly verb: string }
  | { readonly kind: 'command'; readonly command: CommandSpec; readonly args: Token[] };

/** Follows the words before the fragment through the tables; undefined when they lead nowhere. */
function walk(context: NetshContext, words: readonly Token[]): Position | undefined {
  let pos: Position = { kind: 'context', context, first: true };
  for (const word of words) {
    if (pos.kind === 'command') {
      pos.args.push(word);
      continue;
    }
    if (pos.kind === 'group') {
      const command: CommandSpec | undefined = matchName(word.text, groupCommands(pos.context, pos.verb), (c) => c.object ?? '');
      if (!command) return undefined;
      pos = { kind: 'command', command, args: [] };
      continue;
    }
    const entry = matchEntry(word.text, pos.first ? firstWordEntries(pos.context) : ownEntries(pos.context));
    if (entry === undefined) return undefined;
    // After pushd comes a whole command; after help, the words it explains.
    if (entry.kind === 'generic') {
      if (entry.verb.action !== 'pushd' && entry.verb.action !== 'help') return undefined;
      pos = { kind: 'context', context: pos.context, first: entry.verb.action === 'pushd' };
    } else if (entry.kind === 'context') pos = { kind: 'context', context: entry.context, first: false };
    else if (entry.kind === 'group') pos = { kind: 'group', context: pos.context, verb: entry.group.verb };
    else pos = { kind: 'command', command: entry.command, args: [] };
  }
  return pos;
}

const quote = (value: string) => (/\s/.test(value) ? `"${value}"` : value);
const startsWith = (prefix: string) => (word: string) => word.toLowerCase().startsWith(prefix.toLowerCase());

const SERVER_WORDS = ['DNS', 'WINS', 'DHCP', 'GATEWAY'];

function valueWords(param: ParamSpec, deps: NetshDeps): string[] {
  const type = param.type;
  const names = param.names ? [...(deps.objectNames?.(param.names) ?? [])] : [];
  switch (type.kind) {
    case 'yesno':
      return ['yes', 'no'];
    case 'enum':
      return [...type.values];
    case 'protocol':
      return ['ANY', 'ICMP', 'TCP', 'UDP', 'RAW'];
    case 'address':
      return type.forms.flatMap((f) => (f === 'me' || f === 'any' ? [f] : f === 'server' ? SERVER_WORDS : []));
    case 'custom':
      return [...(type.keywords ?? []), ...names];
    default:
      return names;
  }
}

function completeArgs(command: CommandSpec, args: readonly Token[], fragment: Token | undefined, deps: NetshDeps): string[] {
  const typed = fragment?.text ?? '';
  if (fragment && fragment.eq > 0) {
    const param = matchName(typed.slice(0, fragment.eq), command.params, (q) => q.tag);
    if (!param || param.presence === 'flag') return [];
    const prefix = typed.slice(fragment.eq + 1);
    return valueWords(param, deps).filter(startsWith(prefix)).map((v) => `${param.tag}=${quote(v)}`);
  }
  const filled = boundParams(command, args);
  const open = (q: ParamSpec) => q.presence === 'repeated' || !filled.includes(q);
  const groupOpen = (q: ParamSpec) => q.group === undefined || !filled.some((f) => f.group === q.group);
  const tags = command.params.filter((q) => open(q) && groupOpen(q)).map((q) => (q.presence === 'flag' ? q.tag : `${q.tag}=`));
  const next = nextPositional(command, filled);
  const values = next ? valueWords(next, deps).filter(startsWith(typed)).map(quote) : [];
  return [...tags.filter(startsWith(typed)), ...values];
}

function completeWords(pos: Exclude<Position, { kind: 'command' }>, typed: string): string[] {
  if (pos.kind === 'group') return groupCommands(pos.context, pos.verb).map((c) => c.object ?? '').filter(startsWith(typed));
  const generic = new Set(GENERIC_VERBS.map((v) => v.name));
  const entries = pos.first ? firstWordEntries(pos.context) : ownEntries(pos.context);
  return entries.map((e) => e.name).filter((name) => /^[a-z]/.test(name) && (pos.first || !generic.has(name))).filter(startsWith(typed));
}

/** Candidates for the word being typed at the end of `line`, in the session's context. */
export function completeNetshLine(state: NetshSession, line: string, deps: NetshDeps = {}): Completion {
  const root = deps.root ?? NETSH_ROOT;
  const tokens = tokenize(line);
  const last = tokens[tokens.length - 1];
  const atWordEnd = last !== undefined && (last.open || last.start + last.raw.length === line.length);
  const fragment = atWordEnd ? last : undefined;
  const words = atWordEnd ? tokens.slice(0, -1) : tokens;
  const pos = walk(contextAt(root, state.path) ?? root, words);
  const typed = fragment?.raw ?? '';
  if (!pos) return { fragment: typed, candidates: [] };
  const found = pos.kind === 'command' ? completeArgs(pos.command, pos.args, fragment, deps) : completeWords(pos, fragment?.text ?? '');
  return { fragment: typed, candidates: [...new Set(found)] };
}
