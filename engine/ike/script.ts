import type { IkeMessage, NegotiationFailure, NegotiationOutcome, OutcomeKind } from './outcome.js';
import { reasonsTotal, type Reason } from './reasons.js';
import { sortByAt } from './time-order.js';
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
  let draft: Draft | undefined;
  for (const d of list) {
    if (d.at === time) {
      draft = d;
      break;
    }
  }
  if (!draft) {
    // Copies sized to fit: pushing into empty arrays reserves room for 17 (GC pressure).
    list.push({
      at: time,
      reasons: parts.reasons ? [...parts.reasons] : [],
      events: parts.events ? [...parts.events] : [],
      addMm: parts.addMm ? [...parts.addMm] : [],
      addQm: parts.addQm ? [...parts.addQm] : [],
      deleteMm: parts.deleteMm ? [...parts.deleteMm] : [],
      deleteQm: parts.deleteQm ? [...parts.deleteQm] : [],
    });
    return;
  }
  if (parts.reasons) draft.reasons.push(...parts.reasons);
  if (parts.events) draft.events.push(...parts.events);
  if (parts.addMm) draft.addMm.push(...parts.addMm);
  if (parts.addQm) draft.addQm.push(...parts.addQm);
  if (parts.deleteMm) draft.deleteMm.push(...parts.deleteMm);
  if (parts.deleteQm) draft.deleteQm.push(...parts.deleteQm);
}

export function send(script: Script, message: Omit<IkeMessage, 'proposals' | 'chosen' | 'kind'> & Partial<IkeMessage>): void {
  const m = message;
  // { kind: 'message', proposals: [], chosen: null, ...message } written out (a spread is slow here).
  script.messages.push({
    kind: 'kind' in m ? (m.kind as IkeMessage['kind']) : 'message',
    proposals: 'proposals' in m ? (m.proposals as IkeMessage['proposals']) : [],
    chosen: 'chosen' in m ? (m.chosen as IkeMessage['chosen']) : null,
    mode: m.mode,
    number: m.number,
    from: m.from,
    at: m.at,
    payloads: m.payloads,
  });
}

/** The drafts in time order; a draft already has the shape (and key order) of a HostEffect. */
function effects(drafts: readonly Draft[]): HostEffect[] {
  return sortByAt([...drafts]);
}

function flatten<T>(effects: readonly HostEffect[], pick: (e: HostEffect) => readonly T[]): T[] {
  const out: T[] = [];
  for (const e of effects) for (const item of pick(e)) out.push(item);
  return out;
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
  const collect = (list: readonly HostEffect[]) => ({ mm: flatten(list, (e) => e.addMm), qm: flatten(list, (e) => e.addQm) });
  const delta = (list: readonly HostEffect[]) => reasonsTotal(list.map((e) => e.reasons));
  // Keys listed, not spread from `info`: adding keys after a spread is slow in V8, and this
  // runs for every negotiation. Same keys, same order as { ...info, delivered, ... }.
  return {
    kind: info.kind,
    initiator: info.initiator,
    responder: info.responder,
    startedAt: info.startedAt,
    mainModeReused: info.mainModeReused,
    failure: info.failure,
    delivered: false,
    negotiating: true,
    blockedBy: null,
    outboundSpi: null,
    messages: sortByAt([...script.messages]),
    settlesAt,
    effects: { initiator, responder },
    sas: { initiator: collect(initiator), responder: collect(responder) },
    events: sortByAt(flatten(all, (e) => e.events)),
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
