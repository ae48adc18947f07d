import type { PacketFault } from '../actions.js';
import { receiveMalformedIke, receiveReplayed, receiveTampered, receiveUnknownCookies, receiveUnknownSpi } from '../ike/traffic.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';

/**
 * Makes a bad packet arrive at a host. Replayed and tampered packets need a security
 * association to ride on, so they are refused (with the reason) when the host has none.
 */
export function injectFault(world: World, host: Host, fault: PacketFault): string | null {
  const state = world.ike[host.name];
  const sa = state?.qmSas.find((s) => !s.soft);
  switch (fault) {
    case 'bad-spi':
      receiveUnknownSpi(world.ike, host.name);
      return null;
    case 'malformed-ike':
      receiveMalformedIke(world.ike, host.name);
      return null;
    case 'unknown-cookies':
      receiveUnknownCookies(world.ike, host.name);
      return null;
    case 'replay':
    case 'tampered':
      if (!sa) return `${host.name} has no IPSec security association for a ${fault === 'replay' ? 'replayed' : 'tampered'} packet to arrive on.`;
      if (fault === 'replay') receiveReplayed(world.ike, host.name, sa.inboundSpi);
      else receiveTampered(world.ike, host.name, sa.inboundSpi);
      return null;
  }
}
