import { applicableGpos } from '../directory/gpo-order.js';
import type { Domain } from '../directory/types.js';
import type { Host } from '../model/host.js';
import { findHost, type World } from '../model/world.js';
import { nextUint32 } from '../random.js';
import { copyPolicy } from './policy-copy.js';
import { DC_REFRESH_INTERVAL_MS, REFRESH_INTERVAL_MS, REFRESH_OFFSET_MAX_MS, type CachedDomainPolicy } from './types.js';

export function domainOf(world: World, host: Host): Domain | undefined {
  return host.domain ? world.directory.domains[host.domain] : undefined;
}

/** A domain's controller answers when its host exists and is switched on. */
export function dcReachable(world: World, domain: Domain): boolean {
  return findHost(world, domain.dc)?.online ?? false;
}

/** The next background refresh: 90 minutes plus a random offset of up to 30 (DCs: every 5). */
export function scheduleRefresh(world: World, host: Host, now: number): number {
  if (host.roles.includes('domain-controller')) return now + DC_REFRESH_INTERVAL_MS;
  return now + REFRESH_INTERVAL_MS + (nextUint32(world.random) % REFRESH_OFFSET_MAX_MS);
}

export type RefreshOutcome = 'applied' | 'no-domain' | 'dc-unreachable';

/**
 * One Group Policy refresh of a computer. It learns which GPOs apply and which IPSec policy the
 * winning one assigns. Only a change of assignment makes the Policy Agent load a policy now;
 * edits inside the policy already assigned wait for its polling interval (or a service restart).
 */
export function refreshGroupPolicy(world: World, host: Host, now: number): RefreshOutcome {
  host.gp.nextRefresh = scheduleRefresh(world, host, now);
  const domain = domainOf(world, host);
  if (!domain) return 'no-domain';
  if (!dcReachable(world, domain)) return 'dc-unreachable';
  host.gp.lastRefresh = now;
  const applied = applicableGpos(world.directory, domain.name, host.ou);
  host.gp.appliedGpos = applied.map((g) => g.gpoId);
  const winner = [...applied].reverse().find((g) => domain.gpos[g.gpoId]?.ipsecPolicy);
  const gpo = winner && domain.gpos[winner.gpoId];
  const cached = host.gp.domainPolicy;
  if (!gpo?.ipsecPolicy) {
    // A GPO deleted while it still assigned a policy leaves its cached copy in force.
    if (cached && !domain.gpos[cached.gpoId]) return 'applied';
    host.gp.domainPolicy = null;
    host.gp.nextPoll = null;
    return 'applied';
  }
  if (cached?.gpoId === gpo.id && cached.policyName.toLowerCase() === gpo.ipsecPolicy.toLowerCase()) return 'applied';
  loadDomainPolicy(host, domain, gpo.id, gpo.name, gpo.ipsecPolicy, now);
  return 'applied';
}

/** The Policy Agent reads the assigned policy from the directory and caches it. */
function loadDomainPolicy(host: Host, domain: Domain, gpoId: string, gpoName: string, policyName: string, now: number): void {
  const copy = copyPolicy(domain.ipsecStore, policyName);
  if (!copy) return;
  const cached: CachedDomainPolicy = { domain: domain.name, gpoId, gpoName, policyName, copy, readAt: now };
  host.gp.domainPolicy = cached;
  host.gp.nextPoll = now + pollingMs(cached);
}

function pollingMs(cached: CachedDomainPolicy): number {
  return (cached.copy.policies[0]?.pollinginterval ?? 180) * 60_000;
}

/**
 * The Policy Agent's polling: re-read the assigned domain policy, picking up edits made since.
 * With no DC it keeps the cached copy and tries again at the next interval.
 */
export function pollDomainPolicy(world: World, host: Host, now: number): void {
  const cached = host.gp.domainPolicy;
  if (!cached) {
    host.gp.nextPoll = null;
    return;
  }
  const domain = world.directory.domains[cached.domain];
  const copy = domain && dcReachable(world, domain) ? copyPolicy(domain.ipsecStore, cached.policyName) : null;
  if (copy) host.gp.domainPolicy = { ...cached, copy, readAt: now };
  host.gp.nextPoll = now + pollingMs(host.gp.domainPolicy ?? cached);
}
