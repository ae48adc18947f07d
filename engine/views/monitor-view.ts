import { effectivePolicy, type PolicyInForce } from '../gp/effective-policy.js';
import type { IkeStats, MainModeSa, QuickModeSa } from '../ike/types.js';
import { authMethodLabel } from '../ipsec/auth.js';
import { filterAddressMask, formatFilterAddress } from '../ipsec/address.js';
import { filterWeight } from '../ipsec/matching.js';
import { filterActionById, filterListById } from '../ipsec/store-lookup.js';
import type { Filter, FilterAddress, StandardRule } from '../ipsec/types.js';
import type { Host } from '../model/host.js';
import type { World } from '../model/world.js';
import { directoryPolicyDn } from '../ipsec/show/guid.js';
import { protocolName, qmOfferColumns, shortMmOffer } from './monitor-format.js';

/**
 * The IP Security Monitor snap-in's view of one computer (reference §6.6): Active Policy, and
 * for main and quick mode the generic and specific filters, the policies, the statistics and
 * the security associations. Built from the world on demand; nothing here changes it.
 */
export interface ActivePolicyView {
  readonly name: string;
  readonly description: string;
  readonly store: 'Local Store' | 'Domain Store' | 'Persistent Store';
  readonly path: string | null;
  readonly ou: string | null;
  readonly gpoName: string | null;
}

export interface MmFilterRow { readonly name: string; readonly source: string; readonly destination: string; readonly ikePolicy: string; readonly authentication: string; readonly connectionType: string }
export interface QmFilterRow {
  readonly name: string;
  readonly source: string;
  readonly destination: string;
  readonly sourcePort: string;
  readonly destinationPort: string;
  readonly protocol: string;
  readonly inboundAction: string;
  readonly outboundAction: string;
  readonly negotiationPolicy: string;
  readonly connectionType: string;
}
export interface SpecificFilterRow extends QmFilterRow { readonly direction: 'Inbound' | 'Outbound'; readonly weight: number }
export interface MmSaRow { readonly me: string; readonly peer: string; readonly authentication: string; readonly encryption: string; readonly integrity: string; readonly diffieHellman: string }
export interface QmSaRow {
  readonly filterName: string;
  readonly me: string;
  readonly mePort: string;
  readonly peer: string;
  readonly peerPort: string;
  readonly tunnelEndpoint: string;
  readonly protocol: string;
  readonly ahIntegrity: string;
  readonly espConfidentiality: string;
  readonly espIntegrity: string;
}

export interface MonitorView {
  readonly host: string;
  /** Windows 2000 has no IP Security Monitor snap-in (it had ipsecmon.exe). */
  readonly available: boolean;
  readonly clock: number;
  readonly activePolicy: ActivePolicyView | null;
  readonly mainMode: { readonly genericFilters: readonly MmFilterRow[]; readonly securityAssociations: readonly MmSaRow[] };
  readonly quickMode: {
    readonly genericFilters: readonly QmFilterRow[];
    readonly specificFilters: readonly SpecificFilterRow[];
    readonly securityAssociations: readonly QmSaRow[];
  };
  readonly statistics: IkeStats | null;
}

const ANY_PORT = 'Any';
const ACTIONS: Record<string, [string, string]> = { permit: ['Permit', 'Permit'], block: ['Block', 'Block'], negotiate: ['Negotiate Security', 'Negotiate Security'] };

function place(address: FilterAddress): string {
  const mask = filterAddressMask(address);
  if (address.kind === 'me') return '<My IP Address>';
  if (address.kind === 'any') return '<Any IP Address>';
  if (address.kind === 'server') return `<${address.server} Server>`;
  return mask === '255.255.255.255' ? formatFilterAddress(address) : `${formatFilterAddress(address)}/${mask}`;
}

function concrete(address: FilterAddress, host: Host): string {
  if (address.kind === 'me') return host.nic.address;
  if (address.kind === 'server') return address.server === 'GATEWAY' ? (host.nic.gateway ?? '0.0.0.0') : (host.nic.dnsServers[0] ?? '0.0.0.0');
  return place(address);
}

interface RuleFilter { readonly rule: StandardRule; readonly listName: string; readonly filter: Filter; readonly index: number; readonly actionKind: string; readonly actionName: string }

function ruleFilters(active: PolicyInForce): RuleFilter[] {
  return active.policy.rules.flatMap((rule) => {
    if (rule.isDefaultResponse || !rule.activate) return [];
    const list = filterListById(active.store, rule.filterListId);
    const action = filterActionById(active.store, rule.filterActionId);
    return (list?.filters ?? []).map((filter, index) => ({ rule, listName: list?.name ?? '', filter, index, actionKind: action?.action ?? 'permit', actionName: action?.name ?? '' }));
  });
}

function qmRow(rf: RuleFilter, source: string, destination: string, f: Filter): QmFilterRow {
  const [inbound, outbound] = ACTIONS[rf.actionKind] ?? ['Permit', 'Permit'];
  return {
    name: `${rf.listName} (${rf.index + 1})`,
    source,
    destination,
    sourcePort: f.srcport ? String(f.srcport) : ANY_PORT,
    destinationPort: f.dstport ? String(f.dstport) : ANY_PORT,
    protocol: protocolName(f.protocol),
    inboundAction: inbound,
    outboundAction: outbound,
    negotiationPolicy: rf.actionName,
    connectionType: rf.rule.conntype === 'all' ? 'All' : rf.rule.conntype.toUpperCase(),
  };
}

function specificRows(rf: RuleFilter, host: Host): SpecificFilterRow[] {
  const f = rf.filter;
  const out: SpecificFilterRow = { ...qmRow(rf, concrete(f.srcaddr, host), concrete(f.dstaddr, host), f), direction: 'Outbound', weight: filterWeight(f) };
  if (!f.mirrored) return [out];
  const back = { ...f, srcport: f.dstport, dstport: f.srcport };
  return [out, { ...qmRow(rf, concrete(f.dstaddr, host), concrete(f.srcaddr, host), back), direction: 'Inbound', weight: filterWeight(f) }];
}

function activePolicyView(world: World, host: Host, active: PolicyInForce): ActivePolicyView {
  const domain = host.domain ? world.directory.domains[host.domain] : undefined;
  const fromDomain = active.source === 'domain';
  return {
    name: active.policy.name,
    description: active.policy.description,
    store: fromDomain ? 'Domain Store' : active.source === 'persistent' ? 'Persistent Store' : 'Local Store',
    path: fromDomain && domain ? directoryPolicyDn(active.policy, domain.name) : null,
    ou: fromDomain ? host.ou : null,
    gpoName: active.gpoName ?? null,
  };
}

function mmSaRow(sa: MainModeSa): MmSaRow {
  return { me: sa.localAddress, peer: sa.peerAddress, authentication: sa.authMethod, ...shortMmOffer(sa.offer) };
}

function qmSaRow(sa: QuickModeSa): QmSaRow {
  const s = sa.selector;
  return {
    filterName: sa.filter.filterListName,
    me: s.srcAddress,
    mePort: s.srcPort ? String(s.srcPort) : ANY_PORT,
    peer: s.dstAddress,
    peerPort: s.dstPort ? String(s.dstPort) : ANY_PORT,
    tunnelEndpoint: sa.tunnel ? sa.tunnel.peer : 'None',
    protocol: protocolName(s.protocol),
    ...qmOfferColumns(sa),
  };
}

export function monitorView(world: World, hostName: string): MonitorView | null {
  const host = Object.values(world.hosts).find((h) => h.name.toLowerCase() === hostName.toLowerCase());
  if (!host) return null;
  const active = effectivePolicy(host).active;
  const rules = active ? ruleFilters(active) : [];
  const ike = world.ike[host.name];
  const mmFilters = rules.map((rf) => ({
    name: `${rf.listName} (${rf.index + 1})`,
    source: place(rf.filter.srcaddr),
    destination: place(rf.filter.dstaddr),
    ikePolicy: active?.policy.name ?? '',
    authentication: rf.rule.authMethods.map(authMethodLabel).join(', '),
    connectionType: rf.rule.conntype === 'all' ? 'All' : rf.rule.conntype.toUpperCase(),
  }));
  return {
    host: host.name,
    available: host.version !== '2000',
    clock: world.clock,
    activePolicy: active ? activePolicyView(world, host, active) : null,
    mainMode: { genericFilters: mmFilters, securityAssociations: (ike?.mmSas ?? []).map(mmSaRow) },
    quickMode: {
      genericFilters: rules.map((rf) => qmRow(rf, place(rf.filter.srcaddr), place(rf.filter.dstaddr), rf.filter)),
      specificFilters: rules.flatMap((rf) => specificRows(rf, host)).sort((a, b) => b.weight - a.weight),
      securityAssociations: (ike?.qmSas ?? []).filter((sa) => !sa.soft).map(qmSaRow),
    },
    statistics: ike ? ike.stats : null,
  };
}
