import { formatFilterAddress } from '../address.js';
import { formatMmOffer, formatQmOffer } from '../offers.js';
import { filterActionById, filterListById } from '../store-lookup.js';
import type {
  AuthMethod,
  ConnectionType,
  Filter,
  FilterActionKind,
  FilterAddress,
  IpsecPolicy,
  PolicyStore,
} from '../types.js';

/*
 * The `.ipsec` file of `exportpolicy` / `importpolicy` (reference §2.8). Real files are binary;
 * ours is versioned JSON that a person can read and edit. Values use the netsh grammars
 * (`me`, `ESP[3DES,SHA1]:100000k/3600s`, `3DES-SHA1-2`) so import re-checks them with the
 * same parsers as the commands. Objects link by name, as netsh commands do; ids stay internal.
 */

export const IPSEC_FILE_FORMAT = 'ipsec-lab.policy-store';
export const IPSEC_FILE_VERSION = 1;

export interface FileFilter {
  readonly description: string;
  /** `me`, `any`, an address, `a-b`, a server keyword or a DNS name, as `add filter` takes it. */
  readonly srcaddr: string;
  /** Only for a subnet. */
  readonly srcmask?: string;
  /** Only for a DNS name: the addresses it resolved to when the filter was made. */
  readonly srcresolved?: readonly string[];
  readonly dstaddr: string;
  readonly dstmask?: string;
  readonly dstresolved?: readonly string[];
  readonly protocol: number;
  readonly srcport: number;
  readonly dstport: number;
  readonly mirrored: boolean;
}

export interface FileFilterList {
  readonly name: string;
  readonly description: string;
  readonly filters: readonly FileFilter[];
}

export interface FileFilterAction {
  readonly name: string;
  readonly description: string;
  readonly action: FilterActionKind;
  readonly qmpfs: boolean;
  readonly inpass: boolean;
  readonly soft: boolean;
  readonly qmsecmethods: readonly string[];
}

export type FileAuth =
  | { readonly method: 'kerberos' }
  | { readonly method: 'psk'; readonly key: string }
  | { readonly method: 'certificate'; readonly rootca: string; readonly certmap: boolean; readonly excludecaname: boolean };

export interface FileRule {
  readonly name: string;
  readonly description: string;
  readonly filterlist: string;
  readonly filteraction: string;
  readonly tunnel: string | null;
  readonly conntype: ConnectionType;
  readonly activate: boolean;
  readonly auth: readonly FileAuth[];
}

export interface FileDefaultRule {
  readonly activate: boolean;
  readonly qmpfs: boolean;
  readonly qmsecmethods: readonly string[];
  readonly auth: readonly FileAuth[];
}

export interface FilePolicy {
  readonly name: string;
  readonly description: string;
  readonly assigned: boolean;
  readonly mmpfs: boolean;
  readonly qmpermm: number;
  readonly mmlifetime: number;
  readonly pollinginterval: number;
  readonly mmsecmethods: readonly string[];
  readonly rules: readonly FileRule[];
  readonly defaultRule: FileDefaultRule;
}

export interface PolicyFile {
  readonly format: typeof IPSEC_FILE_FORMAT;
  readonly version: typeof IPSEC_FILE_VERSION;
  readonly filterLists: readonly FileFilterList[];
  readonly filterActions: readonly FileFilterAction[];
  readonly policies: readonly FilePolicy[];
}

function fileAuth(method: AuthMethod): FileAuth {
  if (method.kind === 'psk') return { method: 'psk', key: method.key };
  if (method.kind === 'certificate') {
    return { method: 'certificate', rootca: method.rootCa, certmap: method.certmap, excludecaname: method.excludeCaName };
  }
  return { method: 'kerberos' };
}

/** Address, mask (subnets only) and resolved addresses (names only) of one filter end. */
function fileAddress(address: FilterAddress): { addr: string; mask?: string; resolved?: readonly string[] } {
  if (address.kind === 'subnet') return { addr: address.address, mask: address.mask };
  if (address.kind === 'dns') return { addr: address.name, resolved: address.addresses };
  return { addr: formatFilterAddress(address) };
}

function fileFilter(filter: Filter): FileFilter {
  const src = fileAddress(filter.srcaddr);
  const dst = fileAddress(filter.dstaddr);
  return {
    description: filter.description,
    srcaddr: src.addr,
    ...(src.mask === undefined ? {} : { srcmask: src.mask }),
    ...(src.resolved === undefined ? {} : { srcresolved: src.resolved }),
    dstaddr: dst.addr,
    ...(dst.mask === undefined ? {} : { dstmask: dst.mask }),
    ...(dst.resolved === undefined ? {} : { dstresolved: dst.resolved }),
    protocol: filter.protocol,
    srcport: filter.srcport,
    dstport: filter.dstport,
    mirrored: filter.mirrored,
  };
}

function filePolicy(store: PolicyStore, policy: IpsecPolicy): FilePolicy {
  const rules: FileRule[] = [];
  let defaultRule: FileDefaultRule = { activate: false, qmpfs: false, qmsecmethods: [], auth: [] };
  for (const rule of policy.rules) {
    if (rule.isDefaultResponse) {
      const qmsecmethods = rule.qmsecmethods.map((o) => formatQmOffer(o));
      defaultRule = { activate: rule.activate, qmpfs: rule.qmpfs, qmsecmethods, auth: rule.authMethods.map(fileAuth) };
      continue;
    }
    rules.push({
      name: rule.name,
      description: rule.description,
      filterlist: filterListById(store, rule.filterListId)?.name ?? '',
      filteraction: filterActionById(store, rule.filterActionId)?.name ?? '',
      tunnel: rule.tunnel,
      conntype: rule.conntype,
      activate: rule.activate,
      auth: rule.authMethods.map(fileAuth),
    });
  }
  return {
    name: policy.name,
    description: policy.description,
    assigned: policy.assigned,
    mmpfs: policy.mmpfs,
    qmpermm: policy.qmpermm,
    mmlifetime: policy.mmlifetime,
    pollinginterval: policy.pollinginterval,
    mmsecmethods: policy.mmsecmethods.map(formatMmOffer),
    rules,
    defaultRule,
  };
}

export function toPolicyFile(store: PolicyStore): PolicyFile {
  return {
    format: IPSEC_FILE_FORMAT,
    version: IPSEC_FILE_VERSION,
    filterLists: store.filterLists.map((l) => ({ name: l.name, description: l.description, filters: l.filters.map(fileFilter) })),
    filterActions: store.filterActions.map((a) => ({
      name: a.name,
      description: a.description,
      action: a.action,
      qmpfs: a.qmpfs,
      inpass: a.inpass,
      soft: a.soft,
      qmsecmethods: a.qmsecmethods.map((o) => formatQmOffer(o)),
    })),
    policies: store.policies.map((p) => filePolicy(store, p)),
  };
}

/** `exportpolicy`: every policy, filter list and filter action of the store, as file text. */
export function exportPolicyStore(store: PolicyStore): string {
  return `${JSON.stringify(toPolicyFile(store), null, 2)}\n`;
}
