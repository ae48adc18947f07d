import type { Domain } from '../directory/types.js';
import { effectivePolicy, type PolicyInForce } from '../gp/effective-policy.js';
import type { PolicyStore } from '../ipsec/types.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';

/** What the UI shows of one computer: plain data, safe to send over the channel. */
export interface HostView {
  readonly name: string;
  readonly version: string;
  readonly address: string;
  readonly domain: string | null;
  readonly ou: string | null;
  readonly roles: readonly string[];
  readonly online: boolean;
  readonly policyAgentRunning: boolean;
  readonly activePolicy: PolicyView | null;
  readonly persistentPolicy: PolicyView | null;
  readonly lastGpRefresh: number | null;
  readonly nextGpRefresh: number | null;
  /** "IP Security Policies on Local Computer": the local store as the policy tools show it. */
  readonly localStore: PolicyStore;
}

export interface PolicyView {
  readonly name: string;
  readonly source: 'domain' | 'local' | 'persistent';
  readonly gpoName: string | null;
}

export interface OuView {
  readonly dn: string;
  readonly name: string;
  readonly parent: string;
  readonly blockInheritance: boolean;
  readonly links: readonly { gpo: string; enforced: boolean; enabled: boolean }[];
}

export interface DomainView {
  readonly name: string;
  readonly dn: string;
  readonly dc: string;
  readonly ous: readonly OuView[];
  readonly links: readonly { gpo: string; enforced: boolean; enabled: boolean }[];
  readonly gpos: readonly { id: string; name: string; ipsecPolicy: string | null }[];
  readonly policies: readonly string[];
  /** "IP Security Policies on Active Directory", for the policy tool inside a GPO. */
  readonly store: PolicyStore;
}

export interface LabView {
  readonly clock: number;
  readonly hosts: readonly HostView[];
  readonly domains: readonly DomainView[];
}

function policyView(p: PolicyInForce | null): PolicyView | null {
  return p ? { name: p.policy.name, source: p.source, gpoName: p.gpoName ?? null } : null;
}

function hostView(host: Host): HostView {
  const effective = effectivePolicy(host);
  return {
    name: host.name,
    version: host.version,
    address: host.nic.address,
    domain: host.domain,
    ou: host.ou,
    roles: host.roles,
    online: host.online,
    policyAgentRunning: host.policyAgent.running,
    activePolicy: policyView(effective.active),
    persistentPolicy: policyView(effective.persistent),
    lastGpRefresh: host.gp.lastRefresh,
    nextGpRefresh: host.domain ? host.gp.nextRefresh : null,
    localStore: host.stores.local,
  };
}

function domainView(domain: Domain): DomainView {
  const gpoName = (id: string) => domain.gpos[id]?.name ?? id;
  const links = (l: Domain['links']) => l.map((x) => ({ gpo: gpoName(x.gpoId), enforced: x.enforced, enabled: x.enabled }));
  return {
    name: domain.name,
    dn: domain.dn,
    dc: domain.dc,
    links: links(domain.links),
    ous: Object.values(domain.ous).map((ou) => ({ dn: ou.dn, name: ou.name, parent: ou.parent, blockInheritance: ou.blockInheritance, links: links(ou.links) })),
    gpos: Object.values(domain.gpos).map((g) => ({ id: g.id, name: g.name, ipsecPolicy: g.ipsecPolicy })),
    policies: domain.ipsecStore.policies.map((p) => p.name),
    store: domain.ipsecStore,
  };
}

/** The whole lab as the UI's network view and clock show it. */
export function labView(world: World): LabView {
  return {
    clock: world.clock,
    hosts: Object.values(world.hosts).map(hostView),
    domains: Object.values(world.directory.domains).map(domainView),
  };
}

/** When the next background Group Policy refresh of any computer falls due, or null. */
export function nextGpRefresh(world: World): number | null {
  const times = Object.values(world.hosts).filter((h) => h.domain && h.online).map((h) => h.gp.nextRefresh);
  return times.length ? Math.min(...times) : null;
}
