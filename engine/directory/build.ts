import { createEmptyStore } from '../ipsec/defaults.js';
import {
  DEFAULT_DC_POLICY_ID,
  DEFAULT_DOMAIN_POLICY_ID,
  DEFAULT_SITE,
  domainDn,
  type Directory,
  type Domain,
  type OrganizationalUnit,
} from './types.js';

/** How a lab names a domain: OUs as slash paths from the domain down (`Servers/Test`). */
export interface DomainSpec {
  readonly name: string;
  readonly netbiosName?: string;
  readonly dc: string;
  readonly ous?: readonly string[];
}

export const DOMAIN_CONTROLLERS_OU = 'Domain Controllers';

/** `Servers/Test` in example.test → `OU=Test,OU=Servers,DC=example,DC=test`. */
export function ouPathToDn(domain: string, path: string): string {
  const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
  return [...parts.reverse().map((p) => `OU=${p}`), domainDn(domain)].join(',');
}

function ousOf(spec: DomainSpec): Record<string, OrganizationalUnit> {
  const ous: Record<string, OrganizationalUnit> = {};
  const root = domainDn(spec.name);
  for (const path of [DOMAIN_CONTROLLERS_OU, ...(spec.ous ?? [])]) {
    const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
    parts.forEach((name, i) => {
      const dn = ouPathToDn(spec.name, parts.slice(0, i + 1).join('/'));
      const parent = i === 0 ? root : ouPathToDn(spec.name, parts.slice(0, i).join('/'));
      const links = name === DOMAIN_CONTROLLERS_OU && i === 0 ? [{ gpoId: DEFAULT_DC_POLICY_ID, enforced: false, enabled: true }] : [];
      ous[dn] ??= { dn, name, parent, links, blockInheritance: false };
    });
  }
  return ous;
}

/** A domain as dcpromo leaves it: the two default GPOs linked, an empty IPSec container. */
export function buildDomain(spec: DomainSpec): Domain {
  return {
    name: spec.name.toLowerCase(),
    netbiosName: (spec.netbiosName ?? spec.name.split('.')[0] ?? spec.name).toUpperCase(),
    dn: domainDn(spec.name.toLowerCase()),
    dc: spec.dc,
    links: [{ gpoId: DEFAULT_DOMAIN_POLICY_ID, enforced: false, enabled: true }],
    blockInheritance: false,
    ous: ousOf({ ...spec, name: spec.name.toLowerCase() }),
    gpos: {
      [DEFAULT_DOMAIN_POLICY_ID]: { id: DEFAULT_DOMAIN_POLICY_ID, name: 'Default Domain Policy', domain: spec.name.toLowerCase(), ipsecPolicy: null },
      [DEFAULT_DC_POLICY_ID]: {
        id: DEFAULT_DC_POLICY_ID,
        name: 'Default Domain Controllers Policy',
        domain: spec.name.toLowerCase(),
        ipsecPolicy: null,
      },
    },
    ipsecStore: createEmptyStore('domain'),
  };
}

export function buildDirectory(domains: readonly DomainSpec[]): Directory {
  const built = domains.map(buildDomain);
  return {
    forest: built[0]?.name ?? '',
    site: { name: DEFAULT_SITE, links: [] },
    domains: Object.fromEntries(built.map((d) => [d.name, d])),
  };
}
