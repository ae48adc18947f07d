import { expect, test } from 'vitest';
import { applyAction } from '../apply.js';
import { applyEffect } from '../effects.js';
import { refreshGroupPolicy } from '../gp/refresh.js';
import { addFilter, addFilterAction, addPolicy, addRule, setPolicy } from '../ipsec/store-ops.js';
import type { PolicyStore } from '../ipsec/types.js';
import { createWorld, type HostSpec, type LabSpec } from '../labs/lab-spec.js';
import type { World } from '../model/world.js';
import { nextUint32 } from '../random.js';
import { negotiationPeer } from '../traffic/peer.js';
import { advance, serviceStopped } from './sa-lifecycle.js';
import { transmit } from './traffic.js';

/*
 * A rollout to a few hundred computers that all negotiate with one DC (the shape of the
 * `npm run bench` rollout), then secured traffic both ways, kilobyte rekeys, idle deletions,
 * a service restart and main mode expiry. The expected hash of the final IKE world, random
 * source and every result was taken from the engine before its SA lookups were indexed, so
 * the faster engine must reproduce the old one byte for byte.
 */

const COUNT = 300;
const EXPECTED = { length: 7_909_414, hash: '15299203f58e28' };

function must(result: { ok: true; value: PolicyStore } | { ok: false; error: unknown }): PolicyStore {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function secureDc(store: PolicyStore, peer: { kind: 'host'; address: string } | { kind: 'subnet'; address: string; mask: string }): PolicyStore {
  let s = must(addPolicy(store, { name: 'Secure DC' }));
  s = must(addFilter(s, { filterlist: 'DC ICMP', srcaddr: { kind: 'me' }, dstaddr: peer, protocol: 1 }));
  s = must(addFilterAction(s, { name: 'ESP', action: 'negotiate' }));
  return must(addRule(s, { name: 'R', policy: 'Secure DC', filterlist: 'DC ICMP', filteraction: 'ESP', authMethods: [{ kind: 'kerberos' }] }));
}

function lab(count: number): LabSpec {
  const nic = (address: string) => ({ address, mask: '255.0.0.0', gateway: null, dnsServers: ['10.0.0.2'], winsServer: null, mac: '00-0C-29-00-00-03' });
  const hosts: HostSpec[] = [{ name: 'DC1', version: '2003', domain: 'big.test', roles: ['domain-controller', 'dns-server'], nic: nic('10.0.0.2') }];
  for (let i = 0; i < count; i++) {
    const address = `10.1.${(i >> 8) & 255}.${i & 255}`;
    hosts.push({ name: `PC${String(i).padStart(5, '0')}`, version: i % 3 === 0 ? 'XP' : '2003', domain: 'big.test', ou: 'Rollout', nic: nic(address) });
  }
  return { id: 'rollout', title: 'rollout', seed: 7, domains: [{ name: 'big.test', dc: 'DC1', ous: ['Rollout'] }], hosts };
}

function ouWorld(count: number): World {
  const world = createWorld(lab(count));
  const domainStore = world.directory.domains['big.test']?.ipsecStore;
  if (!domainStore) throw new Error('no domain');
  applyEffect(world, { kind: 'domain-store', domain: 'big.test', store: secureDc(domainStore, { kind: 'host', address: '10.0.0.2' }) });
  for (const change of [
    { op: 'create-gpo', name: 'IPSec Rollout' },
    { op: 'link-gpo', gpo: 'IPSec Rollout', container: 'OU=Rollout,DC=big,DC=test' },
    { op: 'assign-policy', gpo: 'IPSec Rollout', policy: 'Secure DC' },
  ] as const) {
    const r = applyAction(world, { type: 'directory', domain: 'big.test', change });
    if (!r.ok) throw new Error(r.error);
  }
  const dc = world.hosts.DC1;
  if (!dc) throw new Error('no DC');
  const dcStore = must(setPolicy(secureDc(dc.stores.local, { kind: 'subnet', address: '10.0.0.0', mask: '255.0.0.0' }), { name: 'Secure DC', assign: true }));
  applyEffect(world, { kind: 'host-store', host: 'DC1', location: 'local', store: dcStore });
  return world;
}

/** With `reload`, the IKE world goes through JSON every 37 packets (the SA indexes must rebuild). */
function scenario(count: number, reload = false): string {
  const world = ouWorld(count);
  const dc = world.hosts.DC1;
  if (!dc) throw new Error('no DC');
  const pcs = Object.values(world.hosts).filter((h) => h !== dc);
  const next32 = () => nextUint32(world.random);
  const log: unknown[] = [];
  const send = (from: typeof dc, to: typeof dc, now: number, bytes: number) => {
    if (reload && log.length % 37 === 36) world.ike = JSON.parse(JSON.stringify(world.ike)) as typeof world.ike;
    log.push(
      transmit(world.ike, {
        initiator: negotiationPeer(world, from),
        responder: negotiationPeer(world, to),
        packet: { src: from.nic.address, dst: to.nic.address, protocol: 1 },
        now,
        next32,
        bytes,
      }),
    );
  };
  let now = 0;
  for (const pc of pcs) {
    now += 1000;
    refreshGroupPolicy(world, pc, now);
    send(pc, dc, now, 60);
  }
  // Replies from the DC under the SAs it holds, a second packet from each PC, and kilobyte rekeys.
  pcs.forEach((pc, i) => {
    now += 400;
    send(dc, pc, now, 60);
    send(pc, dc, now + 100, i % 7 === 0 ? 60_000_000 : 1500);
    if (i % 11 === 0) send(pc, dc, now + 200, 60_000_000);
  });
  // Later, most SAs with the DC have idled out: quick modes under the kept main modes, some
  // started by the DC, some queued behind a negotiation in flight.
  now += 400_000;
  pcs.forEach((pc, i) => {
    now += 250;
    if (i % 5 === 0) send(dc, pc, now, 60);
    else if (i % 3 === 0) send(pc, dc, now, 60);
    if (i % 13 === 0) send(pc, dc, now, 60);
  });
  serviceStopped(world.ike, 'PC00005');
  send(pcs[5] ?? dc, dc, now + 5000, 60);
  log.push(advance(world.ike, now + 600_000, next32, ['DC1']));
  log.push(advance(world.ike, now + 100_000_000, next32));
  // What IKE owns of the world (the rest, hosts and directory, is other layers' to change).
  return JSON.stringify({ ike: world.ike, random: world.random, log });
}

/** cyrb53: a small deterministic string hash (no node:crypto in engine/). */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

test(`a rollout to ${COUNT} computers ends in the same world and events as before`, () => {
  const json = scenario(COUNT);
  expect({ length: json.length, hash: hash(json) }).toEqual(EXPECTED);
});

test('saving and reloading the IKE world mid-rollout changes nothing', () => {
  const json = scenario(COUNT, true);
  expect({ length: json.length, hash: hash(json) }).toEqual(EXPECTED);
});
