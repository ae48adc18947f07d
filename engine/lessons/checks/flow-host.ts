import { effectivePolicy, type PolicyInForce } from '../../gp/effective-policy.js';
import type { IpsecExemptValue } from '../../ipsec/constants.js';
import { matchPacket, type MatchDecision } from '../../ipsec/matching.js';
import type { HostContext, Packet } from '../../ipsec/traffic.js';
import type { AuthMethod, DefaultResponseRule, FilterAction } from '../../ipsec/types.js';
import type { Host } from '../../model/host.js';

/*
 * How one host treats one packet: the winning filter across the policies it enforces (the
 * persistent one and the active one; the most specific filter wins, as within a policy), and
 * whether its default response rule would answer a peer's IKE.
 */

export interface Stance {
  readonly host: Host;
  readonly verdict: MatchDecision['verdict'];
  /** Words for the report: which rule of which policy decided. */
  readonly why: string;
  readonly action: FilterAction | null;
  readonly auth: readonly AuthMethod[];
  /** The active default response rule, if the host enforces a policy with one. */
  readonly responder: DefaultResponseRule | null;
}

/** SEAM(spd): `ipsecexempt` from the host's dynamic config once hosts carry it. */
function ipsecexempt(host: Host): IpsecExemptValue | undefined {
  const value = (host as unknown as { spd?: { config?: { ipsecexempt?: IpsecExemptValue } } }).spd?.config?.ipsecexempt;
  return value;
}

export function hostContext(host: Host): HostContext {
  const exempt = ipsecexempt(host);
  return {
    version: host.version,
    addresses: [host.nic.address],
    mask: host.nic.mask,
    dnsServers: host.nic.dnsServers,
    winsServers: host.nic.winsServer ? [host.nic.winsServer] : [],
    gateways: host.nic.gateway ? [host.nic.gateway] : [],
    ...(exempt !== undefined ? { ipsecexempt: exempt } : {}),
  };
}

function describe(decision: MatchDecision, inForce: PolicyInForce): string {
  const rule = decision.rule?.name ? `rule "${decision.rule.name}"` : `rule ${decision.ruleNumber ?? '?'}`;
  return `${rule} of policy "${inForce.policy.name}" (${inForce.source}), filter action "${decision.filterAction?.name ?? '?'}"`;
}

function responderOf(policies: readonly PolicyInForce[]): DefaultResponseRule | null {
  for (const p of policies) {
    const rule = p.policy.rules.find((r): r is DefaultResponseRule => r.isDefaultResponse && r.activate);
    if (rule) return rule;
  }
  return null;
}

export function stanceOf(host: Host, packet: Packet): Stance {
  const effective = effectivePolicy(host);
  const policies = [effective.persistent, effective.active].filter((p): p is PolicyInForce => p !== null);
  const context = hostContext(host);
  const responder = responderOf(effective.active ? [effective.active] : []);
  let best: { decision: MatchDecision; inForce: PolicyInForce } | null = null;
  for (const inForce of policies) {
    const decision = matchPacket(inForce.store, inForce.policy.name, context, packet);
    if (decision.verdict === 'exempt') return { host, verdict: 'exempt', why: `exempt (${decision.exemption ?? ''})`, action: null, auth: [], responder };
    if (decision.verdict === 'no-match') continue;
    // The most specific filter wins; on a tie the persistent policy, read first, keeps it [R].
    if (!best || (decision.weight ?? 0) > (best.decision.weight ?? 0)) best = { decision, inForce };
  }
  if (!best) {
    const why = policies.length ? 'no filter of its policy matches' : host.policyAgent.running ? 'no IPSec policy in force' : 'IPSEC Services is stopped';
    return { host, verdict: 'no-match', why, action: null, auth: [], responder };
  }
  const { decision, inForce } = best;
  return { host, verdict: decision.verdict, why: describe(decision, inForce), action: decision.filterAction, auth: decision.rule?.authMethods ?? [], responder };
}
