import type { GroupPolicyState } from '../gp/types.js';
import type { PolicyStore } from '../ipsec/types.js';
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

/** The state of the one cmd.exe window a host offers the student. */
export interface ConsoleState {
  cwd: string;
}

export interface Host {
  readonly name: string;
  readonly version: WindowsVersion;
  /** DNS domain the computer belongs to, or null for a workgroup computer. */
  readonly domain: string | null;
  readonly roles: readonly HostRole[];
  readonly nic: Nic;
  /** DN of the OU holding the computer account; null in the default Computers container. */
  ou: string | null;
  /** The local store, and on Server 2003 the persistent store applied at boot. */
  stores: { local: PolicyStore; persistent: PolicyStore };
  /** The IPSEC Services service (PolicyAgent). */
  policyAgent: { running: boolean };
  /** Switched on and on the network; a DC that is off cannot serve Group Policy or Kerberos. */
  online: boolean;
  gp: GroupPolicyState;
  console: ConsoleState;
}

export const DEFAULT_CWD = 'C:\\Documents and Settings\\Administrator';
