import type { Directory } from '../directory/types.js';
import type { IkeWorld } from '../ike/types.js';
import type { TrafficRecord } from '../traffic/record.js';
import type { RandomState } from '../random.js';
import type { Host } from './host.js';

/**
 * Everything the simulation knows. Plain data only, so it serialises to JSON and back
 * without loss and the same actions on the same world give the same bytes.
 */
export interface World {
  /** Simulated time in milliseconds since the lab started; only actions move it. */
  clock: number;
  readonly labId: string;
  /** The seeded source behind SPIs, cookies and GUIDs; its state travels with the world. */
  readonly random: RandomState;
  readonly hosts: Record<string, Host>;
  directory: Directory;
  /** Every host's IKE state — SAs, negotiations in flight, counters — keyed by host name. */
  ike: IkeWorld;
  /** The most recent packets and how each was decided, for the network view and the IKE timeline. */
  trafficLog: readonly TrafficRecord[];
}

/** Hosts are keyed by upper-case name, as NetBIOS names compare case-insensitively. */
export function hostKey(name: string): string {
  return name.toUpperCase();
}

export function findHost(world: World, name: string): Host | undefined {
  return world.hosts[hostKey(name)];
}

export function hostNames(world: World): string[] {
  return Object.values(world.hosts).map((h) => h.name);
}
