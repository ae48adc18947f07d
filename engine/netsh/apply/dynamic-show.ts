/**
 * `netsh ipsec dynamic show …` through engine/spd's layouts. The security associations and
 * statistics come from the IKE engine's state (ike-show.ts); `show all` ends with them.
 */
import type { FilterAddress, IpsecError, Result } from '../../ipsec/index.js';
import type { HostContext } from '../../ipsec/traffic.js';
import * as spd from '../../spd/index.js';
import type { SpdError } from '../../spd/index.js';
import type { AddressValue } from '../grammar.js';
import type { NetshRequest } from '../requests.js';
import type { Performed } from '../state.js';
import { filterAddress, type Resolver } from './convert.js';
import { ikeSections } from './ike-show.js';
import type { Workspace } from './workspace.js';

export type DynamicShow = Extract<
  NetshRequest,
  { command: 'dynamic.show.all' | 'dynamic.show.config' | `dynamic.show.${'mm' | 'qm'}${'policy' | 'filter'}` | 'dynamic.show.rule' }
>;

const SHOWS = new Set<string>([
  'dynamic.show.all',
  'dynamic.show.config',
  'dynamic.show.mmpolicy',
  'dynamic.show.qmpolicy',
  'dynamic.show.mmfilter',
  'dynamic.show.qmfilter',
  'dynamic.show.rule',
]);

export function isDynamicShow(request: NetshRequest): request is DynamicShow {
  return SHOWS.has(request.command);
}

/** What `me` and the server keywords expand to on this host (type=specific). */
function hostContext(ws: Workspace): HostContext {
  const { nic, version } = ws.host;
  return {
    version,
    addresses: [nic.address],
    mask: nic.mask,
    dnsServers: nic.dnsServers,
    winsServers: nic.winsServer ? [nic.winsServer] : [],
    gateways: nic.gateway ? [nic.gateway] : [],
    ipsecexempt: ws.spd().config.ipsecexempt,
  };
}

function reverse(ws: Workspace): spd.DnsResolver {
  return (address) => {
    const host = Object.values(ws.world.hosts).find((h) => h.nic.address === address);
    return host ? (host.domain ? `${host.name}.${host.domain}` : host.name) : null;
  };
}

const listing = (result: Result<string, SpdError>): Performed =>
  result.ok ? { output: result.value, failed: false } : { output: `${spd.formatSpdError(result.error)}\n`, failed: true };

/** An optional address filter of a show command, mask folded in; a bad one is the command's error. */
function optionalAddress(value: AddressValue | undefined, mask: string | undefined, resolve: Resolver): Result<FilterAddress | undefined, IpsecError> {
  return value === undefined ? { ok: true, value: undefined } : filterAddress(value, mask, resolve);
}

type AddressArgs = { readonly srcaddr?: AddressValue | undefined; readonly dstaddr?: AddressValue | undefined; readonly srcmask?: string | undefined; readonly dstmask?: string | undefined };

function addresses(args: AddressArgs, resolve: Resolver): Result<{ srcaddr?: FilterAddress; dstaddr?: FilterAddress }, IpsecError> {
  const src = optionalAddress(args.srcaddr, args.srcmask, resolve);
  if (!src.ok) return src;
  const dst = optionalAddress(args.dstaddr, args.dstmask, resolve);
  if (!dst.ok) return dst;
  return { ok: true, value: { ...(src.value ? { srcaddr: src.value } : {}), ...(dst.value ? { dstaddr: dst.value } : {}) } };
}

type PortArgs = { readonly protocol?: { readonly number: number } | undefined; readonly srcport?: number | undefined; readonly dstport?: number | undefined };

/** The protocol and port values typed, and only those. */
function portValues(args: PortArgs): { protocol?: number; srcport?: number; dstport?: number } {
  return {
    ...(args.protocol ? { protocol: args.protocol.number } : {}),
    ...(args.srcport !== undefined ? { srcport: args.srcport } : {}),
    ...(args.dstport !== undefined ? { dstport: args.dstport } : {}),
  };
}

type Filtered = Extract<DynamicShow, { command: 'dynamic.show.mmfilter' | 'dynamic.show.qmfilter' | 'dynamic.show.rule' }>;

function filtered(ws: Workspace, request: Filtered, resolve: Resolver): Performed {
  const where = addresses(request.args, resolve);
  if (!where.ok) return listing(where);
  const common = { ...where.value, resolvedns: request.args.resolvedns, resolve: reverse(ws) };
  if (request.command === 'dynamic.show.rule') {
    const { type } = request.args;
    return listing({ ok: true, value: spd.showRule(ws.spd(), { ...common, ...portValues(request.args), ...(type ? { type } : {}) }) });
  }
  const { name, type } = request.args;
  const base = { ...common, type, host: hostContext(ws), ...(name !== undefined ? { name } : {}) };
  if (request.command === 'dynamic.show.mmfilter') return listing(spd.showMmFilter(ws.spd(), base));
  const { actioninbound, actionoutbound } = request.args;
  const actions = { ...(actioninbound ? { actioninbound } : {}), ...(actionoutbound ? { actionoutbound } : {}) };
  return listing(spd.showQmFilter(ws.spd(), { ...base, ...portValues(request.args), ...actions }));
}

export function performDynamicShow(ws: Workspace, request: DynamicShow, resolve: Resolver): Performed {
  const current = ws.spd();
  switch (request.command) {
    case 'dynamic.show.all': {
      const objects = spd.showAllSpd(current, { resolvedns: request.args.resolvedns, resolve: reverse(ws), host: hostContext(ws) });
      return listing({ ok: true, value: `${objects}${objects.endsWith('\n') || objects === '' ? '' : '\n'}\n${ikeSections(ws, request.args.resolvedns === true)}` });
    }
    case 'dynamic.show.config':
      return listing({ ok: true, value: spd.showConfig(current.config) });
    case 'dynamic.show.mmpolicy':
      return listing(spd.showMmPolicy(current, request.args.name !== undefined ? { name: request.args.name } : {}));
    case 'dynamic.show.qmpolicy':
      return listing(spd.showQmPolicy(current, request.args.name !== undefined ? { name: request.args.name } : {}));
    default:
      return filtered(ws, request, resolve);
  }
}
