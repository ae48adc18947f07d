/**
 * Every literal string ipseccmd (XP Support Tools) and ipsecpol (2000 Resource Kit) print.
 * The syntax lines follow Microsoft's ipseccmd page [C:S21]; everything else — messages, the
 * usage wording and the query-mode layout — is reconstructed [R], written fresh, and kept
 * here so a capture from a real XP machine corrects one file.
 */
import type { ToolName } from './types.js';

/** The syntax lines: the forms Microsoft documents [C:S21], with continuation lines under the flags. */
function syntax(tool: ToolName): string[] {
  const name = `${tool} [\\\\ComputerName]`;
  const more = ' '.repeat(tool.length + 1);
  const lines = [
    `${name} -f FilterList [-n NegotiationPolicyList] [-t TunnelAddr]`,
    `${more}[-a AuthMethodList] [-1s SecurityMethodList] [-1k MainModeRekeySettings]`,
    `${more}[-1p] [-1f MMFilterList] [-1e SoftSAExpirationTime] [-soft] [-confirm]`,
    `${more}[-dialup | -lan]`,
    `${tool} -u`,
    `${name} -w REG|DS[:Domain] -p PolicyName[:PollInterval] [-r RuleName]`,
    `${more}[-f FilterList and the other dynamic mode flags] [-x | -y] [-o]`,
  ];
  if (tool === 'ipseccmd') lines.push(`${name} show filters|policies|auth|stats|sas|all`);
  return lines;
}

const FLAG_HELP = [
  '  -f   Filters, separated by spaces: Src/Mask:Port=Dst/Mask:Port:Protocol',
  '       0 is this computer, * is any computer; = makes a mirrored filter,',
  '       + a one-way filter. Masks and ports may be left out (one address,',
  '       every port). Write (filter) to pass the traffic, [filter] to block it.',
  '  -n   BLOCK, PASS, INPASS, or security methods such as ESP[3DES,SHA]',
  '       AH[MD5] AH[SHA]+ESP[DES,NONE], each optionally followed by a rekey',
  '       (3600S, 50000K or 50000K/3600S) and PFS, PFS1, PFS2 or PFS3.',
  '       SHA means SHA1.',
  '  -t   Tunnel endpoint: an IP address or a DNS name.',
  '  -a   Authentication: K (Kerberos), P:"key" (preshared key), C:"CA name".',
  '  -1s  Main mode methods ConfAlg-HashAlg-Group, such as 3DES-SHA-2 DES-MD5-1.',
  '  -1k  Main mode rekey after N quick modes (NQ) or N seconds (NS): 10Q/28800S.',
  '  -1p  Master key perfect forward secrecy.',
  '  -1e  Lifetime of an idle soft association, in seconds.',
  '  -soft  Talk in the clear to computers that do not answer IKE.',
  '  -dialup | -lan  Only dial-up, or only LAN, connections.',
  '  -u   Deletes all dynamic policy.',
  '  -w   Static mode: REG (this computer\'s registry) or DS (Active Directory).',
  '  -p   Policy name, optionally followed by :polling interval in minutes.',
  '  -r   Rule name.',
  '  -x   Assigns the policy.  -y  Unassigns it.  -o  Deletes it.',
];

const QUERY_HELP = [
  '  show filters   main mode and quick mode filters',
  '  show policies  main mode and quick mode policies',
  '  show auth      main mode authentication methods',
  '  show stats     IKE and IPSec statistics',
  '  show sas       main mode and quick mode security associations',
  '  show all       all of the above (several may be combined)',
];

/** `ipseccmd /?` and the text after every syntax error. */
export function usage(tool: ToolName): string[] {
  const query = tool === 'ipseccmd' ? ['', 'Query mode:', ...QUERY_HELP] : [];
  return ['Usage:', ...syntax(tool), '', ...FLAG_HELP, ...query];
}

/** The line before the usage text when the command line is wrong. */
export const syntaxError = (problem: string): string => `ERROR: ${problem}`;

/** Why a command line is refused [R wording]. */
export const PROBLEM = {
  noArguments: 'No arguments were given.',
  unknownFlag: (flag: string) => `"${flag}" is not a valid flag.`,
  strayValue: (value: string) => `"${value}" does not follow a flag that takes a value.`,
  missingValue: (flag: string) => `${flag} needs a value.`,
  repeated: (flag: string) => `${flag} is given more than once.`,
  uAlone: '-u deletes all dynamic policy and takes no other flags.',
  needFilters: 'Dynamic mode needs filters: give -f FilterList.',
  staticOnly: (flag: string) => `${flag} is only valid in static mode (with -w).`,
  needPolicy: 'Static mode needs a policy name: give -p PolicyName.',
  needRule: 'Give a rule name with -r for the filters of a static rule.',
  ruleNeedsFilters: '-r needs the rule\'s filters: give -f FilterList.',
  assignBoth: '-x and -y cannot be used together.',
  deleteAlone: '-o deletes the policy and cannot be combined with -f, -x or -y.',
  dialupAndLan: '-dialup and -lan cannot be used together.',
  noShowMode: 'show is not a valid flag.',
  showTopic: (word: string) => `"${word}" is not something show can display: use filters, policies, auth, stats, sas or all.`,
  showNothing: 'show needs what to display: filters, policies, auth, stats, sas or all.',
  store: (text: string) => `"${text}" is not a policy store: use REG or DS[:Domain].`,
  policyName: 'The policy name cannot be empty.',
  ruleName: 'The rule name cannot be empty.',
  pollInterval: (text: string) => `"${text}" is not a polling interval: give whole minutes, 1 or more.`,
  filter: (spec: string, why: string) => `Filter "${spec}" is not valid: ${why}`,
  negotiation: (token: string, why: string) => `Negotiation policy "${token}" is not valid: ${why}`,
  negotiationAlone: (word: string) => `${word} cannot be combined with other negotiation policies.`,
  auth: (token: string) => `Authentication method "${token}" is not valid: use K, P:"key" or C:"CA name".`,
  authTwice: (token: string) => `Authentication method "${token}" is given more than once.`,
  mmMethod: (token: string, why: string) => `Main mode method "${token}" is not valid: ${why}`,
  rekey: (text: string) => `"${text}" is not a main mode rekey setting: use NQ, NS or NQ/NS, e.g. 10Q/28800S.`,
  softSa: (text: string) => `"${text}" is not a soft SA expiration time: give seconds, 1 or more.`,
  tunnel: (text: string) => `"${text}" is not a tunnel endpoint: give an IP address or a DNS name.`,
  mixedFilters: 'The filters of one static rule must all be plain, all (pass) or all [block].',
  noMmFilters: '-1f is not available in IPSec Lab yet: main mode filters follow the -f filters.',
} as const;

/** Why one filter or method is refused: the second half of PROBLEM.filter / negotiation / mmMethod [R]. */
export const WHY = {
  noAddress: 'an address is missing (use 0 for this computer, * for any).',
  address: (text: string) => `"${text}" is not an IP address or a DNS name.`,
  port: (text: string) => `"${text}" is not a port (0-65535); write ::${text} to give a protocol without ports.`,
  maskPlace: 'a mask can only follow an IP address.',
  mask: (text: string) => `"${text}" is not a mask.`,
  protocol: (text: string) => `"${text}" is not a protocol: use TCP, UDP, ICMP, RAW or a number 0-255.`,
  separator: 'write Source=Destination (mirrored) or Source+Destination (one way).',
  protocolPlace: 'the protocol goes at the end, after the destination port.',
  colons: 'too many ":" parts.',
  offer: 'write ESP[ConfAlg,HashAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,HashAlg] with DES, 3DES or NONE and MD5, SHA or NONE.',
  rekey: 'a rekey is NK, NS or NK/NS, then optionally PFS or PFS1-PFS3.',
  mmShape: 'write ConfAlg-HashAlg-Group with DES or 3DES, MD5 or SHA, and a group.',
  groups: (groups: readonly number[]) => `the group must be ${groups.join(', ')}.`,
} as const;

/** A failure after the command line was understood: one line, no usage [R]. */
export const failure = (message: string): string => `ERROR: ${message}`;

export const FAILURE = {
  noComputer: (name: string) => `Could not connect to computer ${name}. The RPC server is unavailable.`,
  windows2000: (name: string) => `${name} runs Windows 2000: ipseccmd cannot configure it. Use ipsecpol there.`,
  serviceStopped: 'IPSEC Services is not running, so the IPSec Security Policies Database cannot be opened.',
  policyNotFound: (name: string) => `Policy "${name}" does not exist in the store.`,
} as const;

/** What a successful run prints [R]. */
export const DONE = {
  dynamic: (rules: number) => `${rules} ${rules === 1 ? 'filter was' : 'filters were'} added to the IPSec Security Policies Database.`,
  deletedDynamic: 'All dynamic policies were deleted from the IPSec Security Policies Database.',
  policy: (name: string, where: string) => `Policy "${name}" was saved in the ${where}.`,
  rule: (name: string, filters: number) => `Rule "${name}" now has ${filters} ${filters === 1 ? 'filter' : 'filters'}.`,
  assigned: (name: string) => `Policy "${name}" is assigned.`,
  unassigned: (name: string) => `Policy "${name}" is no longer assigned.`,
  /** -x / -y on a directory policy: only a Group Policy object assigns those (§2.8). */
  gpoAssigns: (name: string) => `Policy "${name}" is in the directory: a Group Policy object assigns it, so -x and -y change nothing.`,
  deleted: (name: string) => `Policy "${name}" was deleted.`,
  confirmAssumed: 'Confirmation: Yes (the lab answers Yes for you).',
} as const;

export const STORE_NAME = {
  local: 'local registry',
  domain: (domain: string) => `directory of ${domain}`,
} as const;

/** Names ipseccmd gives the objects it creates [R]. */
export const NAMES = {
  filterList: (rule: string) => rule,
  filterAction: (rule: string) => rule,
  mmPolicy: (n: number) => `ipseccmd MM Policy ${n}`,
  qmPolicy: (n: number) => `ipseccmd QM Policy ${n}`,
  mmPolicyPrefix: 'ipseccmd MM Policy ',
  qmPolicyPrefix: 'ipseccmd QM Policy ',
} as const;

/** Query mode (`ipseccmd show …`): headings, labels and values [R layout, own wording]. */
export const SHOW = {
  heading: {
    mmFilters: 'Main Mode Filters',
    qmFilters: 'Quick Mode Filters',
    mmPolicies: 'Main Mode Policies',
    qmPolicies: 'Quick Mode Policies',
    auth: 'Main Mode Authentication Methods',
    ikeStats: 'IKE Statistics',
    ipsecStats: 'IPSec Statistics',
    mmSas: 'Main Mode Security Associations',
    qmSas: 'Quick Mode Security Associations',
  },
  none: (what: string) => `There are no ${what}.`,
  label: {
    name: 'Name',
    connection: 'Connection Type',
    source: 'Source',
    destination: 'Destination',
    protocol: 'Protocol',
    srcPort: 'Source Port',
    dstPort: 'Destination Port',
    mirrored: 'Mirrored',
    tunnel: 'Tunnel Endpoint',
    inbound: 'Inbound Action',
    outbound: 'Outbound Action',
    mmPolicy: 'Main Mode Policy',
    qmPolicy: 'Quick Mode Policy',
    auth: 'Authentication',
    offers: 'Offers',
    lifetime: 'Lifetime',
    qmLimit: 'Quick Modes Per Main Mode',
    softSa: 'Soft SA Expiration',
    soft: 'Soft Associations',
    pfs: 'PFS Group',
    cookies: 'Cookies',
    peer: 'Peer',
    me: 'Me',
    spis: 'SPIs (in/out)',
    usedBy: 'Used By',
  },
  width: 26,
  /** The longest counter name is 31 characters. */
  statsWidth: 32,
  me: 'Me',
  any: 'Any',
  yes: 'Yes',
  no: 'No',
  noPolicy: 'None',
  conntype: { all: 'All', lan: 'LAN', dialup: 'Dial-up' },
  action: { permit: 'Permit', block: 'Block', negotiate: 'Negotiate' },
  auth: { kerberos: 'Kerberos', psk: (key: string) => `Preshared Key "${key}"`, certificate: (ca: string) => `Certificate "${ca}"` },
  seconds: (n: number) => `${n} seconds`,
  minutes: (n: number) => `${n} minutes`,
  qmLifetime: (kb: number, s: number) => `${kb} KB / ${s} seconds`,
  softSaAgreed: 'soft (clear text)',
} as const;
