/** What netsh reads of the host it runs on: its files, its stores' object names, its version's tables. */
import { standardRules, type PolicyStore } from '../../ipsec/index.js';
import { readHostFile } from '../../model/files.js';
import type { Host, StoreSelection } from '../../model/host.js';
import type { World } from '../../model/world.js';
import type { Spd } from '../../spd/index.js';
import type { Applier } from '../apply/index.js';
import type { ObjectKind } from '../grammar.js';
import type { NetshDeps } from '../state.js';
import { netshRootFor } from './root.js';

/** The store a selection names, as the world holds it now. */
export function selectedStore(world: World, host: Host, selection: StoreSelection): PolicyStore {
  if (selection.location === 'domain') return world.directory.domains[selection.domain]?.ipsecStore ?? host.stores.local;
  return host.stores[selection.location];
}

/** Names for tab completion: store objects of the selected store, policies of the live SPD. */
export function objectNames(store: PolicyStore, spd: Spd, kind: ObjectKind): string[] {
  switch (kind) {
    case 'mmpolicy':
      return spd.mmPolicies.map((p) => p.name);
    case 'qmpolicy':
      return spd.qmPolicies.map((p) => p.name);
    case 'policy':
      return store.policies.map((p) => p.name);
    case 'filterlist':
      return store.filterLists.map((l) => l.name);
    case 'filteraction':
      return store.filterActions.map((a) => a.name);
    case 'rule':
      return [...new Set(store.policies.flatMap((p) => standardRules(p).map((r) => r.name)))];
  }
}

export function netshDeps(world: World, host: Host, selection: StoreSelection, applier?: Applier): NetshDeps {
  return {
    root: netshRootFor(host.version),
    readFile: (path) => (applier ? applier.readFile(path) : readHostFile(host, path)),
    objectNames: (kind) => objectNames(selectedStore(world, host, applier?.selection() ?? selection), host.spd, kind),
    ...(applier ? { perform: applier.perform } : {}),
  };
}
