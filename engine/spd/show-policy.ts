/* `show mmpolicy` and `show qmpolicy` (netsh-ipsec-2003.md §3.3): `name=` or `all`. [R layout] */
import { fail, ok, type Result } from '../ipsec/result.js';
import { spdError, type SpdError } from './errors.js';
import { mmMethodLines, qmMethodLines } from './format.js';
import { EMPTY, HEADING, LABEL, mmLifetimeValue, PFS_GROUP, secondsValue } from './labels.js';
import { joinBlocks, labelLine, section, userText, yesNo } from './layout.js';
import { findMmPolicy, findQmPolicy } from './lookup.js';
import type { MmPolicy, QmPolicy, Spd } from './types.js';

export interface ShowPolicyOptions {
  /** One policy by name; omitted = `all`. */
  readonly name?: string;
}

export function mmPolicyBlock(policy: MmPolicy): string[] {
  return [
    labelLine(LABEL.mmPolicyName, userText(policy.name)),
    labelLine(LABEL.defaultMmPolicy, yesNo(policy.isDefault)),
    labelLine(LABEL.softSaExpiration, secondsValue(policy.softsaexpirationtime)),
    labelLine(LABEL.mmLifetime, mmLifetimeValue(policy.mmlifetime, policy.qmpermm)),
    HEADING.mmMethods,
    ...mmMethodLines(policy.offers),
  ];
}

export function qmPolicyBlock(policy: QmPolicy): string[] {
  return [
    labelLine(LABEL.qmPolicyName, userText(policy.name)),
    labelLine(LABEL.defaultQmPolicy, yesNo(policy.isDefault)),
    labelLine(LABEL.softAssociation, yesNo(policy.soft)),
    labelLine(LABEL.pfsGroup, PFS_GROUP[policy.pfsgroup]),
    HEADING.qmMethods,
    ...qmMethodLines(policy.offers),
  ];
}

export function mmPolicySection(policies: readonly MmPolicy[]): string[][] {
  return section(HEADING.mmPolicies, policies.map(mmPolicyBlock), EMPTY.mmPolicies);
}

export function qmPolicySection(policies: readonly QmPolicy[]): string[][] {
  return section(HEADING.qmPolicies, policies.map(qmPolicyBlock), EMPTY.qmPolicies);
}

export function showMmPolicy(spd: Spd, options: ShowPolicyOptions = {}): Result<string, SpdError> {
  if (options.name === undefined) return ok(joinBlocks(mmPolicySection(spd.mmPolicies)));
  const policy = findMmPolicy(spd, options.name);
  return policy ? ok(joinBlocks(mmPolicySection([policy]))) : fail(spdError('mm-policy-not-found'));
}

export function showQmPolicy(spd: Spd, options: ShowPolicyOptions = {}): Result<string, SpdError> {
  if (options.name === undefined) return ok(joinBlocks(qmPolicySection(spd.qmPolicies)));
  const policy = findQmPolicy(spd, options.name);
  return policy ? ok(joinBlocks(qmPolicySection([policy]))) : fail(spdError('qm-policy-not-found'));
}
