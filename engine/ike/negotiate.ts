import { formatMmOffer } from '../ipsec/offers.js';
import type { Packet } from '../ipsec/traffic.js';
import { DEFAULT_RESPONSE_SA_COVERS_REPLIES, SOFT_SA_SILENCES_RESPONDER } from './behaviour.js';
import type { Ctx, NegotiationFaults } from './context.js';
import { authLabel, chooseAuthMethod, evaluateMainMode, type MmFailure } from './main-mode.js';
import { mainModeFails, mainModeSucceeds, noResponse, pskStall, termsOf } from './main-mode-flow.js';
import type { NegotiationFailure, NegotiationOutcome, OutcomeKind } from './outcome.js';
import type { NegotiationPeer } from './peer.js';
import { invalidCookies, quickMode } from './quick-mode-flow.js';
import { at, finish, newScript, noIke } from './script.js';
import { cookiePair, findByInboundSpi, findQmSa, findSoftSa, liveMmSa, peekState, pendingWith, usableMmSa } from './state.js';
import type { IkeHostState, IkeWorld, TrafficSelector } from './types.js';
import { matchOn, responderLookup, senderDecision, type SideView } from './views.js';

/*
 * One packet from `initiator` to `responder` (reference §6.2): the sender's filter decides
 * permit / block / negotiate; an existing SA or soft SA is used; otherwise IKE runs. Pure: it
 * reads the world and returns an outcome; applyOutcome writes it.
 */

export interface NegotiationInput {
  /** The host sending the packet. */
  readonly initiator: NegotiationPeer;
  /** The host receiving it (in tunnel mode: the tunnel endpoint). */
  readonly responder: NegotiationPeer;
  readonly world: IkeWorld;
  readonly packet: Packet;
  readonly now: number;
  readonly next32: () => number;
  readonly faults?: NegotiationFaults;
}

type Names = { initiator: string; responder: string };

function names(input: NegotiationInput): Names {
  return { initiator: input.initiator.name, responder: input.responder.name };
}

type Arrival = 'accepted' | 'inpass' | 'dropped' | 'blocked';

/** How the receiver treats a packet arriving in the clear (reference §6.2 inpass row). */
function clearArrival(input: NegotiationInput): Arrival {
  const match = matchOn(input.responder, input.packet);
  if (match?.verdict === 'block') return 'blocked';
  if (match?.verdict !== 'negotiate') return 'accepted';
  if (findSoftSa(peekState(input.world, input.responder.name), input.packet, input.now)) return 'accepted';
  return match.filterAction?.inpass ? 'inpass' : 'dropped';
}

/** A clear packet: the sender's kind stays for soft SAs; otherwise the receiver's verdict names it. */
function receiveClear(input: NegotiationInput, kind: OutcomeKind): NegotiationOutcome {
  const arrival = clearArrival(input);
  const delivered = arrival === 'accepted' || arrival === 'inpass';
  const blockedBy = arrival === 'blocked' ? 'responder' : null;
  const named: OutcomeKind = kind === 'soft-existing' || arrival === 'accepted' ? kind : arrival;
  return noIke(named, names(input), input.now, { delivered, blockedBy });
}

/** Sent under an existing SA pair; delivered if the receiver still knows the SPI. */
function secured(input: NegotiationInput, outboundSpi: number): NegotiationOutcome {
  const receiver = peekState(input.world, input.responder.name);
  const known = findByInboundSpi(receiver, outboundSpi) !== undefined;
  return noIke('secured', names(input), input.now, { delivered: known, outboundSpi });
}

/** A packet for a peer whose negotiation is in flight waits behind it and is lost. */
function queued(input: NegotiationInput, settlesAt: number): NegotiationOutcome {
  const s = newScript();
  at(s, 'initiator', input.now, { reasons: ['acquire-queued'] });
  at(s, 'initiator', settlesAt, { reasons: ['acquire-dequeued'] });
  return finish(s, { kind: 'pending', initiator: input.initiator.name, responder: input.responder.name, startedAt: input.now, mainModeReused: false, failure: null });
}

export function negotiate(input: NegotiationInput): NegotiationOutcome {
  const decision = senderDecision(input.initiator, input.packet);
  const sender = peekState(input.world, input.initiator.name);
  switch (decision.kind) {
    case 'blocked':
      return noIke('blocked', names(input), input.now, { blockedBy: 'initiator' });
    case 'exempt':
      return receiveClear(input, 'exempt');
    case 'clear': {
      const dynamic = DEFAULT_RESPONSE_SA_COVERS_REPLIES ? findQmSa(sender, input.packet, input.now) : undefined;
      if (dynamic && !dynamic.soft && dynamic.filter.ruleName === null) return secured(input, dynamic.outboundSpi);
      return receiveClear(input, 'clear');
    }
    case 'negotiate': {
      const existing = findQmSa(sender, input.packet, input.now);
      if (existing) return existing.soft ? receiveClear(input, 'soft-existing') : secured(input, existing.outboundSpi);
      const pending = pendingWith(sender, input.responder.name);
      if (pending) return queued(input, pending.settlesAt);
      return exchange(input, decision.view, decision.selector);
    }
  }
}

function context(input: NegotiationInput, view: SideView, selector: TrafficSelector): Ctx {
  const states: Record<'initiator' | 'responder', IkeHostState> = {
    initiator: peekState(input.world, input.initiator.name),
    responder: peekState(input.world, input.responder.name),
  };
  return {
    s: newScript(),
    peers: { initiator: input.initiator, responder: input.responder },
    states,
    view,
    selector,
    packet: input.packet,
    t0: input.now,
    next32: input.next32,
    faults: input.faults ?? {},
  };
}

/** Quick mode only, under the MM SA the initiator already holds. */
function reuseMainMode(ctx: Ctx, mine: NonNullable<ReturnType<typeof usableMmSa>>): NegotiationFailure | null {
  const pair = cookiePair(mine);
  const theirs = liveMmSa(ctx.states.responder, pair, ctx.t0);
  if (!theirs) return invalidCookies(ctx, mine);
  const identities = { initiator: mine.peerIdentity, responder: theirs.peerIdentity };
  const mm = { pair, identities, dhGroup: mine.offer.dhGroup, terms: { initiator: termsOf(mine), responder: termsOf(theirs) } };
  return quickMode(ctx, 0, mm, responderLookup(ctx.peers.responder, ctx.packet));
}

const NO_POLICY: MmFailure = { code: 13825, detectedBy: 'responder', message: 1, authentication: false, receivedBad: true, stalled: false };

/** A new main mode, then quick mode. Returns the failure (null = SAs or soft SA). */
function fullExchange(ctx: Ctx): NegotiationFailure | null {
  at(ctx.s, 'initiator', ctx.t0, { reasons: ['mm-entry'] });
  const { responder } = ctx.peers;
  const softHeld = SOFT_SA_SILENCES_RESPONDER && findSoftSa(ctx.states.responder, ctx.packet, ctx.t0) !== undefined;
  const lookup = ctx.faults.sendFailure || softHeld ? ({ kind: 'silent' } as const) : responderLookup(responder, ctx.packet);
  if (lookup.kind === 'silent') return noResponse(ctx);
  if (lookup.kind === 'no-policy') return mainModeFails(ctx, NO_POLICY, null, undefined);
  const mm = evaluateMainMode(
    { peer: ctx.peers.initiator, policy: ctx.view.policy, authMethods: ctx.view.authMethods },
    { peer: responder, policy: lookup.view.policy, authMethods: lookup.view.authMethods },
  );
  const auth = chooseAuthMethod(ctx.view.authMethods, lookup.view.authMethods) ?? undefined;
  if (!mm.ok) {
    const chosen = mm.offer && auth ? `${formatMmOffer(mm.offer)} ${authLabel(auth)}` : null;
    if (mm.failure.stalled && chosen && auth) return pskStall(ctx, mm.failure, chosen, auth);
    return mainModeFails(ctx, mm.failure, chosen, auth);
  }
  const agreed = mainModeSucceeds(ctx, mm.agreement, auth ?? { kind: 'kerberos' }, lookup.view.policy);
  return quickMode(ctx, 6, agreed, lookup);
}

function exchange(input: NegotiationInput, view: SideView, selector: TrafficSelector): NegotiationOutcome {
  const ctx = context(input, view, selector);
  at(ctx.s, 'initiator', ctx.t0, { reasons: input.faults?.sendFailure ? ['acquire', 'send-failed'] : ['acquire'] });
  // A send failure is modelled on a new main mode only [R].
  const reuse = input.faults?.sendFailure ? undefined : usableMmSa(ctx.states.initiator, input.responder.address, ctx.t0);
  const failure = reuse ? reuseMainMode(ctx, reuse) : fullExchange(ctx);
  const soft = !failure && ctx.s.drafts.initiator.some((d) => d.reasons.includes('soft-sa'));
  const kind: OutcomeKind = failure ? 'failed' : soft ? 'soft' : 'negotiated';
  return finish(ctx.s, { kind, initiator: input.initiator.name, responder: input.responder.name, startedAt: input.now, mainModeReused: reuse !== undefined, failure });
}
