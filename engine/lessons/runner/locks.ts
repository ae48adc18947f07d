import type { Action } from '../../actions.js';
import { NETSH_ROOT, type NetshContext } from '../../netsh/index.js';
import { findHost, type World } from '../../model/world.js';
import { toolOf } from '../locks.js';
import type { Locks } from '../model.js';

/*
 * Locks as the runner enforces them. A lock names a command as typed at cmd.exe ("netsh ipsec
 * dynamic"); students can reach the same command abbreviated ("netsh ip d"), with quotes, or
 * from inside an interactive netsh ("netsh ipsec>dynamic show all"). Both the lock and the
 * line are brought to full netsh words before comparing, so none of those slips through.
 */

/** netsh options that take a value; -c takes context words, which the walk reads anyway. */
const NETSH_VALUE_FLAGS = new Set(['-a', '-r']);

const LEAVE_NETSH = /^\s*(exi|exit|bye|quit|qui|\.\.)\s*$/i;

/** Exact name, else the only name starting with the word (netsh's own abbreviation rule). */
function unique(word: string, names: readonly string[]): string | undefined {
  if (names.includes(word)) return word;
  const hits = names.filter((n) => n.startsWith(word));
  return hits.length === 1 ? hits[0] : undefined;
}

// Contexts and locks are fixed data: their word lists are worked out once, not per action.
const verbCache = new WeakMap<NetshContext, string[]>();
const lockCache = new WeakMap<readonly string[], string[][]>();

function verbsOf(context: NetshContext): string[] {
  let verbs = verbCache.get(context);
  if (!verbs) {
    verbs = [...context.groups.map((g) => g.verb), ...context.commands.filter((c) => c.object === null).map((c) => c.verb)];
    verbCache.set(context, verbs);
  }
  return verbs;
}

function lockWords(commands: readonly string[]): string[][] {
  let words = lockCache.get(commands);
  if (!words) {
    words = commands.map((c) => commandWords(c));
    lockCache.set(commands, words);
  }
  return words;
}

/** Words after `netsh`, with context names and the first verb written out in full. */
function netshWords(words: readonly string[]): string[] {
  const out: string[] = [];
  let context: NetshContext = NETSH_ROOT;
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    if (NETSH_VALUE_FLAGS.has(word)) {
      i++;
      continue;
    }
    if (word === '-c') continue;
    const sub = unique(word, context.subcontexts.map((s) => s.name));
    const next = context.subcontexts.find((s) => s.name === sub);
    if (next) {
      out.push(next.name);
      context = next;
      continue;
    }
    out.push(unique(word, verbsOf(context)) ?? word);
    i++;
    break;
  }
  return [...out, ...words.slice(i)];
}

/** A command line as full lower-case words: `NETSH.EXE ip "d" sh all` → netsh ipsec dynamic show all. */
export function commandWords(line: string, netshPath: readonly string[] | null = null): string[] {
  const words = line.replace(/"/g, ' ').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (netshPath) return ['netsh', ...netshWords([...netshPath, ...words])];
  const [first = '', ...rest] = words;
  const program = first.replace(/\.exe$/, '');
  return program === 'netsh' ? ['netsh', ...netshWords(rest)] : [program, ...rest];
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length > 0 && prefix.length <= words.length && prefix.every((w, i) => words[i] === w);
}

function commandLock(world: World, action: Action, locks: Locks): string | null {
  if (action.type !== 'command' || !locks.commands?.length) return null;
  const netsh = findHost(world, action.host)?.console.netsh;
  // Leaving netsh is never locked: a student must not be trapped inside it.
  if (netsh && LEAVE_NETSH.test(action.line)) return null;
  const typed = commandWords(action.line, netsh ? netsh.path : null);
  const hit = lockWords(locks.commands).findIndex((lock) => startsWith(typed, lock));
  return hit < 0 ? null : (locks.commands[hit] ?? null);
}

/**
 * Why an action is refused under the lesson's and the current step's locks, or null. The
 * world is read only to know whether an interactive netsh is running on the host.
 */
export function lockRefusal(world: World, action: Action, lesson: Locks | undefined, step: Locks | undefined): string | null {
  for (const [locks, scope] of [[lesson, 'lesson'], [step, 'step']] as const) {
    if (!locks) continue;
    const command = commandLock(world, action, locks);
    if (command) return `Refused: "${command}" is locked in this ${scope}; nothing was changed.`;
    const tool = toolOf(action);
    if (tool && locks.tools?.includes(tool)) return `Refused: the ${tool} tool is locked in this ${scope}; nothing was changed.`;
  }
  return null;
}
