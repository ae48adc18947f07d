/**
 * `netsh ipsec dynamic dump`: a script that rebuilds the SPD — the seven config values, then
 * `delete all`, the main and quick mode policies, and one `add rule` per quick mode filter
 * (each rule brings its main mode filter back, as `add rule` made it). [R layout]
 */
import { formatMmOffers, formatQmOffers } from '../../ipsec/index.js';
import { formatBootExemption, mmFilterOf, type IpsecConfig, type MmPolicy, type QmFilter, type QmPolicy, type Spd } from '../../spd/index.js';
import { addressTags, authTags, line, protocolText, quoted, section, yesNo } from './dump-format.js';

export const DYNAMIC_DUMP_TITLE = 'IPsec dynamic configuration';

function configLines(config: IpsecConfig): string[] {
  const exemptions = config.bootexemptions.map(formatBootExemption).join(' ');
  const values: readonly [string, string][] = [
    ['ipsecdiagnostics', String(config.ipsecdiagnostics)],
    ['ikelogging', String(config.ikelogging)],
    ['strongcrlcheck', String(config.strongcrlcheck)],
    ['ipsecloginterval', String(config.ipsecloginterval)],
    ['ipsecexempt', String(config.ipsecexempt)],
    ['bootmode', config.bootmode],
    ['bootexemptions', exemptions === '' ? 'none' : quoted(exemptions)],
  ];
  return values.map(([property, value]) => `set config property=${property} value=${value}`);
}

function mmPolicyLine(policy: MmPolicy): string {
  return line(`add mmpolicy name=${quoted(policy.name)}`, [
    `qmpermm=${policy.qmpermm}`,
    `mmlifetime=${policy.mmlifetime}`,
    `softsaexpirationtime=${policy.softsaexpirationtime}`,
    `mmsecmethods=${quoted(formatMmOffers(policy.offers))}`,
  ]);
}

function qmPolicyLine(policy: QmPolicy): string {
  return line(`add qmpolicy name=${quoted(policy.name)}`, [
    `soft=${yesNo(policy.soft)}`,
    `pfsgroup=${policy.pfsgroup}`,
    `qmsecmethods=${quoted(formatQmOffers(policy.offers))}`,
  ]);
}

/** The policy a filter names; a filter on the default policy names it too (netsh has no other way). */
function policyName<P extends { readonly id: string; readonly name: string; readonly isDefault: boolean }>(policies: readonly P[], id: string | null): string | undefined {
  return (id === null ? policies.find((p) => p.isDefault) : policies.find((p) => p.id === id))?.name;
}

function ruleLine(spd: Spd, filter: QmFilter): string {
  const mm = mmFilterOf(spd, filter);
  const mmName = policyName(spd.mmPolicies, mm?.mmPolicyId ?? null) ?? '';
  const qmName = filter.qmPolicyId === null ? undefined : policyName(spd.qmPolicies, filter.qmPolicyId);
  return line('add rule', [
    ...addressTags('src', filter.srcaddr),
    ...addressTags('dst', filter.dstaddr),
    `mmpolicy=${quoted(mmName)}`,
    qmName === undefined ? null : `qmpolicy=${quoted(qmName)}`,
    `protocol=${protocolText(filter.protocol)}`,
    `srcport=${filter.srcport}`,
    `dstport=${filter.dstport}`,
    `mirrored=${yesNo(filter.mirrored)}`,
    `conntype=${filter.conntype}`,
    `actioninbound=${filter.actioninbound}`,
    `actionoutbound=${filter.actionoutbound}`,
    filter.mode === 'tunnel' ? `tunneldstaddress=${filter.tunnelDst}` : null,
    ...authTags(mm?.authMethods ?? []),
  ]);
}

/** The commands that rebuild `spd`, inside its banner. */
export function dynamicDump(spd: Spd): string[] {
  const body = [
    ...configLines(spd.config),
    'delete all',
    ...spd.mmPolicies.map(mmPolicyLine),
    ...spd.qmPolicies.map(qmPolicyLine),
    ...spd.qmFilters.map((f) => ruleLine(spd, f)),
  ];
  return section(DYNAMIC_DUMP_TITLE, 'ipsec dynamic', body);
}
