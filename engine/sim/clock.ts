import { pollDomainPolicy, refreshGroupPolicy } from '../gp/refresh.js';
import { advance as advanceIke } from '../ike/sa-lifecycle.js';
import type { Host } from '../model/host.js';
import { nextUint32 } from '../random.js';
import type { World } from '../model/world.js';

/** Something a host does by itself when its time comes. */
interface DueTask {
  readonly at: number;
  readonly host: Host;
  readonly run: (world: World, host: Host, now: number) => void;
}

function tasksOf(host: Host): DueTask[] {
  const tasks: DueTask[] = [];
  if (host.online && host.domain) tasks.push({ at: host.gp.nextRefresh, host, run: refreshGroupPolicy });
  if (host.online && host.policyAgent.running && host.gp.nextPoll !== null) {
    tasks.push({ at: host.gp.nextPoll, host, run: pollDomainPolicy });
  }
  return tasks;
}

function earliestDue(world: World, until: number): DueTask | null {
  let best: DueTask | null = null;
  for (const host of Object.values(world.hosts)) {
    for (const task of tasksOf(host)) {
      if (task.at <= until && (!best || task.at < best.at)) best = task;
    }
  }
  return best;
}

/**
 * Moves the simulated clock to `target`, running every background task that falls due on the
 * way (Group Policy refreshes, policy polling) in time order, ties in host order.
 */
export function advanceClock(world: World, target: number): number {
  let ran = 0;
  for (let task = earliestDue(world, target); task; task = earliestDue(world, target)) {
    world.clock = Math.max(world.clock, task.at);
    task.run(world, task.host, world.clock);
    ran++;
  }
  world.clock = target;
  // SAs expire, rekey and idle out; negotiations in flight settle.
  advanceIke(world.ike, target, () => nextUint32(world.random));
  return ran;
}
