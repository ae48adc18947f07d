import { DEFAULT_MM_OFFERS, DEFAULT_RESPONSE_QM_OFFERS, REQUIRE_SECURITY_QM_OFFERS } from '../ipsec/constants.js';
import { createDefaultLocalStore, makeDefaultResponseRule } from '../ipsec/defaults.js';
import type { Packet } from '../ipsec/traffic.js';
import type { AuthMethod, Filter, MmOffer, PolicyStore, QmOffer } from '../ipsec/types.js';
import { nextUint32, seedRandom } from '../random.js';
import { applyOutcome } from './apply.js';
import type { NegotiationFaults } from './context.js';
import { cloneStats, diffStats } from './counters.js';
import { negotiate } from './negotiate.js';
import type { NegotiationOutcome } from './outcome.js';
import type { NegotiationPeer } from './peer.js';
import { advance } from './sa-lifecycle.js';
import { hostState } from './state.js';
import type { CounterDelta, IkeWorld } from './types.js';

/*
 * Fixtures for the IKE tests (kept out of *.test.ts so several test files share them). Plain
 * stores are built by hand so each test states exactly the policy it needs.
 */

export const A = '192.168.1.10';
export const B = '192.168.1.20';
export const CA = 'CN=Example Root CA, DC=example, DC=test';

export interface LabPolicy {
  readonly mm?: readonly MmOffer[];
  readonly auth?: readonly AuthMethod[];
  readonly qm?: readonly QmOffer[];
  readonly soft?: boolean;
  readonly inpass?: boolean;
  readonly qmpfs?: boolean;
  readonly mmpfs?: boolean;
  readonly qmpermm?: number;
  readonly mmlifetime?: number;
  readonly action?: 'negotiate' | 'permit' | 'block';
  readonly filter?: Partial<Filter>;
  readonly tunnel?: string | null;
  readonly defaultResponse?: boolean;
}

/** A store holding one policy, "Lab Policy": one rule over Me <-> Any plus the default response rule. */
export function labStore(p: LabPolicy = {}): PolicyStore {
  const filter: Filter = { description: '', srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' }, protocol: 0, srcport: 0, dstport: 0, mirrored: true, ...p.filter };
  return {
    location: 'local',
    nextId: 10,
    filterLists: [{ id: 'filterlist:1', name: 'Lab Traffic', description: '', filters: [filter] }],
    filterActions: [
      {
        id: 'filteraction:2',
        name: 'Lab Action',
        description: '',
        action: p.action ?? 'negotiate',
        qmpfs: p.qmpfs ?? false,
        inpass: p.inpass ?? false,
        soft: p.soft ?? false,
        qmsecmethods: [...(p.qm ?? REQUIRE_SECURITY_QM_OFFERS)],
      },
    ],
    policies: [
      {
        id: 'policy:3',
        name: 'Lab Policy',
        description: '',
        mmpfs: p.mmpfs ?? false,
        qmpermm: p.qmpermm ?? 0,
        mmlifetime: p.mmlifetime ?? 480,
        pollinginterval: 180,
        assigned: true,
        mmsecmethods: [...(p.mm ?? DEFAULT_MM_OFFERS)],
        rules: [
          {
            id: 'rule:4',
            isDefaultResponse: false,
            name: 'Lab Rule',
            description: '',
            activate: true,
            authMethods: [...(p.auth ?? [{ kind: 'kerberos' }])],
            tunnel: p.tunnel ?? null,
            conntype: 'all',
            filterListId: 'filterlist:1',
            filterActionId: 'filteraction:2',
          },
          { ...makeDefaultResponseRule('rule:5', p.defaultResponse ?? true), qmsecmethods: [...DEFAULT_RESPONSE_QM_OFFERS] },
        ],
      },
    ],
  };
}

export function peer(name: string, address: string, over: Partial<NegotiationPeer> = {}): NegotiationPeer {
  return {
    name,
    address,
    version: '2003',
    domain: 'example.test',
    dcReachable: true,
    policyAgentRunning: true,
    policy: { store: labStore(), policyName: 'Lab Policy' },
    certificates: [],
    trustedRoots: [],
    strongcrlcheck: 1,
    ipsecexempt: 3,
    ...over,
  };
}

/** A peer running one of the three built-in policies of a fresh store. */
export function builtIn(name: string, address: string, policyName: string | null, over: Partial<NegotiationPeer> = {}): NegotiationPeer {
  return peer(name, address, { policy: { store: createDefaultLocalStore(), policyName }, ...over });
}

export function psk(key: string): AuthMethod {
  return { kind: 'psk', key };
}

export function certAuth(rootCa = CA): AuthMethod {
  return { kind: 'certificate', rootCa, certmap: false, excludeCaName: false };
}

export function tcp(src = A, dst = B, dstPort = 445): Packet {
  return { src, dst, protocol: 6, srcPort: 1025, dstPort };
}

export function icmp(src = A, dst = B): Packet {
  return { src, dst, protocol: 1 };
}

/** The seeded source the lab uses, as a next32 function. */
export function seeded(seed = 2003): () => number {
  const state = seedRandom(seed);
  return () => nextUint32(state);
}

/** next32 that returns the given values first, then seeded ones. */
export function scripted(values: readonly number[], seed = 7): () => number {
  const rest = seeded(seed);
  let i = 0;
  return () => (i < values.length ? (values[i++] ?? 0) : rest());
}

export interface Run {
  readonly outcome: NegotiationOutcome;
  readonly world: IkeWorld;
}

/** One packet's negotiation, applied, and the clock run to its end. */
export function run(
  world: IkeWorld,
  initiator: NegotiationPeer,
  responder: NegotiationPeer,
  packet: Packet,
  opts: { now?: number; next32?: () => number; faults?: NegotiationFaults; settle?: boolean } = {},
): Run {
  const now = opts.now ?? 0;
  const next32 = opts.next32 ?? seeded();
  advance(world, now, next32);
  const outcome = negotiate({ initiator, responder, world, packet, now, next32, faults: opts.faults });
  applyOutcome(world, outcome, now);
  if (opts.settle ?? true) advance(world, outcome.settlesAt, next32);
  return { outcome, world };
}

/** Counter changes on each named host while `act` runs. */
export function deltas(world: IkeWorld, names: readonly string[], act: () => void): Record<string, CounterDelta> {
  const before = Object.fromEntries(names.map((n) => [n, cloneStats(hostState(world, n).stats)]));
  act();
  return Object.fromEntries(names.map((n) => [n, diffStats(before[n] ?? hostState(world, n).stats, hostState(world, n).stats)]));
}
