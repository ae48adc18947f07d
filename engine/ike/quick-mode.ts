import type { QmOffer } from '../ipsec/types.js';
import { MAX_GET_SPI_ATTEMPTS, MIN_SPI } from './behaviour.js';
import type { SideView } from './views.js';

/*
 * Quick mode (reference §6.1): message 1 offers the initiator's filter-action methods, 2 picks
 * one, 3 confirms; each side gets an inbound SPI from its driver on the way.
 */

function sameAlgorithms(a: QmOffer, b: QmOffer): boolean {
  const espSame =
    a.esp === null || b.esp === null
      ? a.esp === b.esp
      : a.esp.confidentiality === b.esp.confidentiality && a.esp.integrity === b.esp.integrity;
  return a.ah === b.ah && espSame;
}

/**
 * The responder takes the initiator's first offer with the same algorithms as one of its own;
 * each lifetime is the lower of the two (the responder-lifetime notify) [R].
 */
export function chooseQmOffer(initiator: readonly QmOffer[], responder: readonly QmOffer[]): QmOffer | null {
  for (const offer of initiator) {
    const theirs = responder.find((r) => sameAlgorithms(offer, r));
    if (theirs) {
      return {
        ...offer,
        lifetimeKBytes: Math.min(offer.lifetimeKBytes, theirs.lifetimeKBytes),
        lifetimeSeconds: Math.min(offer.lifetimeSeconds, theirs.lifetimeSeconds),
      };
    }
  }
  return null;
}

export type QmMismatch = 'no-common-offer' | 'mode' | 'pfs';

/**
 * Why the responder rejects quick mode message 1, or null. A responder that wants session-key
 * PFS refuses an initiator that does not offer it; the reverse is accepted [R]. Tunnel and
 * transport proposals never match each other [R]. All three read as 13802.
 */
export function qmMismatch(initiator: SideView, responder: SideView, offer: QmOffer | null): QmMismatch | null {
  if ((initiator.tunnel === null) !== (responder.tunnel === null)) return 'mode';
  if (responder.qmpfs && !initiator.qmpfs) return 'pfs';
  return offer ? null : 'no-common-offer';
}

/** How a quick mode offer reads in messages and events: `ESP[3DES,SHA1]`, `AH[MD5]+ESP[DES,None]`. */
export function offerLabel(offer: QmOffer): string {
  const ah = offer.ah ? `AH[${offer.ah}]` : '';
  const esp = offer.esp ? `ESP[${offer.esp.confidentiality},${offer.esp.integrity}]` : '';
  return ah && esp ? `${ah}+${esp}` : ah || esp;
}

export interface SpiResult {
  /** Null when every attempt failed. */
  readonly spi: number | null;
  /** Attempts the driver refused (reserved or already-used SPI). */
  readonly failures: number;
}

/** An inbound SPI unique on this host, drawing from next32 until one is usable. */
export function allocateSpi(next32: () => number, inUse: Pick<ReadonlySet<number>, 'has'>): SpiResult {
  let failures = 0;
  while (failures < MAX_GET_SPI_ATTEMPTS) {
    const spi = next32() >>> 0;
    if (spi >= MIN_SPI && !inUse.has(spi)) return { spi, failures };
    failures += 1;
  }
  return { spi: null, failures };
}
