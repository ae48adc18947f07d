/**
 * `netsh ipsec dynamic` add/set/delete and `set config` as operations on the host's live SPD
 * (engine/spd). Each returns the new SPD or the error netsh prints; the input is never changed.
 */
import { errors, fail, ok, type IpsecError, type Result } from '../../ipsec/index.js';
import * as spdOps from '../../spd/index.js';
import type { RuleIdentityInput, Spd, SpdError, SpdResult } from '../../spd/index.js';
import type { AddressValue } from '../grammar.js';
import type { NetshRequest, RequestArgs } from '../requests.js';
import { authMethods, filterAddress, type Resolver } from './convert.js';

export type DynamicEdit = Extract<NetshRequest, { command: `dynamic.${'add' | 'set' | 'delete'}.${string}` }>;

export function isDynamicEdit(request: NetshRequest): request is DynamicEdit {
  return /^dynamic\.(add|set|delete)\./.test(request.command);
}

/** The SPD takes an IPv4 tunnel end; a DNS name is resolved here, as netsh does before calling it. */
function tunnelAddress(value: AddressValue | undefined, resolve: Resolver): Result<string | null, IpsecError> {
  if (value === undefined) return ok(null);
  if (value.kind === 'ip') return ok(value.ip);
  const name = value.kind === 'dns' ? value.name : value.kind;
  const address = value.kind === 'dns' ? resolve(value.name)[0] : undefined;
  return address === undefined ? fail(errors.invalidTunnel(name)) : ok(address);
}

type IdentityArgs = RequestArgs<'dynamic.delete.rule'>;

/** The values that find a rule, with masks folded into the addresses and names resolved. */
function identity(args: IdentityArgs, resolve: Resolver): Result<RuleIdentityInput, IpsecError> {
  const srcaddr = filterAddress(args.srcaddr, args.srcmask, resolve);
  if (!srcaddr.ok) return srcaddr;
  const dstaddr = filterAddress(args.dstaddr, args.dstmask, resolve);
  if (!dstaddr.ok) return dstaddr;
  const tunnel = tunnelAddress(args.tunneldstaddress, resolve);
  if (!tunnel.ok) return tunnel;
  return ok({
    srcaddr: srcaddr.value,
    dstaddr: dstaddr.value,
    protocol: args.protocol.number,
    srcport: args.srcport,
    dstport: args.dstport,
    mirrored: args.mirrored,
    conntype: args.conntype,
    tunneldstaddress: tunnel.value,
  });
}

function withIdentity(args: IdentityArgs, resolve: Resolver, op: (input: RuleIdentityInput) => SpdResult): SpdResult {
  const input = identity(args, resolve);
  return input.ok ? op(input.value) : input;
}

function setConfig(spd: Spd, args: RequestArgs<'dynamic.set.config'>): SpdResult {
  const config = spdOps.setConfig(spd.config, args.property, args.value);
  return config.ok ? ok({ ...spd, config: config.value }) : config;
}

/** What add/set rule change besides the identity: policies, actions, methods in typed order. */
function settings(request: Extract<DynamicEdit, { command: 'dynamic.add.rule' | 'dynamic.set.rule' }>): spdOps.RuleSettings {
  const { args, given } = request;
  return {
    mmpolicy: args.mmpolicy,
    qmpolicy: args.qmpolicy,
    actioninbound: args.actioninbound,
    actionoutbound: args.actionoutbound,
    authMethods: authMethods(args, given),
  };
}

export function editSpd(spd: Spd, request: DynamicEdit, resolve: Resolver): Result<Spd, SpdError> {
  switch (request.command) {
    case 'dynamic.add.mmpolicy':
      return spdOps.addMmPolicy(spd, request.args);
    case 'dynamic.set.mmpolicy':
      return spdOps.setMmPolicy(spd, request.args);
    case 'dynamic.add.qmpolicy':
      return spdOps.addQmPolicy(spd, request.args);
    case 'dynamic.set.qmpolicy':
      return spdOps.setQmPolicy(spd, request.args);
    case 'dynamic.delete.mmpolicy':
      return request.args.all ? spdOps.deleteAllMmPolicies(spd) : spdOps.deleteMmPolicy(spd, request.args.name ?? '');
    case 'dynamic.delete.qmpolicy':
      return request.args.all ? spdOps.deleteAllQmPolicies(spd) : spdOps.deleteQmPolicy(spd, request.args.name ?? '');
    case 'dynamic.add.rule':
      return withIdentity(request.args, resolve, (input) => spdOps.addRule(spd, { ...input, ...settings(request) }));
    case 'dynamic.set.rule':
      return withIdentity(request.args, resolve, (input) => spdOps.setRule(spd, { ...input, ...settings(request) }));
    case 'dynamic.delete.rule':
      return withIdentity(request.args, resolve, (input) => spdOps.deleteRule(spd, input));
    case 'dynamic.delete.all':
      return spdOps.deleteAll(spd);
    case 'dynamic.set.config':
      return setConfig(spd, request.args);
  }
}
