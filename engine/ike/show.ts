import type { DhGroup } from '../ipsec/types.js';
import { labDate, labTime } from '../text/lab-time.js';
import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS, type IkeHostState, type MainModeSa, type QuickModeSa } from './types.js';

/*
 * `netsh ipsec dynamic show mmsas | qmsas | stats` (reference §4.5–4.7). The layouts are [R]
 * except the counter names; every label, width and "none" text sits in the constants below.
 */

export interface IkeShowOptions {
  /** `resolvedns=yes`: reverse lookup of an address; undefined = print the address. */
  readonly resolveDns?: (address: string) => string | undefined;
  /** Simulated ms as Windows prints it; default the lab clock (engine/text/lab-time). */
  readonly formatTime?: (ms: number) => string;
  readonly format?: 'list' | 'table';
  /** `srcaddr=` / `dstaddr=` / `protocol=` filters of show mmsas / qmsas. */
  readonly srcaddr?: string;
  readonly dstaddr?: string;
  readonly protocol?: number;
}

const RULE = '-'.repeat(62);
const MM_LABEL_WIDTH = 19;
const QM_LABEL_WIDTH = 24;
const STATS_LABEL_WIDTH = 32;
const IKE_PORT = 500;
/** What netsh prints when there is nothing to list [? §4.5]. */
export const NO_SAS = 'No SAs';
const DH: Record<DhGroup, string> = { 1: 'Low(1)', 2: 'Medium(2)', 3: 'DH2048(3)' };
const PROTOCOLS: Readonly<Record<number, string>> = { 0: 'ANY', 1: 'ICMP', 6: 'TCP', 17: 'UDP', 255: 'RAW' };
const OFFER_HEADER = 'AH(b/r)   ESP Con(b/r)  ESP Int   PFS DH Group';
const OFFER_WIDTHS = [10, 14, 10] as const;

function defaultTime(ms: number): string {
  return `${labDate(ms)} ${labTime(ms)}`;
}

function label(text: string, width: number, value: string): string {
  return `${text.padEnd(width)}: ${value}`;
}

function addressText(address: string, options: IkeShowOptions): string {
  return options.resolveDns?.(address) ?? address;
}

function text(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

/* show mmsas */

function mmEndpoint(address: string, options: IkeShowOptions): string {
  return `${addressText(address, options).padEnd(15)}, port ${String(IKE_PORT).padStart(4)}`;
}

function secMethods(sa: MainModeSa): string {
  return `${sa.offer.encryption}/${sa.offer.integrity}/${sa.offer.dhGroup}/${sa.lifetimeSeconds}`;
}

function mmBlock(sa: MainModeSa, options: IkeShowOptions): string[] {
  return [
    label('Cookie Pair', MM_LABEL_WIDTH, `${sa.initiatorCookie}:${sa.responderCookie}`),
    label('Sec Methods', MM_LABEL_WIDTH, secMethods(sa)),
    label('Auth Mode', MM_LABEL_WIDTH, sa.authMethod),
    label('Source', MM_LABEL_WIDTH, mmEndpoint(sa.localAddress, options)),
    label('Destination', MM_LABEL_WIDTH, mmEndpoint(sa.peerAddress, options)),
    RULE,
  ];
}

function mmRow(sa: MainModeSa, options: IkeShowOptions): string {
  const cells = [`${sa.initiatorCookie}:${sa.responderCookie}`.padEnd(35), secMethods(sa).padEnd(20), sa.authMethod.padEnd(15)];
  return `${cells.join('')}${addressText(sa.localAddress, options).padEnd(17)}${addressText(sa.peerAddress, options)}`;
}

/** `show mmsas`: the SAs with their time stamp; `format=table` gives one line each [R]. */
export function showMmsas(state: IkeHostState, now: number, options: IkeShowOptions = {}): string {
  const sas = state.mmSas.filter(
    (sa) => (options.srcaddr === undefined || sa.localAddress === options.srcaddr) && (options.dstaddr === undefined || sa.peerAddress === options.dstaddr),
  );
  const title = `Main Mode SAs at ${(options.formatTime ?? defaultTime)(now)}`;
  if (sas.length === 0) return text([title, NO_SAS]);
  if (options.format === 'table') {
    const header = `${'Cookie Pair'.padEnd(35)}${'Sec Methods'.padEnd(20)}${'Auth Mode'.padEnd(15)}${'Source'.padEnd(17)}Destination`;
    return text([title, '', header, '-'.repeat(header.length), ...sas.map((sa) => mmRow(sa, options))]);
  }
  return text([title, RULE, ...sas.flatMap((sa) => mmBlock(sa, options))]);
}

/* show qmsas */

interface QmView {
  readonly sa: QuickModeSa;
  readonly outbound: boolean;
}

function selectorAddress(address: string, mask: string, options: IkeShowOptions): string {
  const shown = addressText(address, options);
  return mask === '255.255.255.255' ? shown : `${shown}/${mask}`;
}

function offerCells(sa: QuickModeSa): string[] {
  const esp = sa.offer?.esp ?? null;
  const ah = sa.offer?.ah ? `${sa.offer.ah}/0/0` : 'None';
  // b/r = key length in bits / rounds, 0 for DES, 3DES, MD5 and SHA1 [R].
  const conf = esp && esp.confidentiality !== 'None' ? `${esp.confidentiality}/0/0` : 'None';
  const integ = esp ? esp.integrity : 'None';
  const pfs = sa.pfsGroup === null ? 'None' : DH[sa.pfsGroup];
  return [ah, conf, integ, pfs];
}

function offerRow(sa: QuickModeSa): string {
  const [ah = '', conf = '', integ = '', pfs = ''] = offerCells(sa);
  return `${ah.padEnd(OFFER_WIDTHS[0])}${conf.padEnd(OFFER_WIDTHS[1])}${integ.padEnd(OFFER_WIDTHS[2])}${pfs}`;
}

function ends(view: QmView): { src: [string, string]; dst: [string, string]; srcPort: number; dstPort: number } {
  const s = view.sa.selector;
  return view.outbound
    ? { src: [s.srcAddress, s.srcMask], dst: [s.dstAddress, s.dstMask], srcPort: s.srcPort, dstPort: s.dstPort }
    : { src: [s.dstAddress, s.dstMask], dst: [s.srcAddress, s.srcMask], srcPort: s.dstPort, dstPort: s.srcPort };
}

function qmBlock(view: QmView, options: IkeShowOptions): string[] {
  const { sa } = view;
  const e = ends(view);
  const tunnel = sa.tunnel
    ? [
        label('Tunnel Source', QM_LABEL_WIDTH, addressText(view.outbound ? sa.tunnel.local : sa.tunnel.peer, options)),
        label('Tunnel Destination', QM_LABEL_WIDTH, addressText(view.outbound ? sa.tunnel.peer : sa.tunnel.local, options)),
      ]
    : [];
  return [
    sa.tunnel ? 'Tunnel Filter' : 'Transport Filter',
    label('Source Address', QM_LABEL_WIDTH, selectorAddress(e.src[0], e.src[1], options)),
    label('Destination Address', QM_LABEL_WIDTH, selectorAddress(e.dst[0], e.dst[1], options)),
    label('Protocol', QM_LABEL_WIDTH, PROTOCOLS[sa.selector.protocol] ?? String(sa.selector.protocol)),
    label('Source Port', QM_LABEL_WIDTH, String(e.srcPort)),
    label('Destination Port', QM_LABEL_WIDTH, String(e.dstPort)),
    ...tunnel,
    label('Direction', QM_LABEL_WIDTH, view.outbound ? 'Outbound' : 'Inbound'),
    label('Policy Name', QM_LABEL_WIDTH, sa.filter.filterActionName),
    'Offer Used :',
    OFFER_HEADER,
    offerRow(sa),
  ];
}

function qmRow(view: QmView, options: IkeShowOptions): string {
  const e = ends(view);
  const proto = PROTOCOLS[view.sa.selector.protocol] ?? String(view.sa.selector.protocol);
  const [ah = '', conf = '', integ = ''] = offerCells(view.sa);
  const cells = [
    selectorAddress(e.src[0], e.src[1], options).padEnd(17),
    selectorAddress(e.dst[0], e.dst[1], options).padEnd(17),
    proto.padEnd(6),
    (view.outbound ? 'Out' : 'In').padEnd(5),
    ah.padEnd(10),
    conf.padEnd(14),
    integ,
  ];
  return cells.join('');
}

function qmViews(state: IkeHostState, options: IkeShowOptions): QmView[] {
  const views = state.qmSas.flatMap((sa) => [
    { sa, outbound: true },
    { sa, outbound: false },
  ]);
  return views.filter((v) => {
    const e = ends(v);
    return (
      (options.srcaddr === undefined || e.src[0] === options.srcaddr) &&
      (options.dstaddr === undefined || e.dst[0] === options.dstaddr) &&
      (options.protocol === undefined || v.sa.selector.protocol === options.protocol)
    );
  });
}

/** `show qmsas`: each pair as its outbound and inbound SA; soft SAs with no algorithms [R]. */
export function showQmsas(state: IkeHostState, options: IkeShowOptions = {}): string {
  const views = qmViews(state, options);
  const title = ['Quick Mode SAs', '--------------'];
  if (views.length === 0) return text([...title, NO_SAS]);
  if (options.format === 'table') {
    const header = `${'Source'.padEnd(17)}${'Destination'.padEnd(17)}${'Proto'.padEnd(6)}${'Dir'.padEnd(5)}${'AH(b/r)'.padEnd(10)}${'ESP Con(b/r)'.padEnd(14)}ESP Int`;
    return text([...title, header, ...views.map((v) => qmRow(v, options))]);
  }
  const blocks = views.map((v) => qmBlock(v, options));
  return text([...title, ...blocks.flatMap((b, i) => (i === 0 ? b : ['', ...b]))]);
}

/* show stats */

function statLines(title: string, names: readonly string[], values: Readonly<Record<string, number>>): string[] {
  return [title, '-'.repeat(title.length), ...names.map((n) => label(n, STATS_LABEL_WIDTH, String(values[n] ?? 0)))];
}

/** `show stats [type=ike|ipsec]`: both blocks when no type is given (§4.7, §3.3). */
export function showStats(state: IkeHostState, type?: 'ike' | 'ipsec'): string {
  const ike = statLines('IKE Main Mode Statistics', MAIN_MODE_COUNTERS, state.stats.mainMode);
  const ipsec = statLines('IPsec Quick Mode Statistics', QUICK_MODE_COUNTERS, state.stats.quickMode);
  if (type === 'ike') return text(ike);
  if (type === 'ipsec') return text(ipsec);
  return text([...ike, '', ...ipsec]);
}
