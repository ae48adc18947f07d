import { buildDirectory, ouPathToDn, DOMAIN_CONTROLLERS_OU, type DomainSpec } from '../directory/build.js';
import { createDefaultLocalStore, createEmptyStore } from '../ipsec/defaults.js';
import { refreshGroupPolicy } from '../gp/refresh.js';
import { seedRandom } from '../random.js';
import { createSpd } from '../spd/index.js';
import type { HostCertificate } from '../ike/peer.js';
import { createIkeHostState } from '../ike/state.js';
import type { Host, HostRole, HostTool, Nic } from '../model/host.js';
import { DEFAULT_CWD } from '../model/host.js';
import type { WindowsVersion } from '../model/windows-version.js';
import { hostKey, type World } from '../model/world.js';

/** How a lab describes one computer before the simulation starts. */
export interface HostSpec {
  readonly name: string;
  readonly version: WindowsVersion;
  readonly domain: string | null;
  readonly roles?: readonly HostRole[];
  /** Tool kits installed (the 2000 Resource Kit gives ipsecpol); default none. */
  readonly tools?: readonly HostTool[];
  /** OU path from the domain down, `Servers/Test`; absent = the default Computers container. */
  readonly ou?: string;
  /** TCP ports with a listening service; default: a Windows server's (telnet enabled for the lab). */
  readonly listening?: readonly number[];
  /** Shared folders besides the administrative shares. */
  readonly shares?: readonly string[];
  /** Computer certificates and trusted root CAs, for certificate authentication. */
  readonly certificates?: readonly HostCertificate[];
  readonly trustedRoots?: readonly string[];
  readonly nic: Nic;
}

/** A lab: the starting topology every session of it begins from. */
export interface LabSpec {
  readonly id: string;
  readonly title: string;
  readonly seed?: number;
  readonly domains?: readonly DomainSpec[];
  readonly hosts: readonly HostSpec[];
}

export class LabError extends Error {}

/** Builds the starting world of a lab; a fresh copy each time, sharing nothing with the spec. */
export function createWorld(spec: LabSpec): World {
  const directory = buildDirectory(spec.domains ?? []);
  const hosts: World['hosts'] = {};
  for (const h of spec.hosts) {
    const key = hostKey(h.name);
    if (hosts[key]) throw new LabError(`Lab ${spec.id} names host ${h.name} twice.`);
    if (h.domain && !directory.domains[h.domain.toLowerCase()]) {
      throw new LabError(`Lab ${spec.id}: host ${h.name} is in domain ${h.domain}, which the lab does not define.`);
    }
    const host = createHost(h);
    if (host.domain && host.ou && !directory.domains[host.domain]?.ous[host.ou]) {
      throw new LabError(`Lab ${spec.id}: host ${h.name} is in OU ${h.ou ?? ''}, which domain ${host.domain} does not have.`);
    }
    hosts[key] = host;
  }
  const ike = Object.fromEntries(Object.values(hosts).map((h) => [h.name, createIkeHostState(h.name)]));
  const world: World = { clock: 0, labId: spec.id, random: seedRandom(spec.seed ?? 1), hosts, directory, ike, trafficLog: [] };
  // Every computer has booted and applied Group Policy when the lab opens.
  for (const host of Object.values(hosts)) refreshGroupPolicy(world, host, 0);
  return world;
}

/** What a lab computer listens on: RPC and file sharing everywhere; Telnet on the servers (enabled for the lab); a DC's directory ports. */
function defaultPorts(h: HostSpec): number[] {
  const ports = [135, 139, 445];
  if (h.version !== 'XP') ports.push(23);
  if (h.roles?.includes('domain-controller')) ports.push(53, 88, 389, 636, 3268);
  return ports.sort((a, b) => a - b);
}

function defaultShares(h: HostSpec): string[] {
  return h.roles?.includes('domain-controller') ? ['NETLOGON', 'SYSVOL'] : [];
}

function createHost(h: HostSpec): Host {
  const roles = [...(h.roles ?? [])];
  const domain = h.domain?.toLowerCase() ?? null;
  const ouPath = roles.includes('domain-controller') ? DOMAIN_CONTROLLERS_OU : h.ou;
  return {
    name: h.name,
    version: h.version,
    domain,
    roles,
    tools: [...(h.tools ?? [])],
    nic: { ...h.nic, dnsServers: [...h.nic.dnsServers] },
    ou: domain && ouPath ? ouPathToDn(domain, ouPath) : null,
    stores: { local: createDefaultLocalStore(), persistent: createEmptyStore('persistent') },
    policyAgent: { running: true },
    spd: createSpd(h.version),
    netUse: [],
    services: { listening: [...(h.listening ?? defaultPorts(h))], shares: ['IPC$', 'ADMIN$', 'C$', ...defaultShares(h), ...(h.shares ?? [])] },
    pki: { certificates: [...(h.certificates ?? [])], trustedRoots: [...(h.trustedRoots ?? [])] },
    online: true,
    gp: { lastRefresh: null, nextRefresh: 0, appliedGpos: [], domainPolicy: null, nextPoll: null },
    console: { cwd: DEFAULT_CWD, echo: true, netsh: null },
    files: {},
  };
}
