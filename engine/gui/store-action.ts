/**
 * The IP Security Policy Management tools' edits as store operations. A wizard's Finish or a
 * dialog's OK becomes one `ipsec-store` action holding a StoreOp; it runs the same store
 * operations netsh runs (engine/ipsec) on the same stores, so both paths leave the same world.
 * Assigning goes through netsh's own `set policy` (engine/netsh/apply), which un-assigns the
 * store's other policy and keeps GPO assignments following a renamed domain policy.
 */
import * as ipsec from '../ipsec/index.js';
import type {
  AddFilterActionInput,
  AddFilterInput,
  AddFilterListInput,
  AddPolicyInput,
  AddRuleInput,
  DeleteRuleInput,
  IpsecError,
  PolicyStore,
  SetDefaultRuleInput,
  SetFilterActionInput,
  SetFilterListInput,
  SetPolicyInput,
  SetRuleInput,
} from '../ipsec/index.js';
import type { Effect } from '../effects.js';
import type { StoreSelection } from '../model/host.js';
import { findHost, type World } from '../model/world.js';
import { setPolicy as netshSetPolicy } from '../netsh/apply/store-commands.js';
import { Workspace } from '../netsh/apply/workspace.js';

/** Which store the tool has open: a host's local (or persistent) store, or a domain's. */
export type StoreTarget =
  | { readonly host: string; readonly store: 'local' | 'persistent' }
  | { readonly domain: string };

/** One edit, named after the netsh command it equals. `sequence` runs several as one: all or nothing. */
export type StoreOp =
  | { readonly op: 'add-policy'; readonly input: AddPolicyInput }
  | { readonly op: 'set-policy'; readonly input: SetPolicyInput }
  | { readonly op: 'delete-policy'; readonly name: string }
  | { readonly op: 'add-filterlist'; readonly input: AddFilterListInput }
  | { readonly op: 'set-filterlist'; readonly input: SetFilterListInput }
  | { readonly op: 'delete-filterlist'; readonly name: string }
  | { readonly op: 'add-filter'; readonly input: AddFilterInput }
  | { readonly op: 'delete-filter'; readonly input: AddFilterInput }
  | { readonly op: 'add-filteraction'; readonly input: AddFilterActionInput }
  | { readonly op: 'set-filteraction'; readonly input: SetFilterActionInput }
  | { readonly op: 'delete-filteraction'; readonly name: string }
  | { readonly op: 'add-rule'; readonly input: AddRuleInput }
  | { readonly op: 'set-rule'; readonly input: SetRuleInput }
  | { readonly op: 'delete-rule'; readonly input: DeleteRuleInput }
  | { readonly op: 'set-defaultrule'; readonly input: SetDefaultRuleInput }
  | { readonly op: 'sequence'; readonly ops: readonly StoreOp[] };

export type StoreOpName = StoreOp['op'];

const invalid = (message: string): IpsecError => ipsec.ipsecError('invalid-value', message);

/** The workspace a tool edits, as a netsh session on that store would see it; or why there is none. */
function workspaceFor(world: World, target: StoreTarget): Workspace | string {
  if ('domain' in target) {
    const domain = Object.values(world.directory.domains).find((d) => d.name.toLowerCase() === String(target.domain).toLowerCase());
    if (!domain) return `There is no domain named ${String(target.domain)} in this lab.`;
    const dc = findHost(world, domain.dc);
    if (!dc) return `The domain controller of ${domain.name} is not in this lab.`;
    return new Workspace(world, dc, { location: 'domain', domain: domain.name });
  }
  const host = findHost(world, target.host);
  if (!host) return `There is no host named ${String(target.host)} in this lab.`;
  if (target.store !== 'local' && target.store !== 'persistent') return `"${String(target.store)}" is not a policy store.`;
  const selection: StoreSelection = { location: target.store };
  return new Workspace(world, host, selection);
}

function editOne(store: PolicyStore, op: Exclude<StoreOp, { op: 'set-policy' | 'sequence' }>): ipsec.StoreResult {
  switch (op.op) {
    case 'add-policy':
      return ipsec.addPolicy(store, op.input);
    case 'delete-policy':
      return ipsec.deletePolicy(store, op.name);
    case 'add-filterlist':
      return ipsec.addFilterList(store, op.input);
    case 'set-filterlist':
      return ipsec.setFilterList(store, op.input);
    case 'delete-filterlist':
      return ipsec.deleteFilterList(store, op.name);
    case 'add-filter':
      return ipsec.addFilter(store, op.input);
    case 'delete-filter':
      return ipsec.deleteFilter(store, op.input);
    case 'add-filteraction':
      return ipsec.addFilterAction(store, op.input);
    case 'set-filteraction':
      return ipsec.setFilterAction(store, op.input);
    case 'delete-filteraction':
      return ipsec.deleteFilterAction(store, op.name);
    case 'add-rule':
      return ipsec.addRule(store, op.input);
    case 'set-rule':
      return ipsec.setRule(store, op.input);
    case 'delete-rule':
      return ipsec.deleteRule(store, op.input);
    case 'set-defaultrule':
      return ipsec.setDefaultRule(store, op.input);
  }
}

/** `set policy` exactly as netsh runs it (assignment, rename following); `gponame` is the Group Policy tool's job. */
function setPolicy(ws: Workspace, input: SetPolicyInput): IpsecError | null {
  return netshSetPolicy(ws, {
    name: input.name,
    guid: undefined,
    newname: input.newname,
    description: input.description,
    mmpfs: input.mmpfs,
    qmpermm: input.qmpermm,
    mmlifetime: input.mmlifetime,
    activatedefaultrule: input.activatedefaultrule,
    pollinginterval: input.pollinginterval,
    assign: input.assign,
    gponame: undefined,
    mmsecmethods: input.mmsecmethods,
  });
}

const MAX_DEPTH = 4;

/** Runs an op on the workspace; the first failure stops it and is returned. */
function perform(ws: Workspace, op: StoreOp, depth = 0): IpsecError | null {
  if (typeof op !== 'object' || op === null) return invalid('The change to the policy store is missing.');
  switch (op.op) {
    case 'sequence': {
      if (!Array.isArray(op.ops) || depth >= MAX_DEPTH) return invalid('The list of changes to the policy store is not valid.');
      for (const inner of op.ops) {
        const problem = perform(ws, inner, depth + 1);
        if (problem) return problem;
      }
      return null;
    }
    case 'set-policy':
      return setPolicy(ws, op.input);
    default: {
      if (!KNOWN.has(op.op)) return invalid(`"${String((op as { op: unknown }).op)}" is not a change the policy store knows.`);
      const result = editOne(ws.store(), op);
      if (!result.ok) return result.error;
      ws.replaceStore(result.value);
      return null;
    }
  }
}

const KNOWN = new Set<string>([
  'add-policy',
  'delete-policy',
  'add-filterlist',
  'set-filterlist',
  'delete-filterlist',
  'add-filter',
  'delete-filter',
  'add-filteraction',
  'set-filteraction',
  'delete-filteraction',
  'add-rule',
  'set-rule',
  'delete-rule',
  'set-defaultrule',
]);

/**
 * Validates the whole op against a private copy of the store, then hands back the changes to
 * commit. A rejected op returns the store's own message and nothing is changed.
 */
export function storeEdit(world: World, target: StoreTarget, op: StoreOp): { ok: true; effects: Effect[] } | { ok: false; error: string } {
  if (typeof target !== 'object' || target === null) return { ok: false, error: 'The policy store to change is missing.' };
  const ws = workspaceFor(world, target);
  if (typeof ws === 'string') return { ok: false, error: ws };
  const problem = perform(ws, op);
  if (problem) return { ok: false, error: problem.message };
  return { ok: true, effects: ws.effects() };
}
