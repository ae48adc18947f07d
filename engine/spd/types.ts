/**
 * The dynamic Security Policy Database (SPD) of one host: what `netsh ipsec dynamic` edits
 * directly (netsh-ipsec-2003.md §3). Plain JSON data. Everything except `config` lives in the
 * IPSEC Services process and vanishes when it restarts (§6.5); `config` is registry-backed.
 *
 * A netsh dynamic "rule" is not an SPD object of its own: `add rule` writes one main-mode filter
 * (addresses, connection type, MM policy, authentication) and one quick-mode filter (the same
 * addresses plus protocol, ports, actions, QM policy, tunnel). Rules with the same address pair
 * share one MM filter, as the SPD keys MM filters by peer [R].
 */
import type { IpsecExemptValue } from '../ipsec/constants.js';
import type { AuthMethod, ConnectionType, FilterActionKind, FilterAddress, MmOffer, ProtocolNumber, QmOffer } from '../ipsec/types.js';

/** `pfsgroup=`: a DH group for QM PFS, the main mode's group, or none (default) [C:S1]. */
export type PfsGroup = 'GRP1' | 'GRP2' | 'GRP3' | 'GRPMM' | 'NOPFS';

export interface MmPolicy {
  readonly id: string;
  readonly name: string;
  /** The SPD's default MM policy: used by an MM filter that names none. At most one. */
  readonly isDefault: boolean;
  /** Quick modes per main mode; 0 = no limit. */
  readonly qmpermm: number;
  /** Main-mode SA lifetime in minutes. */
  readonly mmlifetime: number;
  /** Seconds an idle soft SA lives [C:S1]. */
  readonly softsaexpirationtime: number;
  /** Preference order. */
  readonly offers: readonly MmOffer[];
}

export interface QmPolicy {
  readonly id: string;
  readonly name: string;
  /** The SPD's default QM policy: used by a negotiating filter that names none. At most one. */
  readonly isDefault: boolean;
  /** Fall back to clear with peers that never answer IKE. */
  readonly soft: boolean;
  readonly pfsgroup: PfsGroup;
  /** Preference order; lifetimes live in each offer. */
  readonly offers: readonly QmOffer[];
}

export interface MmFilter {
  readonly id: string;
  /** As `show mmfilter name=` takes it. */
  readonly name: string;
  readonly conntype: ConnectionType;
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly mirrored: boolean;
  /** null = the SPD's default MM policy. */
  readonly mmPolicyId: string | null;
  /** Preference order; never empty (Kerberos when none was given [R]). */
  readonly authMethods: readonly AuthMethod[];
}

interface QmFilterCommon {
  readonly id: string;
  readonly name: string;
  readonly conntype: ConnectionType;
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  /** 0 = ANY. */
  readonly protocol: ProtocolNumber;
  /** 0 = any port; only TCP/UDP name ports. */
  readonly srcport: number;
  readonly dstport: number;
  readonly mirrored: boolean;
  /**
   * Inbound permit with outbound negotiate is the dynamic form of a static action's
   * `inpass=yes` ("accept unsecured, respond secured") [R]; see isInboundPassthrough.
   */
  readonly actioninbound: FilterActionKind;
  readonly actionoutbound: FilterActionKind;
  /** null = the default QM policy when an action negotiates, else no policy. */
  readonly qmPolicyId: string | null;
  /** The MM filter IKE uses to reach this filter's peer. */
  readonly mmFilterId: string;
}

export interface TransportFilter extends QmFilterCommon {
  readonly mode: 'transport';
}

/** Only the far end is configurable (`tunneldstaddress=`); the near end is this host [R]. */
export interface TunnelFilter extends QmFilterCommon {
  readonly mode: 'tunnel';
  /** IPv4 address; the netsh layer resolves a DNS name before calling the ops. */
  readonly tunnelDst: string;
}

export type QmFilter = TransportFilter | TunnelFilter;

/* ---- set config (§3.2) ---- */

export const CONFIG_PROPERTIES = [
  'ipsecdiagnostics',
  'ikelogging',
  'strongcrlcheck',
  'ipsecloginterval',
  'ipsecexempt',
  'bootmode',
  'bootexemptions',
] as const;

export type ConfigProperty = (typeof CONFIG_PROPERTIES)[number];

/** Driver behaviour at startup, before the Policy Agent applies policy [C:S5]. */
export type BootMode = 'stateful' | 'block' | 'permit';

/** One `protocol:srcport:dstport:direction` item of `bootexemptions` [C:S5]. */
export interface BootExemption {
  /** IP protocol number (TCP 6, UDP 17, ICMP 1, RAW 255; 0 = any). */
  readonly protocol: number;
  readonly srcport: number;
  readonly dstport: number;
  readonly direction: 'inbound' | 'outbound';
}

/** The seven `set config` properties, as stored in the registry. */
export interface IpsecConfig {
  /** 0-7 [R range]. */
  readonly ipsecdiagnostics: number;
  /** 1 = write %windir%\debug\oakley.log [R]. */
  readonly ikelogging: 0 | 1;
  /** 0 none, 1 fail only if revoked, 2 fail on any CRL error [R]. */
  readonly strongcrlcheck: 0 | 1 | 2;
  /** Seconds, 60-86400 [R]. */
  readonly ipsecloginterval: number;
  /** NoDefaultExempt; read by the driver at boot only [C:S4]. */
  readonly ipsecexempt: IpsecExemptValue;
  readonly bootmode: BootMode;
  /** Empty = `none`. */
  readonly bootexemptions: readonly BootExemption[];
}

export interface Spd {
  readonly config: IpsecConfig;
  readonly mmPolicies: readonly MmPolicy[];
  readonly qmPolicies: readonly QmPolicy[];
  readonly mmFilters: readonly MmFilter[];
  /** Transport and tunnel filters in creation order. */
  readonly qmFilters: readonly QmFilter[];
  /** Next number for an object id or generated name; never reused, so ids stay stable. */
  readonly nextId: number;
}

/** `actioninbound=permit actionoutbound=negotiate`: accept clear, answer secured [R]. */
export function isInboundPassthrough(filter: QmFilter): boolean {
  return filter.actioninbound === 'permit' && filter.actionoutbound === 'negotiate';
}

export function negotiates(filter: Pick<QmFilter, 'actioninbound' | 'actionoutbound'>): boolean {
  return filter.actioninbound === 'negotiate' || filter.actionoutbound === 'negotiate';
}
