import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';

/** What a name typed at a prompt turns into: the address, and the lab host there, if any. */
export interface Resolved {
  readonly address: string;
  /** The name as DNS gave it, for `Pinging srv2.example.test [192.168.1.20]`; null for an address. */
  readonly fqdn: string | null;
  readonly host: Host | null;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function fqdnOf(host: Host): string {
  return host.domain ? `${host.name.toLowerCase()}.${host.domain}` : host.name.toLowerCase();
}

export function hostByAddress(world: World, address: string): Host | null {
  return Object.values(world.hosts).find((h) => h.nic.address === address) ?? null;
}

/**
 * Resolves a computer name, a fully qualified name or an address as the lab's DNS and NetBIOS
 * would. Null when the name is unknown (ping then says it could not find the host).
 */
export function resolveName(world: World, text: string): Resolved | null {
  const name = text.trim().toLowerCase();
  if (IPV4.test(name)) return { address: name, fqdn: null, host: hostByAddress(world, name) };
  const host = Object.values(world.hosts).find((h) => h.name.toLowerCase() === name || fqdnOf(h) === name);
  return host ? { address: host.nic.address, fqdn: fqdnOf(host), host } : null;
}

/** The reverse lookup netsh's resolvedns=yes performs. */
export function reverseName(world: World, address: string): string | null {
  const host = hostByAddress(world, address);
  return host ? fqdnOf(host) : null;
}
