/**
 * Carries out netsh's validated requests on a host's world: static edits become store
 * operations on the store `set store` selected, dynamic ones SPD operations, shows the
 * layouts of engine/ipsec/show and engine/spd. Results leave as Effects. Edits print nothing
 * on success (§1.2) and an `ERR IPsec[…]` line (or the SPD's Win32 text) on failure.
 */
import type { Effect } from '../../effects.js';
import { formatIpsecError, ipsecError, type IpsecError } from '../../ipsec/index.js';
import type { Host, StoreSelection } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { formatSpdError } from '../../spd/index.js';
import type { NetshRequest } from '../requests.js';
import type { Performed } from '../state.js';
import type { Resolver } from './convert.js';
import { editSpd, isDynamicEdit } from './dynamic-edit.js';
import { isDynamicShow, performDynamicShow } from './dynamic-show.js';
import { performDump } from './dump.js';
import { isIkeShow, performIkeShow } from './ike-show.js';
import { resolverFor } from './resolve-name.js';
import { editStore, isStoreEdit } from './static-edit.js';
import { isStaticShow, performStaticShow } from './static-show.js';
import { setPolicy, setStore } from './store-commands.js';
import { Workspace } from './workspace.js';

export const LOCAL_STORE: StoreSelection = { location: 'local' };

/** What a request the emulator cannot carry out yet prints, instead of pretending. */
export const NOT_AVAILABLE = 'This command is not available in IPSec Lab yet.';

export interface Applier {
  perform(request: NetshRequest): Performed;
  /** A file as this line sees it: what it wrote itself, else the host's. */
  readFile(path: string): string | undefined;
  /** The store selection the session continues with. */
  selection(): StoreSelection;
  /** Every change the requests made, to apply once the line has been answered. */
  effects(): Effect[];
}

const SILENT: Performed = { output: '', failed: false };
const failure = (error: IpsecError): Performed => ({ output: `${formatIpsecError(error)}\n`, failed: true });
const answer = (error: IpsecError | null): Performed => (error ? failure(error) : SILENT);

/** `set config` and `show config` are registry values; everything else dynamic lives in the running service [R]. */
const REGISTRY_ONLY = new Set(['dynamic.set.config', 'dynamic.show.config']);
const serviceStopped = () => ipsecError('store-open-failed', 'IPSEC Services is not running, so the SPD cannot be opened.');

function performDynamic(ws: Workspace, request: NetshRequest, resolve: Resolver): Performed | undefined {
  if (!request.command.startsWith('dynamic.')) return undefined;
  if (!ws.host.policyAgent.running && !REGISTRY_ONLY.has(request.command)) return failure(serviceStopped());
  if (isDynamicShow(request)) return performDynamicShow(ws, request, resolve);
  if (isIkeShow(request)) return performIkeShow(ws, request);
  if (!isDynamicEdit(request)) return undefined;
  const result = editSpd(ws.spd(), request, resolve);
  if (!result.ok) return { output: `${formatSpdError(result.error)}\n`, failed: true };
  ws.replaceSpd(result.value);
  return SILENT;
}

function performStatic(ws: Workspace, request: NetshRequest, resolve: Resolver): Performed | undefined {
  if (isStaticShow(request)) return performStaticShow(ws, request);
  if (isStoreEdit(request)) {
    const result = editStore(ws.store(), request, resolve);
    if (!result.ok) return failure(result.error);
    ws.replaceStore(result.value);
    return SILENT;
  }
  switch (request.command) {
    case 'static.set.store':
      return answer(setStore(ws, request.args));
    case 'static.set.policy':
      return answer(setPolicy(ws, request.args));
    case 'static.set.batch':
      // Batching only changes how fast the store is written; every write here is immediate.
      return SILENT;
    default:
      return undefined;
  }
}

function performOn(ws: Workspace, request: NetshRequest, resolve: Resolver): Performed {
  return (
    performStatic(ws, request, resolve) ??
    performDynamic(ws, request, resolve) ??
    performDump(ws, request) ?? { output: `${NOT_AVAILABLE}\n`, failed: true }
  );
}

/** An applier for one command line typed on `host`, starting on `selection`. */
export function createApplier(world: World, host: Host, selection: StoreSelection): Applier {
  const ws = new Workspace(world, host, selection);
  const resolve = resolverFor(world);
  return {
    perform: (request) => performOn(ws, request, resolve),
    readFile: (path) => ws.readFile(path),
    selection: () => ws.selection,
    effects: () => ws.effects(),
  };
}

export { Workspace } from './workspace.js';
export { applyEdit } from './edit.js';
export { resolverFor } from './resolve-name.js';
