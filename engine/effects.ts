import { refreshGroupPolicy, pollDomainPolicy } from './gp/refresh.js';
import type { PolicyStore } from './ipsec/types.js';
import { restartPolicyAgent } from './spd/index.js';
import type { Spd } from './spd/types.js';
import type { ConsoleState } from './model/host.js';
import { findHost, type World } from './model/world.js';
import type { IkeWorld } from './ike/types.js';
import { serviceStopped } from './ike/sa-lifecycle.js';
import type { RandomState } from './random.js';
import { applyDomainOp, type DomainOp } from './directory/ops.js';
import type { TrafficRecord } from './traffic/record.js';
import { advanceClock } from './sim/clock.js';

/**
 * What a command asks to change, as data. Command handlers stay pure: they read the world and
 * return their output with these, and the lab applies them after the handler has succeeded.
 */
export type Effect =
  | { readonly kind: 'gp-refresh'; readonly host: string }
  | { readonly kind: 'policy-agent'; readonly host: string; readonly running: boolean }
  | { readonly kind: 'console'; readonly host: string; readonly console: ConsoleState }
  | { readonly kind: 'host-store'; readonly host: string; readonly location: 'local' | 'persistent'; readonly store: PolicyStore }
  | { readonly kind: 'domain-store'; readonly domain: string; readonly store: PolicyStore }
  /** A GPO now assigns this IPSec policy of its domain's store (null: none), as `set policy gponame=` does. */
  | { readonly kind: 'gpo-ipsec-policy'; readonly domain: string; readonly gpoId: string; readonly policy: string | null }
  /** The host's live SPD after `netsh ipsec dynamic` changed it. */
  | { readonly kind: 'host-spd'; readonly host: string; readonly spd: Spd }
  /** A file of the host is written whole (`echo … >`, exportpolicy); `path` as model/files.ts resolves it. */
  | { readonly kind: 'host-file'; readonly host: string; readonly path: string; readonly text: string }
  /** A directory change already checked by the command that asks for it (dsadd, dsrm). */
  | { readonly kind: 'domain-op'; readonly domain: string; readonly op: DomainOp }
  | { readonly kind: 'move-computer'; readonly host: string; readonly ou: string | null }
  | { readonly kind: 'net-use'; readonly host: string; readonly connections: readonly string[] }
  /** Packets were sent: the IKE state and random source they left, and the time they took. */
  | {
      readonly kind: 'traffic';
      readonly ike: IkeWorld;
      readonly random: RandomState;
      readonly clock: number;
      readonly log: readonly TrafficRecord[];
    };

function applyDirectoryEffect(world: World, effect: Extract<Effect, { kind: 'domain-store' | 'gpo-ipsec-policy' }>): void {
  const domain = world.directory.domains[effect.domain];
  if (!domain) return;
  let updated = domain;
  if (effect.kind === 'domain-store') updated = { ...domain, ipsecStore: effect.store };
  else {
    const gpo = domain.gpos[effect.gpoId];
    if (!gpo) return;
    updated = { ...domain, gpos: { ...domain.gpos, [gpo.id]: { ...gpo, ipsecPolicy: effect.policy } } };
  }
  world.directory = { ...world.directory, domains: { ...world.directory.domains, [domain.name]: updated } };
}

function applyDomainEffect(world: World, name: string, op: DomainOp): void {
  const domain = world.directory.domains[name];
  const result = domain && applyDomainOp(domain, op);
  if (result?.ok) world.directory = { ...world.directory, domains: { ...world.directory.domains, [name]: result.value } };
}

/** Traffic is computed on a draft; committing it then lets the clock's background tasks catch up. */
function applyTraffic(world: World, effect: Extract<Effect, { kind: 'traffic' }>): void {
  world.ike = effect.ike;
  world.trafficLog = effect.log;
  world.random.state = effect.random.state;
  if (effect.clock > world.clock) advanceClock(world, effect.clock);
}

export function applyEffect(world: World, effect: Effect): void {
  if (effect.kind === 'domain-store' || effect.kind === 'gpo-ipsec-policy') return applyDirectoryEffect(world, effect);
  if (effect.kind === 'traffic') return applyTraffic(world, effect);
  if (effect.kind === 'domain-op') return applyDomainEffect(world, effect.domain, effect.op);
  const host = findHost(world, effect.host);
  if (!host) return;
  switch (effect.kind) {
    case 'gp-refresh':
      refreshGroupPolicy(world, host, world.clock);
      return;
    case 'policy-agent':
      // Dynamic SPD objects live in the service's process: stopping it drops them (§6.5).
      if (!effect.running && host.policyAgent.running) {
        host.spd = restartPolicyAgent(host.spd);
        serviceStopped(world.ike, host.name);
      }
      host.policyAgent = { running: effect.running };
      // A starting service reads the assigned domain policy afresh.
      if (effect.running) pollDomainPolicy(world, host, world.clock);
      return;
    case 'console':
      host.console = effect.console;
      return;
    case 'host-store':
      host.stores = { ...host.stores, [effect.location]: effect.store };
      return;
    case 'host-spd':
      host.spd = effect.spd;
      return;
    case 'move-computer':
      host.ou = effect.ou;
      return;
    case 'net-use':
      host.netUse = effect.connections;
      return;
    case 'host-file':
      host.files = { ...host.files, [effect.path]: effect.text };
      return;
  }
}
