/**
 * `dump` in `netsh ipsec static`, `netsh ipsec dynamic`, `netsh ipsec>` and `netsh>` (reference
 * §1.2, §4.8): a netsh script that recreates the current configuration. Run it with
 * `netsh -f FILE` (or `exec FILE` at `netsh>`): it starts each part with `pushd`.
 */
import type { NetshRequest } from '../requests.js';
import type { Performed } from '../state.js';
import { dynamicDump } from './dump-dynamic.js';
import { staticDump, type StaticDumpContext } from './dump-static.js';
import type { Workspace } from './workspace.js';

const DUMPS = new Set(['static.dump', 'dynamic.dump', 'ipsec.dump', 'netsh.dump']);

/** The GPOs of the selected domain store that assign one of its policies. */
function staticContext(ws: Workspace): StaticDumpContext {
  const selection = ws.selection;
  if (selection.location !== 'domain') return { selection, gpoAssignments: [] };
  const gpos = ws.gpos(selection.domain).filter((g) => g.ipsecPolicy !== null);
  return { selection, gpoAssignments: gpos.map((g) => ({ gpo: g.name, policy: g.ipsecPolicy ?? '' })) };
}

/** The dump script of the selected store, as text lines. */
function staticDumpOf(ws: Workspace): string[] {
  return staticDump(ws.store(), staticContext(ws));
}

/** The dump script of the live SPD; only a running IPSEC Services has one to read. */
function dynamicDumpOf(ws: Workspace): string[] {
  return ws.host.policyAgent.running ? dynamicDump(ws.spd()) : [];
}

function dumpLines(ws: Workspace, command: string): string[] {
  switch (command) {
    case 'static.dump':
      return staticDumpOf(ws);
    case 'dynamic.dump':
      return dynamicDump(ws.spd());
    default:
      // netsh> dumps every helper it has; XP and 2000 have no ipsec helper (§7.1).
      if (command === 'netsh.dump' && ws.host.version !== '2003') return [];
      return [...staticDumpOf(ws), ...dynamicDumpOf(ws)];
  }
}

/** The dump requests; undefined for any other request. */
export function performDump(ws: Workspace, request: NetshRequest): Performed | undefined {
  if (!DUMPS.has(request.command)) return undefined;
  const lines = ['', ...dumpLines(ws, request.command)];
  return { output: `${lines.join('\n')}\n`, failed: false };
}
