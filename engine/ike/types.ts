import type { DhGroup, MmOffer, QmOffer } from '../ipsec/types.js';
import type { Reason } from './reasons.js';

/*
 * Per-host IKE state: SAs, in-flight negotiations and the IP Security Monitor counters
 * (netsh-ipsec-2003.md §4.5–4.7, seed Tables 2 and 3). Plain JSON only: the world saves it as is.
 */

/** The 23 IKE Main Mode statistics, in `show stats` order, by their Windows names (§4.7). */
export const MAIN_MODE_COUNTERS = [
  'Active Acquire',
  'Active Receive',
  'Acquire Failures',
  'Receive Failures',
  'Send Failures',
  'Acquire Heap Size',
  'Receive Heap Size',
  'Authentication Failures',
  'Negotiation Failures',
  'Invalid Cookies Received',
  'Total Acquire',
  'Total Get SPI',
  'Key Additions',
  'Key Updates',
  'Get SPI Failures',
  'Key Addition Failures',
  'Key Update Failures',
  'ISADB List Size',
  'Connection List Size',
  'IKE Main Mode',
  'IKE Quick Mode',
  'Soft Associations',
  'Invalid Packets Received',
] as const;

/** The 21 IPsec Quick Mode statistics, in `show stats` order (§4.7). */
export const QUICK_MODE_COUNTERS = [
  'Active Security Associations',
  'Offloaded Security Associations',
  'Pending Key Operations',
  'Key Additions',
  'Key Deletions',
  'Rekeys',
  'Active Tunnels',
  'Bad SPI Packets',
  'Packets Not Decrypted',
  'Packets Not Authenticated',
  'Packets With Replay Detection',
  'Confidential Bytes Sent',
  'Confidential Bytes Received',
  'Authenticated Bytes Sent',
  'Authenticated Bytes Received',
  'Transport Bytes Sent',
  'Transport Bytes Received',
  'Bytes Sent In Tunnels',
  'Bytes Received In Tunnels',
  'Offloaded Bytes Sent',
  'Offloaded Bytes Received',
] as const;

export type MainModeCounter = (typeof MAIN_MODE_COUNTERS)[number];
export type QuickModeCounter = (typeof QUICK_MODE_COUNTERS)[number];
export type MainModeStats = Record<MainModeCounter, number>;
export type QuickModeStats = Record<QuickModeCounter, number>;

export interface IkeStats {
  /** IKE counters: since IPSEC Services started (seed Table 2), so a restart zeroes them. */
  mainMode: MainModeStats;
  /** IPSec driver counters: since the computer started (seed Table 3). */
  quickMode: QuickModeStats;
}

/** A change to some counters; missing names did not move. */
export interface CounterDelta {
  readonly mainMode: Partial<Record<MainModeCounter, number>>;
  readonly quickMode: Partial<Record<QuickModeCounter, number>>;
}

export type Role = 'initiator' | 'responder';
export type AuthLabel = 'Kerberos' | 'Preshared Key' | 'Certificate';

export interface MainModeSa {
  /** 16 lower-case hex digits each, from next32 (§4.5 "Cookie Pair"). */
  readonly initiatorCookie: string;
  readonly responderCookie: string;
  readonly role: Role;
  readonly peerName: string;
  readonly localAddress: string;
  readonly peerAddress: string;
  readonly authMethod: AuthLabel;
  /** How the peer proved who it is, as event 541 words it. */
  readonly peerIdentity: string;
  readonly offer: MmOffer;
  /** The IPSec policy whose key exchange settings were used. */
  readonly policyName: string;
  readonly lifetimeSeconds: number;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Quick modes done under this MM, and the policy's limit (0 = none; master PFS = 1). */
  qmCount: number;
  readonly qmLimit: number;
}

/** What a main mode agreed, as this host sees it. */
export type MainModeTerms = Pick<MainModeSa, 'offer' | 'authMethod' | 'peerIdentity' | 'policyName' | 'lifetimeSeconds' | 'qmLimit'>;

/** Which filter of the effective policy caused a quick mode. */
export interface QmFilterRef {
  readonly policyName: string;
  /** Null for the default response rule (its filters are created on the fly). */
  readonly ruleName: string | null;
  readonly filterListName: string;
  readonly filterIndex: number | null;
  /** The filter action — what netsh calls the quick mode policy. */
  readonly filterActionName: string;
}

/** The negotiated traffic, oriented from this host: `src` is the local side. */
export interface TrafficSelector {
  readonly srcAddress: string;
  readonly srcMask: string;
  readonly dstAddress: string;
  readonly dstMask: string;
  readonly protocol: number;
  readonly srcPort: number;
  readonly dstPort: number;
}

/**
 * One negotiated quick mode: the inbound and outbound IPSec SAs of one filter (one entry per
 * direction pair). A soft SA (fall back to clear) has no SPIs and no offer.
 */
export interface QuickModeSa {
  readonly peerName: string;
  readonly role: Role;
  /** IKE endpoints (tunnel endpoints in tunnel mode). */
  readonly localAddress: string;
  readonly peerAddress: string;
  readonly filter: QmFilterRef;
  readonly selector: TrafficSelector;
  readonly tunnel: { readonly local: string; readonly peer: string } | null;
  readonly inboundSpi: number;
  readonly outboundSpi: number;
  readonly offer: QmOffer | null;
  readonly pfsGroup: DhGroup | null;
  readonly lifetimeSeconds: number;
  readonly lifetimeKBytes: number;
  readonly soft: boolean;
  readonly offloaded: boolean;
  /** Cookie pair `i:r` of the MM SA that protected the quick mode; null for soft SAs. */
  readonly mmCookiePair: string | null;
  /** The main mode's terms, so a rekey after that MM expired can make a like one; null for soft SAs. */
  readonly mainMode: MainModeTerms | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  lastUsedAt: number;
  /** Bytes through the outbound / inbound SA (the kilobyte lifetime counts each). */
  bytesSent: number;
  bytesReceived: number;
  /** Last sequence number sent, highest accepted (anti-replay window). */
  sendSequence: number;
  receiveSequence: number;
}

/** An IKE negotiation this host takes part in that has not finished yet (until its last effect). */
export interface PendingNegotiation {
  readonly peerName: string;
  readonly role: Role;
  readonly startedAt: number;
  readonly settlesAt: number;
}

export type AuditEventId = 541 | 542 | 547;

/** A Security log entry (source Oakley, category Logon/Logoff) [C:S14 ids; R field layout]. */
export interface AuditEvent {
  readonly id: AuditEventId;
  readonly at: number;
  readonly host: string;
  readonly type: 'Success Audit' | 'Failure Audit';
  readonly text: string;
  /** Field label → value, in display order (Mode, Peer Identity, Filter, ...). */
  readonly fields: Readonly<Record<string, string>>;
  /** Win32 status of a 547 failure. */
  readonly code: number | null;
}

/** Something that happens to one host at one simulated time. */
export interface HostEffect {
  readonly at: number;
  /** Why counters move; every change goes through reasons.ts. */
  readonly reasons: readonly Reason[];
  readonly events: readonly AuditEvent[];
  readonly addMm: readonly MainModeSa[];
  readonly addQm: readonly QuickModeSa[];
  /** MM SAs (by cookie pair `i:r`) this host drops, e.g. one its peer no longer knows. */
  readonly deleteMm: readonly string[];
  /** QM SA pairs (by inbound SPI) this host drops. */
  readonly deleteQm: readonly number[];
}

export interface IkeHostState {
  readonly name: string;
  mmSas: MainModeSa[];
  qmSas: QuickModeSa[];
  pending: PendingNegotiation[];
  /** Effects of in-flight negotiations, applied by `advance` when their time comes. */
  scheduled: HostEffect[];
  stats: IkeStats;
}

/** The IKE side of every host, keyed by host name as the peers name them. */
export type IkeWorld = Record<string, IkeHostState>;
