/**
 * `netsh ipsec dynamic show mmsas | qmsas | stats`: the host's security associations and
 * counters, read from the IKE engine's state in the world, in its layouts.
 */
import { hostState } from '../../ike/state.js';
import { showMmsas, showQmsas, showStats, type IkeShowOptions } from '../../ike/show.js';
import type { IkeHostState } from '../../ike/types.js';
import type { NetshRequest } from '../requests.js';
import type { Performed } from '../state.js';
import { reverseName } from '../../traffic/resolve.js';
import type { Workspace } from './workspace.js';

type IkeShow = Extract<NetshRequest, { command: 'dynamic.show.mmsas' | 'dynamic.show.qmsas' | 'dynamic.show.stats' }>;

const IKE_SHOWS = new Set(['dynamic.show.mmsas', 'dynamic.show.qmsas', 'dynamic.show.stats']);

export function isIkeShow(request: NetshRequest): request is IkeShow {
  return IKE_SHOWS.has(request.command);
}

/** The host's IKE state without creating one: a copy, so showing never changes the world. */
function stateOf(ws: Workspace): IkeHostState {
  return hostState(JSON.parse(JSON.stringify({ [ws.host.name]: ws.world.ike[ws.host.name] ?? null })), ws.host.name);
}

function addressOf(value: unknown): string | undefined {
  const v = value as { kind?: string; address?: string } | undefined;
  return v?.kind === 'ip' && typeof v.address === 'string' ? v.address : undefined;
}

function options(ws: Workspace, args: Record<string, unknown>): IkeShowOptions {
  const src = addressOf(args.srcaddr);
  const dst = addressOf(args.dstaddr);
  const protocol = (args.protocol as { number?: number } | undefined)?.number;
  return {
    ...(args.resolvedns === true ? { resolveDns: (a: string) => reverseName(ws.world, a) ?? undefined } : {}),
    ...(args.format === 'table' ? { format: 'table' as const } : {}),
    ...(src ? { srcaddr: src } : {}),
    ...(dst ? { dstaddr: dst } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
  };
}

export function performIkeShow(ws: Workspace, request: IkeShow): Performed {
  const state = stateOf(ws);
  const args = request.args as Record<string, unknown>;
  switch (request.command) {
    case 'dynamic.show.mmsas':
      return { output: showMmsas(state, ws.world.clock, options(ws, args)), failed: false };
    case 'dynamic.show.qmsas':
      return { output: showQmsas(state, options(ws, args)), failed: false };
    case 'dynamic.show.stats':
      return { output: showStats(state, request.args.type), failed: false };
  }
}

/** What `show all` adds after the SPD's own objects: the SAs and the statistics. */
export function ikeSections(ws: Workspace, resolvedns: boolean): string {
  const state = stateOf(ws);
  const opts = options(ws, { resolvedns });
  return [showMmsas(state, ws.world.clock, opts), showQmsas(state, opts), showStats(state)].join('\n');
}
