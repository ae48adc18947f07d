import type { World } from '../../model/world.js';
import { findHost } from '../../model/world.js';
import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS } from '../model/counters.js';
import { counterLabel, type Predicates } from '../model.js';
import { fail, pass, type Evaluator } from './outcome.js';

/*
 * What the IP Security Monitor shows — statistics and security associations — as engine/ike
 * keeps it in `world.ike[HOST]` (engine/ike/types.ts IkeHostState: stats.mainMode and
 * stats.quickMode by display name, mmSas, qmSas). Read structurally, so a build or a saved
 * world without that state fails these checks with a message saying so instead of throwing.
 * A host IKE has never seen reads as empty (all counters 0, no SAs).
 */

interface MonitorState {
  readonly stats?: { readonly mainMode?: Record<string, number>; readonly quickMode?: Record<string, number> };
  readonly mmSas?: readonly { readonly peerName: string; readonly authMethod?: string }[];
  readonly qmSas?: readonly {
    readonly peerName: string;
    readonly soft?: boolean;
    readonly offer?: { readonly ah: string | null; readonly esp: { readonly confidentiality: string; readonly integrity: string } | null } | null;
  }[];
}

/** undefined: IKE is not simulated in this build; {}: this host has no IKE state yet. */
function monitorOf(world: World, host: string): MonitorState | undefined {
  const ike = (world as unknown as { ike?: Record<string, MonitorState> }).ike;
  if (!ike) return undefined;
  return ike[host] ?? Object.entries(ike).find(([name]) => name.toUpperCase() === host.toUpperCase())?.[1] ?? {};
}

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export function counterCheck(p: Predicates['counter']): Evaluator {
  const op = p.op ?? '>=';
  const compare = COMPARE[op] ?? ((a: number, b: number) => a >= b);
  const [scope = '', key = ''] = p.name.split('.');
  const label = scope === 'mm' ? MAIN_MODE_COUNTERS[key as keyof typeof MAIN_MODE_COUNTERS] : QUICK_MODE_COUNTERS[key as keyof typeof QUICK_MODE_COUNTERS];
  return ({ world }) => {
    const host = findHost(world, p.host);
    if (!host) return fail(`there is no host ${p.host} in this lab`);
    const state = monitorOf(world, host.name);
    if (!state) return fail(`${counterLabel(p.name)} on ${host.name} is not simulated in this build (it needs the IKE engine)`);
    const table = scope === 'mm' ? state.stats?.mainMode : state.stats?.quickMode;
    const value = table?.[label] ?? 0;
    const said = `${counterLabel(p.name)} on ${host.name} is ${value}`;
    return compare(value, p.value) ? pass(said) : fail(`${said}, expected ${op} ${p.value}`);
  };
}

const AUTH_LABELS: Readonly<Record<string, string>> = { kerberos: 'Kerberos', psk: 'Preshared Key', certificate: 'Certificate' };
const squash = (text: string) => text.replace(/\s+/g, '').toUpperCase();

function quickMatches(sa: NonNullable<MonitorState['qmSas']>[number], p: Predicates['sa']): boolean {
  const esp = sa.offer?.esp ? `${sa.offer.esp.confidentiality},${sa.offer.esp.integrity}` : '';
  return (
    (p.esp === undefined || squash(esp) === squash(p.esp)) &&
    (p.ah === undefined || squash(sa.offer?.ah ?? '') === squash(p.ah)) &&
    (p.soft === undefined || (sa.soft ?? false) === p.soft)
  );
}

export function saCheck(p: Predicates['sa']): Evaluator {
  return ({ world }) => {
    const host = findHost(world, p.host);
    if (!host) return fail(`there is no host ${p.host} in this lab`);
    const state = monitorOf(world, host.name);
    if (!state) return fail(`security associations on ${host.name} are not simulated in this build (they need the IKE engine)`);
    const peer = p.peer.toUpperCase();
    const auth = p.auth === undefined ? undefined : AUTH_LABELS[p.auth];
    const match =
      p.mode === 'main'
        ? (state.mmSas ?? []).some((sa) => sa.peerName.toUpperCase() === peer && (auth === undefined || sa.authMethod === auth))
        : (state.qmSas ?? []).some((sa) => sa.peerName.toUpperCase() === peer && quickMatches(sa, p));
    const want = p.exists ?? true;
    const said = `${match ? 'a' : 'no'} matching ${p.mode} mode SA between ${host.name} and ${p.peer}`;
    return match === want ? pass(said) : fail(`${said}${want ? '' : ', and there should be none'}`);
  };
}
