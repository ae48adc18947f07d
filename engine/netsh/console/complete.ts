/**
 * Tab completion of netsh lines at a host's console, inside interactive netsh and after
 * `netsh` typed at cmd.exe. Candidates replace the last white-space separated word of the
 * line, which is what the console client swaps out.
 */
import type { Host, NetshConsoleState } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { LOCAL_STORE } from '../apply/index.js';
import { contextPath } from '../cmdline.js';
import { completeNetshLine, type Completion } from '../complete.js';
import { initialSession, type NetshSession } from '../state.js';
import { tokenize } from '../tokenize.js';
import { netshDeps } from './deps.js';
import { netshRootFor } from './root.js';

/** A fragment such as `name="Two Wo` spans words; the client replaces only `Wo`. */
function forLastWord(completion: Completion, line: string): string[] {
  const word = /\S*$/.exec(line)?.[0] ?? '';
  const head = completion.fragment.slice(0, completion.fragment.length - word.length).toLowerCase();
  if (head === '') return [...completion.candidates];
  return completion.candidates.filter((c) => c.toLowerCase().startsWith(head)).map((c) => c.slice(head.length));
}

export function completeInNetsh(world: World, host: Host, state: NetshConsoleState, line: string): string[] {
  return forLastWord(completeNetshLine(state, line, netshDeps(world, host, state.store)), line);
}

/** After `netsh ` at cmd.exe: leading `-c context` sets where completion starts; `-f` takes a file, not a command. */
function startOf(host: Host, args: string): { session: NetshSession; rest: string } | undefined {
  const tokens = tokenize(args);
  let path: string[] = [];
  let i = 0;
  for (; i < tokens.length && /^[-/]/.test(tokens[i]?.text ?? ''); i += 2) {
    const value = tokens[i + 1];
    if ((tokens[i]?.text ?? '').toLowerCase().slice(1) !== 'c' || !value || value.start + value.raw.length >= args.length) return undefined;
    const found = contextPath(netshRootFor(host.version), value.text);
    if (!found) return undefined;
    path = found;
  }
  const first = tokens[i];
  return { session: initialSession(path), rest: first ? args.slice(first.start) : '' };
}

export function completeNetshArgs(world: World, host: Host, args: string): string[] {
  const start = startOf(host, args);
  if (!start) return [];
  const completion = completeNetshLine(start.session, start.rest, netshDeps(world, host, LOCAL_STORE));
  return forLastWord(completion, start.rest);
}
