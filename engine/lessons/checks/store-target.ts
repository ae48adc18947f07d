import type { PolicyStore } from '../../ipsec/types.js';
import { findHost, type World } from '../../model/world.js';

/** Which store a store predicate looks in: a host's local or persistent store, or a domain's. */
export interface StoreTarget {
  readonly host?: string;
  readonly domain?: string;
  readonly store?: 'local' | 'persistent';
}

export type ResolvedStore = { readonly store: PolicyStore; readonly label: string } | { readonly error: string };

export function describeTarget(t: StoreTarget): string {
  if (t.domain !== undefined) return `the domain store of ${t.domain}`;
  return `the ${t.store ?? 'local'} store of ${t.host ?? '?'}`;
}

export function resolveStore(world: World, t: StoreTarget): ResolvedStore {
  const label = describeTarget(t);
  if (t.domain !== undefined) {
    const domain = world.directory.domains[t.domain.toLowerCase()];
    return domain ? { store: domain.ipsecStore, label } : { error: `there is no domain ${t.domain} in this lab` };
  }
  const host = t.host === undefined ? undefined : findHost(world, t.host);
  if (!host) return { error: `there is no host ${t.host ?? '(none named)'} in this lab` };
  return { store: host.stores[t.store ?? 'local'], label };
}
