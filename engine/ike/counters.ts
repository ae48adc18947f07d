import {
  MAIN_MODE_COUNTERS,
  QUICK_MODE_COUNTERS,
  type CounterDelta,
  type IkeStats,
  type MainModeCounter,
  type MainModeStats,
  type QuickModeCounter,
  type QuickModeStats,
} from './types.js';

/* Counter records: zeroing, adding deltas, comparing. Why they move lives in reasons.ts. */

export function zeroMainMode(): MainModeStats {
  return Object.fromEntries(MAIN_MODE_COUNTERS.map((n) => [n, 0])) as MainModeStats;
}

export function zeroQuickMode(): QuickModeStats {
  return Object.fromEntries(QUICK_MODE_COUNTERS.map((n) => [n, 0])) as QuickModeStats;
}

export function zeroStats(): IkeStats {
  return { mainMode: zeroMainMode(), quickMode: zeroQuickMode() };
}

export function applyDelta(stats: IkeStats, delta: CounterDelta): void {
  for (const name of MAIN_MODE_COUNTERS) stats.mainMode[name] += delta.mainMode[name] ?? 0;
  for (const name of QUICK_MODE_COUNTERS) stats.quickMode[name] += delta.quickMode[name] ?? 0;
}

/** Sum of deltas, leaving out counters whose changes cancel (a gauge up then down). */
export function sumDeltas(deltas: readonly CounterDelta[]): CounterDelta {
  const mainMode: Partial<Record<MainModeCounter, number>> = {};
  const quickMode: Partial<Record<QuickModeCounter, number>> = {};
  for (const name of MAIN_MODE_COUNTERS) {
    const total = deltas.reduce((t, d) => t + (d.mainMode[name] ?? 0), 0);
    if (total !== 0) mainMode[name] = total;
  }
  for (const name of QUICK_MODE_COUNTERS) {
    const total = deltas.reduce((t, d) => t + (d.quickMode[name] ?? 0), 0);
    if (total !== 0) quickMode[name] = total;
  }
  return { mainMode, quickMode };
}

/** after − before, only the counters that changed. */
export function diffStats(before: IkeStats, after: IkeStats): CounterDelta {
  const mainMode: Partial<Record<MainModeCounter, number>> = {};
  const quickMode: Partial<Record<QuickModeCounter, number>> = {};
  for (const name of MAIN_MODE_COUNTERS) {
    const d = after.mainMode[name] - before.mainMode[name];
    if (d !== 0) mainMode[name] = d;
  }
  for (const name of QUICK_MODE_COUNTERS) {
    const d = after.quickMode[name] - before.quickMode[name];
    if (d !== 0) quickMode[name] = d;
  }
  return { mainMode, quickMode };
}

export function cloneStats(stats: IkeStats): IkeStats {
  return { mainMode: { ...stats.mainMode }, quickMode: { ...stats.quickMode } };
}
