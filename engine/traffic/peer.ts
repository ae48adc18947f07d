import { effectivePolicy } from '../gp/effective-policy.js';
import { policyForIke } from './combined-policy.js';
import { spdAsStore } from './spd-policy.js';
import { dcReachable, domainOf } from '../gp/refresh.js';
import type { NegotiationPeer } from '../ike/peer.js';
import { createEmptyStore } from '../ipsec/defaults.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';

const NO_POLICY = createEmptyStore('local');

/**
 * What IKE needs to know of a host right now, built from the world: its effective policy, its
 * domain and whether a DC answers, its certificates and the netsh dynamic configuration.
 */
export function negotiationPeer(world: World, host: Host): NegotiationPeer {
  const effective = effectivePolicy(host);
  const policy = policyForIke(effective.persistent, effective.active, host.policyAgent.running ? spdAsStore(host.spd) : null);
  const domain = domainOf(world, host);
  const config = host.spd.config;
  return {
    name: host.name,
    address: host.nic.address,
    version: host.version,
    domain: host.domain,
    forest: domain ? world.directory.forest : null,
    dcReachable: domain ? dcReachable(world, domain) : false,
    policyAgentRunning: host.online && host.policyAgent.running,
    policy: policy ?? { store: NO_POLICY, policyName: null },
    certificates: host.pki.certificates,
    trustedRoots: host.pki.trustedRoots,
    strongcrlcheck: config.strongcrlcheck,
    ipsecexempt: config.ipsecexempt,
    network: {
      mask: host.nic.mask,
      dnsServers: host.nic.dnsServers,
      winsServers: host.nic.winsServer ? [host.nic.winsServer] : [],
      gateways: host.nic.gateway ? [host.nic.gateway] : [],
    },
  };
}
