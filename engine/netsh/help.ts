/**
 * The help layouts of reference §1.2/§1.3, generated from the tables: the command list of a
 * context or group, and the usage block of one command.
 */
import { GENERIC_VERBS, type GenericVerb } from './generic.js';
import type { AddressForm, CommandSpec, NetshContext, ParamSpec, ParamType } from './grammar.js';
import { groupCommands, ownEntries, type Entry } from './resolve.js';

const lines = (...text: string[]) => text.map((l) => `${l}\n`).join('');

/** `%-14s - %s`, as in the real 2003 capture; a longer name just gets ` - `. */
export function listLine(name: string, description: string): string {
  return `${name.padEnd(14)} - ${description}`;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function commandList(rows: { name: string; description: string }[]): string {
  const sorted = [...rows].sort(byName).map((r) => listLine(r.name, r.description));
  return lines('', 'The following commands are available:', '', 'Commands in this context:', ...sorted);
}

function entryDescription(entry: Entry): string {
  switch (entry.kind) {
    case 'group':
      return entry.group.description;
    case 'command':
      return entry.command.description;
    case 'context':
      return entry.context.description;
    case 'generic':
      return entry.verb.description;
  }
}

/** `?` in a context, or a bare context run from cmd.exe. The trailer is [R] (netsh of XP/2003). */
export function contextList(context: NetshContext): string {
  const isRoot = context.path.length === 0;
  const generic = GENERIC_VERBS.filter((v) => v.listed === 'every' || (isRoot && v.listed === 'root'));
  const own = ownEntries(context).map((e) => ({ name: e.name, description: entryDescription(e) }));
  const subs = context.subcontexts.map((s) => s.name).sort();
  const trailer = subs.length > 0 ? ['', 'The following sub-contexts are available:', ` ${subs.join(' ')}`] : [];
  return (
    commandList([...generic.map((v) => ({ name: v.name, description: v.description })), ...own]) +
    lines(...trailer, '', 'To view help for a command, type the command, followed by a space, and then', ' type ?.')
  );
}

/** A group verb on its own (`show`, `add ?`): its commands, named with the verb. */
export function groupList(context: NetshContext, verb: string): string {
  return commandList(groupCommands(context, verb).map((c) => ({ name: `${c.verb} ${c.object ?? ''}`, description: c.description })));
}

const ADDRESS_WORDS: Record<AddressForm, string> = {
  me: 'me',
  any: 'any',
  ip: '<ip>',
  range: '<ip>-<ip>',
  dns: '<dns>',
  server: 'DNS | WINS | DHCP | GATEWAY',
};

function valueSyntax(type: ParamType): string {
  switch (type.kind) {
    case 'string':
      return '<string>';
    case 'integer':
      return '<integer>';
    case 'yesno':
      return '(yes | no)';
    case 'enum':
      return `(${type.values.join(' | ')})`;
    case 'address':
      return `(${type.forms.map((f) => ADDRESS_WORDS[f]).join(' | ')})`;
    case 'mask':
      return '(mask | prefix)';
    case 'port':
      return '<port>';
    case 'protocol':
      return '(ANY | ICMP | TCP | UDP | RAW | <integer>)';
    case 'flag':
      return '';
    case 'custom':
      return type.syntax;
  }
}

function paramSyntax(param: ParamSpec): string {
  if (param.presence === 'flag') return `[ ${param.tag} ]`;
  return `[ ${param.tag} = ] ${param.syntax ?? valueSyntax(param.type)}`;
}

/** One line per parameter; alternatives share a line; optional ones are bracketed once more. */
export function syntaxLines(command: CommandSpec): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  for (const param of command.params) {
    if (param.group !== undefined) {
      if (done.has(param.group)) continue;
      done.add(param.group);
      out.push(command.params.filter((q) => q.group === param.group).map(paramSyntax).join(' | '));
    } else {
      out.push(param.required ? paramSyntax(param) : `[ ${paramSyntax(param)} ]`);
    }
  }
  const head = command.object ?? command.verb;
  const indent = ' '.repeat(head.length + 3);
  if (out.length === 0) return [`  ${head}`];
  return out.map((text, i) => (i === 0 ? `  ${head} ${text}` : `${indent}${text}`));
}

function parameterTable(params: readonly ParamSpec[]): string[] {
  if (params.length === 0) return [];
  const width = Math.max(...params.map((q) => q.tag.length)) + 3;
  const rows = params.flatMap((q) =>
    q.help.map((text, i) => (i === 0 ? `  ${q.tag.padEnd(width - 2)}- ${text}` : `  ${' '.repeat(width)}${text}`)),
  );
  return ['Parameters:', '', `  ${'Tag'.padEnd(width)}Value`, ...rows, ''];
}

function remarkLines(remarks: readonly string[]): string[] {
  if (remarks.length === 0) return [];
  const numbered = remarks.length > 1;
  const body = remarks.flatMap((remark, n) =>
    remark.split('\n').map((text, i) => (i === 0 && numbered ? `${n + 1}. ${text}` : numbered ? `   ${text}` : text)),
  );
  return [...body.map((text, i) => (i === 0 ? `Remarks: ${text}` : `         ${text}`)), ''];
}

/** Blank line, Usage:, syntax, purpose, Parameters with the Tag/Value table, Remarks, Examples. */
export function usageBlock(command: CommandSpec): string {
  const examples = command.examples.length > 0 ? ['Examples:', '', ...command.examples.map((e) => `  ${e}`)] : [];
  return lines(
    '',
    'Usage:',
    ...syntaxLines(command),
    '',
    `  ${command.purpose}`,
    '',
    ...parameterTable(command.params),
    ...remarkLines(command.remarks),
    ...examples,
  );
}

export function genericUsage(verb: GenericVerb): string {
  return lines('', ...verb.usage);
}
