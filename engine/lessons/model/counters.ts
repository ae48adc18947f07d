/*
 * The counters of the IP Security Monitor's statistics (the seed's Tables 2 and 3; display
 * names as `netsh ipsec dynamic show stats` prints them, reference §4.7). A check names one
 * as `mm.<name>` (IKE Main Mode statistics) or `qm.<name>` (IPsec Quick Mode statistics).
 */

export const MAIN_MODE_COUNTERS = {
  activeAcquire: 'Active Acquire',
  activeReceive: 'Active Receive',
  acquireFailures: 'Acquire Failures',
  receiveFailures: 'Receive Failures',
  sendFailures: 'Send Failures',
  acquireHeapSize: 'Acquire Heap Size',
  receiveHeapSize: 'Receive Heap Size',
  authenticationFailures: 'Authentication Failures',
  negotiationFailures: 'Negotiation Failures',
  invalidCookiesReceived: 'Invalid Cookies Received',
  totalAcquire: 'Total Acquire',
  totalGetSpi: 'Total Get SPI',
  keyAdditions: 'Key Additions',
  keyUpdates: 'Key Updates',
  getSpiFailures: 'Get SPI Failures',
  keyAdditionFailures: 'Key Addition Failures',
  keyUpdateFailures: 'Key Update Failures',
  isadbListSize: 'ISADB List Size',
  connectionListSize: 'Connection List Size',
  ikeMainMode: 'IKE Main Mode',
  ikeQuickMode: 'IKE Quick Mode',
  softAssociations: 'Soft Associations',
  invalidPacketsReceived: 'Invalid Packets Received',
} as const;

export const QUICK_MODE_COUNTERS = {
  activeSecurityAssociations: 'Active Security Associations',
  offloadedSecurityAssociations: 'Offloaded Security Associations',
  pendingKeyOperations: 'Pending Key Operations',
  keyAdditions: 'Key Additions',
  keyDeletions: 'Key Deletions',
  rekeys: 'Rekeys',
  activeTunnels: 'Active Tunnels',
  badSpiPackets: 'Bad SPI Packets',
  packetsNotDecrypted: 'Packets Not Decrypted',
  packetsNotAuthenticated: 'Packets Not Authenticated',
  packetsWithReplayDetection: 'Packets With Replay Detection',
  confidentialBytesSent: 'Confidential Bytes Sent',
  confidentialBytesReceived: 'Confidential Bytes Received',
  authenticatedBytesSent: 'Authenticated Bytes Sent',
  authenticatedBytesReceived: 'Authenticated Bytes Received',
  transportBytesSent: 'Transport Bytes Sent',
  transportBytesReceived: 'Transport Bytes Received',
  bytesSentInTunnels: 'Bytes Sent In Tunnels',
  bytesReceivedInTunnels: 'Bytes Received In Tunnels',
  offloadedBytesSent: 'Offloaded Bytes Sent',
  offloadedBytesReceived: 'Offloaded Bytes Received',
} as const;

export type MainModeCounter = keyof typeof MAIN_MODE_COUNTERS;
export type QuickModeCounter = keyof typeof QUICK_MODE_COUNTERS;
export type CounterName = `mm.${MainModeCounter}` | `qm.${QuickModeCounter}`;

export const COUNTER_NAMES = [
  ...Object.keys(MAIN_MODE_COUNTERS).map((k) => `mm.${k}`),
  ...Object.keys(QUICK_MODE_COUNTERS).map((k) => `qm.${k}`),
] as CounterName[];

/** The counter as the IP Security Monitor names it: `Main Mode "Authentication Failures"`. */
export function counterLabel(name: CounterName): string {
  const [scope, key] = name.split('.') as ['mm' | 'qm', string];
  const table: Record<string, string> = scope === 'mm' ? MAIN_MODE_COUNTERS : QUICK_MODE_COUNTERS;
  return `${scope === 'mm' ? 'Main Mode' : 'Quick Mode'} "${table[key] ?? key}"`;
}
