/**
 * `netsh ...` typed at cmd.exe: options, then one command run from the root (or the -c
 * context), or a script (-f), or nothing (the caller starts an interactive session).
 */
import { MESSAGES } from './errors.js';
import type { NetshContext } from './grammar.js';
import { contextList } from './help.js';
import type { NetshRequest } from './requests.js';
import { matchName } from './resolve.js';
import { envFor, runLine, runScriptFile, type NetshLineResult } from './session.js';
import { initialSession, type NetshDeps, type NetshSession } from './state.js';
import { tokenize, type Token } from './tokenize.js';

export interface NetshRunResult {
  readonly output: string;
  readonly requests: readonly NetshRequest[];
  /** What cmd.exe's ERRORLEVEL becomes. */
  readonly exitCode: 0 | 1;
  /** Set when netsh was started without a command: feed lines to runNetshLine from this session. */
  readonly interactive?: NetshSession;
}

/** netsh's own usage line [R: the 2003 form, without the later -u/-p options]. */
export const NETSH_USAGE = ['Usage: netsh [-a AliasFile] [-c Context] [-r RemoteMachine]', '             [Command | -f ScriptFile]'];

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');
const usageFailure = (): NetshRunResult => ({ output: text(...NETSH_USAGE), requests: [], exitCode: 1 });

function finish(result: NetshLineResult): NetshRunResult {
  return { output: result.output, requests: result.requests, exitCode: result.failed ? 1 : 0 };
}

/** The context named by -c, word by word, each word any unique prefix of a sub-context. */
export function contextPath(root: NetshContext, words: string): string[] | undefined {
  let context: NetshContext | undefined = root;
  for (const token of tokenize(words)) {
    context = context && matchName(token.text, context.subcontexts, (s) => s.name);
  }
  return context ? [...context.path] : undefined;
}

interface Options {
  context?: string;
  file?: string;
  help?: boolean;
  /** Index of the first word of the command. */
  next: number;
}

/** Leading `-c X`, `-f X`, `-?`; anything else starting with - or / that netsh does not emulate fails. */
function readOptions(tokens: readonly Token[]): Options | undefined {
  const options: Options = { next: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] as Token).text.toLowerCase();
    if (!/^[-/]/.test(word) || word === '-' || word === '/') return { ...options, next: i };
    if (word === '-?' || word === '/?') return { ...options, help: true, next: i + 1 };
    const value = tokens[i + 1];
    if (value === undefined) return undefined;
    if (word === '-c' || word === '/c') options.context = value.text;
    else if (word === '-f' || word === '/f') options.file = value.text;
    else return undefined;
    i++;
  }
  return { ...options, next: tokens.length };
}

/** Runs `netsh <args>` as typed at cmd.exe; `args` is the text after the program name. */
export function runNetshCommandLine(args: string, deps: NetshDeps = {}): NetshRunResult {
  const env = envFor(deps, 'oneshot');
  const tokens = tokenize(args);
  const options = readOptions(tokens);
  if (!options) return usageFailure();
  if (options.help) return { output: text(...NETSH_USAGE) + contextList(env.root), requests: [], exitCode: 0 };
  const path = options.context === undefined ? [] : contextPath(env.root, options.context);
  if (path === undefined) return { output: text(MESSAGES.notFound(options.context ?? '')), requests: [], exitCode: 1 };
  const session = initialSession(path);
  const first = tokens[options.next];
  if (options.file !== undefined) {
    return first === undefined ? finish(runScriptFile(session, options.file, deps, env)) : usageFailure();
  }
  if (first === undefined) return { output: '', requests: [], exitCode: 0, interactive: session };
  return finish(runLine(session, args.slice(first.start), deps, env));
}
