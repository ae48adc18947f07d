import type { WindowsVersion } from '../model/windows-version.js';
import type { IpsecExemptValue } from './constants.js';

/** One IP packet as the IPSec driver sees it; addresses are dotted strings. */
export interface Packet {
  readonly src: string;
  readonly dst: string;
  /** IP protocol number (1 ICMP, 6 TCP, 17 UDP, ...). */
  readonly protocol: number;
  /** TCP/UDP ports; omitted for other protocols. */
  readonly srcPort?: number;
  readonly dstPort?: number;
}

/** What the matching needs to know about the host doing the filtering. */
export interface HostContext {
  readonly version: WindowsVersion;
  /** The host's own addresses: what `me` means. */
  readonly addresses: readonly string[];
  /** Mask of the host's subnet, to recognise subnet-directed broadcasts. */
  readonly mask?: string;
  /** The addresses the server keywords expand to. */
  readonly dnsServers?: readonly string[];
  readonly winsServers?: readonly string[];
  readonly dhcpServers?: readonly string[];
  readonly gateways?: readonly string[];
  /** `netsh ipsec dynamic set config ipsecexempt`; omitted = the version's default. */
  readonly ipsecexempt?: IpsecExemptValue;
  /** The interface the packet crosses; rules with conntype lan/dialup apply only there. Default lan. */
  readonly connection?: 'lan' | 'dialup';
}

export type Direction = 'inbound' | 'outbound';

/** Outbound when the host sent it (its source is one of the host's addresses). */
export function packetDirection(packet: Packet, host: HostContext): Direction {
  return host.addresses.includes(packet.src) ? 'outbound' : 'inbound';
}
