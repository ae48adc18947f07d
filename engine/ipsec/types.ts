/**
 * The IPSec policy store of one Windows host or domain, as plain JSON data.
 * Objects are addressed by name (as netsh and the GUI do) but carry a deterministic id so
 * renames never break the links a rule holds. Reference: netsh-ipsec-2003.md §2 and §5.
 */

export type StoreLocation = 'local' | 'persistent' | 'domain';

/** The four "server" keywords of `srcaddr=`/`dstaddr=`; expanded from the host's settings. */
export type SpecialServer = 'DNS' | 'WINS' | 'DHCP' | 'GATEWAY';

/**
 * One end of a filter. Masks live with the variants that take one, so every address has one
 * canonical form (a /32 subnet is stored as `host`), which `delete filter` relies on.
 */
export type FilterAddress =
  | { readonly kind: 'me' }
  | { readonly kind: 'any' }
  | { readonly kind: 'host'; readonly address: string }
  | { readonly kind: 'subnet'; readonly address: string; readonly mask: string }
  /** `<ip>-<ip>`, listed by the reference's syntax line (§2.2); no mask allowed. */
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  | { readonly kind: 'server'; readonly server: SpecialServer }
  /** A DNS name as typed; resolved once when the filter is added, as Windows does. */
  | { readonly kind: 'dns'; readonly name: string; readonly addresses: readonly string[] };

/** IP protocol number; 0 means ANY (ICMP 1, TCP 6, UDP 17, RAW 255 — see constants.ts). */
export type ProtocolNumber = number;

export interface Filter {
  readonly description: string;
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly protocol: ProtocolNumber;
  /** 0 = any port; only TCP and UDP filters may name a port. */
  readonly srcport: number;
  readonly dstport: number;
  /** Also matches the reverse direction (source and destination swapped). */
  readonly mirrored: boolean;
}

export interface FilterList {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly filters: readonly Filter[];
}

export type EspConfidentiality = 'DES' | '3DES' | 'None';
export type EspIntegrity = 'MD5' | 'SHA1' | 'None';
export type AhIntegrity = 'MD5' | 'SHA1';

/** One quick-mode security method (`ESP[3DES,SHA1]:100000k/3600s`, `AH[MD5]+ESP[DES,None]`). */
export interface QmOffer {
  readonly ah: AhIntegrity | null;
  readonly esp: { readonly confidentiality: EspConfidentiality; readonly integrity: EspIntegrity } | null;
  readonly lifetimeKBytes: number;
  readonly lifetimeSeconds: number;
}

export type MmEncryption = 'DES' | '3DES';
export type MmIntegrity = 'MD5' | 'SHA1';
/** 1 = Low (768-bit), 2 = Medium (1024-bit), 3 = High (2048-bit, "DH2048"). */
export type DhGroup = 1 | 2 | 3;

/** One main-mode security method (`3DES-SHA1-2`). The MM lifetime is the policy's. */
export interface MmOffer {
  readonly encryption: MmEncryption;
  readonly integrity: MmIntegrity;
  readonly dhGroup: DhGroup;
}

export type AuthMethod =
  | { readonly kind: 'kerberos' }
  | {
      readonly kind: 'certificate';
      /** Root CA name as typed, e.g. `CN=Contoso Root CA, DC=contoso, DC=com`. */
      readonly rootCa: string;
      readonly certmap: boolean;
      readonly excludeCaName: boolean;
    }
  | { readonly kind: 'psk'; readonly key: string };

export type FilterActionKind = 'permit' | 'block' | 'negotiate';

export interface FilterAction {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly action: FilterActionKind;
  /** Session-key PFS. */
  readonly qmpfs: boolean;
  /** Accept unsecured inbound, always respond secured. */
  readonly inpass: boolean;
  /** Fall back to clear with peers that never answer IKE. */
  readonly soft: boolean;
  /** Preference order; only used when `action` is negotiate. */
  readonly qmsecmethods: readonly QmOffer[];
}

export type ConnectionType = 'all' | 'lan' | 'dialup';

interface RuleCommon {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly activate: boolean;
  /** Preference order = order typed; never empty in a valid store. */
  readonly authMethods: readonly AuthMethod[];
  /** Tunnel endpoint (IP or DNS name as typed); null = transport mode. */
  readonly tunnel: string | null;
  readonly conntype: ConnectionType;
}

/** A rule linking one filter list to one filter action. */
export interface StandardRule extends RuleCommon {
  readonly isDefaultResponse: false;
  readonly filterListId: string;
  readonly filterActionId: string;
}

/**
 * The default response rule: filter list `<Dynamic>`, action `Default Response` (always
 * negotiate), so it carries its own methods and PFS instead of links. It has no name
 * (empty string), is never deleted, and always sits last in `IpsecPolicy.rules`.
 */
export interface DefaultResponseRule extends RuleCommon {
  readonly isDefaultResponse: true;
  readonly qmpfs: boolean;
  readonly qmsecmethods: readonly QmOffer[];
}

export type IpsecRule = StandardRule | DefaultResponseRule;

/**
 * A policy. `activatedefaultrule` is not stored twice: it is the default response rule's
 * `activate` (see `isDefaultRuleActive`), because `add policy activatedefaultrule=` and
 * `set defaultrule activate=` edit the same switch. GPO assignment is modelled elsewhere.
 */
export interface IpsecPolicy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Master key PFS; forces `qmpermm` to 1. */
  readonly mmpfs: boolean;
  /** Quick modes per main mode; 0 = no limit. */
  readonly qmpermm: number;
  /** Main-mode lifetime in minutes. */
  readonly mmlifetime: number;
  /** Minutes between Policy Agent re-reads of this policy. */
  readonly pollinginterval: number;
  /** Assigned in its store (local/persistent only; the domain store assigns through GPOs). */
  readonly assigned: boolean;
  readonly mmsecmethods: readonly MmOffer[];
  /** Standard rules in creation order, then the default response rule. */
  readonly rules: readonly IpsecRule[];
}

export interface PolicyStore {
  readonly location: StoreLocation;
  readonly policies: readonly IpsecPolicy[];
  readonly filterLists: readonly FilterList[];
  readonly filterActions: readonly FilterAction[];
  /** Next number for an object id; ids are never reused, so they stay stable. */
  readonly nextId: number;
}

export function isDefaultRuleActive(policy: IpsecPolicy): boolean {
  return policy.rules.some((r) => r.isDefaultResponse && r.activate);
}
