import type { Packet } from '../../ipsec/traffic.js';
import type { Host } from '../../model/host.js';
import { findHost, type World } from '../../model/world.js';
import { draftTraffic, type TrafficDraft } from '../../traffic/draft.js';
import type { MatchSummary, TrafficRecord } from '../../traffic/record.js';
import { sendPacket, type Delivery } from '../../traffic/send.js';
import type { Predicates } from '../model.js';
import { fail, pass, type Evaluator } from './outcome.js';
import { protocolName, protocolNumber } from './values.js';

export type FlowOutcome = 'esp' | 'ah' | 'clear' | 'blocked';

export interface FlowResult {
  readonly outcome: FlowOutcome;
  readonly why: string;
}

/** The client's source port: one of Windows Server 2003's ephemeral ports. */
const CLIENT_PORT = 1042;
/** How long a client keeps retrying: past IKE's give-up time (63 s) and the soft-SA wait (3 s). */
const ATTEMPTS = 70;
const RETRY_MS = 1000;

function packets(a: Host, b: Host, protocol: number, port: number | undefined): { out: Packet; back: Packet } {
  const ports = protocol === 6 || protocol === 17;
  const out: Packet = { src: a.nic.address, dst: b.nic.address, protocol, ...(ports ? { srcPort: CLIENT_PORT, dstPort: port ?? 0 } : {}) };
  const back: Packet = { src: b.nic.address, dst: a.nic.address, protocol, ...(ports ? { srcPort: port ?? 0, dstPort: CLIENT_PORT } : {}) };
  return { out, back };
}

/** Sends one packet, retrying while IPSec negotiates, as a client's stack would. */
function deliver(draft: TrafficDraft, from: Host, to: Host, packet: Packet): Delivery {
  let last: Delivery = { delivered: false, negotiating: false, outcome: null };
  for (let i = 0; i < ATTEMPTS; i++) {
    last = sendPacket(draft, from, to, packet, 100);
    if (!last.negotiating) return last;
    draft.now += RETRY_MS;
  }
  return last;
}

/** ESP or AH when the packet rode an SA, from the offer that SA agreed; null when it went clear. */
function protection(draft: TrafficDraft, from: Host, delivery: Delivery): 'esp' | 'ah' | null {
  const spi = delivery.outcome?.kind === 'secured' ? delivery.outcome.outboundSpi : null;
  if (spi === null || spi === undefined) return null;
  const sa = draft.ike[from.name]?.qmSas.find((s) => !s.soft && s.outboundSpi === spi);
  return sa?.offer?.esp ? 'esp' : sa?.offer ? 'ah' : null;
}

function said(m: MatchSummary | null): string {
  if (!m) return '';
  if (m.verdict === 'exempt') return `${m.host}: exempt (${m.exemption ?? ''})`;
  if (!m.policy) return `${m.host}: no IPSec policy in force`;
  if (m.verdict === 'no-match') return `${m.host}: no filter of "${m.policy}" matches`;
  return `${m.host}: filter ${m.filterNumber ?? '?'} of rule ${m.ruleNumber ?? '?'}${m.rule ? ` ("${m.rule}")` : ''} of "${m.policy}", ${m.filterAction ?? ''} (${m.verdict})`;
}

/** The packets' own story: how each host's filters decided it, and why IKE failed if it did. */
function explain(records: readonly TrafficRecord[]): string {
  const last = records[records.length - 1];
  if (!last) return 'nothing was sent';
  const sides = [said(last.sender), said(last.receiver)].filter(Boolean).join('; ');
  const failure = [...records].reverse().find((r) => r.failure)?.failure;
  const soft = records.some((r) => r.kind === 'soft' || r.kind === 'soft-existing');
  if (failure) return `${sides}; IKE failed: ${failure.text} (${failure.code})`;
  return soft ? `${sides}; the peer does not answer IKE, so it falls back to clear (soft association)` : sides;
}

/**
 * Where a connection from `a` to `b` ends up, decided by the real engine: the request and its
 * reply are sent through both hosts' policies and IKE on a throw-away copy of the traffic
 * state (SAs, counters, the random source), so checking never changes the lab.
 */
export function decideFlow(world: World, a: Host, b: Host, protocol: number, port: number | undefined): FlowResult {
  if (!a.online || !b.online) return { outcome: 'blocked', why: `${a.online ? b.name : a.name} is switched off` };
  const draft = draftTraffic(world);
  const { out, back } = packets(a, b, protocol, port);
  const start = draft.log.length;
  const request = deliver(draft, a, b, out);
  const requestRecords = draft.log.slice(start);
  if (!request.delivered) return { outcome: 'blocked', why: explain(requestRecords) };
  const replyStart = draft.log.length;
  const reply = deliver(draft, b, a, back);
  if (!reply.delivered) return { outcome: 'blocked', why: `the reply does not get back: ${explain(draft.log.slice(replyStart))}` };
  const secured = protection(draft, a, request) ?? protection(draft, b, reply);
  return { outcome: secured ?? 'clear', why: explain(requestRecords) };
}

export function flowCheck(p: Predicates['flow']): Evaluator {
  const protocol = protocolNumber(p.protocol);
  const label = `${p.from} → ${p.to} ${protocolName(protocol)}${p.port !== undefined ? `/${p.port}` : ''}`;
  return ({ world }) => {
    const a = findHost(world, p.from);
    const b = findHost(world, p.to);
    if (!a || !b) return fail(`there is no host ${a ? p.to : p.from} in this lab`);
    const result = decideFlow(world, a, b, protocol, p.port);
    const text = `${label} is ${result.outcome === 'esp' || result.outcome === 'ah' ? `protected by ${result.outcome.toUpperCase()}` : result.outcome}: ${result.why}`;
    return result.outcome === p.expect ? pass(text) : fail(`${text}; expected ${p.expect}`);
  };
}
