import { inSubnet, parseIpv4 } from '../ipsec/ipv4.js';
import type { Packet } from '../ipsec/traffic.js';
import { zeroStats } from './counters.js';
import type { IkeHostState, IkeWorld, MainModeSa, PendingNegotiation, QuickModeSa, TrafficSelector } from './types.js';

/* Creating and querying per-host IKE state. */

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
  const live = state.qmSas.filter((sa) => sa.expiresAt > now && selectorCovers(sa.selector, packet));
  return live.find((sa) => !sa.soft) ?? live[0];
}

export function findSoftSa(state: IkeHostState, packet: Packet, now: number): QuickModeSa | undefined {
  return state.qmSas.find((sa) => sa.soft && sa.expiresAt > now && selectorCovers(sa.selector, packet));
}

/** A main mode SA with the peer that may still carry a new quick mode. */
export function usableMmSa(state: IkeHostState, peerAddress: string, now: number): MainModeSa | undefined {
  return state.mmSas.find(
    (sa) => sa.peerAddress === peerAddress && sa.expiresAt > now && (sa.qmLimit === 0 || sa.qmCount < sa.qmLimit),
  );
}

export function mmSasWith(state: IkeHostState, peerAddress: string): MainModeSa[] {
  return state.mmSas.filter((sa) => sa.peerAddress === peerAddress);
}

export function pendingWith(state: IkeHostState, peerName: string): PendingNegotiation | undefined {
  return state.pending.find((p) => p.peerName === peerName);
}

export function inboundSpis(state: IkeHostState): Set<number> {
  return new Set(state.qmSas.filter((sa) => !sa.soft).map((sa) => sa.inboundSpi));
}

/** The SA pair whose inbound SPI is `spi` (what the receiver looks up for an ESP/AH packet). */
export function findByInboundSpi(state: IkeHostState, spi: number): QuickModeSa | undefined {
  return state.qmSas.find((sa) => !sa.soft && sa.inboundSpi === spi);
}
