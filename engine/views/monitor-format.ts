import type { QuickModeSa } from '../ike/types.js';
import type { MmOffer } from '../ipsec/types.js';

const PROTOCOLS: Record<number, string> = { 0: 'Any', 1: 'ICMP', 6: 'TCP', 17: 'UDP', 255: 'RAW' };
const DH: Record<number, string> = { 1: 'Low (1)', 2: 'Medium (2)', 3: 'High (2048)' };

export function protocolName(protocol: number): string {
  return PROTOCOLS[protocol] ?? String(protocol);
}

export function shortMmOffer(offer: MmOffer): { encryption: string; integrity: string; diffieHellman: string } {
  return { encryption: offer.encryption, integrity: offer.integrity, diffieHellman: DH[offer.dhGroup] ?? String(offer.dhGroup) };
}

export function qmOfferColumns(sa: QuickModeSa): { ahIntegrity: string; espConfidentiality: string; espIntegrity: string } {
  return {
    ahIntegrity: sa.offer?.ah ?? 'None',
    espConfidentiality: sa.offer?.esp?.confidentiality ?? 'None',
    espIntegrity: sa.offer?.esp?.integrity ?? 'None',
  };
}
