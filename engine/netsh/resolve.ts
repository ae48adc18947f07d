/** Finding what a word names in a context: netsh accepts any unique prefix, an exact name always wins. */
import { GENERIC_VERBS, type GenericVerb } from './generic.js';
import type { CommandSpec, GroupSpec, NetshContext } from './grammar.js';

export type Entry =
  | { readonly kind: 'generic'; readonly name: string; readonly verb: GenericVerb }
  | { readonly kind: 'context'; readonly name: string; readonly context: NetshContext }
  | { readonly kind: 'group'; readonly name: string; readonly group: GroupSpec }
  | { readonly kind: 'command'; readonly name: string; readonly command: CommandSpec };

/** Exact match, else the only name starting with the word; undefined when none or ambiguous. */
export function matchName<T>(word: string, items: readonly T[], nameOf: (item: T) => string): T | undefined {
  const lower = word.toLowerCase();
  const exact = items.find((item) => nameOf(item).toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const prefixed = items.filter((item) => nameOf(item).toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The context's own words: its groups, stand-alone commands and sub-contexts. */
export function ownEntries(context: NetshContext): Entry[] {
  return [
    ...context.groups.map((group): Entry => ({ kind: 'group', name: group.verb, group })),
    ...context.commands.filter((c) => c.object === null).map((command): Entry => ({ kind: 'command', name: command.verb, command })),
    ...context.subcontexts.map((sub): Entry => ({ kind: 'context', name: sub.name, context: sub })),
  ];
}

/** Words valid first on a line typed in this context: its own plus netsh's generic verbs. */
export function firstWordEntries(context: NetshContext): Entry[] {
  const generic = GENERIC_VERBS.map((verb): Entry => ({ kind: 'generic', name: verb.name, verb }));
  return [...generic, ...ownEntries(context)];
}

export function groupCommands(context: NetshContext, verb: string): CommandSpec[] {
  return context.commands.filter((c) => c.verb === verb && c.object !== null);
}

export function matchEntry(word: string, entries: readonly Entry[]): Entry | undefined {
  return matchName(word, entries, (e) => e.name);
}

/** The context at a path of full names, or undefined if the tree has no such path. */
export function contextAt(root: NetshContext, path: readonly string[]): NetshContext | undefined {
  let context: NetshContext | undefined = root;
  for (const name of path) {
    context = context?.subcontexts.find((sub) => sub.name === name);
  }
  return context;
}
