import type { World } from '../../model/world.js';

/** A deep copy of plain data (the world is JSON-shaped): nothing in it is shared with the original. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A throw-away world for "what if" evaluation: traffic and negotiation never touch the real one. */
export function throwawayWorld(world: World): World {
  return copy(world) as World;
}
