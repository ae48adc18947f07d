import type { Effect } from '../effects.js';
import type { IkeWorld } from '../ike/types.js';
import { nextUint32, type RandomState } from '../random.js';
import type { World } from '../model/world.js';
import type { TrafficRecord } from './record.js';

/**
 * A scratch copy of what traffic changes — IKE state, the random source, the clock — so a
 * command can run its packets, print what happened, and hand back one effect that commits it.
 * The world itself is untouched until the lab applies that effect.
 */
export interface TrafficDraft {
  readonly world: World;
  readonly ike: IkeWorld;
  readonly random: RandomState;
  now: number;
  /** The world's traffic log with this draft's packets appended. */
  log: readonly TrafficRecord[];
  next32(): number;
}

export function draftTraffic(world: World): TrafficDraft {
  const random: RandomState = { state: world.random.state };
  return {
    world,
    ike: JSON.parse(JSON.stringify(world.ike)) as IkeWorld,
    random,
    now: world.clock,
    log: world.trafficLog,
    next32: () => nextUint32(random),
  };
}

/** The one effect that commits a draft: the new IKE state and random source, then the clock moves on. */
export function commitTraffic(draft: TrafficDraft): Effect {
  return { kind: 'traffic', ike: draft.ike, random: { ...draft.random }, clock: draft.now, log: draft.log };
}
