import { applyAction } from '../engine/apply.js';
import { createWorld } from '../engine/labs/lab-spec.js';
import { builtInLab, Lab } from '../engine/index.js';
import { bigLab } from './big-lab.js';
import { timeMs, type Figure } from './measure.js';

function ouAssignment(count: number) {
  const world = createWorld(bigLab(count));
  const dn = 'OU=Rollout,DC=big,DC=test';
  const store = world.directory.domains['big.test']?.ipsecStore;
  if (!store) throw new Error('no domain');
  return { world, dn };
}

/** Group Policy refresh of every computer in an OU of `count`, median ms. */
function refreshOu(count: number): number {
  const { world } = ouAssignment(count);
  const hosts = Object.values(world.hosts).map((h) => h.name);
  return timeMs(() => {
    for (const host of hosts) applyAction(world, { type: 'command', host, line: 'gpupdate /target:computer' });
  }, 5, 1);
}

export async function engineFigures(): Promise<Figure[]> {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('two-hosts missing');
  const lab = new Lab(spec);
  const dispatch = timeMs(() => {
    for (let i = 0; i < 1000; i++) lab.apply({ type: 'command', host: 'SRV1', line: 'hostname' });
  }) / 1000;
  const r100 = refreshOu(100);
  const r1000 = refreshOu(1000);
  const r10000 = refreshOu(10_000);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const big = createWorld(bigLab(10_000));
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (!big.hosts.DC1) throw new Error('unreachable');
  return [
    { name: 'shell.dispatch.hostname', value: dispatch, unit: 'ms', op: '<', target: 0.1 },
    { name: 'gp.refreshOu.100', value: r100, unit: 'ms', op: '<', target: 10 },
    { name: 'gp.refreshOu.1000', value: r1000, unit: 'ms', op: '<', target: 100 },
    { name: 'gp.refreshOu.10000', value: r10000, unit: 'ms', op: '<', target: 1000 },
    { name: 'gp.refreshOu.growth.1000to10000', value: r10000 / r1000, unit: 'x', op: '<=', target: 12 },
    { name: 'world.heap.10000hosts', value: heapMb, unit: 'MB', op: '<', target: 200 },
  ];
}
