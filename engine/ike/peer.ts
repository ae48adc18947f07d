import type { IpsecExemptValue } from '../ipsec/constants.js';
import type { HostContext } from '../ipsec/traffic.js';
import type { PolicyStore } from '../ipsec/types.js';
import type { WindowsVersion } from '../model/windows-version.js';

/*
 * What the IKE engine needs to know about a host at the moment it negotiates. The world model
 * builds one per host from its own state (GPO result, service state, certificate stores);
 * IKE never reads the world directly.
 */

export interface HostCertificate {
  /** Subject, e.g. `CN=SRV1.example.test`; shown as the peer identity. */
  readonly subject: string;
  /** Name of the root CA the certificate chains to. */
  readonly rootCa: string;
  readonly revoked: boolean;
  /** Whether the CRL distribution point of this certificate can be reached. */
  readonly crlReachable: boolean;
}

/** `netsh ipsec dynamic set config strongcrlcheck`: 0 off, 1 fail if revoked, 2 fail on any CRL error. */
export type StrongCrlCheck = 0 | 1 | 2;

export interface NegotiationPeer {
  readonly name: string;
  /** The address IKE uses (the host's adapter address). */
  readonly address: string;
  readonly version: WindowsVersion;
  /** DNS domain of the computer account; null for a workgroup computer. */
  readonly domain: string | null;
  /** Forest root domain; Kerberos works only inside one forest. Default: the domain [R]. */
  readonly forest?: string | null;
  /** Whether a domain controller of its domain answers (Kerberos needs one). */
  readonly dcReachable: boolean;
  /** IPSEC Services (PolicyAgent) running. Stopped = no filters and no IKE. */
  readonly policyAgentRunning: boolean;
  /** The effective policy: the store it lives in and its name; null name = none assigned. */
  readonly policy: { readonly store: PolicyStore; readonly policyName: string | null };
  readonly certificates: readonly HostCertificate[];
  /** Names of the root CAs in the computer's Trusted Root Certification Authorities store. */
  readonly trustedRoots: readonly string[];
  readonly strongcrlcheck: StrongCrlCheck;
  readonly ipsecexempt: IpsecExemptValue;
  /** The adapter offloads IPSec crypto (e.g. "IPSec task offload" NICs) [R]. Default false. */
  readonly offload?: boolean;
  /** Subnet mask and server addresses, for `me`, broadcast and DNS/WINS/DHCP/GATEWAY filters. */
  readonly network?: Pick<HostContext, 'mask' | 'dnsServers' | 'winsServers' | 'dhcpServers' | 'gateways' | 'connection'>;
}

/** The matching context of matchPacket for this host. */
export function hostContext(peer: NegotiationPeer): HostContext {
  const n = peer.network;
  // Listed rather than spread (a hot path: every packet on both hosts); an absent setting
  // reads as undefined either way.
  return {
    mask: n?.mask,
    dnsServers: n?.dnsServers,
    winsServers: n?.winsServers,
    dhcpServers: n?.dhcpServers,
    gateways: n?.gateways,
    connection: n?.connection,
    version: peer.version,
    addresses: [peer.address],
    ipsecexempt: peer.ipsecexempt,
  };
}

export function forestOf(peer: NegotiationPeer): string | null {
  return peer.forest === undefined ? peer.domain : peer.forest;
}

/** CA names compare case-insensitively and without spaces after commas [R]. */
export function sameCaName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s*,\s*/g, ',').trim();
  return norm(a) === norm(b);
}
