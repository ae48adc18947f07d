/**
 * `netsh ipsec static` add/set/delete requests as store operations. Each returns the new
 * store or the IpsecError netsh prints; the input store is never changed.
 */
import * as ipsec from '../../ipsec/index.js';
import { fail, ipsecError, ok, type AddFilterInput, type IpsecError, type PolicyStore, type Result, type StoreResult } from '../../ipsec/index.js';
import { objectGuid } from '../../ipsec/show/index.js';
import type { NetshRequest, RequestArgs } from '../requests.js';
import { authMethods, filterAddress, ruleSelector, tunnelText, type Resolver } from './convert.js';

/** The requests this module turns into store operations. */
export type StoreEdit = Extract<
  NetshRequest,
  { command: `static.${'add' | 'delete'}.${string}` | 'static.set.filterlist' | 'static.set.filteraction' | 'static.set.rule' | 'static.set.defaultrule' }
>;

const EDITS = new Set<string>([
  'static.add.filterlist',
  'static.add.filter',
  'static.add.filteraction',
  'static.add.policy',
  'static.add.rule',
  'static.delete.all',
  'static.delete.filter',
  'static.delete.filteraction',
  'static.delete.filterlist',
  'static.delete.policy',
  'static.delete.rule',
  'static.set.filterlist',
  'static.set.filteraction',
  'static.set.rule',
  'static.set.defaultrule',
]);

export function isStoreEdit(request: NetshRequest): request is StoreEdit {
  return EDITS.has(request.command);
}

type FilterArgs = RequestArgs<'static.delete.filter'> & { readonly description?: string | undefined };

function filterInput(args: FilterArgs, resolve: Resolver): Result<AddFilterInput, IpsecError> {
  const srcaddr = filterAddress(args.srcaddr, args.srcmask, resolve);
  if (!srcaddr.ok) return srcaddr;
  const dstaddr = filterAddress(args.dstaddr, args.dstmask, resolve);
  if (!dstaddr.ok) return dstaddr;
  return ok({
    filterlist: args.filterlist,
    srcaddr: srcaddr.value,
    dstaddr: dstaddr.value,
    description: args.description,
    protocol: args.protocol.number,
    mirrored: args.mirrored,
    srcport: args.srcport,
    dstport: args.dstport,
  });
}

/**
 * The name of the object a `guid=` names: listings print objectGuid(id) for each object, so
 * that is the GUID netsh takes back. An unknown GUID is "does not exist" [R: the wording].
 */
export function nameByGuid(
  items: readonly { readonly id: string; readonly name: string }[],
  kind: 'policy-not-found' | 'filterlist-not-found' | 'filteraction-not-found',
  what: string,
  guid: string,
): Result<string, IpsecError> {
  const found = items.find((item) => objectGuid(item.id) === guid.toLowerCase());
  return found ? ok(found.name) : fail(ipsecError(kind, `${what} with GUID "${guid}" does not exist.`));
}

/** The name of a set target: `name=` as typed, or the object `guid=` names. */
function targetName(
  args: { readonly name: string | undefined; readonly guid: string | undefined },
  found: (guid: string) => Result<string, IpsecError>,
): Result<string, IpsecError> {
  return args.name !== undefined ? ok(args.name) : found(args.guid ?? '');
}

function setFilterList(store: PolicyStore, args: RequestArgs<'static.set.filterlist'>): StoreResult {
  const name = targetName(args, (guid) => nameByGuid(store.filterLists, 'filterlist-not-found', 'Filter List', guid));
  if (!name.ok) return name;
  return ipsec.setFilterList(store, { name: name.value, newname: args.newname, description: args.description });
}

function setFilterAction(store: PolicyStore, args: RequestArgs<'static.set.filteraction'>): StoreResult {
  const name = targetName(args, (guid) => nameByGuid(store.filterActions, 'filteraction-not-found', 'Filter Action', guid));
  return name.ok ? ipsec.setFilterAction(store, { ...args, name: name.value }) : name;
}

function addRule(store: PolicyStore, request: Extract<StoreEdit, { command: 'static.add.rule' }>): StoreResult {
  const { args, given } = request;
  return ipsec.addRule(store, {
    ...args,
    tunnel: tunnelText(args.tunnel),
    authMethods: authMethods(args, given),
  });
}

function setRule(store: PolicyStore, request: Extract<StoreEdit, { command: 'static.set.rule' }>): StoreResult {
  const { args, given } = request;
  return ipsec.setRule(store, {
    ...args,
    rule: ruleSelector(args),
    tunnel: tunnelText(args.tunnel),
    authMethods: authMethods(args, given),
  });
}

function deleteRule(store: PolicyStore, args: RequestArgs<'static.delete.rule'>): StoreResult {
  if (args.all) return ipsec.deleteAllRules(store, args.policy);
  return ipsec.deleteRule(store, { policy: args.policy, rule: ruleSelector(args) });
}

/** Runs one add/set/delete request against `store`. */
export function editStore(store: PolicyStore, request: StoreEdit, resolve: Resolver): StoreResult {
  switch (request.command) {
    case 'static.add.filterlist':
      return ipsec.addFilterList(store, request.args);
    case 'static.add.filter': {
      const input = filterInput(request.args, resolve);
      return input.ok ? ipsec.addFilter(store, input.value) : input;
    }
    case 'static.add.filteraction':
      return ipsec.addFilterAction(store, request.args);
    case 'static.add.policy':
      return ipsec.addPolicy(store, request.args);
    case 'static.add.rule':
      return addRule(store, request);
    case 'static.delete.all':
      return ipsec.deleteAll(store);
    case 'static.delete.filter': {
      const input = filterInput(request.args, resolve);
      return input.ok ? ipsec.deleteFilter(store, input.value) : input;
    }
    case 'static.delete.filteraction':
      return request.args.all ? ipsec.deleteAllFilterActions(store) : ipsec.deleteFilterAction(store, request.args.name ?? '');
    case 'static.delete.filterlist':
      return request.args.all ? ipsec.deleteAllFilterLists(store) : ipsec.deleteFilterList(store, request.args.name ?? '');
    case 'static.delete.policy':
      return request.args.all ? ipsec.deleteAllPolicies(store) : ipsec.deletePolicy(store, request.args.name ?? '');
    case 'static.delete.rule':
      return deleteRule(store, request.args);
    case 'static.set.filterlist':
      return setFilterList(store, request.args);
    case 'static.set.filteraction':
      return setFilterAction(store, request.args);
    case 'static.set.rule':
      return setRule(store, request);
    case 'static.set.defaultrule':
      return ipsec.setDefaultRule(store, { ...request.args, authMethods: authMethods(request.args, request.given) });
  }
}
