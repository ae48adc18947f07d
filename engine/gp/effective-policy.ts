import { findPolicy } from '../ipsec/store-lookup.js';
import type { IpsecPolicy, PolicyStore } from '../ipsec/types.js';
import type { Host } from '../model/host.js';

/** Where the policy a computer enforces came from. */
export type PolicySource = 'domain' | 'local' | 'persistent';

/** One policy in force on a computer, with the store its rules resolve against. */
export interface PolicyInForce {
  readonly source: PolicySource;
  readonly store: PolicyStore;
  readonly policy: IpsecPolicy;
  readonly gpoName?: string;
}

/** Everything the Policy Agent enforces on a computer now. */
export interface EffectivePolicy {
  /** The persistent store's assigned policy (2003): applied at boot, kept on top of the rest. */
  readonly persistent: PolicyInForce | null;
  /** The one winning policy: the cached domain policy, else the locally assigned one. Never merged. */
  readonly active: PolicyInForce | null;
}

function assignedIn(store: PolicyStore, source: PolicySource): PolicyInForce | null {
  const policy = store.policies.find((p) => p.assigned);
  return policy ? { source, store, policy } : null;
}

/**
 * The policy a host enforces, from its own state only: what Group Policy last delivered (the
 * cached copy), its local store, its persistent store, and whether IPSEC Services runs.
 */
export function effectivePolicy(host: Host): EffectivePolicy {
  if (!host.policyAgent.running) return { persistent: null, active: null };
  const persistent = host.version === '2003' ? assignedIn(host.stores.persistent, 'persistent') : null;
  const cached = host.gp.domainPolicy;
  const domainPolicy = cached && findPolicy(cached.copy, cached.policyName);
  const active: PolicyInForce | null = domainPolicy && cached
    ? { source: 'domain', store: cached.copy, policy: domainPolicy, gpoName: cached.gpoName }
    : assignedIn(host.stores.local, 'local');
  return { persistent, active };
}
