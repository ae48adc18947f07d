import type { HostRole, Nic } from '../model/host.js';
import { DEFAULT_CWD } from '../model/host.js';
import type { WindowsVersion } from '../model/windows-version.js';
import { hostKey, type World } from '../model/world.js';

/** How a lab describes one computer before the simulation starts. */
export interface HostSpec {
  readonly name: string;
  readonly version: WindowsVersion;
  readonly domain: string | null;
  readonly roles?: readonly HostRole[];
  readonly nic: Nic;
}

/** A lab: the starting topology every session of it begins from. */
export interface LabSpec {
  readonly id: string;
  readonly title: string;
  readonly hosts: readonly HostSpec[];
}

export class LabError extends Error {}

/** Builds the starting world of a lab; a fresh copy each time, sharing nothing with the spec. */
export function createWorld(spec: LabSpec): World {
  const hosts: World['hosts'] = {};
  for (const h of spec.hosts) {
    const key = hostKey(h.name);
    if (hosts[key]) throw new LabError(`Lab ${spec.id} names host ${h.name} twice.`);
    hosts[key] = {
      name: h.name,
      version: h.version,
      domain: h.domain,
      roles: [...(h.roles ?? [])],
      nic: { ...h.nic, dnsServers: [...h.nic.dnsServers] },
      console: { cwd: DEFAULT_CWD },
    };
  }
  return { clock: 0, labId: spec.id, hosts };
}
