/**
 * `ipseccmd show stats | sas`: the counters and security associations of the host's IKE
 * state. Counter names are the IP Security Monitor's [C:S11][C:S12]; the layout is [R].
 */
import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS, type IkeHostState, type MainModeSa, type QuickModeSa } from '../ike/types.js';
import { formatMmOffer, formatQmOffer } from '../ipsec/index.js';
import { protocolText } from '../spd/index.js';
import { SHOW } from './labels.js';
import { field, section } from './show-spd.js';

const L = SHOW.label;

function counters(title: string, names: readonly string[], values: Readonly<Record<string, number>>): string[] {
  return [title, '-'.repeat(title.length), ...names.map((n) => field(n, values[n] ?? 0, SHOW.statsWidth))];
}

export function showStats(state: IkeHostState): string[] {
  return [
    ...counters(SHOW.heading.ikeStats, MAIN_MODE_COUNTERS, state.stats.mainMode),
    '',
    ...counters(SHOW.heading.ipsecStats, QUICK_MODE_COUNTERS, state.stats.quickMode),
  ];
}

function mmBlock(sa: MainModeSa): string[] {
  return [
    field(L.cookies, `${sa.initiatorCookie}:${sa.responderCookie}`),
    field(L.me, sa.localAddress),
    field(L.peer, sa.peerAddress),
    field(L.auth, sa.authMethod),
    field(L.offers, formatMmOffer(sa.offer)),
    field(L.lifetime, SHOW.seconds(sa.lifetimeSeconds)),
  ];
}

const hex = (spi: number) => spi.toString(16).padStart(8, '0');

function qmBlock(sa: QuickModeSa): string[] {
  const s = sa.selector;
  const offer = sa.offer ? formatQmOffer(sa.offer, { omitDefaultLifetime: true }) : SHOW.softSaAgreed;
  return [
    field(L.source, s.srcAddress),
    field(L.destination, s.dstAddress),
    field(L.protocol, protocolText(s.protocol)),
    field(L.srcPort, s.srcPort),
    field(L.dstPort, s.dstPort),
    ...(sa.tunnel ? [field(L.tunnel, sa.tunnel.peer)] : []),
    field(L.qmPolicy, sa.filter.filterActionName),
    field(L.offers, offer),
    field(L.pfs, sa.pfsGroup === null ? SHOW.noPolicy : `GRP${sa.pfsGroup}`),
    ...(sa.soft ? [] : [field(L.spis, `${hex(sa.inboundSpi)}/${hex(sa.outboundSpi)}`)]),
    field(L.lifetime, SHOW.qmLifetime(sa.lifetimeKBytes, sa.lifetimeSeconds)),
  ];
}

export function showSas(state: IkeHostState): string[] {
  return [
    ...section(SHOW.heading.mmSas, state.mmSas.map(mmBlock), 'main mode security associations'),
    '',
    ...section(SHOW.heading.qmSas, state.qmSas.map(qmBlock), 'quick mode security associations'),
  ];
}
