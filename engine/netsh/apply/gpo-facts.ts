/** What `show gpoassignedpolicy` needs to know about Group Policy, gathered from the world. */
import { applicableGpos } from '../../directory/gpo-order.js';
import { findPolicy } from '../../ipsec/index.js';
import { directoryPolicyDn, localPolicyDn, type GpoAssignedFacts, type PolicyRef } from '../../ipsec/show/index.js';
import type { Workspace } from './workspace.js';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A policy of a domain's store as the listing names it; null when the GPO names a policy that is gone. */
function directoryRef(ws: Workspace, domain: string, policyName: string | null): PolicyRef | null {
  const store = ws.domainStore(domain);
  const policy = policyName === null || !store ? undefined : findPolicy(store, policyName);
  return policy ? { name: policy.name, dn: directoryPolicyDn(policy, domain) } : null;
}

/** `name=GPO`: what that GPO of this computer's domain assigns. */
function namedGpo(ws: Workspace, gpoName: string): GpoAssignedFacts {
  const domain = ws.host.domain;
  const base = { computerName: ws.host.name, inDomain: domain !== null, gpoName };
  if (domain === null) return base;
  const gpo = ws.gpos(domain).find((g) => sameName(g.name, gpoName));
  return { ...base, gpoFound: gpo !== undefined, directoryPolicy: gpo ? directoryRef(ws, domain, gpo.ipsecPolicy) : null };
}

/** No name: this computer's view — its local assignment, and the domain policy Group Policy last delivered. */
function localView(ws: Workspace): GpoAssignedFacts {
  const host = ws.host;
  const local = host.stores.local.policies.find((p) => p.assigned);
  const cached = host.gp.domainPolicy;
  const link = cached && applicableGpos(ws.world.directory, cached.domain, host.ou).find((g) => g.gpoId === cached.gpoId);
  const policy = cached ? findPolicy(cached.copy, cached.policyName) : undefined;
  return {
    computerName: host.name,
    inDomain: host.domain !== null,
    localPolicy: local ? { name: local.name, dn: localPolicyDn(local) } : null,
    directoryPolicy: cached && policy ? { name: policy.name, dn: directoryPolicyDn(policy, cached.domain) } : null,
    assigningGpo: cached?.gpoName ?? null,
    ouDn: link?.container ?? null,
  };
}

export function gpoAssignedFacts(ws: Workspace, gpoName: string | undefined): GpoAssignedFacts {
  return gpoName === undefined ? localView(ws) : namedGpo(ws, gpoName);
}
