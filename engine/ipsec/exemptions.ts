import type { WindowsVersion } from '../model/windows-version.js';
import { PROTOCOL, PROTOCOL_RSVP, type IpsecExemptValue } from './constants.js';
import { inSubnet, isMulticast, parseIpv4 } from './ipv4.js';
import { packetDirection, type HostContext, type Packet } from './traffic.js';

/*
 * Default exemptions (netsh-ipsec-2003.md §3.2, §6.3): traffic the IPSec driver lets through
 * before any filter is consulted, controlled by `ipsecexempt` (registry NoDefaultExempt).
 *   0 — ISAKMP, Kerberos, RSVP, broadcast and multicast exempt (the 2000/XP default)
 *   1 — Kerberos and RSVP no longer exempt
 *   2 — broadcast and multicast no longer exempt
 *   3 — only ISAKMP exempt (the Windows Server 2003 default)
 */

export type Exemption = 'ike' | 'kerberos' | 'rsvp' | 'broadcast' | 'multicast';

const IKE_PORT = 500;
const KERBEROS_PORT = 88;

/**
 * Per S4, inbound broadcast and multicast still bypass IPSec even when not exempt; outbound
 * is filtered. The reference marks this [?]; flip here if a capture says otherwise.
 */
export const INBOUND_BROADCAST_ALWAYS_EXEMPT = true;

export function defaultIpsecExempt(version: WindowsVersion): IpsecExemptValue {
  return version === '2003' ? 3 : 0;
}

function hasPort(packet: Packet, port: number): boolean {
  return packet.srcPort === port || packet.dstPort === port;
}

function isBroadcast(dst: number, host: HostContext): boolean {
  if (dst === 0xffffffff) return true;
  const mask = host.mask === undefined ? null : parseIpv4(host.mask);
  if (mask === null || mask === 0xffffffff) return false;
  const hostPart = ~mask >>> 0;
  return host.addresses.some((a) => {
    const own = parseIpv4(a);
    return own !== null && inSubnet(dst, own, mask) && (dst & hostPart) >>> 0 === hostPart;
  });
}

/** The exemption that lets this packet bypass IPSec on this host, or null. */
export function exemptionFor(packet: Packet, host: HostContext): Exemption | null {
  const value = host.ipsecexempt ?? defaultIpsecExempt(host.version);
  const tcpOrUdp = packet.protocol === PROTOCOL.TCP || packet.protocol === PROTOCOL.UDP;
  // IKE itself is exempt at every setting, or no SA could ever be negotiated.
  if (packet.protocol === PROTOCOL.UDP && hasPort(packet, IKE_PORT)) return 'ike';
  const kerberosAndRsvp = value === 0 || value === 2;
  if (kerberosAndRsvp && tcpOrUdp && hasPort(packet, KERBEROS_PORT)) return 'kerberos';
  if (kerberosAndRsvp && packet.protocol === PROTOCOL_RSVP) return 'rsvp';
  const dst = parseIpv4(packet.dst);
  if (dst === null) return null;
  const castKind: Exemption | null = isMulticast(dst) ? 'multicast' : isBroadcast(dst, host) ? 'broadcast' : null;
  if (castKind === null) return null;
  if (value === 0 || value === 1) return castKind;
  return INBOUND_BROADCAST_ALWAYS_EXEMPT && packetDirection(packet, host) === 'inbound' ? castKind : null;
}
