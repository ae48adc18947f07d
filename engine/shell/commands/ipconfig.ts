import type { Host } from '../../model/host.js';
import { printed, type ShellCommand } from '../command.js';

const USAGE = [
  'USAGE:',
  '    ipconfig [/? | /all | /renew [adapter] | /release [adapter] |',
  '              /flushdns | /displaydns | /registerdns |',
  '              /showclassid adapter |',
  '              /setclassid adapter [classid] ]',
  '',
  'where',
  '    adapter         Connection name',
  '                   (wildcard characters * and ? allowed, see examples)',
  '',
  '    Options:',
  '       /?           Display this help message',
  '       /all         Display full configuration information.',
].join('\n');

const INDENT = '        ';

/** Windows' own dotted labels; each is 36 characters, so the values line up. */
const LABELS = {
  hostName: 'Host Name . . . . . . . . . . . . : ',
  dnsSuffix: 'Primary Dns Suffix  . . . . . . . : ',
  nodeType: 'Node Type . . . . . . . . . . . . : ',
  routing: 'IP Routing Enabled. . . . . . . . : ',
  winsProxy: 'WINS Proxy Enabled. . . . . . . . : ',
  searchList: 'DNS Suffix Search List. . . . . . : ',
  connSuffix: 'Connection-specific DNS Suffix  . : ',
  description: 'Description . . . . . . . . . . . : ',
  mac: 'Physical Address. . . . . . . . . : ',
  dhcp: 'DHCP Enabled. . . . . . . . . . . : ',
  address: 'IP Address. . . . . . . . . . . . : ',
  mask: 'Subnet Mask . . . . . . . . . . . : ',
  gateway: 'Default Gateway . . . . . . . . . : ',
  dns: 'DNS Servers . . . . . . . . . . . : ',
  wins: 'Primary WINS Server . . . . . . . : ',
} as const;

function field(label: keyof typeof LABELS, value: string): string {
  return INDENT + LABELS[label] + value;
}

function title(host: Host): string[] {
  return host.version === '2000' ? ['', 'Windows 2000 IP Configuration', ''] : ['', 'Windows IP Configuration', ''];
}

function adapterLines(host: Host, all: boolean): string[] {
  const { nic } = host;
  const lines = ['Ethernet adapter Local Area Connection:', '', field('connSuffix', '')];
  if (all) {
    lines.push(
      field('description', 'Intel(R) PRO/1000 MT Network Connection'),
      field('mac', nic.mac),
      field('dhcp', 'No'),
    );
  }
  lines.push(field('address', nic.address), field('mask', nic.mask), field('gateway', nic.gateway ?? ''));
  if (all) {
    nic.dnsServers.forEach((dns, i) => lines.push(i === 0 ? field('dns', dns) : `${' '.repeat(44)}${dns}`));
    if (nic.winsServer) lines.push(field('wins', nic.winsServer));
  }
  return lines;
}

function globalLines(host: Host): string[] {
  return [
    field('hostName', host.name),
    field('dnsSuffix', host.domain ?? ''),
    field('nodeType', 'Unknown'),
    field('routing', 'No'),
    field('winsProxy', 'No'),
    ...(host.domain ? [field('searchList', host.domain)] : []),
    '',
  ];
}

export const ipconfig: ShellCommand = {
  name: 'ipconfig',
  summary: 'Displays the IP configuration of each network adapter.',
  usage: USAGE,
  builtIn: false,
  run({ host }, args) {
    const option = args.trim().toLowerCase();
    if (option === '/?') return printed(USAGE);
    if (option !== '' && option !== '/all') {
      return printed('', 'Error: unrecongnized or incomplete command line.', '', USAGE);
    }
    const all = option === '/all';
    const head = title(host);
    // XP and 2003 leave two blank lines under the title of the short form, 2000 one.
    if (!all && host.version !== '2000') head.push('');
    return printed(...head, ...(all ? globalLines(host) : []), ...adapterLines(host, all));
  },
};
