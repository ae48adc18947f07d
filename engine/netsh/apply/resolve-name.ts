/** DNS names in filters and tunnels, resolved against the lab's hosts as the domain's DNS would. */
import { findHost, type World } from '../../model/world.js';
import type { Resolver } from './convert.js';

/**
 * A host answers to its name and to its full name in its domain; a domain's own name answers
 * with its domain controller, as Active Directory registers it in DNS.
 */
export function resolverFor(world: World): Resolver {
  return (name) => {
    const wanted = name.toLowerCase().replace(/\.$/, '');
    const found = new Set<string>();
    for (const host of Object.values(world.hosts)) {
      const full = host.domain ? `${host.name}.${host.domain}`.toLowerCase() : null;
      if (host.name.toLowerCase() === wanted || full === wanted) found.add(host.nic.address);
    }
    const domain = world.directory.domains[wanted];
    const dc = domain && findHost(world, domain.dc);
    if (dc) found.add(dc.nic.address);
    return [...found];
  };
}
