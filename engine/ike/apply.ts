import type { NegotiationOutcome } from './outcome.js';
import { applyReasons } from './reasons.js';
import { addMm, mmByPair, removeMms } from './mm-index.js';
import { addQm, qmIndex, removeQms } from './qm-index.js';
import { hostState } from './state.js';
import { sortByAt, sortedNames } from './time-order.js';
import type { AuditEvent, HostEffect, IkeHostState, IkeWorld, Role } from './types.js';

/*
 * Writing outcomes into the world's IKE state. Effects due now apply at once; later ones wait
 * in `scheduled` until `applyDue` (called by advance) reaches their time. Mutates in place.
 */

const NEGOTIATIONS = new Set(['negotiated', 'soft', 'failed']);

export function applyEffect(state: IkeHostState, effect: HostEffect, world?: IkeWorld): readonly AuditEvent[] {
  applyReasons(state.stats, effect.reasons);
  if (effect.deleteMm.length > 0) removeMms(state, effect.deleteMm.flatMap((pair) => mmByPair(state, pair)));
  if (effect.deleteQm.length > 0) {
    const doomed = effect.deleteQm.flatMap((spi) => qmIndex(state).inbound.get(spi) ?? []);
    removeQms(state, doomed, world);
  }
  for (const sa of effect.addMm) addMm(state, { ...sa });
  for (const sa of effect.addQm) {
    addQm(state, { ...sa });
    // qmpermm counts quick modes made under each main mode.
    const mm = mmByPair(state, sa.mmCookiePair)[0];
    if (mm) mm.qmCount += 1;
  }
  return effect.events;
}

/** Closes the negotiations settled by `now`. */
function dropSettled(state: IkeHostState, now: number): void {
  if (state.pending.some((p) => !(p.settlesAt > now))) state.pending = state.pending.filter((p) => p.settlesAt > now);
}

/** Records the outcome on both hosts; returns the audit events that happened by `now`. */
export function applyOutcome(world: IkeWorld, outcome: NegotiationOutcome, now: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const role of ['initiator', 'responder'] as const satisfies readonly Role[]) {
    const effects = outcome.effects[role];
    if (effects.length === 0) continue;
    const state = hostState(world, outcome[role]);
    if (NEGOTIATIONS.has(outcome.kind)) {
      const last = effects[effects.length - 1]?.at ?? now;
      const peerName = role === 'initiator' ? outcome.responder : outcome.initiator;
      state.pending.push({ peerName, role, startedAt: outcome.startedAt, settlesAt: last });
    }
    for (const effect of effects) {
      if (effect.at <= now) events.push(...applyEffect(state, effect, world));
      else state.scheduled.push(effect);
    }
    sortByAt(state.scheduled);
    dropSettled(state, now);
  }
  return events;
}

/** Applies every scheduled effect due by `now` and closes finished negotiations. */
export function applyDue(world: IkeWorld, now: number, only?: readonly string[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const name of only ? sortedNames(only) : Object.keys(world).sort()) {
    const state = world[name];
    if (!state) continue;
    // Most hosts have nothing waiting: skip rebuilding their lists.
    if (state.scheduled.some((e) => !(e.at > now))) {
      const due = state.scheduled.filter((e) => e.at <= now);
      state.scheduled = state.scheduled.filter((e) => e.at > now);
      for (const effect of due) events.push(...applyEffect(state, effect, world));
    }
    dropSettled(state, now);
  }
  return sortByAt(events);
}
