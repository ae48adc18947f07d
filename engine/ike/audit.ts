import { formatMmOffer } from '../ipsec/offers.js';
import type { QmOffer } from '../ipsec/types.js';
import { ikeErrorText, type IkeErrorCode } from './codes.js';
import { hex8 } from './hex.js';
import type { AuditEvent, MainModeSa, QuickModeSa, TrafficSelector } from './types.js';

/*
 * Security-log events of IKE (reference §6.1): 541 established, 542 ended, 547 failed.
 * Ids, the 542/547 field names and the mode wording of 542 are [C:S14]; everything else
 * (541 parameters, filter and SPI formatting, Extra Status) is [R], kept here only.
 */

export const MODE_MAIN = 'Key Exchange (Main mode)';
export const MODE_QUICK = 'Data Protection (Quick mode)';

export type IkeMode = 'main' | 'quick';

function modeText(mode: IkeMode): string {
  return mode === 'main' ? MODE_MAIN : MODE_QUICK;
}

export function filterText(selector: TrafficSelector, local: string, peer: string): string {
  return (
    `Source IP Address ${selector.srcAddress} Source IP Address Mask ${selector.srcMask} ` +
    `Destination IP Address ${selector.dstAddress} Destination IP Address Mask ${selector.dstMask} ` +
    `Protocol ${selector.protocol} Source Port ${selector.srcPort} Destination Port ${selector.dstPort} ` +
    `IKE Local Addr ${local} IKE Peer Addr ${peer}`
  );
}

/** Main mode filters are address-only. */
export function hostSelector(local: string, peer: string): TrafficSelector {
  const m = '255.255.255.255';
  return { srcAddress: local, srcMask: m, dstAddress: peer, dstMask: m, protocol: 0, srcPort: 0, dstPort: 0 };
}

export function spiText(spi: number): string {
  return `${spi} (0x${hex8(spi)})`;
}

function qmParameters(offer: QmOffer | null, sa: QuickModeSa): string {
  const esp = offer?.esp;
  return (
    `ESP Algorithm ${esp ? esp.confidentiality : 'None'} HMAC Algorithm ${esp ? esp.integrity : 'None'} ` +
    `AH Algorithm ${offer?.ah ?? 'None'} Encapsulation ${sa.tunnel ? 'Tunnel' : 'Transport'} Mode ` +
    `InboundSpi ${spiText(sa.inboundSpi)} OutBoundSpi ${spiText(sa.outboundSpi)} ` +
    `Lifetime (sec) ${sa.lifetimeSeconds} Lifetime (kb) ${sa.lifetimeKBytes}`
  );
}

function event(id: AuditEvent['id'], host: string, at: number, fields: Record<string, string>, code: number | null): AuditEvent {
  const text = id === 541 ? 'IKE security association established.' : id === 542 ? 'IKE security association ended.' : 'IKE security association negotiation failed.';
  return { id, at, host, type: id === 547 ? 'Failure Audit' : 'Success Audit', text, fields, code };
}

export function mmEstablished(host: string, at: number, sa: MainModeSa): AuditEvent {
  return event(
    541,
    host,
    at,
    {
      Mode: MODE_MAIN,
      'Peer Identity': sa.peerIdentity,
      Filter: filterText(hostSelector(sa.localAddress, sa.peerAddress), sa.localAddress, sa.peerAddress),
      Parameters: `${formatMmOffer(sa.offer)} Authentication ${sa.authMethod} Lifetime (sec) ${sa.lifetimeSeconds}`,
    },
    null,
  );
}

export function qmEstablished(host: string, at: number, sa: QuickModeSa, peerIdentity: string): AuditEvent {
  return event(
    541,
    host,
    at,
    {
      Mode: MODE_QUICK,
      'Peer Identity': peerIdentity,
      Filter: filterText(sa.selector, sa.localAddress, sa.peerAddress),
      Parameters: qmParameters(sa.offer, sa),
    },
    null,
  );
}

export function qmEnded(host: string, at: number, sa: QuickModeSa): AuditEvent {
  return event(
    542,
    host,
    at,
    {
      Mode: MODE_QUICK,
      Filter: filterText(sa.selector, sa.localAddress, sa.peerAddress),
      'Inbound SPI': spiText(sa.inboundSpi),
      'Outbound SPI': spiText(sa.outboundSpi),
    },
    null,
  );
}

export function mmEnded(host: string, at: number, sa: MainModeSa): AuditEvent {
  return event(
    542,
    host,
    at,
    { Mode: MODE_MAIN, Filter: filterText(hostSelector(sa.localAddress, sa.peerAddress), sa.localAddress, sa.peerAddress) },
    null,
  );
}

export interface FailureDetails {
  readonly mode: IkeMode;
  readonly selector: TrafficSelector;
  readonly local: string;
  readonly peer: string;
  readonly peerIdentity: string;
  readonly point: 'Me' | 'Peer';
  readonly code: IkeErrorCode;
  readonly message: number;
}

export function negotiationFailed(host: string, at: number, d: FailureDetails): AuditEvent {
  return event(
    547,
    host,
    at,
    {
      Mode: modeText(d.mode),
      Filter: filterText(d.selector, d.local, d.peer),
      'Peer Identity': d.peerIdentity,
      'Failure Point': d.point,
      'Failure Reason': ikeErrorText(d.code),
      'Extra Status': `Processed ${d.mode === 'main' ? 'main' : 'quick'} mode message ${d.message}`,
    },
    d.code,
  );
}
