import { refreshGroupPolicy, pollDomainPolicy } from './gp/refresh.js';
import type { PolicyStore } from './ipsec/types.js';
import type { ConsoleState } from './model/host.js';
import { findHost, type World } from './model/world.js';

/**
 * What a command asks to change, as data. Command handlers stay pure: they read the world and
 * return their output with these, and the lab applies them after the handler has succeeded.
 */
export type Effect =
  | { readonly kind: 'gp-refresh'; readonly host: string }
  | { readonly kind: 'policy-agent'; readonly host: string; readonly running: boolean }
  | { readonly kind: 'console'; readonly host: string; readonly console: ConsoleState }
  | { readonly kind: 'host-store'; readonly host: string; readonly location: 'local' | 'persistent'; readonly store: PolicyStore }
  | { readonly kind: 'domain-store'; readonly domain: string; readonly store: PolicyStore };

export function applyEffect(world: World, effect: Effect): void {
  if (effect.kind === 'domain-store') {
    const domain = world.directory.domains[effect.domain];
    if (domain) world.directory = { ...world.directory, domains: { ...world.directory.domains, [domain.name]: { ...domain, ipsecStore: effect.store } } };
    return;
  }
  const host = findHost(world, effect.host);
  if (!host) return;
  switch (effect.kind) {
    case 'gp-refresh':
      refreshGroupPolicy(world, host, world.clock);
      return;
    case 'policy-agent':
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
  }
}
