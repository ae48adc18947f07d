/**
 * A parsed ipseccmd / ipsecpol command line. Values are already in netsh's typed forms
 * (AddressValue, ProtocolValue, QmOffer …), so the plans hand them to netsh's requests as is.
 */
import type { ConnectionType, DhGroup, MmOffer, QmOffer } from '../ipsec/index.js';
import type { AddressValue, ProtocolValue, RootCa } from '../netsh/index.js';
import type { PfsGroup } from '../spd/index.js';

export type ToolName = 'ipseccmd' | 'ipsecpol';

/** What differs between the XP and the 2000 tool. */
export interface ToolProfile {
  readonly name: ToolName;
  /** Query mode (`show …`) exists in ipseccmd only. */
  readonly queryMode: boolean;
  /** Diffie-Hellman groups -1s accepts: 2048-bit group 3 is not in Windows 2000 [R]. */
  readonly dhGroups: readonly DhGroup[];
}

/** A plain filter takes the -n action; `(…)` passes its traffic, `[…]` blocks it. */
export type FilterKind = 'negotiated' | 'permit' | 'block';

export interface FilterSpec {
  readonly text: string;
  readonly kind: FilterKind;
  readonly srcaddr: AddressValue;
  readonly srcmask: string | undefined;
  readonly srcport: number;
  readonly dstaddr: AddressValue;
  readonly dstmask: string | undefined;
  readonly dstport: number;
  readonly protocol: ProtocolValue;
  readonly mirrored: boolean;
}

/** -n: BLOCK, PASS, or negotiate (INPASS lets clear traffic in). Offers undefined = the default list. */
export type Negotiation =
  | { readonly kind: 'block' }
  | { readonly kind: 'pass' }
  | { readonly kind: 'negotiate'; readonly inpass: boolean; readonly offers: readonly QmOffer[] | undefined; readonly pfs: PfsGroup };

/** -a, in netsh's terms: the tags and their order (the order is the preference). */
export interface AuthSpec {
  readonly kerberos: boolean | undefined;
  readonly psk: string | undefined;
  readonly rootca: readonly RootCa[];
  readonly given: readonly ('kerberos' | 'psk' | 'rootca')[];
}

/** -1s, -1k, -1p, -1e. */
export interface MainModeSpec {
  readonly offers: readonly MmOffer[] | undefined;
  readonly qmpermm: number | undefined;
  /** Minutes. */
  readonly lifetime: number | undefined;
  readonly pfs: boolean;
  readonly softSaSeconds: number | undefined;
}

/** The settings dynamic and static modes share. */
export interface RuleSpec {
  readonly filters: readonly FilterSpec[];
  readonly negotiation: Negotiation;
  readonly tunnel: AddressValue | undefined;
  readonly auth: AuthSpec | undefined;
  readonly mainMode: MainModeSpec;
  readonly soft: boolean;
  readonly conntype: ConnectionType;
}

export type StoreSpec = { readonly location: 'local' } | { readonly location: 'domain'; readonly domain: string | undefined };

export interface StaticSpec {
  readonly store: StoreSpec;
  readonly policy: string;
  readonly pollInterval: number | undefined;
  readonly rule: string | undefined;
  readonly assign: boolean | undefined;
  readonly remove: boolean;
}

export type ShowTopic = 'filters' | 'policies' | 'auth' | 'stats' | 'sas';

export type Invocation =
  | { readonly mode: 'help' }
  | { readonly mode: 'delete-dynamic'; readonly computer: string | null }
  | { readonly mode: 'dynamic'; readonly computer: string | null; readonly rule: RuleSpec; readonly confirm: boolean }
  | { readonly mode: 'static'; readonly computer: string | null; readonly rule: RuleSpec; readonly spec: StaticSpec; readonly confirm: boolean }
  | { readonly mode: 'show'; readonly computer: string | null; readonly topics: readonly ShowTopic[] };
