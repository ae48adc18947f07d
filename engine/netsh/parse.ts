/**
 * A netsh line to a typed meaning, walking the context tables word by word: generic verbs
 * first on the line, then sub-contexts, groups and commands, each matched by unique prefix.
 */
import { parseArgs } from './args.js';
import type { NetshError } from './errors.js';
import type { GenericVerb } from './generic.js';
import type { CommandSpec, NetshContext } from './grammar.js';
import { firstWordEntries, groupCommands, matchEntry, matchName, ownEntries, type Entry } from './resolve.js';
import { isHelpWord, joinRaw, tokenize, type Token } from './tokenize.js';

export type LineParse =
  | { readonly kind: 'empty' }
  /** A generic verb (`..`, `exit`, `pushd`, `exec` ...) and the words after it. */
  | { readonly kind: 'generic'; readonly verb: GenericVerb; readonly rest: readonly Token[] }
  | { readonly kind: 'genericHelp'; readonly verb: GenericVerb }
  /** Context words with nothing after them: change to it (interactive) or list it (cmd.exe). */
  | { readonly kind: 'context'; readonly context: NetshContext }
  | { readonly kind: 'contextHelp'; readonly context: NetshContext }
  | { readonly kind: 'groupHelp'; readonly context: NetshContext; readonly verb: string }
  | { readonly kind: 'usage'; readonly command: CommandSpec }
  | {
      readonly kind: 'command';
      readonly command: CommandSpec;
      readonly args: Record<string, unknown>;
      readonly given: readonly string[];
    }
  | { readonly kind: 'error'; readonly error: NetshError };

interface Walk {
  readonly all: readonly Token[];
  readonly help: boolean;
}

function notFound(walk: Walk): LineParse {
  return { kind: 'error', error: { kind: 'notFound', line: joinRaw(walk.all) } };
}

function parseCommand(command: CommandSpec, rest: readonly Token[], walk: Walk): LineParse {
  if (walk.help) return rest.length === 0 ? { kind: 'usage', command } : notFound(walk);
  const outcome = parseArgs(command, rest);
  if (outcome.kind === 'help') return { kind: 'usage', command };
  if (outcome.kind === 'error') return { kind: 'error', error: outcome.error };
  return { kind: 'command', command, args: outcome.args, given: outcome.given };
}

function parseGroup(context: NetshContext, verb: string, rest: readonly Token[], walk: Walk): LineParse {
  const [word, ...after] = rest;
  if (word === undefined) return { kind: 'groupHelp', context, verb };
  if (isHelpWord(word)) return after.length === 0 ? { kind: 'groupHelp', context, verb } : notFound(walk);
  const command = word.quoted ? undefined : matchName(word.text, groupCommands(context, verb), (c) => c.object ?? '');
  return command ? parseCommand(command, after, walk) : notFound(walk);
}

function parseEntry(context: NetshContext, entry: Entry | undefined, rest: readonly Token[], walk: Walk): LineParse {
  switch (entry?.kind) {
    case 'context':
      return parseIn(entry.context, rest, walk);
    case 'group':
      return parseGroup(context, entry.group.verb, rest, walk);
    case 'command':
      return parseCommand(entry.command, rest, walk);
    default:
      return notFound(walk);
  }
}

/** Words after the first: sub-contexts, groups and commands of `context` (no generic verbs). */
function parseIn(context: NetshContext, tokens: readonly Token[], walk: Walk): LineParse {
  const [word, ...rest] = tokens;
  if (word === undefined) return { kind: walk.help ? 'contextHelp' : 'context', context };
  if (isHelpWord(word)) return rest.length === 0 ? { kind: 'contextHelp', context } : parseIn(context, rest, { ...walk, help: true });
  const entry = word.quoted ? undefined : matchEntry(word.text, ownEntries(context));
  return parseEntry(context, entry, rest, walk);
}

/** Parses one line typed at the prompt of `context`. */
export function parseNetshLine(context: NetshContext, line: string): LineParse {
  const tokens = tokenize(line);
  const [first, ...rest] = tokens;
  if (first === undefined) return { kind: 'empty' };
  const walk: Walk = { all: tokens, help: false };
  if (isHelpWord(first)) return rest.length === 0 ? { kind: 'contextHelp', context } : parseIn(context, rest, { ...walk, help: true });
  // Generic verbs compete with the context's own words, so `e` is ambiguous in `ipsec static`.
  const entry = first.quoted ? undefined : matchEntry(first.text, firstWordEntries(context));
  if (entry?.kind !== 'generic') return parseEntry(context, entry, rest, walk);
  if (entry.verb.action === 'help') return rest.length === 0 ? { kind: 'contextHelp', context } : parseIn(context, rest, { ...walk, help: true });
  if (rest.length === 1 && isHelpWord(rest[0])) return { kind: 'genericHelp', verb: entry.verb };
  return { kind: 'generic', verb: entry.verb, rest };
}
