import { applyAction } from '../engine/apply.js';
import { applyEffect } from '../engine/effects.js';
import { refreshGroupPolicy } from '../engine/gp/refresh.js';
import { transmit } from '../engine/ike/traffic.js';
import { addFilter, addFilterAction, addPolicy, addRule, setPolicy } from '../engine/ipsec/store-ops.js';
import type { PolicyStore } from '../engine/ipsec/types.js';
import { createWorld } from '../engine/labs/lab-spec.js';
import { builtInLab, Lab } from '../engine/index.js';
import type { World } from '../engine/model/world.js';
import { nextUint32 } from '../engine/random.js';
import { negotiationPeer } from '../engine/traffic/peer.js';
import { bigLab } from './big-lab.js';
import { median, timeMs, type Figure } from './measure.js';

function must(result: { ok: true; value: PolicyStore } | { ok: false; error: unknown }): PolicyStore {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** "Secure DC": ICMP with the DC negotiated with Kerberos, ESP 3DES/SHA1. */
function secureDc(store: PolicyStore, peer: { kind: 'host'; address: string } | { kind: 'subnet'; address: string; mask: string }): PolicyStore {
  let s = must(addPolicy(store, { name: 'Secure DC' }));
  s = must(addFilter(s, { filterlist: 'DC ICMP', srcaddr: { kind: 'me' }, dstaddr: peer, protocol: 1 }));
  s = must(addFilterAction(s, { name: 'ESP', action: 'negotiate' }));
  return must(addRule(s, { name: 'R', policy: 'Secure DC', filterlist: 'DC ICMP', filteraction: 'ESP', authMethods: [{ kind: 'kerberos' }] }));
}

/** An OU of `count` computers whose GPO assigns "Secure DC"; the DC answers with a matching local policy. */
function ouWorld(count: number): World {
  const world = createWorld(bigLab(count));
  applyEffect(world, { kind: 'domain-store', domain: 'big.test', store: secureDc(world.directory.domains['big.test']?.ipsecStore ?? must({ ok: false, error: 'no domain' }), { kind: 'host', address: '10.0.0.2' }) });
  const act = (change: Parameters<typeof applyAction>[1]) => {
    const r = applyAction(world, change);
    if (!r.ok) throw new Error(r.error);
  };
  act({ type: 'directory', domain: 'big.test', change: { op: 'create-gpo', name: 'IPSec Rollout' } });
  act({ type: 'directory', domain: 'big.test', change: { op: 'link-gpo', gpo: 'IPSec Rollout', container: 'OU=Rollout,DC=big,DC=test' } });
  act({ type: 'directory', domain: 'big.test', change: { op: 'assign-policy', gpo: 'IPSec Rollout', policy: 'Secure DC' } });
  const dc = world.hosts.DC1;
  if (!dc) throw new Error('no DC');
  const dcStore = must(setPolicy(secureDc(dc.stores.local, { kind: 'subnet', address: '10.0.0.0', mask: '255.0.0.0' }), { name: 'Secure DC', assign: true }));
  applyEffect(world, { kind: 'host-store', host: 'DC1', location: 'local', store: dcStore });
  return world;
}

/** Every computer of the OU refreshes Group Policy, then negotiates IKE with the DC by sending it one packet. */
function rolloutMs(count: number): number {
  const samples: number[] = [];
  for (let run = 0; run < 4; run++) {
    const world = ouWorld(count);
    const dc = world.hosts.DC1;
    if (!dc) throw new Error('no DC');
    const next32 = () => nextUint32(world.random);
    const start = performance.now();
    let now = 0;
    for (const host of Object.values(world.hosts)) {
      if (host === dc) continue;
      // One computer a second, as a staggered rollout would reach the DC.
      now += 1000;
      refreshGroupPolicy(world, host, now);
      transmit(world.ike, {
        initiator: negotiationPeer(world, host),
        responder: negotiationPeer(world, dc),
        packet: { src: host.nic.address, dst: dc.nic.address, protocol: 1 },
        now,
        next32,
        bytes: 60,
      });
    }
    samples.push(performance.now() - start);
    if (run === 0 && count > 0 && (world.ike.PC00000?.stats.mainMode['Total Acquire'] ?? 0) !== 1) throw new Error('no IKE happened');
  }
  return median(samples.slice(1));
}

export async function engineFigures(): Promise<Figure[]> {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('two-hosts missing');
  const lab = new Lab(spec);
  const dispatch = timeMs(() => {
    for (let i = 0; i < 1000; i++) lab.apply({ type: 'command', host: 'SRV1', line: 'hostname' });
  }) / 1000;
  // Unmeasured first: V8 optimises the engine's many small functions only after a few thousand
  // negotiations, so without this the first figures time the JIT warming up, not the engine.
  rolloutMs(1000);
  const r100 = rolloutMs(100);
  const r1000 = rolloutMs(1000);
  const r10000 = rolloutMs(10_000);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const big = createWorld(bigLab(10_000));
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (!big.hosts.DC1) throw new Error('unreachable');
  return [
    { name: 'shell.dispatch.hostname', value: dispatch, unit: 'ms', op: '<', target: 0.1 },
    { name: 'rollout.gpRefreshAndIke.100', value: r100, unit: 'ms', op: '<', target: 10 },
    { name: 'rollout.gpRefreshAndIke.1000', value: r1000, unit: 'ms', op: '<', target: 100 },
    { name: 'rollout.gpRefreshAndIke.10000', value: r10000, unit: 'ms', op: '<', target: 1000 },
    { name: 'rollout.growth.100to1000', value: r1000 / r100, unit: 'x', op: '<=', target: 12 },
    { name: 'rollout.growth.1000to10000', value: r10000 / r1000, unit: 'x', op: '<=', target: 12 },
    { name: 'world.heap.10000hosts', value: heapMb, unit: 'MB', op: '<', target: 200 },
  ];
}
