import type { GroupPolicyState } from '../gp/types.js';
import type { HostCertificate } from '../ike/peer.js';
import type { PolicyStore } from '../ipsec/types.js';
import type { Spd } from '../spd/types.js';
import type { WindowsVersion } from './windows-version.js';

/** The host's one network adapter, as `ipconfig /all` describes it. */
export interface Nic {
  readonly address: string;
  readonly mask: string;
  readonly gateway: string | null;
  readonly dnsServers: readonly string[];
  readonly winsServer: string | null;
  readonly mac: string;
}

export type HostRole = 'domain-controller' | 'dns-server';

/** Add-on tool kits installed on a host: ipsecpol ships in the 2000 Resource Kit (§7.1). */
export type HostTool = 'resource-kit' | 'support-tools';

/** Which policy store `netsh ipsec static` works on, as `set store` chose it. */
export type StoreSelection =
  | { readonly location: 'local' | 'persistent' }
  /** `domain` is the key of world.directory.domains. */
  | { readonly location: 'domain'; readonly domain: string };

/** An interactive netsh running in the console window (netsh's own NetshSession plus the store). */
export interface NetshConsoleState {
  /** Context words from the root: [] is `netsh>`, ['ipsec', 'static'] is `netsh ipsec static>`. */
  readonly path: readonly string[];
  /** Contexts saved by `pushd`, most recent last. */
  readonly stack: readonly (readonly string[])[];
  readonly store: StoreSelection;
}

/** The state of the one cmd.exe window a host offers the student. */
export interface ConsoleState {
  cwd: string;
  /** cmd.exe's ECHO setting: off hides the prompt. */
  echo: boolean;
  /** Set while netsh runs interactively in the window; lines then go to netsh, not cmd.exe. */
  netsh: NetshConsoleState | null;
}

export interface Host {
  readonly name: string;
  readonly version: WindowsVersion;
  /** DNS domain the computer belongs to, or null for a workgroup computer. */
  readonly domain: string | null;
  readonly roles: readonly HostRole[];
  /** Tool kits the lab installed; none unless the lab says so. */
  readonly tools: readonly HostTool[];
  readonly nic: Nic;
  /** DN of the OU holding the computer account; null in the default Computers container. */
  ou: string | null;
  /** The local store, and on Server 2003 the persistent store applied at boot. */
  stores: { local: PolicyStore; persistent: PolicyStore };
  /** The IPSEC Services service (PolicyAgent). */
  policyAgent: { running: boolean };
  /**
   * The live SPD `netsh ipsec dynamic` edits: its objects vanish when IPSEC Services stops,
   * its config (registry) stays.
   */
  spd: Spd;
  /** Switched on and on the network; a DC that is off cannot serve Group Policy or Kerberos. */
  online: boolean;
  gp: GroupPolicyState;
  /** Shares mapped with `net use`, as `\\HOST\share`. */
  netUse: readonly string[];
  /** TCP ports with a listening service, and the file shares it offers. */
  services: { listening: readonly number[]; shares: readonly string[] };
  /** The computer's certificate store: its own certificates and the root CAs it trusts. */
  pki: { certificates: readonly HostCertificate[]; trustedRoots: readonly string[] };
  console: ConsoleState;
  /**
   * The host's files (scripts, exports), keyed by absolute path in the case first written;
   * Windows paths compare case-insensitively (see model/files.ts).
   */
  files: Record<string, string>;
}

export const DEFAULT_CWD = 'C:\\Documents and Settings\\Administrator';
