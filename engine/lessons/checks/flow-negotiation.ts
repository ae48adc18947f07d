import type { AuthMethod, QmOffer } from '../../ipsec/types.js';
import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';

/*
 * SEAM(ike): the outcome of IKE between two hosts. engine/ike (being written) will negotiate
 * main and quick mode for real — SAs, SPIs, counters, failures — on the throw-away world the
 * flow check passes in. Until then this decides the way the reference (§6.1, §6.2) says the
 * real negotiation ends: a common authentication method, then the initiator's first quick
 * mode offer the responder also has; ESP if it carries ESP, AH otherwise. Replace the body of
 * `negotiate` with a call into engine/ike; keep its signature. `sandbox()` returns a deep copy
 * of the world, made on first call only: IKE may change SAs, counters and the random source
 * there, never in the lab. (Copying is most of a flow check's cost, so it is made on demand.)
 */

export interface Side {
  readonly host: Host;
  readonly offers: readonly QmOffer[];
  readonly auth: readonly AuthMethod[];
}

export type Negotiated = { readonly outcome: 'esp' | 'ah'; readonly why: string } | { readonly outcome: 'blocked'; readonly why: string };

function sameMethod(a: AuthMethod, b: AuthMethod, initiator: Host, responder: Host): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'psk' && b.kind === 'psk') return a.key === b.key;
  if (a.kind === 'certificate' && b.kind === 'certificate') return a.rootCa.replace(/\s+/g, '').toLowerCase() === b.rootCa.replace(/\s+/g, '').toLowerCase();
  // Kerberos needs both computers in a domain (one forest in these labs).
  return initiator.domain !== null && responder.domain !== null;
}

function sameAlgorithms(a: QmOffer, b: QmOffer): boolean {
  const esp = a.esp === null || b.esp === null ? a.esp === b.esp : a.esp.confidentiality === b.esp.confidentiality && a.esp.integrity === b.esp.integrity;
  return a.ah === b.ah && esp;
}

export function negotiate(_sandbox: () => World, initiator: Side, responder: Side): Negotiated {
  const auth = initiator.auth.find((a) => responder.auth.some((b) => sameMethod(a, b, initiator.host, responder.host)));
  if (!auth) {
    return { outcome: 'blocked', why: `main mode fails: ${initiator.host.name} and ${responder.host.name} share no authentication method (or their preshared keys differ)` };
  }
  const offer = initiator.offers.find((a) => responder.offers.some((b) => sameAlgorithms(a, b)));
  if (!offer) return { outcome: 'blocked', why: `quick mode fails: ${initiator.host.name} and ${responder.host.name} share no security method` };
  const kind = offer.esp ? 'esp' : 'ah';
  return { outcome: kind, why: `${initiator.host.name} and ${responder.host.name} negotiate ${kind.toUpperCase()} (${auth.kind} authentication)` };
}
