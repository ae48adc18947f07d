import type { AuthMethod, IpsecPolicy, MmOffer } from '../ipsec/types.js';
import { PSK_MISMATCH_RESPONDER_CODE } from './behaviour.js';
import type { IkeErrorCode } from './codes.js';
import { forestOf, sameCaName, type HostCertificate, type NegotiationPeer } from './peer.js';
import type { AuthLabel, Role } from './types.js';

/*
 * Main mode between two effective policies (reference §6.1–6.2): messages 1–2 choose the
 * security method, 3–4 carry Diffie-Hellman, nonces and Kerberos tokens, 5–6 prove identity.
 * This file only decides; negotiate.ts turns the decision into messages, events and counters.
 */

export interface MmFailure {
  readonly code: IkeErrorCode;
  readonly detectedBy: Role;
  /** The last main mode message the detector received before failing (1–6). */
  readonly message: number;
  /** An identity check failed: counts as an Authentication Failure. */
  readonly authentication: boolean;
  /** The detector rejected a message it received (Receive Failures). */
  readonly receivedBad: boolean;
  /** Preshared key mismatch: message 5 is unreadable, nobody tells the initiator. */
  readonly stalled: boolean;
}

export interface MmAgreement {
  readonly offer: MmOffer;
  readonly auth: AuthLabel;
  readonly lifetimeSeconds: number;
  /** How each side's identity reads in the other's events. */
  readonly initiatorIdentity: string;
  readonly responderIdentity: string;
}

export type MmResult =
  | { readonly ok: true; readonly agreement: MmAgreement }
  | { readonly ok: false; readonly offer: MmOffer | null; readonly failure: MmFailure };

export interface MmSide {
  readonly peer: NegotiationPeer;
  readonly policy: IpsecPolicy;
  readonly authMethods: readonly AuthMethod[];
}

const LABEL: Record<AuthMethod['kind'], AuthLabel> = { kerberos: 'Kerberos', psk: 'Preshared Key', certificate: 'Certificate' };

/** `Auth Mode` of show mmsas (§4.5). */
export function authLabel(method: AuthMethod): AuthLabel {
  return LABEL[method.kind];
}

function sameMmOffer(a: MmOffer, b: MmOffer): boolean {
  return a.encryption === b.encryption && a.integrity === b.integrity && a.dhGroup === b.dhGroup;
}

/** The responder takes the initiator's first offer it also allows (messages 1–2). */
export function chooseMmOffer(initiator: readonly MmOffer[], responder: readonly MmOffer[]): MmOffer | null {
  return initiator.find((o) => responder.some((r) => sameMmOffer(o, r))) ?? null;
}

/**
 * The first initiator method whose kind the responder also has. With none in common the
 * responder still takes the initiator's first, and identity fails at message 5 (13801) —
 * the reference's reading of Windows (§6.2) [R].
 */
export function chooseAuthMethod(initiator: readonly AuthMethod[], responder: readonly AuthMethod[]): AuthMethod | null {
  return initiator.find((m) => responder.some((r) => r.kind === m.kind)) ?? initiator[0] ?? null;
}

function fail(code: IkeErrorCode, detectedBy: Role, message: number, extra: Partial<MmFailure> = {}): MmFailure {
  return { code, detectedBy, message, authentication: true, receivedBad: false, stalled: false, ...extra };
}

function kerberosIdentity(peer: NegotiationPeer): string {
  return `Kerberos based Identity: host/${peer.name.toLowerCase()}.${peer.domain ?? ''}`;
}

/** The initiator must get a ticket for the responder (message 3); the responder answers with its own (message 4). */
function checkKerberos(i: NegotiationPeer, r: NegotiationPeer): MmFailure | null {
  const sameForest = i.domain !== null && r.domain !== null && forestOf(i) === forestOf(r);
  if (!sameForest || !i.dcReachable) return fail(13827, 'initiator', 2);
  if (!r.dcReachable) return fail(13827, 'responder', 3);
  return null;
}

function requestedCas(methods: readonly AuthMethod[]): string[] {
  return methods.flatMap((m) => (m.kind === 'certificate' ? [m.rootCa] : []));
}

/** A certificate of `owner` that the other side asked for and `owner` itself trusts. */
function pickCertificate(owner: NegotiationPeer, requested: readonly string[]): HostCertificate | null {
  const trusted = (ca: string) => owner.trustedRoots.some((t) => sameCaName(t, ca));
  return owner.certificates.find((c) => trusted(c.rootCa) && requested.some((q) => sameCaName(q, c.rootCa))) ?? null;
}

/** Chain to a trusted root [R: 13801], then the CRL as strongcrlcheck says (13817). */
function validateCertificate(validator: NegotiationPeer, cert: HostCertificate): IkeErrorCode | null {
  if (!validator.trustedRoots.some((t) => sameCaName(t, cert.rootCa))) return 13801;
  switch (validator.strongcrlcheck) {
    case 0:
      return null;
    case 1:
      return cert.revoked && cert.crlReachable ? 13817 : null;
    case 2:
      return cert.revoked || !cert.crlReachable ? 13817 : null;
  }
}

function certIdentity(cert: HostCertificate): string {
  return `Certificate based Identity. Peer Subject ${cert.subject} Peer Issuing Certificate Authority: ${cert.rootCa}`;
}

/** Messages 5 and 6 with certificates; returns identities or the failure. */
function checkCertificates(i: MmSide, r: MmSide): MmFailure | { iId: string; rId: string } {
  const iCert = pickCertificate(i.peer, requestedCas(r.authMethods));
  if (!iCert) return fail(13806, 'initiator', 4);
  const iBad = validateCertificate(r.peer, iCert);
  if (iBad) return fail(iBad, 'responder', 5, { receivedBad: true });
  const rCert = pickCertificate(r.peer, requestedCas(i.authMethods));
  if (!rCert) return fail(13806, 'responder', 5);
  const rBad = validateCertificate(i.peer, rCert);
  if (rBad) return fail(rBad, 'initiator', 6, { receivedBad: true });
  return { iId: certIdentity(iCert), rId: certIdentity(rCert) };
}

function pskIdentity(peer: NegotiationPeer): string {
  return `Preshared key ID. Peer IP Address: ${peer.address}`;
}

function authenticate(i: MmSide, r: MmSide, method: AuthMethod): MmFailure | { iId: string; rId: string } {
  const theirs = r.authMethods.filter((m) => m.kind === method.kind);
  if (theirs.length === 0) return fail(13801, 'responder', 5, { receivedBad: true });
  if (method.kind === 'kerberos') {
    return checkKerberos(i.peer, r.peer) ?? { iId: kerberosIdentity(i.peer), rId: kerberosIdentity(r.peer) };
  }
  if (method.kind === 'psk') {
    const match = theirs.some((m) => m.kind === 'psk' && m.key === method.key);
    if (!match) return fail(PSK_MISMATCH_RESPONDER_CODE, 'responder', 5, { stalled: true });
    return { iId: pskIdentity(i.peer), rId: pskIdentity(r.peer) };
  }
  return checkCertificates(i, r);
}

/** The whole main mode decision. */
export function evaluateMainMode(i: MmSide, r: MmSide): MmResult {
  const offer = chooseMmOffer(i.policy.mmsecmethods, r.policy.mmsecmethods);
  if (!offer) {
    return { ok: false, offer: null, failure: fail(13802, 'responder', 1, { authentication: false, receivedBad: true }) };
  }
  const method = chooseAuthMethod(i.authMethods, r.authMethods);
  if (!method) return { ok: false, offer, failure: fail(13801, 'responder', 5, { receivedBad: true }) };
  const proof = authenticate(i, r, method);
  if ('code' in proof) return { ok: false, offer, failure: proof };
  // The initiator proposes its policy's lifetime and the responder accepts it [R].
  const lifetimeSeconds = i.policy.mmlifetime * 60;
  return {
    ok: true,
    agreement: { offer, auth: LABEL[method.kind], lifetimeSeconds, initiatorIdentity: proof.iId, responderIdentity: proof.rId },
  };
}

/** Quick modes allowed per main mode: 1 under master key PFS, else the policy's (0 = no limit). */
export function qmLimitOf(policy: IpsecPolicy): number {
  return policy.mmpfs ? 1 : policy.qmpermm;
}
