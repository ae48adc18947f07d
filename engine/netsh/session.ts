/**
 * The interactive netsh state machine: one typed line in, what netsh prints and the next
 * session state out. Pure: files come through deps.readFile, store effects leave as requests.
 */
import { NETSH_ROOT } from './contexts/index.js';
import { renderError, type NetshError } from './errors.js';
import type { GenericVerb } from './generic.js';
import type { NetshContext } from './grammar.js';
import { contextList, genericUsage, groupList, usageBlock } from './help.js';
import { parseNetshLine, type LineParse } from './parse.js';
import type { NetshRequest } from './requests.js';
import { contextAt } from './resolve.js';
import type { NetshDeps, NetshSession } from './state.js';
import type { Token } from './tokenize.js';

export interface NetshLineResult {
  /** Text netsh printed, each line ended by "\n"; '' when it printed nothing. */
  readonly output: string;
  readonly newState: NetshSession;
  /** exit, bye or quit: leave netsh. */
  readonly exit?: boolean;
  /** Validated commands for the store layer, in the order they ran. */
  readonly requests: readonly NetshRequest[];
  /** Something printed an error (cmd.exe's ERRORLEVEL becomes 1). */
  readonly failed: boolean;
}

export interface RunEnv {
  /** cmd.exe one-shot lines list a bare context instead of entering it. */
  readonly mode: 'interactive' | 'oneshot';
  /** Nesting of exec; bounded so a script that runs itself stops. */
  readonly depth: number;
  /**
   * Script lines still allowed in this run, shared by every nested exec: a script that runs
   * itself twice would otherwise double its work at each level.
   */
  readonly budget: { remaining: number; spent: boolean };
  readonly root: NetshContext;
}

const MAX_SCRIPT_DEPTH = 16;
const MAX_SCRIPT_LINES = 20_000;

const done = (state: NetshSession, output: string, failed = false): NetshLineResult => ({ output, newState: state, requests: [], failed });
const fail = (state: NetshSession, error: NetshError) => done(state, renderError(error), true);

/** One result after another: outputs and requests in order, the later state and exit win. */
export function chain(a: NetshLineResult, b: NetshLineResult): NetshLineResult {
  return {
    output: a.output + b.output,
    newState: b.newState,
    requests: [...a.requests, ...b.requests],
    failed: a.failed || b.failed,
    ...(b.exit ? { exit: true } : {}),
  };
}

export function envFor(deps: NetshDeps, mode: RunEnv['mode']): RunEnv {
  return { mode, depth: 0, root: deps.root ?? NETSH_ROOT, budget: { remaining: MAX_SCRIPT_LINES, spent: false } };
}

/** Runs one line typed at the `netsh ...>` prompt. */
export function runNetshLine(state: NetshSession, line: string, deps: NetshDeps = {}): NetshLineResult {
  return runLine(state, line, deps, envFor(deps, 'interactive'));
}

export function runLine(state: NetshSession, line: string, deps: NetshDeps, env: RunEnv): NetshLineResult {
  const context = contextAt(env.root, state.path) ?? env.root;
  return interpret(state, line, parseNetshLine(context, line), deps, env);
}

function interpret(state: NetshSession, line: string, parsed: LineParse, deps: NetshDeps, env: RunEnv): NetshLineResult {
  switch (parsed.kind) {
    case 'empty':
      return done(state, '');
    case 'context':
      if (env.mode === 'oneshot') return done(state, contextList(parsed.context));
      return done({ ...state, path: [...parsed.context.path] }, '');
    case 'contextHelp':
      return done(state, contextList(parsed.context));
    case 'groupHelp':
      return done(state, groupList(parsed.context, parsed.verb));
    case 'usage':
      return done(state, usageBlock(parsed.command));
    case 'genericHelp':
      return done(state, genericUsage(parsed.verb));
    case 'error':
      return fail(state, parsed.error);
    case 'command': {
      const result = parsed.command.handler(parsed.args, { session: state, deps, given: parsed.given });
      // Handlers built by command() emit the request of their own id, which is what NetshRequest lists.
      const request = result.request as NetshRequest | undefined;
      const performed = request && deps.perform ? deps.perform(request) : undefined;
      return {
        output: result.output + (performed?.output ?? ''),
        newState: state,
        requests: request ? [request] : [],
        failed: (result.failed ?? false) || (performed?.failed ?? false),
      };
    }
    case 'generic':
      return runGeneric(state, parsed.verb, parsed.rest, line, deps, env);
  }
}

function restOfLine(line: string, rest: readonly Token[]): string {
  const first = rest[0];
  return first === undefined ? '' : line.slice(first.start);
}

function runGeneric(
  state: NetshSession,
  verb: GenericVerb,
  rest: readonly Token[],
  line: string,
  deps: NetshDeps,
  env: RunEnv,
): NetshLineResult {
  const takesWords = verb.action === 'pushd' || verb.action === 'exec';
  if (!takesWords && rest.length > 0) return fail(state, { kind: 'genericSyntax', verb });
  switch (verb.action) {
    case 'up':
      return done({ ...state, path: state.path.slice(0, -1) }, '');
    case 'exit':
      return { ...done(state, ''), exit: true };
    case 'popd': {
      const top = state.stack[state.stack.length - 1];
      return top === undefined ? done(state, '') : done({ path: [...top], stack: state.stack.slice(0, -1) }, '');
    }
    case 'pushd': {
      const pushed: NetshSession = { path: state.path, stack: [...state.stack, state.path] };
      if (rest.length === 0) return done(pushed, '');
      // A command that fails leaves the stack as it was, so a rejected line changes nothing.
      const ran = runLine(pushed, restOfLine(line, rest), deps, env);
      return ran.failed ? { ...ran, newState: state } : ran;
    }
    case 'exec': {
      const file = rest[0];
      if (file === undefined || rest.length > 1) return fail(state, { kind: 'genericSyntax', verb });
      return runScriptFile(state, file.text, deps, env);
    }
    case 'help':
      return done(state, genericUsage(verb));
  }
}

/** `exec file` and `netsh -f file`. */
export function runScriptFile(state: NetshSession, path: string, deps: NetshDeps, env: RunEnv): NetshLineResult {
  if (env.depth >= MAX_SCRIPT_DEPTH) return stopScript(done(state, ''), env);
  const text = deps.readFile?.(path);
  if (text === undefined) return fail(state, { kind: 'fileNotFound', path });
  return runScript(state, text, deps, { ...env, depth: env.depth + 1 });
}

/** Too deep or out of script lines: said once, then every enclosing script stops too. */
function stopScript(result: NetshLineResult, env: RunEnv): NetshLineResult {
  if (env.budget.spent) return { ...result, failed: true };
  env.budget.spent = true;
  return chain(result, fail(result.newState, { kind: 'tooDeep' }));
}

/**
 * Script lines run as if typed at the prompt (so `pushd ipsec static` changes context); blank
 * lines and `#` comments are skipped; an error does not stop the script [R]; exit does.
 */
export function runScript(state: NetshSession, text: string, deps: NetshDeps, env: RunEnv): NetshLineResult {
  let result = done(state, '');
  const scriptEnv: RunEnv = { ...env, mode: 'interactive' };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (env.budget.spent || env.budget.remaining-- <= 0) return stopScript(result, env);
    result = chain(result, runLine(result.newState, line, deps, scriptEnv));
    if (result.exit) break;
  }
  return result;
}
