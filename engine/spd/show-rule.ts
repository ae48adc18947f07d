/**
 * `show rule` (netsh-ipsec-2003.md §3.3): each rule as netsh added it, its QM filter joined
 * with its MM filter; transport rules, then tunnel rules, or only the `type=` asked. [R layout]
 */
import { sameFilterAddress } from '../ipsec/address.js';
import type { FilterAddress } from '../ipsec/types.js';
import { addressLines, authLines, portText, protocolText, type DnsResolver } from './format.js';
import { ACTION, CONNECTION_TYPE, EMPTY, HEADING, LABEL, NONE } from './labels.js';
import { joinBlocks, labelLine, section, userText, yesNo } from './layout.js';
import { effectiveMmPolicy, effectiveQmPolicy, mmFilterOf } from './lookup.js';
import type { QmFilter, Spd } from './types.js';

export interface ShowRuleOptions {
  /** Omitted = both kinds. */
  readonly type?: 'tunnel' | 'transport';
  readonly srcaddr?: FilterAddress;
  readonly dstaddr?: FilterAddress;
  readonly protocol?: number;
  readonly srcport?: number;
  readonly dstport?: number;
  readonly resolvedns?: boolean;
  readonly resolve?: DnsResolver;
}

function wanted(f: QmFilter, o: ShowRuleOptions): boolean {
  return (
    (o.srcaddr === undefined || sameFilterAddress(o.srcaddr, f.srcaddr)) &&
    (o.dstaddr === undefined || sameFilterAddress(o.dstaddr, f.dstaddr)) &&
    (o.protocol === undefined || o.protocol === f.protocol) &&
    (o.srcport === undefined || o.srcport === f.srcport) &&
    (o.dstport === undefined || o.dstport === f.dstport)
  );
}

export function ruleBlock(spd: Spd, f: QmFilter, options: ShowRuleOptions): string[] {
  const mm = mmFilterOf(spd, f);
  const mmPolicy = mm ? effectiveMmPolicy(spd, mm) : null;
  const qmPolicy = effectiveQmPolicy(spd, f);
  return [
    ...addressLines(f.srcaddr, f.dstaddr, options.resolve, options.resolvedns === true),
    ...(f.mode === 'tunnel' ? [labelLine(LABEL.tunnelDst, f.tunnelDst)] : []),
    labelLine(LABEL.protocol, protocolText(f.protocol)),
    labelLine(LABEL.srcPort, portText(f.srcport)),
    labelLine(LABEL.dstPort, portText(f.dstport)),
    labelLine(LABEL.mirrored, yesNo(f.mirrored)),
    labelLine(LABEL.connectionType, CONNECTION_TYPE[f.conntype]),
    labelLine(LABEL.mmPolicy, mmPolicy ? userText(mmPolicy.name) : NONE),
    labelLine(LABEL.qmPolicy, qmPolicy ? userText(qmPolicy.name) : NONE),
    labelLine(LABEL.inboundAction, ACTION[f.actioninbound]),
    labelLine(LABEL.outboundAction, ACTION[f.actionoutbound]),
    ...authLines(mm?.authMethods ?? []),
  ];
}

export function ruleSections(spd: Spd, options: ShowRuleOptions = {}): string[][] {
  const part = (mode: QmFilter['mode'], title: string, empty: string) => {
    const blocks = spd.qmFilters.filter((f) => f.mode === mode && wanted(f, options)).map((f) => ruleBlock(spd, f, options));
    return section(title, blocks, empty, blocks.length > 0 ? [labelLine(LABEL.ruleCount, blocks.length)] : []);
  };
  return [
    ...(options.type !== 'tunnel' ? part('transport', HEADING.transportRules, EMPTY.transportRules) : []),
    ...(options.type !== 'transport' ? part('tunnel', HEADING.tunnelRules, EMPTY.tunnelRules) : []),
  ];
}

/** Never fails: rules are found by their values, and no match is an empty listing. */
export function showRule(spd: Spd, options: ShowRuleOptions = {}): string {
  return joinBlocks(ruleSections(spd, options));
}
