/**
 * Every literal string of the `netsh ipsec dynamic show` listings, in one place so a capture
 * from a real Windows Server 2003 host corrects one file. No real dynamic listing was found
 * (netsh-ipsec-2003.md §9), so all of this is [R] unless tagged; wording and widths follow
 * the static layouts of §4.1-§4.3 so both contexts read alike.
 */
import type { DhGroup, FilterActionKind, ConnectionType, SpecialServer } from '../ipsec/types.js';
import type { PfsGroup } from './types.js';

export const YES = 'YES';
export const NO = 'NO';
export const NONE = 'NONE';
export const ANY = 'ANY';

export const ME_ADDRESS = '<My IP Address>';
export const ANY_ADDRESS = '<Any IP Address>';

/** Server keywords in generic filters (the Monitor's names [CV:S15], bracketed like §4.2). */
export const SERVER_ADDRESS: Record<SpecialServer, string> = {
  DNS: '<DNS Servers>',
  WINS: '<WINS Servers>',
  DHCP: '<DHCP Server>',
  GATEWAY: '<Default Gateway>',
};

/** `Medium(2)` [CV:S37]; the other two by analogy. */
export const DH_GROUP: Record<DhGroup, string> = { 1: 'Low(1)', 2: 'Medium(2)', 3: 'DH2048(3)' };

export const PFS_GROUP: Record<PfsGroup, string> = {
  NOPFS: 'None',
  GRP1: DH_GROUP[1],
  GRP2: DH_GROUP[2],
  GRP3: DH_GROUP[3],
  GRPMM: 'Main Mode Group',
};

/** `ALL` [CV:S37]. */
export const CONNECTION_TYPE: Record<ConnectionType, string> = { all: 'ALL', lan: 'LAN', dialup: 'DIALUP' };

/** As the static `Action` line of §4.3. */
export const ACTION: Record<FilterActionKind, string> = { permit: 'PERMIT', block: 'BLOCK', negotiate: 'NEGOTIATE SECURITY' };

export const DIRECTION = { inbound: 'Inbound', outbound: 'Outbound' } as const;

export const LABEL = {
  mmPolicyName: 'Main Mode Policy Name',
  qmPolicyName: 'Quick Mode Policy Name',
  defaultMmPolicy: 'Default MM Policy',
  defaultQmPolicy: 'Default QM Policy',
  softSaExpiration: 'Soft SA Expiration Time',
  mmLifetime: 'Main Mode Life Time',
  softAssociation: 'Soft Association',
  pfsGroup: 'PFS DH Group',
  filterName: 'Filter Name',
  connectionType: 'Connection Type',
  srcAddress: 'Source IP Address',
  srcMask: 'Source Mask',
  srcDns: 'Source DNS Name',
  dstAddress: 'Destination IP Address',
  dstMask: 'Destination Mask',
  dstDns: 'Destination DNS Name',
  tunnelSrc: 'Tunnel Source',
  tunnelDst: 'Tunnel Destination',
  protocol: 'Protocol',
  srcPort: 'Source Port',
  dstPort: 'Destination Port',
  mirrored: 'Mirrored',
  direction: 'Direction',
  weight: 'Weight',
  mmPolicy: 'Main Mode Policy',
  qmPolicy: 'Quick Mode Policy',
  inboundAction: 'Inbound Action',
  outboundAction: 'Outbound Action',
  filterCount: 'No. of Filters',
  ruleCount: 'No. of Rules',
} as const;

export const mmLifetimeValue = (minutes: number, qmpermm: number): string =>
  `${minutes} minutes / ${qmpermm} Quick Mode sessions`;
export const secondsValue = (seconds: number): string => `${seconds} seconds`;
export const authHeading = (count: number): string => `Authentication Methods (${count})`;

export const HEADING = {
  mmPolicies: 'Main Mode Policies',
  qmPolicies: 'Quick Mode Policies',
  genericMmFilters: 'Generic Main Mode Filters',
  specificMmFilters: 'Specific Main Mode Filters',
  genericTransportFilters: 'Generic Transport Filters',
  specificTransportFilters: 'Specific Transport Filters',
  genericTunnelFilters: 'Generic Tunnel Filters',
  specificTunnelFilters: 'Specific Tunnel Filters',
  transportRules: 'Transport Rules',
  tunnelRules: 'Tunnel Rules',
  config: 'IPsec Configuration',
  mmMethods: 'Main Mode Security Methods',
  qmMethods: 'Security Methods',
} as const;

/** Printed in place of a section that has nothing to list. */
export const EMPTY = {
  mmPolicies: 'There are no main mode policies in the SPD.',
  qmPolicies: 'There are no quick mode policies in the SPD.',
  mmFilters: 'There are no main mode filters in the SPD.',
  transportFilters: 'There are no transport filters in the SPD.',
  tunnelFilters: 'There are no tunnel filters in the SPD.',
  transportRules: 'There are no transport rules in the SPD.',
  tunnelRules: 'There are no tunnel rules in the SPD.',
} as const;

/** Main-mode methods table, as the static §4.1 one. */
export const MM_METHOD_COLUMNS = [
  { header: 'Encryption', width: 12 },
  { header: 'Integrity', width: 12 },
  { header: 'DH Group', width: 12 },
] as const;
export const MM_METHOD_RULE = 36;

/** Quick-mode methods table, as the static §4.3 one. */
export const QM_METHOD_COLUMNS = [
  { header: 'AH', width: 11 },
  { header: 'ESP', width: 13 },
  { header: 'Lifetime(KB/sec)', width: 18 },
] as const;
export const QM_METHOD_RULE = 42;

/** `show config` labels are the property keywords a student types (§3.2). */
export const CONFIG_LABEL = {
  ipsecdiagnostics: 'ipsecdiagnostics',
  ikelogging: 'ikelogging',
  strongcrlcheck: 'strongcrlcheck',
  ipsecloginterval: 'ipsecloginterval',
  ipsecexempt: 'ipsecexempt',
  bootmode: 'bootmode',
  bootexemptions: 'bootexemptions',
} as const;
