/**
 * ipseccmd (XP Support Tools) and ipsecpol (2000 Resource Kit) at a host's command prompt.
 * The command line becomes netsh requests (plan-static.ts, plan-dynamic.ts) carried out by
 * netsh's own appliers on one Workspace; only when all of them succeed do the changes leave
 * as Effects, so a refused line changes nothing. Pure: reads the world, returns the result.
 */
import { peekState } from '../ike/state.js';
import { applyEdit, resolverFor, Workspace } from '../netsh/apply/index.js';
import type { NetshRequest } from '../netsh/index.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';
import type { ShellResult } from '../shell/command.js';
import { splitArgs } from './argv.js';
import { DONE, failure, FAILURE, STORE_NAME, syntaxError, usage } from './labels.js';
import { parseInvocation } from './parse.js';
import { planDynamic } from './plan-dynamic.js';
import { planStatic } from './plan-static.js';
import { request } from './request.js';
import { showStats, showSas } from './show-ike.js';
import { showAuth, showFilters, showPolicies } from './show-spd.js';
import type { Invocation, ShowTopic, ToolProfile } from './types.js';

export const IPSECCMD: ToolProfile = { name: 'ipseccmd', queryMode: true, dhGroups: [1, 2, 3] };
export const IPSECPOL: ToolProfile = { name: 'ipsecpol', queryMode: false, dhGroups: [1, 2] };

const text = (lines: readonly string[]) => lines.map((l) => `${l}\n`).join('') + '\n';
const failed = (...lines: string[]): ShellResult => ({ output: text(lines), errorLevel: 1 });
const done = (ws: Workspace, lines: readonly string[]): ShellResult => ({ output: text(lines), effects: ws.effects(), errorLevel: 0 });

/** `\\NAME` or `\\address`: a lab computer that is switched on, else the RPC failure [R]. */
function targetHost(world: World, host: Host, computer: string | null, profile: ToolProfile): Host | string {
  if (computer === null) return host;
  const wanted = computer.toLowerCase();
  const target = Object.values(world.hosts).find((h) => h.name.toLowerCase() === wanted || h.nic.address === computer);
  if (!target || !target.online) return FAILURE.noComputer(computer);
  // Microsoft: ipseccmd cannot configure computers running Windows 2000 [C:S21].
  if (profile.name === 'ipseccmd' && target.version === '2000') return FAILURE.windows2000(target.name);
  return target;
}

/** Runs the requests in order on the workspace; the first failure is the answer. */
function perform(ws: Workspace, requests: readonly NetshRequest[]): string | null {
  const resolve = resolverFor(ws.world);
  for (const request of requests) {
    const error = applyEdit(ws, request, resolve);
    if (error) return failure(error.message);
  }
  return null;
}

function runShow(ws: Workspace, topics: readonly ShowTopic[]): ShellResult {
  const state = peekState(ws.world.ike, ws.host.name);
  const spd = ws.spd();
  const parts: Record<ShowTopic, () => string[]> = {
    filters: () => showFilters(spd),
    policies: () => showPolicies(spd),
    auth: () => showAuth(spd),
    stats: () => showStats(state),
    sas: () => showSas(state),
  };
  return { output: text(topics.flatMap((t, i) => (i === 0 ? parts[t]() : ['', ...parts[t]()]))), errorLevel: 0 };
}

function runStatic(ws: Workspace, inv: Extract<Invocation, { mode: 'static' }>): ShellResult {
  const { spec, rule } = inv;
  const domain = spec.store.location === 'domain' ? spec.store.domain : undefined;
  const opened = applyEdit(ws, request('static.set.store', { location: spec.store.location, domain }), resolverFor(ws.world));
  if (opened) return failed(failure(opened.message));
  const selection = ws.selection;
  const where = selection.location === 'domain' ? STORE_NAME.domain(selection.domain) : STORE_NAME.local;
  const plan = planStatic(ws.store(), rule, spec, where);
  const problem = perform(ws, plan.requests);
  return problem ? failed(problem) : done(ws, [...(inv.confirm ? [DONE.confirmAssumed] : []), ...plan.messages]);
}

function runOnTarget(ws: Workspace, inv: Exclude<Invocation, { mode: 'help' }>): ShellResult {
  if (inv.mode === 'static') return runStatic(ws, inv);
  // Everything else reads or writes the SPD, which lives in the running service.
  if (!ws.host.policyAgent.running) return failed(failure(FAILURE.serviceStopped));
  if (inv.mode === 'show') return runShow(ws, inv.topics);
  if (inv.mode === 'delete-dynamic') {
    const problem = perform(ws, [request('dynamic.delete.all', {})]);
    return problem ? failed(problem) : done(ws, [DONE.deletedDynamic]);
  }
  const problem = perform(ws, planDynamic(ws.spd(), inv.rule));
  return problem ? failed(problem) : done(ws, [...(inv.confirm ? [DONE.confirmAssumed] : []), DONE.dynamic(inv.rule.filters.length)]);
}

/** `args` is the rest of the line after the program name, as cmd.exe passes it. */
export function runIpsecTool(world: World, host: Host, args: string, profile: ToolProfile): ShellResult {
  const parsed = parseInvocation(splitArgs(args), profile);
  if (!parsed.ok) return failed(syntaxError(parsed.error), '', ...usage(profile.name));
  const inv = parsed.value;
  if (inv.mode === 'help') return { output: text(usage(profile.name)), errorLevel: 0 };
  const target = targetHost(world, host, inv.computer, profile);
  if (typeof target === 'string') return failed(failure(target));
  return runOnTarget(new Workspace(world, target, { location: 'local' }), inv);
}
