import type { ConnectionType, DhGroup, FilterActionKind, SpecialServer, StoreLocation } from '../types.js';

/*
 * Every literal string and width of the `netsh ipsec static show` layouts, in one place so a
 * capture from a real Windows Server 2003 host fixes this file only (netsh-ipsec-2003.md §4).
 * Tags: [CV:S35] `Policy Name` and `Assigned` are parsed by real admin scripts; [CV:S37]
 * `Medium(2)`, `Quick Mode sessions`, `ALL`/`NONE`; everything else is [R].
 */

/** List layouts: the label padded to this width, then `: value` [R §4 intro, §4.1]. */
export const LABEL_WIDTH = 23;
/** `show gpoassignedpolicy` pads its longer labels wider [R §4.4]. */
export const GPO_LABEL_WIDTH = 31;
/**
 * `wide=no` keeps table rows within this many characters: a line of exactly 80 would make an
 * 80-column cmd.exe window wrap and print an empty line [R].
 */
export const TABLE_WIDTH = 79;
/** Spaces between table columns [R]. */
export const TABLE_GAP = 2;
/** Narrowest a shrinkable table column gets under `wide=no` [R]. */
export const TABLE_MIN_COLUMN = 8;
/** Marks a value cut short by `wide=no` [R]. */
export const TRUNCATION_MARK = '...';

export const L = {
  policyName: 'Policy Name', // [CV:S35]
  filterListName: 'FilterList Name',
  filterActionName: 'FilterAction Name',
  ruleId: 'Rule ID',
  ruleName: 'Rule Name',
  description: 'Description',
  store: 'Store',
  currentStore: 'Current Store',
  lastModified: 'Last Modified',
  guid: 'GUID',
  assigned: 'Assigned', // [CV:S35]
  pollingInterval: 'Polling Interval',
  mmLifetime: 'Main Mode Life Time',
  masterPfs: 'Master PFS',
  ruleCount: 'No. of Rules',
  filterCount: 'No. of Filters',
  activated: 'Activated',
  connectionType: 'Connection Type',
  tunnel: 'Tunnel IP Address',
  action: 'Action',
  soft: 'Soft Association',
  inpass: 'Inbound Pass-through',
  qmpfs: 'QMPFS',
  mirrored: 'Mirrored',
  srcAddress: 'Source IP Address',
  srcMask: 'Source Mask',
  srcDns: 'Source DNS Name',
  dstAddress: 'Destination IP Address',
  dstMask: 'Destination Mask',
  dstDns: 'Destination DNS Name',
  protocol: 'Protocol',
  srcPort: 'Source Port',
  dstPort: 'Destination Port',
  presharedKey: 'Preshared Key',
  rootCa: 'Root CA',
} as const;

/** Section titles; a title printed with an underline gets dashes of its own length. */
export const TITLE = {
  filters: 'Filters',
  mmMethods: 'Main Mode Security Methods',
  qmMethods: 'Security Methods',
  authMethods: (count: number) => `Authentication Methods (${count})`,
} as const;

/** The fixed-width method tables of §4.1 and §4.3 (header, dash line, column widths). */
export const MM_TABLE = {
  header: 'Encryption  Integrity   DH Group',
  dashes: '-'.repeat(36),
  widths: [12, 12] as const,
};
export const QM_TABLE = {
  header: 'AH         ESP          Lifetime(KB/sec)',
  dashes: '-'.repeat(42),
  /** AH column, then ESP encryption and ESP integrity (which together fill the ESP column). */
  widths: [11, 6, 7] as const,
};

/** Column headers of `format=table` [R]. */
export const COLUMN = {
  policyName: 'Policy Name',
  filterListName: 'FilterList Name',
  filterActionName: 'FilterAction Name',
  ruleName: 'Rule Name',
  lastModified: 'Last Modified',
  assigned: 'Assigned',
  ruleCount: 'Rules',
  filterCount: 'Filters',
  action: 'Action',
  id: 'ID',
  activated: 'Active',
  tunnel: 'Tunnel',
  soft: 'Soft',
  inpass: 'InPass',
  qmpfs: 'QMPFS',
  mirrored: 'Mirr',
  srcAddress: 'Source',
  dstAddress: 'Destination',
  protocol: 'Proto',
  srcPort: 'SPort',
  dstPort: 'DPort',
  authMethods: 'Authentication Methods',
} as const;

export const YES = 'YES';
export const NO = 'NO';
/** Empty descriptions, no tunnel, a rule without a name [CV:S37 for `NONE`]. */
export const NONE = 'NONE';
/** Port 0 and protocol 0 [R]. */
export const ANY = 'ANY';

export const minutes = (n: number): string => `${n} minutes`;
/** [CV:S37] for `Quick Mode sessions`; the `minutes /` part is [R]. */
export const mmLifetimeText = (lifetimeMinutes: number, qmPerMm: number): string =>
  `${lifetimeMinutes} minutes / ${qmPerMm} Quick Mode sessions`;
export const ruleIdWithGuid = (id: number, guid: string): string => `${id}, GUID = ${guid}`;

/** `Medium(2)` [CV:S37]; the other two by analogy [R]. */
export const DH_GROUP: Record<DhGroup, string> = { 1: 'Low(1)', 2: 'Medium(2)', 3: 'DH2048(3)' };

export const ACTION: Record<FilterActionKind, string> = {
  permit: 'PERMIT',
  block: 'BLOCK',
  negotiate: 'NEGOTIATE SECURITY',
};

/** `ALL` [CV:S37]; the other two by analogy [R]. */
export const CONNECTION_TYPE: Record<ConnectionType, string> = { all: 'ALL', lan: 'LAN', dialup: 'DIALUP' };

/** Protocol numbers netsh names; any other shows as its number [R]. */
export const PROTOCOL_NAME: Readonly<Record<number, string>> = { 0: ANY, 1: 'ICMP', 6: 'TCP', 17: 'UDP', 255: 'RAW' };

/** How the address keywords read in a listing [R §4.2]. */
export const ME_ADDRESS = '<My IP Address>';
export const ANY_ADDRESS = '<Any IP Address>';
export const SERVER_ADDRESS: Record<SpecialServer, string> = {
  DNS: '<DNS Servers>',
  WINS: '<WINS Servers>',
  DHCP: '<DHCP Server>',
  GATEWAY: '<Default Gateway>',
};

/** `Local Store <SERVER01>` [R §4.1]; the domain store is named after its domain [R]. */
export function storeName(location: StoreLocation, owner: string): string {
  const kind = { local: 'Local Store', persistent: 'Persistent Store', domain: 'Domain Store' }[location];
  return `${kind} <${owner}>`;
}

/** `show gpoassignedpolicy` [R §4.4 — only the facts it carries are required]. */
export const GPO = {
  sourceMachine: 'Source Machine',
  localGpo: 'Local Computer GPO (Local Policy)',
  gpoFor: (computer: string) => `GPO for <${computer}>`,
  gpoName: 'GPO Name',
  localPolicyName: 'Local IPsec Policy Name',
  localPolicyDn: 'Local Policy DN',
  adPolicyName: 'Active Directory Policy Name',
  adPolicyDn: 'Active Directory Policy DN',
  adGpoName: 'Active Directory GPO Name',
  adOuName: 'Active Directory OU Name',
  lastChanged: 'Last Changed',
  policyAssigned: 'Policy Assigned',
  none: 'None',
  yes: 'Yes',
  no: 'No',
} as const;

/** Registry and directory paths of a policy object (real key/DN shapes; GUIDs are ours). */
export const LOCAL_POLICY_KEY = 'SOFTWARE\\Policies\\Microsoft\\Windows\\IPSec\\Policy\\Local';
export const DIRECTORY_CONTAINER = 'CN=IP Security,CN=System';
