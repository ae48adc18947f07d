import type { MonitorView } from '../service/protocol/lab-api.js';

/* The details pane's columns per node, as the snap-in names them (reference §6.6). */

type Qm = MonitorView['quickMode'];
export type MmFilterRow = MonitorView['mainMode']['genericFilters'][number];
export type MmSaRow = MonitorView['mainMode']['securityAssociations'][number];
export type QmFilterRow = Qm['genericFilters'][number];
export type SpecificFilterRow = Qm['specificFilters'][number];
export type QmSaRow = Qm['securityAssociations'][number];

export interface Column<R> {
  readonly key: keyof R & string;
  readonly title: string;
  readonly numeric?: boolean;
}

export const MM_GENERIC: Column<MmFilterRow>[] = [
  { key: 'name', title: 'Name' },
  { key: 'source', title: 'Source' },
  { key: 'destination', title: 'Destination' },
  { key: 'ikePolicy', title: 'IKE Policy' },
  { key: 'authentication', title: 'Authentication Methods' },
  { key: 'connectionType', title: 'Connection Type' },
];

/** A main mode specific filter: the addresses of a quick mode one, with its IKE policy and authentication. */
export interface MmSpecificRow {
  readonly name: string;
  readonly source: string;
  readonly destination: string;
  readonly direction: string;
  readonly ikePolicy: string;
  readonly authentication: string;
}

export const MM_SPECIFIC: Column<MmSpecificRow>[] = [
  { key: 'name', title: 'Name' },
  { key: 'source', title: 'Source' },
  { key: 'destination', title: 'Destination' },
  { key: 'direction', title: 'Direction' },
  { key: 'ikePolicy', title: 'IKE Policy' },
  { key: 'authentication', title: 'Authentication Methods' },
];

export const MM_SAS: Column<MmSaRow>[] = [
  { key: 'me', title: 'Me' },
  { key: 'peer', title: 'Peer' },
  { key: 'authentication', title: 'Authentication' },
  { key: 'encryption', title: 'Encryption' },
  { key: 'integrity', title: 'Integrity' },
  { key: 'diffieHellman', title: 'Diffie-Hellman' },
];

const QM_FILTER: Column<QmFilterRow>[] = [
  { key: 'name', title: 'Name' },
  { key: 'source', title: 'Source' },
  { key: 'destination', title: 'Destination' },
  { key: 'sourcePort', title: 'Source Port' },
  { key: 'destinationPort', title: 'Destination Port' },
  { key: 'protocol', title: 'Protocol' },
  { key: 'inboundAction', title: 'Inbound Action' },
  { key: 'outboundAction', title: 'Outbound Action' },
  { key: 'negotiationPolicy', title: 'Negotiation Policy' },
  { key: 'connectionType', title: 'Connection Type' },
];

export const QM_GENERIC: Column<QmFilterRow>[] = QM_FILTER;

export const QM_SPECIFIC: Column<SpecificFilterRow>[] = [
  ...QM_FILTER.slice(0, 3),
  { key: 'direction', title: 'Direction' },
  ...QM_FILTER.slice(3),
  { key: 'weight', title: 'Weight', numeric: true },
];

export const QM_SAS: Column<QmSaRow>[] = [
  { key: 'filterName', title: 'Filter Name' },
  { key: 'me', title: 'Me' },
  { key: 'mePort', title: 'Me Port' },
  { key: 'peer', title: 'Peer' },
  { key: 'peerPort', title: 'Peer Port' },
  { key: 'tunnelEndpoint', title: 'Tunnel Endpoint' },
  { key: 'protocol', title: 'Protocol' },
  { key: 'ahIntegrity', title: 'AH Integrity' },
  { key: 'espConfidentiality', title: 'ESP Confidentiality' },
  { key: 'espIntegrity', title: 'ESP Integrity' },
];

/** A policy named by the filters that use it: all the data says of IKE and negotiation policies. */
export interface PolicyRow {
  readonly name: string;
  readonly filters: string;
}

export const POLICIES: Column<PolicyRow>[] = [
  { key: 'name', title: 'Name' },
  { key: 'filters', title: 'Used by Filters' },
];

export function policiesOf<R extends { readonly name: string }>(rows: readonly R[], policy: (row: R) => string): PolicyRow[] {
  const byPolicy = new Map<string, string[]>();
  for (const row of rows) {
    const name = policy(row);
    if (!name) continue;
    const list = byPolicy.get(name) ?? [];
    if (!list.includes(row.name)) list.push(row.name);
    byPolicy.set(name, list);
  }
  return [...byPolicy].map(([name, filters]) => ({ name, filters: filters.join(', ') }));
}

/**
 * Main mode specific filters from the data there is: each quick mode specific filter's addresses
 * and direction (ports and protocol do not take part in main mode), with the IKE policy and
 * authentication of the main mode generic filter of the same name.
 */
export function mmSpecificRows(view: MonitorView): MmSpecificRow[] {
  const generic = new Map(view.mainMode.genericFilters.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const rows: MmSpecificRow[] = [];
  for (const f of view.quickMode.specificFilters) {
    const g = generic.get(f.name);
    const key = `${f.name}|${f.source}|${f.destination}|${f.direction}`;
    if (!g || seen.has(key)) continue;
    seen.add(key);
    rows.push({ name: f.name, source: f.source, destination: f.destination, direction: f.direction, ikePolicy: g.ikePolicy, authentication: g.authentication });
  }
  return rows;
}
