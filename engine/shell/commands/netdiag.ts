import { effectivePolicy, type PolicyInForce } from '../../gp/effective-policy.js';
import { filterAddressMask } from '../../ipsec/address.js';
import { filterActionById, filterListById } from '../../ipsec/store-lookup.js';
import type { Filter, FilterAddress } from '../../ipsec/types.js';
import type { Host } from '../../model/host.js';
import { directoryPolicyDn, localPolicyDn, objectGuid } from '../../ipsec/show/guid.js';
import { printed, type ShellCommand } from '../command.js';

const TEST_LINE = 'IP Security test . . . . . . . . . :';
const USAGE = ['Usage: netdiag [/q] [/v] [/l] [/debug] [/d:DomainName] [/fix] [/test:<test name>]', '', '    /test:IPSec - IP Security test'].join('\n');

/** The address the SPD holds for one end of a filter: `me` becomes the host's own address. */
function spdAddress(address: FilterAddress, host: Host): string {
  switch (address.kind) {
    case 'me':
      return host.nic.address;
    case 'any':
      return '0.0.0.0';
    case 'host':
    case 'subnet':
      return address.address;
    case 'range':
      return address.from;
    case 'server':
      return address.server === 'GATEWAY' ? (host.nic.gateway ?? '0.0.0.0') : (host.nic.dnsServers[0] ?? '0.0.0.0');
    case 'dns':
      return address.addresses[0] ?? '0.0.0.0';
  }
}

function filterLines(host: Host, filter: Filter, policyId: string, key: string, flags: string): string[] {
  const col = (label: string, value: string) => `${label} : ${value}`.padEnd(29);
  return [
    '    No Name',
    `      Filter Id: ${objectGuid(key)}`,
    `      Policy Id: ${objectGuid(policyId)}`,
    `      ${col('Src Addr ', spdAddress(filter.srcaddr, host))}${col('Src Mask ', filterAddressMask(filter.srcaddr))}`.trimEnd(),
    `      ${col('Dest Addr', spdAddress(filter.dstaddr, host))}${col('Dest Mask', filterAddressMask(filter.dstaddr))}`.trimEnd(),
    `      ${col('Tunnel Addr', '0.0.0.0')}Src Port  : ${filter.srcport}        Dest Port : ${filter.dstport}`,
    `      ${col('Protocol', String(filter.protocol))}TunnelFilter: No`,
    `      Flags : ${flags}`,
  ];
}

/** Every filter of the policy as the SPD holds it: an outbound one, and inbound too when mirrored. */
function filterDump(host: Host, active: PolicyInForce): string[] {
  const out: string[] = [];
  let count = 0;
  active.policy.rules.forEach((rule) => {
    if (rule.isDefaultResponse || !rule.activate) return;
    const list = filterListById(active.store, rule.filterListId);
    const action = filterActionById(active.store, rule.filterActionId);
    const verb = action?.action === 'block' ? 'Block' : action?.action === 'permit' ? 'Pass' : 'Negotiate';
    list?.filters.forEach((filter, i) => {
      const key = `${rule.id}/${i}`;
      out.push(...filterLines(host, filter, active.policy.id, `${key}/out`, `Outbound ${verb}`));
      count++;
      if (filter.mirrored) {
        const back = { ...filter, srcaddr: filter.dstaddr, dstaddr: filter.srcaddr, srcport: filter.dstport, dstport: filter.srcport };
        out.push(...filterLines(host, back, active.policy.id, `${key}/in`, `Inbound ${verb}`));
        count++;
      }
    });
  });
  return [`    There are ${count} filters`, ...out];
}

function ipsecTest(host: Host, debug: boolean): string[] {
  if (host.version === '2003') {
    return [`${TEST_LINE} Skipped`, '    This version of netdiag has no IPSec test. Use "netsh ipsec dynamic show all" or', '    "netsh ipsec static show gpoassignedpolicy".'];
  }
  if (!host.policyAgent.running) return [`${TEST_LINE} Failed`, '    IPSec policy service is not started.'];
  const active = effectivePolicy(host).active;
  if (!active) return [`${TEST_LINE} Passed`, '    IPSec policy service is active, but no policy is assigned.'];
  const lines = [`${TEST_LINE} Passed`];
  if (active.source === 'domain') {
    lines.push(`    Directory IPSec Policy Active: '${active.policy.name}'`);
    lines.push(`    IP Security Policy Path: ${directoryPolicyDn(active.policy, host.domain ?? '')}`);
  } else {
    lines.push(`    Local IPSec Policy Active: '${active.policy.name}'`);
    lines.push(`    IP Security Policy Path: ${localPolicyDn(active.policy)}`);
  }
  if (debug) lines.push('', ...filterDump(host, active));
  return lines;
}

/** netdiag from the Support Tools: only its IP Security test is emulated (2000 and XP; skipped on 2003). */
export const netdiag: ShellCommand = {
  name: 'netdiag',
  summary: 'Tests network connectivity and, on Windows 2000 and XP, IPSec policy.',
  usage: USAGE,
  builtIn: false,
  run({ host }, args) {
    const words = args.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.includes('/?')) return printed(USAGE);
    const tests = words.filter((w) => w.startsWith('/test:')).map((w) => w.slice(6));
    const unknown = words.find((w) => !w.startsWith('/test:') && !['/q', '/v', '/l', '/debug'].includes(w));
    if (unknown) return printed(`Error: unrecognized option '${unknown}'`, '', USAGE);
    if (tests.some((t) => t !== 'ipsec')) return printed(`Error: '${tests.find((t) => t !== 'ipsec')}' is not a valid test name.`, '', USAGE);
    return printed(
      '.' .repeat(39),
      '',
      `    Computer Name: ${host.name}`,
      `    DNS Host Name: ${host.name.toLowerCase()}${host.domain ? `.${host.domain}` : ''}`,
      '',
      'Global results:',
      '',
      ...ipsecTest(host, words.includes('/debug') || words.includes('/v')),
      '',
      '',
      'The command completed successfully',
    );
  },
};
