import { parseFilterAddress } from '../address.js';
import { createEmptyStore } from '../defaults.js';
import type { IpsecError } from '../errors.js';
import { buildFilter } from '../filter.js';
import { parseMmOffer, parseQmOffer } from '../offers.js';
import { fail, ok, type Result } from '../result.js';
import { addFilterAction, addFilterList, addPolicy, addRule, setDefaultRule, type StoreResult } from '../store-ops.js';
import type { AuthMethod, Filter, FilterAddress, MmOffer, PolicyStore, QmOffer } from '../types.js';
import type { FileAuth, FileFilter, FileFilterList, FilePolicy, PolicyFile } from './ipsec-file.js';
import { readPolicyFile } from './import-read.js';
import { mergeStores, type ImportSummary } from './import-merge.js';

/*
 * `importpolicy` (reference §2.8: "merges a .ipsec file into the current store"; nothing more
 * is known). The file is first rebuilt as a store of its own with the same operations netsh
 * commands use, so every value passes the same checks; then it is merged: objects whose name
 * is already in the store replace them, the rest are added [R].
 */

export type { ImportSummary } from './import-merge.js';

export interface ImportOutcome {
  readonly store: PolicyStore;
  readonly summary: ImportSummary;
}

class StageProblem extends Error {}

function step(result: StoreResult, where: string): PolicyStore {
  if (!result.ok) throw new StageProblem(`${where}: ${result.error.message}`);
  return result.value;
}

function parsed<T>(result: Result<T, string | IpsecError>, where: string): T {
  if (result.ok) return result.value;
  throw new StageProblem(`${where}: ${typeof result.error === 'string' ? result.error : result.error.message}`);
}

function endpoint(addr: string, mask: string | undefined, resolved: readonly string[] | undefined, where: string): FilterAddress {
  const address = parsed(parseFilterAddress(addr, mask), where);
  if (address.kind === 'dns') return { ...address, addresses: [...(resolved ?? [])] };
  if (resolved !== undefined) throw new StageProblem(`${where}: resolved addresses are only kept for DNS names.`);
  return address;
}

function fileFilter(f: FileFilter, where: string): Filter {
  const input = {
    description: f.description,
    srcaddr: endpoint(f.srcaddr, f.srcmask, f.srcresolved, `${where}.srcaddr`),
    dstaddr: endpoint(f.dstaddr, f.dstmask, f.dstresolved, `${where}.dstaddr`),
    protocol: f.protocol,
    srcport: f.srcport,
    dstport: f.dstport,
    mirrored: f.mirrored,
  };
  return parsed(buildFilter(input), where);
}

/** Same test as sameFilterSpec, as a key, so a long list is checked in one pass. */
function filterKey(f: Filter): string {
  const end = (a: FilterAddress) => `${a.kind}:${JSON.stringify(a.kind === 'dns' ? a.name.toLowerCase() : { ...a })}`;
  return [end(f.srcaddr), end(f.dstaddr), f.protocol, f.srcport, f.dstport, f.mirrored].join('|');
}

function stageFilterList(store: PolicyStore, list: FileFilterList, where: string): PolicyStore {
  const added = step(addFilterList(store, { name: list.name, description: list.description }), where);
  const seen = new Set<string>();
  const filters = list.filters.map((f, i) => {
    const filter = fileFilter(f, `${where}.filters[${i}]`);
    const key = filterKey(filter);
    if (seen.has(key)) throw new StageProblem(`${where}.filters[${i}]: the same filter appears twice in Filter List "${list.name}".`);
    seen.add(key);
    return filter;
  });
  const lists = [...added.filterLists];
  const created = lists.pop();
  return created ? { ...added, filterLists: [...lists, { ...created, filters }] } : added;
}

function qmOffers(texts: readonly string[], where: string): QmOffer[] {
  return texts.map((t, i) => parsed(parseQmOffer(t), `${where}[${i}]`));
}

function mmOffers(texts: readonly string[], where: string): MmOffer[] {
  return texts.map((t, i) => parsed(parseMmOffer(t), `${where}[${i}]`));
}

function authMethods(auth: readonly FileAuth[]): AuthMethod[] {
  return auth.map((a) => {
    if (a.method === 'psk') return { kind: 'psk', key: a.key };
    if (a.method === 'certificate') return { kind: 'certificate', rootCa: a.rootca, certmap: a.certmap, excludeCaName: a.excludecaname };
    return { kind: 'kerberos' };
  });
}

function stagePolicy(store: PolicyStore, p: FilePolicy, where: string): PolicyStore {
  const { name, description, mmpfs, qmpermm, mmlifetime, pollinginterval, defaultRule: d } = p;
  const mmsecmethods = mmOffers(p.mmsecmethods, `${where}.mmsecmethods`);
  const policy = { name, description, mmpfs, qmpermm, mmlifetime, pollinginterval, mmsecmethods };
  let next = step(addPolicy(store, { ...policy, assign: p.assigned, activatedefaultrule: d.activate }), where);
  const qmsecmethods = qmOffers(d.qmsecmethods, `${where}.defaultRule.qmsecmethods`);
  const defaults = { policy: name, qmpfs: d.qmpfs, qmsecmethods, authMethods: authMethods(d.auth) };
  next = step(setDefaultRule(next, defaults), `${where}.defaultRule`);
  p.rules.forEach((r, i) => {
    const { auth, ...fields } = r;
    next = step(addRule(next, { ...fields, policy: name, authMethods: authMethods(auth) }), `${where}.rules[${i}]`);
  });
  return next;
}

/** The file as a store of its own, checked object by object. */
function stage(file: PolicyFile, location: PolicyStore['location']): PolicyStore {
  let store = createEmptyStore(location);
  file.filterLists.forEach((l, i) => {
    store = stageFilterList(store, l, `filterLists[${i}]`);
  });
  file.filterActions.forEach((a, i) => {
    const where = `filterActions[${i}]`;
    const offers = qmOffers(a.qmsecmethods, `${where}.qmsecmethods`);
    // Only negotiate needs methods; an empty list elsewhere is "none given", not an error.
    const qmsecmethods = offers.length === 0 && a.action !== 'negotiate' ? undefined : offers;
    store = step(addFilterAction(store, { ...a, qmsecmethods }), where);
  });
  file.policies.forEach((p, i) => {
    store = stagePolicy(store, p, `policies[${i}]`);
  });
  return store;
}

/** Checks and stages already-read file content; the store is unchanged on any failure. */
export function importPolicyFile(target: PolicyStore, file: PolicyFile): Result<ImportOutcome, string> {
  try {
    return ok(mergeStores(target, stage(file, target.location)));
  } catch (e) {
    if (e instanceof StageProblem) return fail(e.message);
    return fail(`The policy file could not be imported${e instanceof Error ? ` (${e.message})` : ''}.`);
  }
}

/** `importpolicy`: file text into the store. Never throws; a failure leaves the store as it was. */
export function importPolicyStore(target: PolicyStore, text: string): Result<ImportOutcome, string> {
  const file = readPolicyFile(text);
  return file.ok ? importPolicyFile(target, file.value) : file;
}
