/**
 * The SPD part of `show all` (netsh-ipsec-2003.md §3.3): config, MM policies, QM policies,
 * MM filters, QM filters [R order]. The caller appends the MM SAs, QM SAs and statistics
 * (the IKE engine's listings) after a blank line to complete the command.
 */
import type { HostContext } from '../ipsec/traffic.js';
import type { DnsResolver } from './format.js';
import { joinBlocks } from './layout.js';
import { configBlock } from './show-config.js';
import { mmFilterSections, qmFilterSections } from './show-filter.js';
import { mmPolicySection, qmPolicySection } from './show-policy.js';
import type { Spd } from './types.js';

export interface ShowAllOptions {
  readonly resolvedns?: boolean;
  readonly resolve?: DnsResolver;
  readonly host?: HostContext;
}

export function showAllSpd(spd: Spd, options: ShowAllOptions = {}): string {
  const filterOptions = { type: 'generic', resolvedns: options.resolvedns, resolve: options.resolve, host: options.host } as const;
  return joinBlocks([
    configBlock(spd.config),
    ...mmPolicySection(spd.mmPolicies),
    ...qmPolicySection(spd.qmPolicies),
    ...mmFilterSections(spd, spd.mmFilters, filterOptions),
    ...qmFilterSections(spd, spd.qmFilters, filterOptions),
  ]);
}
