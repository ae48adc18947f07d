import type { QmOffer } from '../ipsec/types.js';
import { applyOutcome } from './apply.js';
import type { NegotiationFaults } from './context.js';
import { negotiate } from './negotiate.js';
import type { NegotiationPeer } from './peer.js';
import { advance } from './sa-lifecycle.js';
import { A, B, deltas, labStore, peer, psk, run, seeded, tcp } from './testing.js';
import { transmit } from './traffic.js';
import type { CounterDelta, IkeWorld, MainModeCounter, QuickModeCounter } from './types.js';

/* Scenarios shared by the counter tests: each one a reason from seed Tables 2 and 3. */

export type Mm = Partial<Record<MainModeCounter, number>>;
export type Qm = Partial<Record<QuickModeCounter, number>>;
export const exact = (mainMode: Mm = {}, quickMode: Qm = {}): CounterDelta => ({ mainMode, quickMode });

export const lab = (p: Parameters<typeof labStore>[0]) => ({ policy: { store: labStore(p), policyName: 'Lab Policy' } });
export const srv1 = (over: Partial<NegotiationPeer> = {}) => peer('SRV1', A, over);
export const srv2 = (over: Partial<NegotiationPeer> = {}) => peer('SRV2', B, over);
export const offer = (ah: QmOffer['ah'], esp: QmOffer['esp']): QmOffer => ({ ah, esp, lifetimeKBytes: 100_000, lifetimeSeconds: 3600 });
export const HOSTS = ['SRV1', 'SRV2'];
export const next32 = seeded(99);

/** Counter changes on both hosts over one settled negotiation. */
export function settled(i: NegotiationPeer, r: NegotiationPeer, opts: { world?: IkeWorld; now?: number; faults?: NegotiationFaults; next32?: () => number } = {}) {
  const world = opts.world ?? {};
  return deltas(world, HOSTS, () => run(world, i, r, tcp(), { now: opts.now, faults: opts.faults, next32: opts.next32 }));
}

/** A world where SRV1 and SRV2 share a main mode SA but no quick mode SA (it idled out). */
export function mmOnly(): IkeWorld {
  const world: IkeWorld = {};
  run(world, srv1(), srv2(), tcp());
  advance(world, 400_000, next32);
  return world;
}

/** Starts a negotiation at `start` and stops the clock at `stop`: the in-flight counters. */
export function midFlight(world: IkeWorld, i: NegotiationPeer, r: NegotiationPeer, start: number, stop: number) {
  return deltas(world, HOSTS, () => {
    const outcome = negotiate({ initiator: i, responder: r, world, packet: tcp(), now: start, next32 });
    applyOutcome(world, outcome, start);
    advance(world, stop, next32);
  });
}

export const noCommonMm = () => settled(srv1(lab({ mm: [{ encryption: 'DES', integrity: 'MD5', dhGroup: 1 }] })), srv2(lab({ mm: [{ encryption: '3DES', integrity: 'SHA1', dhGroup: 2 }] })));
export const noCommonQm = () => settled(srv1(lab({ qm: [offer(null, { confidentiality: '3DES', integrity: 'SHA1' })] })), srv2(lab({ qm: [offer('MD5', null)] })));
export const soft = () => settled(srv1(lab({ soft: true })), srv2({ policy: { store: labStore(), policyName: null } }));
export const pskMismatch = () => settled(srv1(lab({ auth: [psk('one')] })), srv2(lab({ auth: [psk('two')] })));
export const reuseSuccess = () => {
  const world = mmOnly();
  return settled(srv1(), srv2(), { world, now: 400_000 });
};
export const keyAddFails = () => settled(srv1(), srv2(), { faults: { keyAddFailure: 'initiator' } });
export const SUCCESS_MM: Mm = { 'Total Get SPI': 1, 'Key Additions': 1, 'Key Updates': 1, 'ISADB List Size': 1, 'IKE Main Mode': 1, 'IKE Quick Mode': 1 };

/** SRV1 and SRV2 with one SA pair using `qm` (and the peers' extras), ready for traffic. */
export function securedPair(qm?: readonly QmOffer[], iOver: Partial<NegotiationPeer> = {}, rOver: Partial<NegotiationPeer> = {}) {
  const world: IkeWorld = {};
  const i = srv1({ ...lab({ qm }), ...iOver });
  const r = srv2({ ...lab({ qm }), ...rOver });
  run(world, i, r, tcp());
  const send = (bytes: number, now = 1000) => deltas(world, HOSTS, () => transmit(world, { initiator: i, responder: r, packet: tcp(), now, next32, bytes }));
  const spi = world['SRV2']?.qmSas[0]?.inboundSpi ?? 0;
  return { world, i, r, send, spi };
}

export const TUNNEL = { srcaddr: { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' }, dstaddr: { kind: 'subnet', address: '10.2.0.0', mask: '255.255.0.0' }, mirrored: false } as const;

