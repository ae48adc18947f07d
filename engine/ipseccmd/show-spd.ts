/**
 * `ipseccmd show filters | policies | auth`: what the IPSec Security Policies Database holds,
 * read from the host's SPD, in ipseccmd's own layout [R] (labels.ts).
 */
import { filterAddressMask, formatFilterAddress, formatMmOffer, formatQmOffer, type AuthMethod, type FilterAddress } from '../ipsec/index.js';
import { effectiveMmPolicy, effectiveQmPolicy, mmFilterOf, protocolText, type MmFilter, type QmFilter, type Spd } from '../spd/index.js';
import { SHOW } from './labels.js';

const L = SHOW.label;

export function field(label: string, value: string | number, width: number = SHOW.width): string {
  return `${label.padEnd(width)}: ${value}`;
}

/** A heading, its underline, then the blocks with a blank line between them (or the "none" line). */
export function section(title: string, blocks: readonly (readonly string[])[], noneOf: string): string[] {
  const body = blocks.length === 0 ? [SHOW.none(noneOf)] : blocks.flatMap((b, i) => (i === 0 ? [...b] : ['', ...b]));
  return [title, '-'.repeat(title.length), ...body];
}

function address(a: FilterAddress): string {
  if (a.kind === 'me') return SHOW.me;
  if (a.kind === 'any') return SHOW.any;
  const text = formatFilterAddress(a);
  return a.kind === 'host' || a.kind === 'subnet' ? `${text} / ${filterAddressMask(a)}` : text;
}

export function authText(method: AuthMethod): string {
  if (method.kind === 'kerberos') return SHOW.auth.kerberos;
  return method.kind === 'psk' ? SHOW.auth.psk(method.key) : SHOW.auth.certificate(method.rootCa);
}

const yesNo = (b: boolean) => (b ? SHOW.yes : SHOW.no);

function mmFilterBlock(spd: Spd, f: MmFilter): string[] {
  return [
    field(L.name, f.name),
    field(L.connection, SHOW.conntype[f.conntype]),
    field(L.source, address(f.srcaddr)),
    field(L.destination, address(f.dstaddr)),
    field(L.mirrored, yesNo(f.mirrored)),
    field(L.mmPolicy, effectiveMmPolicy(spd, f)?.name ?? SHOW.noPolicy),
    field(L.auth, f.authMethods.map(authText).join(', ')),
  ];
}

function qmFilterBlock(spd: Spd, f: QmFilter): string[] {
  const mm = mmFilterOf(spd, f);
  return [
    field(L.name, f.name),
    field(L.connection, SHOW.conntype[f.conntype]),
    field(L.source, address(f.srcaddr)),
    field(L.destination, address(f.dstaddr)),
    field(L.protocol, protocolText(f.protocol)),
    field(L.srcPort, f.srcport),
    field(L.dstPort, f.dstport),
    field(L.mirrored, yesNo(f.mirrored)),
    ...(f.mode === 'tunnel' ? [field(L.tunnel, f.tunnelDst)] : []),
    field(L.inbound, SHOW.action[f.actioninbound]),
    field(L.outbound, SHOW.action[f.actionoutbound]),
    field(L.qmPolicy, effectiveQmPolicy(spd, f)?.name ?? SHOW.noPolicy),
    field(L.mmPolicy, (mm && effectiveMmPolicy(spd, mm)?.name) ?? SHOW.noPolicy),
  ];
}

export function showFilters(spd: Spd): string[] {
  return [
    ...section(SHOW.heading.mmFilters, spd.mmFilters.map((f) => mmFilterBlock(spd, f)), 'main mode filters'),
    '',
    ...section(SHOW.heading.qmFilters, spd.qmFilters.map((f) => qmFilterBlock(spd, f)), 'quick mode filters'),
  ];
}

/** One offer per line under the first, so long lists stay readable. */
function offerLines(label: string, offers: readonly string[]): string[] {
  return offers.map((o, i) => (i === 0 ? field(label, o) : `${' '.repeat(SHOW.width + 2)}${o}`));
}

export function showPolicies(spd: Spd): string[] {
  const mm = spd.mmPolicies.map((p) => [
    field(L.name, p.name),
    ...offerLines(L.offers, p.offers.map(formatMmOffer)),
    field(L.lifetime, SHOW.minutes(p.mmlifetime)),
    field(L.qmLimit, p.qmpermm),
    field(L.softSa, SHOW.seconds(p.softsaexpirationtime)),
  ]);
  const qm = spd.qmPolicies.map((p) => [
    field(L.name, p.name),
    ...offerLines(L.offers, p.offers.map((o) => formatQmOffer(o))),
    field(L.pfs, p.pfsgroup),
    field(L.soft, yesNo(p.soft)),
  ]);
  return [
    ...section(SHOW.heading.mmPolicies, mm, 'main mode policies'),
    '',
    ...section(SHOW.heading.qmPolicies, qm, 'quick mode policies'),
  ];
}

/** Each distinct list once, in the order filters first use it, with the filters using it. */
export function showAuth(spd: Spd): string[] {
  const lists: { methods: readonly AuthMethod[]; filters: string[] }[] = [];
  for (const f of spd.mmFilters) {
    const same = lists.find((l) => JSON.stringify(l.methods) === JSON.stringify(f.authMethods));
    if (same) same.filters.push(f.name);
    else lists.push({ methods: f.authMethods, filters: [f.name] });
  }
  const blocks = lists.map((list) => [
    ...offerLines(L.usedBy, list.filters),
    ...list.methods.map((m, i) => field(`${L.auth} ${i + 1}`, authText(m))),
  ]);
  return section(SHOW.heading.auth, blocks, 'main mode authentication methods');
}
