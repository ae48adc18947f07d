import { formatMmOffer } from '../ipsec/offers.js';
import type { AuthMethod } from '../ipsec/types.js';
import { mmEnded, mmEstablished } from './audit.js';
import { GIVE_UP_MS, MESSAGE_MS, NO_RESPONSE_FAILURE_POINT, RETRANSMIT_OFFSETS_MS, SOFT_SA_DELAY_MS } from './behaviour.js';
import { addressOf, arrival, failureReasons, hex64, noteFailure, other, type Ctx } from './context.js';
import { authLabel, qmLimitOf, type MmAgreement, type MmFailure } from './main-mode.js';
import type { NegotiationFailure } from './outcome.js';
import { ikeErrorText } from './codes.js';
import type { Reason } from './reasons.js';
import { at, send } from './script.js';
import { cookiePair, mmSasWith } from './state.js';
import type { MainModeSa, MainModeTerms, QuickModeSa, Role } from './types.js';
import type { SideView } from './views.js';

/*
 * The main mode timelines (reference §6.1–6.2). Message n arrives at t0 + n × MESSAGE_MS; the
 * initiator's acquire and main mode entry open at t0 and close when its side is over.
 */

const PAYLOADS: Record<number, readonly string[]> = {
  1: ['SA', 'VID'],
  2: ['SA', 'VID'],
  3: ['KE', 'NONCE'],
  4: ['KE', 'NONCE'],
  5: ['ID', 'AUTH'],
  6: ['ID', 'AUTH'],
};



const AUTH_PAYLOAD: Record<AuthMethod['kind'], { kex: string | null; id: string }> = {
  kerberos: { kex: 'KERBEROS', id: 'HASH' },
  psk: { kex: null, id: 'HASH' },
  certificate: { kex: 'CERT_REQ', id: 'CERT+SIG' },
};

function payloadsFor(n: number, extra: { kex: string | null; id: string } | null | undefined): string[] {
  const payloads = (PAYLOADS[n] ?? []).map((p) => (p === 'AUTH' ? (extra?.id ?? 'HASH') : p));
  if (extra?.kex && (n === 3 || n === 4)) payloads.push(extra.kex);
  return payloads;
}

/** Messages 1–6's payloads for each auth kind ('' = none chosen), worked out once; each message gets a copy. */
const PAYLOAD_TABLE = new Map<string, readonly (readonly string[])[]>(
  ['', ...Object.keys(AUTH_PAYLOAD)].map((kind) => [
    kind,
    [1, 2, 3, 4, 5, 6].map((n) => payloadsFor(n, kind === '' ? null : AUTH_PAYLOAD[kind as AuthMethod['kind']])),
  ]),
);

/** Main mode messages 1..last on the wire; message 1 lists every offer × auth method. */
export function sendMainMode(ctx: Ctx, last: number, chosen: string | null, auth: AuthMethod | undefined): void {
  const proposals: string[] = [];
  for (const o of ctx.view.policy.mmsecmethods) {
    const offer = formatMmOffer(o);
    for (const m of ctx.view.authMethods) proposals.push(`${offer} ${authLabel(m)}`);
  }
  const table = PAYLOAD_TABLE.get(auth ? auth.kind : '');
  for (let n = 1; n <= last; n++) {
    const known = table?.[n - 1];
    send(ctx.s, {
      mode: 'main',
      number: n,
      from: n % 2 === 1 ? 'initiator' : 'responder',
      at: arrival(ctx, n - 1),
      payloads: known ? [...known] : payloadsFor(n, auth ? AUTH_PAYLOAD[auth.kind] : null),
      proposals: n === 1 ? proposals : [],
      chosen: n === 2 ? chosen : null,
    });
  }
}

export function retransmit(ctx: Ctx, mode: 'main' | 'quick', number: number, sentAt: number, until: number): number[] {
  const times = RETRANSMIT_OFFSETS_MS.map((o) => sentAt + o).filter((t) => t < until);
  if (!ctx.faults.sendFailure) for (const t of times) send(ctx.s, { mode, number, kind: 'retransmit', from: 'initiator', at: t, payloads: [] });
  return times;
}

export function failureRecord(f: { mode: 'main' | 'quick'; message: number; detectedBy: Role; codes: NegotiationFailure['codes']; point: NegotiationFailure['point'] }): NegotiationFailure {
  const code = f.codes[f.detectedBy] ?? f.codes[other(f.detectedBy)] ?? 13804;
  return { ...f, code, text: ikeErrorText(code) };
}

/** Nobody answers message 1 (no policy, service stopped, soft SA on the peer): soft SA or 13813. */
export function noResponse(ctx: Ctx): NegotiationFailure | null {
  // Nothing reaches the wire when the adapter cannot send.
  if (!ctx.faults.sendFailure) sendMainMode(ctx, 1, null, undefined);
  if (ctx.view.soft) {
    const ts = ctx.t0 + SOFT_SA_DELAY_MS;
    retransmit(ctx, 'main', 1, ctx.t0, ts);
    at(ctx.s, 'initiator', ts, { reasons: ['soft-sa', 'acquire-done', 'mm-entry-deleted'], addQm: [softSa(ctx, ts)] });
    return null;
  }
  const ts = ctx.t0 + GIVE_UP_MS;
  retransmit(ctx, 'main', 1, ctx.t0, ts);
  const point = NO_RESPONSE_FAILURE_POINT;
  const reasons = failureReasons('initiator', ['acquire-done', 'mm-entry-deleted']);
  noteFailure(ctx, { role: 'initiator', time: ts, mode: 'main', point, code: 13813, message: 0, reasons });
  return failureRecord({ mode: 'main', message: 0, detectedBy: 'initiator', codes: { initiator: 13813, responder: null }, point: { initiator: point, responder: null } });
}

function softSa(ctx: Ctx, time: number): QuickModeSa {
  const peer = ctx.peers.responder;
  return {
    peerName: peer.name,
    role: 'initiator',
    localAddress: addressOf(ctx, 'initiator'),
    peerAddress: peer.address,
    filter: ctx.view.filter,
    selector: ctx.selector,
    tunnel: null,
    inboundSpi: 0,
    outboundSpi: 0,
    offer: null,
    pfsGroup: null,
    lifetimeSeconds: 0,
    lifetimeKBytes: 0,
    soft: true,
    offloaded: false,
    mmCookiePair: null,
    mainMode: null,
    createdAt: time,
    // Soft SAs end by idling out, never by lifetime.
    expiresAt: Number.MAX_SAFE_INTEGER,
    lastUsedAt: time,
    bytesSent: 0,
    bytesReceived: 0,
    sendSequence: 0,
    receiveSequence: 0,
  };
}

/** The responder opened state for the exchange when message 1 arrived. */
function responderOpens(ctx: Ctx): void {
  at(ctx.s, 'responder', arrival(ctx, 1), { reasons: ['receive-started', 'mm-entry'] });
}

/** A main mode failure the detecting side reports to the other with a notify. */
export function mainModeFails(ctx: Ctx, f: MmFailure, chosen: string | null, auth: AuthMethod | undefined): NegotiationFailure {
  sendMainMode(ctx, f.message, chosen, auth);
  responderOpens(ctx);
  const det = f.detectedBy;
  const peerSide = other(det);
  const td = arrival(ctx, f.message);
  const tn = arrival(ctx, f.message + 1);
  const auth1: Reason[] = f.authentication ? ['auth-failed'] : [];
  const mine = failureReasons(det, [...auth1, ...(f.receivedBad ? (['message-rejected'] as const) : [])]);
  noteFailure(ctx, { role: det, time: td, mode: 'main', point: 'Me', code: f.code, message: f.message, reasons: mine });
  send(ctx.s, { mode: 'main', number: f.message, kind: 'notify', from: det, at: td, payloads: ['NOTIFY'] });
  noteFailure(ctx, { role: peerSide, time: tn, mode: 'main', point: 'Peer', code: f.code, message: f.message, reasons: failureReasons(peerSide, auth1) });
  at(ctx.s, 'initiator', det === 'initiator' ? td : tn, { reasons: ['acquire-done', 'mm-entry-deleted'] });
  at(ctx.s, 'responder', tn, { reasons: ['receive-done', 'mm-entry-deleted'] });
  const codes = { initiator: f.code, responder: f.code };
  const point = det === 'initiator' ? ({ initiator: 'Me', responder: 'Peer' } as const) : ({ initiator: 'Peer', responder: 'Me' } as const);
  return failureRecord({ mode: 'main', message: f.message, detectedBy: det, codes, point });
}

/** Mismatched preshared keys: message 5 is unreadable, the initiator resends it, then gives up (13805). */
export function pskStall(ctx: Ctx, f: MmFailure, chosen: string, auth: AuthMethod): NegotiationFailure {
  sendMainMode(ctx, 5, chosen, auth);
  responderOpens(ctx);
  const sent5 = arrival(ctx, 4);
  const ts = sent5 + GIVE_UP_MS;
  const reasons = failureReasons('responder', ['invalid-packet', 'auth-failed']);
  noteFailure(ctx, { role: 'responder', time: arrival(ctx, 5), mode: 'main', point: 'Me', code: f.code, message: 5, reasons });
  const resends = retransmit(ctx, 'main', 5, sent5, ts);
  for (const t of resends) at(ctx.s, 'responder', t + MESSAGE_MS, { reasons: ['invalid-packet', 'receive-buffered'] });
  const release: Reason[] = resends.map(() => 'receive-unbuffered');
  at(ctx.s, 'responder', ts, { reasons: ['receive-done', 'mm-entry-deleted', ...release] });
  const mine = failureReasons('initiator', ['acquire-done', 'mm-entry-deleted']);
  noteFailure(ctx, { role: 'initiator', time: ts, mode: 'main', point: 'Peer', code: 13805, message: 4, reasons: mine });
  return failureRecord({ mode: 'main', message: 5, detectedBy: 'responder', codes: { initiator: 13805, responder: f.code }, point: { initiator: 'Peer', responder: 'Me' } });
}

export interface MmOutcome {
  readonly pair: string;
  readonly terms: Readonly<Record<Role, MainModeTerms>>;
  readonly identities: Readonly<Record<Role, string>>;
  readonly dhGroup: 1 | 2 | 3;
}

function mmSa(ctx: Ctx, role: Role, a: MmAgreement, cookies: [string, string], time: number, policy: SideView['policy']): MainModeSa {
  const peer = ctx.peers[other(role)];
  return {
    initiatorCookie: cookies[0],
    responderCookie: cookies[1],
    role,
    peerName: peer.name,
    localAddress: addressOf(ctx, role),
    peerAddress: peer.address,
    authMethod: a.auth,
    peerIdentity: role === 'initiator' ? a.responderIdentity : a.initiatorIdentity,
    offer: a.offer,
    policyName: policy.name,
    lifetimeSeconds: a.lifetimeSeconds,
    createdAt: time,
    expiresAt: time + a.lifetimeSeconds * 1000,
    qmCount: 0,
    qmLimit: qmLimitOf(policy),
  };
}

export function termsOf(sa: MainModeSa): MainModeTerms {
  const { offer, authMethod, peerIdentity, policyName, lifetimeSeconds, qmLimit } = sa;
  return { offer, authMethod, peerIdentity, policyName, lifetimeSeconds, qmLimit };
}

/** A new MM replaces older ones with the same peer on that host [R]. */
function replaceOld(ctx: Ctx, role: Role, time: number): void {
  const old = mmSasWith(ctx.states[role], ctx.peers[other(role)].address);
  if (old.length === 0) return;
  const host = ctx.peers[role].name;
  at(ctx.s, role, time, {
    reasons: old.map(() => 'mm-entry-deleted' as const),
    events: old.map((sa) => mmEnded(host, time, sa)),
    deleteMm: old.map(cookiePair),
  });
}

/** Six messages that work: both hosts hold the MM SA. */
export function mainModeSucceeds(ctx: Ctx, a: MmAgreement, auth: AuthMethod, responderPolicy: SideView['policy']): MmOutcome {
  const chosen = `${formatMmOffer(a.offer)} ${a.auth}`;
  sendMainMode(ctx, 6, chosen, auth);
  responderOpens(ctx);
  const cookies: [string, string] = [hex64(ctx.next32), hex64(ctx.next32)];
  const tr = arrival(ctx, 5);
  const ti = arrival(ctx, 6);
  const rSa = mmSa(ctx, 'responder', a, cookies, tr, responderPolicy);
  const iSa = mmSa(ctx, 'initiator', a, cookies, ti, ctx.view.policy);
  replaceOld(ctx, 'responder', tr);
  replaceOld(ctx, 'initiator', ti);
  at(ctx.s, 'responder', tr, { reasons: ['mm-established', 'receive-done'], addMm: [rSa], events: [mmEstablished(ctx.peers.responder.name, tr, rSa)] });
  at(ctx.s, 'initiator', ti, { reasons: ['mm-established'], addMm: [iSa], events: [mmEstablished(ctx.peers.initiator.name, ti, iSa)] });
  const identities = { initiator: a.responderIdentity, responder: a.initiatorIdentity };
  return { pair: cookiePair(iSa), identities, dhGroup: a.offer.dhGroup, terms: { initiator: termsOf(iSa), responder: termsOf(rSa) } };
}

