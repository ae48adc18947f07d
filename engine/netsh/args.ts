/**
 * Binding a command's argument words to its parameters: `tag=value` with any unique tag prefix,
 * untagged values in documented order, bare flags such as `all`. Then the values are typed.
 */
import type { CommandSpec, ParamSpec } from './grammar.js';
import type { ArgsError } from './errors.js';
import { matchName } from './resolve.js';
import { isHelpWord, type Token } from './tokenize.js';
import { parseValue } from './values.js';

export type ArgsOutcome =
  | { readonly kind: 'args'; readonly args: Record<string, unknown>; readonly given: readonly string[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly error: ArgsError };

interface Binding {
  readonly param: ParamSpec;
  readonly value: string;
}

/** An untagged value fills the next empty slot; the members of a group share one slot. */
function slots(params: readonly ParamSpec[]): ParamSpec[][] {
  const result: ParamSpec[][] = [];
  const seen = new Set<string>();
  for (const param of params) {
    if (param.group !== undefined) {
      if (seen.has(param.group)) continue;
      seen.add(param.group);
      result.push(params.filter((q) => q.group === param.group));
    } else if (param.presence !== 'flag') {
      result.push([param]);
    }
  }
  return result;
}

type Item = { readonly tag: string | null; readonly value: string; readonly bare: boolean };

/** Words to items; `tag= value` (as in netsh's own help example `mmpfs= yes`) takes the next word. */
function toItems(tokens: readonly Token[]): Item[] | string {
  const items: Item[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.eq === 0) return `"${t.raw}" has no tag`;
    if (t.eq < 0) {
      items.push({ tag: null, value: t.text, bare: !t.quoted });
      continue;
    }
    let value = t.text.slice(t.eq + 1);
    const next = tokens[i + 1];
    if (value === '' && t.raw.endsWith('=') && next !== undefined && next.eq < 0) {
      value = next.text;
      i++;
    }
    items.push({ tag: t.text.slice(0, t.eq), value, bare: false });
  }
  return items;
}

function bind(command: CommandSpec, items: readonly Item[]): Binding[] | ArgsError {
  const syntax = (detail: string): ArgsError => ({ kind: 'syntax', command, detail });
  const open = slots(command.params);
  const bindings: Binding[] = [];
  const used = (param: ParamSpec) => bindings.some((b) => b.param === param);
  for (const item of items) {
    let param: ParamSpec | undefined;
    if (item.tag !== null) {
      param = matchName(item.tag, command.params, (q) => q.tag);
      if (!param) return syntax(`unknown or ambiguous tag "${item.tag}"`);
      if (param.presence === 'flag') return syntax(`${param.tag} takes no value`);
    } else {
      const flag = item.bare ? command.params.find((q) => q.presence === 'flag' && q.tag === item.value.toLowerCase()) : undefined;
      const slot = flag ? undefined : open.find((s) => !s.some(used));
      param = flag ?? slot?.find((q) => q.presence !== 'flag');
      if (!param) return syntax(`nothing left to take "${item.value}"`);
    }
    if (used(param) && param.presence !== 'repeated') return syntax(`${param.tag} given twice`);
    const rival = param.group === undefined ? undefined : bindings.find((b) => b.param.group === param.group && b.param !== param);
    if (rival) return syntax(`${param.tag} and ${rival.param.tag} are alternatives`);
    bindings.push({ param, value: item.value });
  }
  return bindings;
}

function missingTags(command: CommandSpec, bindings: readonly Binding[]): string[] {
  const given = (q: ParamSpec) => bindings.some((b) => b.param === q);
  return slots(command.params)
    .filter((slot) => (slot[0]?.required || slot[0]?.group !== undefined) && !slot.some(given))
    .map((slot) => slot.map((q) => q.tag).join('|'));
}

function build(command: CommandSpec, bindings: readonly Binding[]): ArgsOutcome {
  const args: Record<string, unknown> = {};
  for (const param of command.params) {
    if (param.presence === 'flag') args[param.tag] = false;
    else if (param.presence === 'repeated') args[param.tag] = [];
    else args[param.tag] = param.default;
  }
  for (const { param, value } of bindings) {
    if (param.presence === 'flag') {
      args[param.tag] = true;
      continue;
    }
    const parsed = parseValue(param.type, value);
    if (!parsed.ok) return { kind: 'error', error: { kind: 'badValue', command, tag: param.tag, detail: parsed.error } };
    const previous = args[param.tag];
    args[param.tag] = Array.isArray(previous) ? [...(previous as unknown[]), parsed.value] : parsed.value;
  }
  if (command.check && !command.check(args)) {
    return { kind: 'error', error: { kind: 'badValue', command, tag: '', detail: 'the values do not go together' } };
  }
  return { kind: 'args', args, given: bindings.map((b) => b.param.tag) };
}

/** The parameters the words already typed fill, for completion; [] when they do not bind. */
export function boundParams(command: CommandSpec, tokens: readonly Token[]): ParamSpec[] {
  const items = toItems(tokens);
  const bindings = typeof items === 'string' ? [] : bind(command, items);
  return Array.isArray(bindings) ? bindings.map((b) => b.param) : [];
}

/** The parameter the next untagged word would fill. */
export function nextPositional(command: CommandSpec, filled: readonly ParamSpec[]): ParamSpec | undefined {
  const slot = slots(command.params).find((s) => !s.some((q) => filled.includes(q)));
  return slot?.find((q) => q.presence !== 'flag');
}

export function parseArgs(command: CommandSpec, tokens: readonly Token[]): ArgsOutcome {
  const needsSome = command.params.some((q) => q.required || q.group !== undefined);
  if (tokens.length === 0 && needsSome) return { kind: 'error', error: { kind: 'usage', command } };
  if (tokens.length === 1 && isHelpWord(tokens[0])) return { kind: 'help' };
  const items = toItems(tokens);
  if (typeof items === 'string') return { kind: 'error', error: { kind: 'syntax', command, detail: items } };
  const bindings = bind(command, items);
  if (!Array.isArray(bindings)) return { kind: 'error', error: bindings };
  const missing = missingTags(command, bindings);
  if (missing.length > 0) return { kind: 'error', error: { kind: 'missing', command, tags: missing } };
  return build(command, bindings);
}
