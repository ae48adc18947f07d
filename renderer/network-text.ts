import type { HostView, TreeNode } from './network-tree.js';
import { labMoment, relative } from './lab-time.js';

/** `Server 2003`, `XP`, `2000`: the short name the Windows column shows. */
export function windowsName(version: string): string {
  return version === '2003' ? 'Server 2003' : version;
}

/** Where a policy in force came from, as the network view says it. */
export function policySource(policy: NonNullable<HostView['activePolicy']>): string {
  if (policy.source === 'domain') return policy.gpoName ? `from GPO ${policy.gpoName}` : 'from Group Policy';
  return policy.source; // 'local' | 'persistent'
}

/** One sentence with everything the computer's row shows, for its accessible description. */
export function describeHost(host: HostView, now: number): string {
  const parts = [`Windows ${windowsName(host.version)}`, host.address, host.online ? 'online' : 'offline'];
  if (host.online) parts.push(`IPSEC Services ${host.policyAgentRunning ? 'running' : 'stopped'}`);
  const active = host.activePolicy;
  parts.push(active ? `IPSec policy ${active.name} ${policySource(active)}` : 'no IPSec policy in force');
  if (host.persistentPolicy && host.persistentPolicy.name !== active?.name) parts.push(`persistent policy ${host.persistentPolicy.name}`);
  if (host.lastGpRefresh !== null) parts.push(`Group Policy refreshed ${labMoment(host.lastGpRefresh, now)}`);
  if (host.nextGpRefresh !== null) parts.push(`next refresh ${labMoment(host.nextGpRefresh, now)} (${relative(host.nextGpRefresh, now)})`);
  return `${parts.join(', ')}.`;
}

/** What the details column of a domain, OU or container row says. */
export function describeContainer(node: TreeNode): string {
  switch (node.kind) {
    case 'domain': {
      const store = node.domain.policies;
      return `Domain · controller ${node.domain.dc} · IPSec policies in Active Directory: ${store.length ? store.join(', ') : 'none'}`;
    }
    case 'ou':
      return 'Organizational unit';
    case 'container':
      return 'Default container for computer accounts · no GPOs can be linked here';
    case 'workgroup':
      return 'Workgroup computers · local IPSec policy only';
    default:
      return '';
  }
}
