/**
 * `show config` (netsh-ipsec-2003.md §3.2): the seven properties of the 2003 build, labelled
 * with the keywords `set config` takes, values in the form `value=` takes them. [R layout]
 * Only Server 2003 has netsh ipsec, so there is no other version's form to print.
 */
import { formatBootExemption } from './config.js';
import { CONFIG_LABEL, HEADING } from './labels.js';
import { heading, joinBlocks, labelLine, labelLines } from './layout.js';
import type { IpsecConfig } from './types.js';

export function configBlock(config: IpsecConfig): string[] {
  return [
    ...heading(HEADING.config),
    labelLine(CONFIG_LABEL.ipsecdiagnostics, config.ipsecdiagnostics),
    labelLine(CONFIG_LABEL.ikelogging, config.ikelogging),
    labelLine(CONFIG_LABEL.strongcrlcheck, config.strongcrlcheck),
    labelLine(CONFIG_LABEL.ipsecloginterval, config.ipsecloginterval),
    labelLine(CONFIG_LABEL.ipsecexempt, config.ipsecexempt),
    labelLine(CONFIG_LABEL.bootmode, config.bootmode),
    ...labelLines(CONFIG_LABEL.bootexemptions, config.bootexemptions.map(formatBootExemption), 'none'),
  ];
}

export function showConfig(config: IpsecConfig): string {
  return joinBlocks([configBlock(config)]);
}
