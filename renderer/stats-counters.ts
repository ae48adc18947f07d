import type { IkeStats } from '../service/protocol/lab-api.js';
import type { MainModeCounter, QuickModeCounter } from '../engine/ike/types.js';

/*
 * The IP Security Monitor's counters in `show stats` order (reference §4.7), each with a one-line
 * meaning in our own words after the seed's Tables 2 and 3. Typed as records of the engine's
 * counter names, so a counter added or renamed there fails the type check here.
 */

const MAIN_MODE: Record<MainModeCounter, string> = {
  'Active Acquire': 'Requests from the IPSec driver waiting for IKE to negotiate.',
  'Active Receive': 'IKE messages from peers queued for processing.',
  'Acquire Failures': 'Outbound requests for a security association that failed since IPSEC Services started.',
  'Receive Failures': 'Received IKE messages that had errors since IPSEC Services started.',
  'Send Failures': 'Errors while sending IKE messages during a negotiation.',
  'Acquire Heap Size': 'Outbound requests queued one after another to set up SAs.',
  'Receive Heap Size': 'IKE messages held in IKE’s receive buffers.',
  'Authentication Failures': 'Peers whose identity could not be verified (preshared key, Kerberos or certificate): rising during attempts points at authentication.',
  'Negotiation Failures': 'Main and quick mode negotiations that failed: rising during attempts suggests mismatched methods or keys.',
  'Invalid Cookies Received': 'IKE messages whose cookies match no known main mode SA.',
  'Total Acquire': 'All requests submitted to IKE, including those that end in soft SAs.',
  'Total Get SPI': 'Requests to the IPSec driver for a new SPI.',
  'Key Additions': 'Outbound quick mode SAs that IKE added to the driver.',
  'Key Updates': 'Inbound quick mode SAs that IKE added to the driver.',
  'Get SPI Failures': 'Requests for a unique SPI that failed.',
  'Key Addition Failures': 'Outbound quick mode SAs that IKE failed to add.',
  'Key Update Failures': 'Inbound quick mode SAs that IKE failed to add.',
  'ISADB List Size': 'Main mode state entries held: established, in progress, or failed and not yet deleted.',
  'Connection List Size': 'Quick mode negotiations in progress.',
  'IKE Main Mode': 'Main mode SAs established successfully.',
  'IKE Quick Mode': 'Quick mode SAs established successfully.',
  'Soft Associations': 'Associations that let traffic pass in the clear because the peer never answered IKE.',
  'Invalid Packets Received': 'IKE messages rejected as invalid: bad fields or lengths, a mismatched preshared key, or retransmissions.',
};

const QUICK_MODE: Record<QuickModeCounter, string> = {
  'Active Security Associations': 'Quick mode SAs in use now (each inbound/outbound pair counted once).',
  'Offloaded Security Associations': 'Quick mode SAs handled by network card hardware.',
  'Pending Key Operations': 'Key exchange operations not yet finished.',
  'Key Additions': 'Keys added for quick mode SAs since the computer started.',
  'Key Deletions': 'Quick mode SA keys deleted since the computer started.',
  Rekeys: 'Quick mode SAs renewed successfully.',
  'Active Tunnels': 'Tunnel-mode connections in use now.',
  'Bad SPI Packets': 'Packets with an SPI no current SA knows: a late packet after a rekey, or a spoof.',
  'Packets Not Decrypted': 'Secured packets dropped because they failed a check while decrypting.',
  'Packets Not Authenticated': 'Packets whose integrity check failed: tampering, spoofing or damage in transit.',
  'Packets With Replay Detection': 'Packets with a sequence number already seen: a network fault or a replay attack.',
  'Confidential Bytes Sent': 'Bytes sent encrypted (ESP).',
  'Confidential Bytes Received': 'Bytes received encrypted (ESP).',
  'Authenticated Bytes Sent': 'Bytes sent with integrity protection (AH or ESP).',
  'Authenticated Bytes Received': 'Bytes received with integrity protection (AH or ESP).',
  'Transport Bytes Sent': 'Bytes sent secured in transport mode.',
  'Transport Bytes Received': 'Bytes received secured in transport mode.',
  'Bytes Sent In Tunnels': 'Bytes sent secured in tunnel mode.',
  'Bytes Received In Tunnels': 'Bytes received secured in tunnel mode.',
  'Offloaded Bytes Sent': 'Secured bytes sent through offload hardware.',
  'Offloaded Bytes Received': 'Secured bytes received through offload hardware.',
};

export type Mode = 'main' | 'quick';

export interface Counter {
  /** `main:IKE Main Mode`: unique across both lists (both have "Key Additions"). */
  readonly key: string;
  readonly mode: Mode;
  readonly name: string;
  readonly meaning: string;
  /** Drawn on the chart's bytes axis rather than its count axis. */
  readonly bytes: boolean;
}

const counters = (mode: Mode, meanings: Record<string, string>): Counter[] =>
  Object.entries(meanings).map(([name, meaning]) => ({ key: `${mode}:${name}`, mode, name, meaning, bytes: /Bytes/.test(name) }));

export const COUNTERS: Record<Mode, readonly Counter[]> = {
  main: counters('main', MAIN_MODE),
  quick: counters('quick', QUICK_MODE),
};

export const MODE_TITLE: Record<Mode, string> = { main: 'IKE Main Mode Statistics', quick: 'IPsec Quick Mode Statistics' };

const BY_KEY = new Map([...COUNTERS.main, ...COUNTERS.quick].map((c) => [c.key, c]));

export function counterByKey(key: string): Counter | undefined {
  return BY_KEY.get(key);
}

/** What the chart draws until the student picks otherwise. */
export const DEFAULT_SERIES: readonly string[] = [
  'main:IKE Main Mode',
  'main:IKE Quick Mode',
  'main:Negotiation Failures',
  'main:Authentication Failures',
  'quick:Confidential Bytes Sent',
];

/** A counter's name on the chart: the two "Key Additions" say which list they come from. */
export function seriesLabel(counter: Counter): string {
  const twice = COUNTERS.main.some((c) => c.name === counter.name) && COUNTERS.quick.some((c) => c.name === counter.name);
  return twice ? `${counter.name} (${counter.mode === 'main' ? 'Main Mode' : 'Quick Mode'})` : counter.name;
}

export function counterValue(stats: IkeStats, counter: Counter): number {
  const list: Record<string, number> = counter.mode === 'main' ? stats.mainMode : stats.quickMode;
  return list[counter.name] ?? 0;
}

/** `1,234,567` */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
