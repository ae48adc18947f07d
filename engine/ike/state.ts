import { inSubnet, parseIpv4 } from '../ipsec/ipv4.js';
import type { Packet } from '../ipsec/traffic.js';
import { zeroStats } from './counters.js';
import { mmByPair, mmByPeer } from './mm-index.js';
import { coverCandidates, qmIndex } from './qm-index.js';
import type { IkeHostState, IkeWorld, MainModeSa, PendingNegotiation, QuickModeSa, TrafficSelector } from './types.js';

/* Creating and querying per-host IKE state (lookups go through the derived indexes). */

export function createIkeHostState(name: string): IkeHostState {
  return { name, mmSas: [], qmSas: [], pending: [], scheduled: [], stats: zeroStats() };
}

/** The host's state, created empty the first time a host takes part in IKE. */
export function hostState(world: IkeWorld, name: string): IkeHostState {
  const existing = world[name];
  if (existing) return existing;
  const created = createIkeHostState(name);
  world[name] = created;
  return created;
}

/** Read-only lookup: a host never seen by IKE has the empty state. */
export function peekState(world: IkeWorld, name: string): IkeHostState {
  return world[name] ?? createIkeHostState(name);
}

export function cookiePair(sa: Pick<MainModeSa, 'initiatorCookie' | 'responderCookie'>): string {
  return `${sa.initiatorCookie}:${sa.responderCookie}`;
}

function inside(ip: string, address: string, mask: string): boolean {
  const v = parseIpv4(ip);
  const n = parseIpv4(address);
  const m = parseIpv4(mask);
  return v !== null && n !== null && m !== null && inSubnet(v, n, m);
}

function portFits(want: number, got: number | undefined): boolean {
  return want === 0 || want === (got ?? 0);
}

/** Whether the SA's negotiated traffic covers the packet, in either direction. */
export function selectorCovers(s: TrafficSelector, packet: Packet): boolean {
  if (s.protocol !== 0 && s.protocol !== packet.protocol) return false;
  const forward =
    inside(packet.src, s.srcAddress, s.srcMask) &&
    inside(packet.dst, s.dstAddress, s.dstMask) &&
    portFits(s.srcPort, packet.srcPort) &&
    portFits(s.dstPort, packet.dstPort);
  const back =
    inside(packet.src, s.dstAddress, s.dstMask) &&
    inside(packet.dst, s.srcAddress, s.srcMask) &&
    portFits(s.dstPort, packet.srcPort) &&
    portFits(s.srcPort, packet.dstPort);
  return forward || back;
}

/** A live quick mode SA (or soft SA) of this host covering the packet. */
export function findQmSa(state: IkeHostState, packet: Packet, now: number): QuickModeSa | undefined {
  const live = coverCandidates(state, packet).filter((sa) => sa.expiresAt > now && selectorCovers(sa.selector, packet));
  return live.find((sa) => !sa.soft) ?? live[0];
}

export function findSoftSa(state: IkeHostState, packet: Packet, now: number): QuickModeSa | undefined {
  return qmIndex(state).soft.find((sa) => sa.expiresAt > now && selectorCovers(sa.selector, packet));
}

/** A main mode SA with the peer that may still carry a new quick mode. */
export function usableMmSa(state: IkeHostState, peerAddress: string, now: number): MainModeSa | undefined {
  return mmByPeer(state, peerAddress).find((sa) => sa.expiresAt > now && (sa.qmLimit === 0 || sa.qmCount < sa.qmLimit));
}

export function mmSasWith(state: IkeHostState, peerAddress: string): MainModeSa[] {
  return [...mmByPeer(state, peerAddress)];
}

/** The first MM SA with this cookie pair that is still alive at `now`. */
export function liveMmSa(state: IkeHostState, pair: string, now: number): MainModeSa | undefined {
  return mmByPair(state, pair).find((sa) => sa.expiresAt > now);
}

export function pendingWith(state: IkeHostState, peerName: string): PendingNegotiation | undefined {
  return state.pending.find((p) => p.peerName === peerName);
}

export function inboundSpis(state: IkeHostState): Set<number> {
  return new Set(qmIndex(state).inbound.keys());
}

/** The SPIs the driver already uses for inbound SAs (what allocateSpi must avoid). */
export function spisInUse(state: IkeHostState): Pick<ReadonlySet<number>, 'has'> {
  const inbound = qmIndex(state).inbound;
  return { has: (spi) => inbound.has(spi) };
}

/** The SA pair whose inbound SPI is `spi` (what the receiver looks up for an ESP/AH packet). */
export function findByInboundSpi(state: IkeHostState, spi: number): QuickModeSa | undefined {
  return qmIndex(state).inbound.get(spi)?.[0];
}

/** The SA pair whose outbound SPI is `spi` (what the sender puts on an ESP/AH packet). */
export function findByOutboundSpi(state: IkeHostState, spi: number): QuickModeSa | undefined {
  return qmIndex(state).outbound.get(spi)?.[0];
}
