import type { TrafficRecord, World } from '../engine/index.js';
import type { StatsSample } from './protocol/lab-api.js';
import { UserError } from './protocol/rpc.js';

/** Samples kept per host: enough for a chart of a long session, bounded so memory is too. */
const MAX_SAMPLES = 500;

/**
 * Each host's counters after every change, so the UI can chart them over simulated time — the
 * source document says some counters only make sense watched as they move.
 */
export class StatsHistory {
  private readonly samples = new Map<string, StatsSample[]>();

  sample(world: World): void {
    for (const [name, state] of Object.entries(world.ike)) {
      const list = this.samples.get(name) ?? [];
      const last = list[list.length - 1];
      const stats = structuredClone(state.stats);
      if (last && last.clock === world.clock) list[list.length - 1] = { clock: world.clock, stats };
      else list.push({ clock: world.clock, stats });
      if (list.length > MAX_SAMPLES) list.splice(0, list.length - MAX_SAMPLES);
      this.samples.set(name, list);
    }
  }

  of(host: string): StatsSample[] {
    return this.samples.get(host) ?? [];
  }
}

export function trafficBetween(log: readonly TrafficRecord[], between: unknown, limit: unknown): TrafficRecord[] {
  const max = typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? Math.min(limit, 200) : 200;
  let records = [...log];
  if (between !== undefined) {
    if (!Array.isArray(between) || between.length !== 2 || !between.every((h) => typeof h === 'string')) {
      throw new UserError('Name the two hosts whose traffic to show.');
    }
    const pair = new Set(between.map((h: string) => h.toUpperCase()));
    records = records.filter((r) => pair.has(r.from.toUpperCase()) && pair.has(r.to.toUpperCase()));
  }
  return records.slice(-max);
}
