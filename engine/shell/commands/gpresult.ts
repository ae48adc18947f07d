import type { World } from '../../model/world.js';
import type { Host } from '../../model/host.js';
import { versionFacts } from '../../model/windows-version.js';
import { labDate, labTime } from '../../text/lab-time.js';
import { printed, type ShellCommand } from '../command.js';

const USAGE = [
  'GPRESULT [/S system [/U username [/P [password]]]] [/SCOPE scope]',
  '           [/USER targetusername] [/V | /Z]',
  '',
  'Description:',
  '    This command line tool displays the Resultant Set of Policy (RSoP)',
  '    information for a target user and computer.',
].join('\n');

function osConfiguration(host: Host): string {
  if (host.roles.includes('domain-controller')) return 'Primary Domain Controller';
  const kind = host.version === 'XP' ? 'Workstation' : 'Server';
  return host.domain ? `Member ${kind}` : `Standalone ${kind}`;
}

function header(world: World, host: Host): string[] {
  const netbios = host.domain ? (world.directory.domains[host.domain]?.netbiosName ?? host.domain) : host.name;
  return [
    '',
    'Microsoft (R) Windows (R) Operating System Group Policy Result tool v2.0',
    'Copyright (C) Microsoft Corp. 1981-2001',
    '',
    `Created On ${labDate(world.clock)} at ${labTime(world.clock)}`,
    '',
    '',
    `RSOP data for ${netbiosNameOf(netbios)}\\Administrator on ${host.name} : Logging Mode`,
    '-'.repeat(45 + host.name.length),
    '',
    `OS Type:                     Microsoft(R) ${versionFacts(host.version).productName}`,
    `OS Configuration:            ${osConfiguration(host)}`,
    `OS Version:                  ${versionFacts(host.version).verLine.replace(/.*Version ([\d.]+)\]/, '$1')}`,
    `Site Name:                   ${host.domain ? world.directory.site.name : 'N/A'}`,
    'Roaming Profile:             N/A',
    'Local Profile:               C:\\Documents and Settings\\Administrator',
    'Connected over a slow link?: No',
    '',
  ];
}

function netbiosNameOf(name: string): string {
  return name.toUpperCase();
}

function computerSection(world: World, host: Host): string[] {
  const domain = host.domain ? world.directory.domains[host.domain] : undefined;
  const dn = `CN=${host.name},${host.ou ?? (domain ? `CN=Computers,${domain.dn}` : '')}`;
  const applied = host.gp.appliedGpos.map((id) => domain?.gpos[id]?.name ?? id);
  const lines = ['', 'COMPUTER SETTINGS', '-'.repeat(18), `    ${dn}`];
  if (host.gp.lastRefresh !== null && domain) {
    lines.push(
      `    Last time Group Policy was applied: ${labDate(host.gp.lastRefresh)} at ${labTime(host.gp.lastRefresh)}`,
      `    Group Policy was applied from:      ${domain.dc.toLowerCase()}.${domain.name}`,
      '    Group Policy slow link threshold:   500 kbps',
      `    Domain Name:                        ${domain.netbiosName}`,
      '    Domain Type:                        Windows 2000',
    );
  }
  lines.push('', '    Applied Group Policy Objects', '    ' + '-'.repeat(29));
  // gpresult lists the winning GPO first: the reverse of processing order.
  for (const name of [...applied].reverse()) lines.push(`        ${name}`);
  if (applied.length === 0) lines.push('        N/A');
  lines.push(
    '',
    '    The following GPOs were not applied because they were filtered out',
    '    ' + '-'.repeat(67),
    '        Local Group Policy',
    '            Filtering:  Not Applied (Empty)',
  );
  return lines;
}

/** gpresult (XP and 2003): which GPOs applied to the computer at its last refresh, and when. */
export const gpresult: ShellCommand = {
  name: 'gpresult',
  summary: 'Displays Group Policy information for machine or user.',
  usage: USAGE,
  builtIn: false,
  versions: ['XP', '2003'],
  run({ world, host }, args) {
    const option = args.trim().toLowerCase();
    if (option === '/?') return printed(USAGE);
    if (option !== '' && !/^(\/scope computer|\/v|\/z)( \/scope computer)?$/.test(option)) {
      return printed(`ERROR: Invalid argument/option - '${args.trim().split(/\s+/)[0] ?? ''}'.`, 'Type "GPRESULT /?" for usage.');
    }
    return printed(...header(world, host), ...computerSection(world, host));
  },
};
