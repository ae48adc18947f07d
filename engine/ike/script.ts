import { sumDeltas } from './counters.js';
import type { IkeMessage, NegotiationFailure, NegotiationOutcome, OutcomeKind } from './outcome.js';
import { reasonsDelta, type Reason } from './reasons.js';
import type { AuditEvent, HostEffect, MainModeSa, QuickModeSa, Role } from './types.js';

/*
 * A negotiation written down as a timeline: what each host experiences at which simulated
 * time, plus the messages on the wire. negotiate.ts writes it; `finish` turns it into an outcome.
 */

export interface EffectParts {
  readonly reasons?: readonly Reason[];
  readonly events?: readonly AuditEvent[];
  readonly addMm?: readonly MainModeSa[];
  readonly addQm?: readonly QuickModeSa[];
  readonly deleteMm?: readonly string[];
  readonly deleteQm?: readonly number[];
}

interface Draft {
  at: number;
  reasons: Reason[];
  events: AuditEvent[];
  addMm: MainModeSa[];
  addQm: QuickModeSa[];
  deleteMm: string[];
  deleteQm: number[];
}

export interface Script {
  readonly drafts: Record<Role, Draft[]>;
  readonly messages: IkeMessage[];
}

export function newScript(): Script {
  return { drafts: { initiator: [], responder: [] }, messages: [] };
}

/** Adds to what `role` experiences at `time` (merging with anything already there). */
export function at(script: Script, role: Role, time: number, parts: EffectParts): void {
  const list = script.drafts[role];
  let draft = list.find((d) => d.at === time);
  if (!draft) {
    draft = { at: time, reasons: [], events: [], addMm: [], addQm: [], deleteMm: [], deleteQm: [] };
    list.push(draft);
  }
  draft.reasons.push(...(parts.reasons ?? []));
  draft.events.push(...(parts.events ?? []));
  draft.addMm.push(...(parts.addMm ?? []));
  draft.addQm.push(...(parts.addQm ?? []));
  draft.deleteMm.push(...(parts.deleteMm ?? []));
  draft.deleteQm.push(...(parts.deleteQm ?? []));
}

export function send(script: Script, message: Omit<IkeMessage, 'proposals' | 'chosen' | 'kind'> & Partial<IkeMessage>): void {
  script.messages.push({ kind: 'message', proposals: [], chosen: null, ...message });
}

function effects(drafts: readonly Draft[]): HostEffect[] {
  return [...drafts]
    .sort((a, b) => a.at - b.at)
    .map((d) => ({
      at: d.at,
      reasons: d.reasons,
      events: d.events,
      addMm: d.addMm,
      addQm: d.addQm,
      deleteMm: d.deleteMm,
      deleteQm: d.deleteQm,
    }));
}

export interface FinishInfo {
  readonly kind: OutcomeKind;
  readonly initiator: string;
  readonly responder: string;
  readonly startedAt: number;
  readonly mainModeReused: boolean;
  readonly failure: NegotiationFailure | null;
}

/** The outcome of a negotiation that started with this packet. */
export function finish(script: Script, info: FinishInfo): NegotiationOutcome {
  const initiator = effects(script.drafts.initiator);
  const responder = effects(script.drafts.responder);
  const all = [...initiator, ...responder];
  const settlesAt = all.reduce((t, e) => Math.max(t, e.at), info.startedAt);
  const collect = (list: readonly HostEffect[]) => ({ mm: list.flatMap((e) => e.addMm), qm: list.flatMap((e) => e.addQm) });
  const delta = (list: readonly HostEffect[]) => sumDeltas(list.map((e) => reasonsDelta(e.reasons)));
  return {
    ...info,
    delivered: false,
    negotiating: true,
    blockedBy: null,
    outboundSpi: null,
    messages: [...script.messages].sort((a, b) => a.at - b.at),
    settlesAt,
    effects: { initiator, responder },
    sas: { initiator: collect(initiator), responder: collect(responder) },
    events: all.flatMap((e) => e.events).sort((a, b) => a.at - b.at),
    counterDeltas: { initiator: delta(initiator), responder: delta(responder) },
  };
}

/** An outcome with no IKE at all (clear, blocked, secured under an existing SA, …). */
export function noIke(
  kind: OutcomeKind,
  names: { initiator: string; responder: string },
  now: number,
  extra: Partial<Pick<NegotiationOutcome, 'delivered' | 'blockedBy' | 'outboundSpi' | 'negotiating'>>,
): NegotiationOutcome {
  const empty = { mm: [], qm: [] };
  return {
    kind,
    ...names,
    delivered: extra.delivered ?? false,
    negotiating: extra.negotiating ?? false,
    blockedBy: extra.blockedBy ?? null,
    outboundSpi: extra.outboundSpi ?? null,
    mainModeReused: false,
    messages: [],
    failure: null,
    startedAt: now,
    settlesAt: now,
    effects: { initiator: [], responder: [] },
    sas: { initiator: empty, responder: empty },
    events: [],
    counterDeltas: { initiator: { mainMode: {}, quickMode: {} }, responder: { mainMode: {}, quickMode: {} } },
  };
}
