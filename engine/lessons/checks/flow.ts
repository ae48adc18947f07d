import type { Packet } from '../../ipsec/traffic.js';
import type { Host } from '../../model/host.js';
import { findHost, type World } from '../../model/world.js';
import type { Predicates } from '../model.js';
import { throwawayWorld } from './clone.js';
import { negotiate, type Side } from './flow-negotiation.js';
import { stanceOf, type Stance } from './flow-host.js';
import { fail, pass, type Evaluator } from './outcome.js';
import { protocolName, protocolNumber } from './values.js';

export type FlowOutcome = 'esp' | 'ah' | 'clear' | 'blocked';

export interface FlowResult {
  readonly outcome: FlowOutcome;
  readonly why: string;
}

/** The client's source port: one of Windows Server 2003's ephemeral ports. */
const CLIENT_PORT = 1042;

function packets(a: Host, b: Host, protocol: number, port: number | undefined): { out: Packet; back: Packet } {
  const ports = protocol === 6 || protocol === 17;
  const out: Packet = { src: a.nic.address, dst: b.nic.address, protocol, ...(ports ? { srcPort: CLIENT_PORT, dstPort: port ?? 0 } : {}) };
  const back: Packet = { src: b.nic.address, dst: a.nic.address, protocol, ...(ports ? { srcPort: port ?? 0, dstPort: CLIENT_PORT } : {}) };
  return { out, back };
}

/** A side of IKE: a negotiating filter action, or the default response rule answering. */
function side(stance: Stance, viaResponder: boolean): Side | null {
  if (!viaResponder && stance.verdict === 'negotiate' && stance.action) return { host: stance.host, offers: stance.action.qmsecmethods, auth: stance.auth };
  if (viaResponder && stance.responder) return { host: stance.host, offers: stance.responder.qmsecmethods, auth: stance.responder.authMethods };
  return null;
}

function secured(sandbox: () => World, initiator: Stance, responder: Stance): FlowResult {
  const i = side(initiator, false);
  const r = side(responder, responder.verdict !== 'negotiate');
  if (i && r) return negotiate(sandbox, i, r);
  // The peer never answers IKE: a soft action falls back to clear, otherwise nothing passes.
  if (initiator.action?.soft) return { outcome: 'clear', why: `${responder.host.name} does not answer IKE, so ${initiator.host.name} falls back to clear (soft association)` };
  return { outcome: 'blocked', why: `${initiator.host.name} requires security (${initiator.why}) and ${responder.host.name} does not answer IKE` };
}

/** A lazily made deep copy of the world: what negotiation may change instead of the lab. */
function sandboxOf(world: World): () => World {
  let copy: World | undefined;
  return () => (copy ??= throwawayWorld(world));
}

/**
 * Where a connection from `a` to `b` ends up: each host's filters decide (block wins), then
 * the host whose filter negotiates starts IKE — the client at once, or the server when its
 * reply leaves, provided it accepted the client's clear first packet (inbound passthrough).
 * The world is only read; negotiation works on a throw-away copy (SEAM(ike)).
 */
export function decideFlow(world: World, a: Host, b: Host, protocol: number, port: number | undefined): FlowResult {
  const sandbox = sandboxOf(world);
  if (!a.online || !b.online) return { outcome: 'blocked', why: `${a.online ? b.name : a.name} is switched off` };
  const { out, back } = packets(a, b, protocol, port);
  const client = stanceOf(a, out);
  const server = stanceOf(b, out);
  for (const s of [client, server]) if (s.verdict === 'block') return { outcome: 'blocked', why: `${s.host.name} blocks it: ${s.why}` };
  if (client.verdict === 'negotiate') return secured(sandbox, client, server);
  if (server.verdict !== 'negotiate') return { outcome: 'clear', why: `neither host secures it (${a.name}: ${client.why}; ${b.name}: ${server.why})` };
  if (!server.action?.inpass) return { outcome: 'blocked', why: `${b.name} requires security for inbound traffic (${server.why}) and ${a.name} sends it in the clear` };
  return secured(sandbox, stanceOf(b, back), stanceOf(a, back));
}

export function flowCheck(p: Predicates['flow']): Evaluator {
  const protocol = protocolNumber(p.protocol);
  const label = `${p.from} → ${p.to} ${protocolName(protocol)}${p.port !== undefined ? `/${p.port}` : ''}`;
  return ({ world }) => {
    const a = findHost(world, p.from);
    const b = findHost(world, p.to);
    if (!a || !b) return fail(`there is no host ${a ? p.to : p.from} in this lab`);
    const result = decideFlow(world, a, b, protocol, p.port);
    const said = `${label} is ${result.outcome === 'esp' || result.outcome === 'ah' ? `protected by ${result.outcome.toUpperCase()}` : result.outcome}: ${result.why}`;
    return result.outcome === p.expect ? pass(said) : fail(`${said}; expected ${p.expect}`);
  };
}
