import { applyAction } from '../engine/apply.js';
import { createWorld } from '../engine/labs/lab-spec.js';
import { builtInLab } from '../engine/labs/catalog.js';
import { addFilter, addFilterAction, addPolicy, addRule } from '../engine/ipsec/store-ops.js';
import { matchPacket } from '../engine/ipsec/matching.js';
import type { PolicyStore } from '../engine/ipsec/types.js';
import { applyEffect } from '../engine/effects.js';
import { timeMs, type Figure } from './measure.js';

function must(result: { ok: true; value: PolicyStore } | { ok: false; error: unknown }): PolicyStore {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** A local store whose policy has 1,000 host filters in 10 rules. */
function bigStore(base: PolicyStore): PolicyStore {
  let store = must(addPolicy(base, { name: 'Big' }));
  for (let r = 0; r < 10; r++) {
    for (let f = 0; f < 100; f++) {
      const address = `10.${r}.${Math.floor(f / 250)}.${(f % 250) + 1}`;
      store = must(addFilter(store, { filterlist: `List ${r}`, srcaddr: { kind: 'me' }, dstaddr: { kind: 'host', address }, protocol: 6, dstport: 1000 + f }));
    }
    store = must(addFilterAction(store, { name: `Action ${r}`, action: r % 2 ? 'permit' : 'negotiate' }));
    store = must(addRule(store, { name: `Rule ${r}`, policy: 'Big', filterlist: `List ${r}`, filteraction: `Action ${r}`, authMethods: [{ kind: 'kerberos' }] }));
  }
  return store;
}

export async function netshFigures(): Promise<Figure[]> {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('two-hosts missing');
  const world = createWorld(spec);
  const srv1 = world.hosts.SRV1;
  if (!srv1) throw new Error('SRV1 missing');
  const store = bigStore(srv1.stores.local);
  applyEffect(world, { kind: 'host-store', host: 'SRV1', location: 'local', store });
  const show = (line: string) => applyAction(world, { type: 'command', host: 'SRV1', line });
  const verbose = 'netsh ipsec static show filterlist all level=verbose';
  const listed = show(verbose);
  if (!listed.ok || (listed.shell?.output.split('\n').length ?? 0) < 1000) throw new Error('show filterlist did not list the filters');
  const showAll = timeMs(() => void show('netsh ipsec static show all'), 15, 3);
  const showFilters = timeMs(() => void show(verbose), 15, 3);
  let n = 0;
  const dispatch =
    timeMs(() => {
      for (let i = 0; i < 200; i++) applyAction(world, { type: 'command', host: 'SRV1', line: `netsh ipsec static set policy name=Big description="run ${n++}"` });
    }, 15, 5) / 200;
  const context = { version: '2003' as const, addresses: ['192.168.1.10'] };
  const packets = 1_000_000;
  const start = performance.now();
  for (let i = 0; i < packets; i++) {
    matchPacket(store, 'Big', context, { src: '192.168.1.10', dst: `10.${i % 10}.0.${(i % 100) + 1}`, protocol: 6, srcPort: 1031, dstPort: 1000 + (i % 120) });
  }
  const pps = packets / ((performance.now() - start) / 1000);
  return [
    { name: 'netsh.showAll.1000filters', value: showAll, unit: 'ms', op: '<', target: 5 },
    { name: 'netsh.showFilterlistVerbose.1000filters', value: showFilters, unit: 'ms', op: '<', target: 5 },
    { name: 'netsh.parseDispatch.setPolicy', value: dispatch, unit: 'ms', op: '<', target: 0.1 },
    { name: 'match.1000filters.packetsPerSecond', value: pps, unit: 'pkt/s', op: '>', target: 0 },
  ];
}
