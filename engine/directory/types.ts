import type { PolicyStore } from '../ipsec/types.js';

/**
 * Active Directory as far as IPSec cares: domains, their OUs, the GPOs linked to them and each
 * domain's "IP Security Policies on Active Directory" container. Plain data, keyed by DN or id.
 */
export interface GpoLink {
  readonly gpoId: string;
  /** "No Override" in 2000/2003 wording, "Enforced" in GPMC's. */
  readonly enforced: boolean;
  readonly enabled: boolean;
}

export interface Gpo {
  readonly id: string;
  readonly name: string;
  /** The domain whose container holds the GPO. */
  readonly domain: string;
  /** Name of the IPSec policy (in the domain's container) assigned in this GPO; at most one. */
  readonly ipsecPolicy: string | null;
}

/** An OU or the domain itself: both can hold linked GPOs; links are listed in link order (1 first). */
export interface GpoContainer {
  readonly dn: string;
  readonly links: readonly GpoLink[];
  readonly blockInheritance: boolean;
}

export interface OrganizationalUnit extends GpoContainer {
  readonly name: string;
  /** DN of the parent OU or of the domain. */
  readonly parent: string;
}

export interface Domain extends GpoContainer {
  /** DNS name, e.g. example.test. */
  readonly name: string;
  readonly netbiosName: string;
  /** Host name of the domain controller. */
  readonly dc: string;
  readonly ous: Readonly<Record<string, OrganizationalUnit>>;
  readonly gpos: Readonly<Record<string, Gpo>>;
  /** "IP Security Policies on Active Directory". */
  readonly ipsecStore: PolicyStore;
}

export interface Site {
  readonly name: string;
  readonly links: readonly GpoLink[];
}

export interface Directory {
  readonly forest: string;
  readonly domains: Readonly<Record<string, Domain>>;
  readonly site: Site;
}

export const DEFAULT_SITE = 'Default-First-Site-Name';
/** The real GUIDs of the two GPOs every Windows 2000/2003 domain is created with. */
export const DEFAULT_DOMAIN_POLICY_ID = '{31B2F340-016D-11D2-945F-00C04FB984F9}';
export const DEFAULT_DC_POLICY_ID = '{6AC1786C-016F-11D2-945F-00C04FB984F9}';

/** `example.test` → `DC=example,DC=test`. */
export function domainDn(dnsName: string): string {
  return dnsName
    .split('.')
    .map((part) => `DC=${part}`)
    .join(',');
}
