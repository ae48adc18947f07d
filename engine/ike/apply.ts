import { applyDelta } from './counters.js';
import type { NegotiationOutcome } from './outcome.js';
import { reasonsDelta } from './reasons.js';
import { cookiePair, hostState } from './state.js';
import type { AuditEvent, HostEffect, IkeHostState, IkeWorld, Role } from './types.js';

/*
 * Writing outcomes into the world's IKE state. Effects due now apply at once; later ones wait
 * in `scheduled` until `applyDue` (called by advance) reaches their time. Mutates in place.
 */

const NEGOTIATIONS = new Set(['negotiated', 'soft', 'failed']);

export function applyEffect(state: IkeHostState, effect: HostEffect): readonly AuditEvent[] {
  applyDelta(state.stats, reasonsDelta(effect.reasons));
  if (effect.deleteMm.length > 0) state.mmSas = state.mmSas.filter((sa) => !effect.deleteMm.includes(cookiePair(sa)));
  if (effect.deleteQm.length > 0) state.qmSas = state.qmSas.filter((sa) => sa.soft || !effect.deleteQm.includes(sa.inboundSpi));
  state.mmSas.push(...effect.addMm.map((sa) => ({ ...sa })));
  for (const sa of effect.addQm) {
    state.qmSas.push({ ...sa });
    // qmpermm counts quick modes made under each main mode.
    const mm = state.mmSas.find((m) => cookiePair(m) === sa.mmCookiePair);
    if (mm) mm.qmCount += 1;
  }
  return effect.events;
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
      if (effect.at <= now) events.push(...applyEffect(state, effect));
      else state.scheduled.push(effect);
    }
    state.scheduled.sort((a, b) => a.at - b.at);
    state.pending = state.pending.filter((p) => p.settlesAt > now);
  }
  return events;
}

/** Applies every scheduled effect due by `now` and closes finished negotiations. */
export function applyDue(world: IkeWorld, now: number, only?: readonly string[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const name of only ? [...only].sort() : Object.keys(world).sort()) {
    const state = world[name];
    if (!state) continue;
    const due = state.scheduled.filter((e) => e.at <= now);
    state.scheduled = state.scheduled.filter((e) => e.at > now);
    for (const effect of due) events.push(...applyEffect(state, effect));
    state.pending = state.pending.filter((p) => p.settlesAt > now);
  }
  return events.sort((a, b) => a.at - b.at);
}
