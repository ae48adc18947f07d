import type { Packet } from '../ipsec/traffic.js';
import { applyOutcome } from './apply.js';
import { applyDelta } from './counters.js';
import { negotiate, type NegotiationInput } from './negotiate.js';
import type { NegotiationOutcome } from './outcome.js';
import { applyReasons, bytesDelta, type Reason } from './reasons.js';
import { advance, rekeyPair } from './sa-lifecycle.js';
import { markUsed, qmIndex } from './qm-index.js';
import { findByInboundSpi, findByOutboundSpi, hostState, selectorCovers } from './state.js';
import { sortByAt } from './time-order.js';
import type { AuditEvent, IkeHostState, IkeWorld, QuickModeSa } from './types.js';

/*
 * Packets on the wire: one packet end to end (negotiate, apply, count protected bytes, rekey
 * on the kilobyte lifetime), and the packet faults an exercise injects (bad SPI, replay,
 * tampering, malformed IKE).
 */

export interface TransmitInput extends Omit<NegotiationInput, 'world'> {
  /** Size of the IP packet in bytes. */
  readonly bytes: number;
}

export interface TransmitResult {
  readonly outcome: NegotiationOutcome;
  /** The packet reached the receiving host's stack. */
  readonly delivered: boolean;
  /** Audit events up to now, oldest first. */
  readonly events: readonly AuditEvent[];
}

function touch(state: IkeHostState, reasons: readonly Reason[]): void {
  applyReasons(state.stats, reasons);
}

function countBytes(state: IkeHostState, sa: QuickModeSa, direction: 'sent' | 'received', bytes: number): void {
  const esp = sa.offer?.esp ?? null;
  const confidential = esp !== null && esp.confidentiality !== 'None';
  const authenticated = (sa.offer?.ah ?? null) !== null || (esp !== null && esp.integrity !== 'None');
  applyDelta(state.stats, bytesDelta({ direction, bytes, confidential, authenticated, tunnel: sa.tunnel !== null, offloaded: sa.offloaded }));
}

function overKBytes(sa: QuickModeSa): boolean {
  const limit = sa.lifetimeKBytes * 1024;
  return sa.bytesSent > limit || sa.bytesReceived > limit;
}

/** ESP/AH out of one host and into the other; false if the receiver does not know the SPI. */
function deliverProtected(world: IkeWorld, input: TransmitInput, spi: number, events: AuditEvent[]): boolean {
  const sender = hostState(world, input.initiator.name);
  const receiver = hostState(world, input.responder.name);
  const out = findByOutboundSpi(sender, spi);
  if (!out) return false;
  out.sendSequence += 1;
  out.bytesSent += input.bytes;
  markUsed(world, sender, out, input.now);
  countBytes(sender, out, 'sent', input.bytes);
  const into = findByInboundSpi(receiver, spi);
  if (!into) {
    touch(receiver, ['bad-spi']);
    return false;
  }
  into.receiveSequence = Math.max(into.receiveSequence, out.sendSequence);
  into.bytesReceived += input.bytes;
  markUsed(world, receiver, into, input.now);
  countBytes(receiver, into, 'received', input.bytes);
  // The host whose SA ran out of kilobytes starts the rekey.
  if (overKBytes(out)) rekeyPair({ state: sender, sa: out }, { state: receiver, sa: into }, input.now, input.next32, events, world);
  else if (overKBytes(into)) rekeyPair({ state: receiver, sa: into }, { state: sender, sa: out }, input.now, input.next32, events, world);
  return true;
}

/** Clear traffic under a soft SA keeps it from idling out. */
function touchSoft(world: IkeWorld, names: readonly string[], packet: Packet, now: number): void {
  for (const name of names) {
    const state = world[name];
    if (!state) continue;
    for (const sa of qmIndex(state).soft) if (selectorCovers(sa.selector, packet)) markUsed(world, state, sa, now);
  }
}

/** One packet from initiator to responder at `now`, with everything it causes. */
export function transmit(world: IkeWorld, input: TransmitInput): TransmitResult {
  const events = advance(world, input.now, input.next32, [input.initiator.name, input.responder.name]);
  const { initiator, responder, packet, now, next32, faults } = input;
  const outcome = negotiate({ initiator, responder, world, packet, now, next32, faults });
  events.push(...applyOutcome(world, outcome, input.now));
  let delivered = outcome.delivered;
  if (outcome.kind === 'secured' && outcome.outboundSpi !== null) {
    delivered = deliverProtected(world, input, outcome.outboundSpi, events);
  } else if (delivered) {
    touchSoft(world, [input.initiator.name, input.responder.name], input.packet, input.now);
  }
  return { outcome, delivered, events: sortByAt(events) };
}

/* Fault injection: packets an exercise makes arrive at a host. */

/** An ESP/AH packet whose SPI no SA of the host has (e.g. sent before the host restarted). */
export function receiveUnknownSpi(world: IkeWorld, host: string): void {
  touch(hostState(world, host), ['bad-spi']);
}

/** A copy of an already accepted packet (its sequence number is at or below the window). */
export function receiveReplayed(world: IkeWorld, host: string, spi: number): void {
  const state = hostState(world, host);
  touch(state, findByInboundSpi(state, spi) ? ['replay'] : ['bad-spi']);
}

/**
 * A packet changed on the way. With an integrity algorithm (AH, or ESP with MD5/SHA1) the
 * hash check fails first: not authenticated. ESP with encryption only fails its decryption
 * check (padding): not decrypted [R].
 */
export function receiveTampered(world: IkeWorld, host: string, spi: number): Reason {
  const state = hostState(world, host);
  const sa = findByInboundSpi(state, spi);
  const esp = sa?.offer?.esp ?? null;
  const integrity = (sa?.offer?.ah ?? null) !== null || (esp !== null && esp.integrity !== 'None');
  const reason: Reason = !sa ? 'bad-spi' : integrity ? 'not-authenticated' : 'not-decrypted';
  touch(state, [reason]);
  return reason;
}

/** An IKE message with a bad header or payload length. */
export function receiveMalformedIke(world: IkeWorld, host: string): void {
  touch(hostState(world, host), ['invalid-packet']);
}

/** An IKE message whose cookies match no main mode entry of the host. */
export function receiveUnknownCookies(world: IkeWorld, host: string): void {
  touch(hostState(world, host), ['invalid-cookie']);
}
