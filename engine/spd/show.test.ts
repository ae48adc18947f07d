import { describe, expect, it } from 'vitest';
import { parseMmOffers, parseQmOffers } from '../ipsec/offers.js';
import type { HostContext } from '../ipsec/traffic.js';
import { setConfig } from './config.js';
import { formatSpdError, type SpdError } from './errors.js';
import { createSpd, type SpdResult } from './lookup.js';
import { addMmPolicy, addQmPolicy } from './ops-policy.js';
import { addRule } from './ops-rule.js';
import { showAllSpd } from './show-all.js';
import { showConfig } from './show-config.js';
import { showMmFilter, showQmFilter } from './show-filter.js';
import { showMmPolicy, showQmPolicy } from './show-policy.js';
import { showRule } from './show-rule.js';
import type { Spd } from './types.js';

function must(r: SpdResult): Spd {
  if (!r.ok) throw new Error(formatSpdError(r.error));
  return r.value;
}

function out(r: { ok: true; value: string } | { ok: false; error: SpdError }): string {
  return r.ok ? r.value : formatSpdError(r.error);
}

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const me = { kind: 'me' } as const;
const any = { kind: 'any' } as const;
const peer = { kind: 'host', address: '192.168.1.20' } as const;
const host: HostContext = { version: '2003', addresses: ['192.168.1.10'] };
const resolve = (ip: string) => (ip === '192.168.1.20' ? 'srv.contoso.com' : null);

function fixture(): Spd {
  let spd = createSpd('2003');
  spd = must(addMmPolicy(spd, { name: 'MM1', mmsecmethods: value(parseMmOffers('3DES-SHA1-2 DES-MD5-1')) }));
  spd = must(addQmPolicy(spd, { name: 'QM1', pfsgroup: 'GRP2', qmsecmethods: value(parseQmOffers('ESP[3DES,SHA1] AH[MD5]+ESP[DES,None]:50000k/900s')) }));
  spd = must(addRule(spd, { srcaddr: me, dstaddr: peer, protocol: 6, dstport: 445, mmpolicy: 'MM1', qmpolicy: 'QM1', authMethods: [{ kind: 'psk', key: 'secret' }, { kind: 'kerberos' }] }));
  const net = { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' } as const;
  return must(addRule(spd, { srcaddr: any, dstaddr: net, mirrored: false, mmpolicy: 'MM1', qmpolicy: 'QM1', actioninbound: 'permit', tunneldstaddress: '192.168.1.1' }));
}

const spd = fixture();

const MM1 = [
  'Main Mode Policy Name  : MM1',
  'Default MM Policy      : NO',
  'Soft SA Expiration Time : 300 seconds',
  'Main Mode Life Time    : 480 minutes / 0 Quick Mode sessions',
  'Main Mode Security Methods',
  'Encryption  Integrity   DH Group',
  '------------------------------------',
  '3DES        SHA1        Medium(2)',
  'DES         MD5         Low(1)',
];

const QM1 = [
  'Quick Mode Policy Name : QM1',
  'Default QM Policy      : NO',
  'Soft Association       : NO',
  'PFS DH Group           : Medium(2)',
  'Security Methods',
  'AH         ESP          Lifetime(KB/sec)',
  '------------------------------------------',
  'None       3DES  SHA1   100000/3600',
  'MD5        DES   None   50000/900',
];

const SMB_ADDRESSES = [
  'Source IP Address      : <My IP Address>',
  'Source Mask            : 255.255.255.255',
  'Destination IP Address : 192.168.1.20',
  'Destination Mask       : 255.255.255.255',
];

const AUTH = ['Authentication Methods (2)', '--------------------------', 'Preshared Key : secret', 'Kerberos'];

describe('show mmpolicy / qmpolicy', () => {
  it('lists every policy under its heading', () => {
    expect(out(showMmPolicy(spd))).toBe(lines('Main Mode Policies', '------------------', ...MM1));
    expect(out(showQmPolicy(spd, { name: 'qm1' }))).toBe(lines('Quick Mode Policies', '-------------------', ...QM1));
  });

  it('reports a missing name with the Win32 text and an empty SPD with one line', () => {
    expect(out(showMmPolicy(spd, { name: 'X' }))).toBe('The specified main mode policy was not found.');
    expect(out(showQmPolicy(spd, { name: 'X' }))).toBe('The specified quick mode policy was not found.');
    expect(out(showMmPolicy(createSpd('2003')))).toBe(lines('Main Mode Policies', '------------------', 'There are no main mode policies in the SPD.'));
  });
});

describe('show mmfilter', () => {
  const smbFilter = ['Filter Name            : {00000000-0000-0000-0000-000000000004}', 'Connection Type        : ALL', ...SMB_ADDRESSES];

  it('generic: addresses as configured, mirrored, policy and methods', () => {
    expect(out(showMmFilter(spd, { dstaddr: peer }))).toBe(
      lines('Generic Main Mode Filters', '-------------------------', 'No. of Filters         : 1', '', ...smbFilter, 'Mirrored               : YES', 'Main Mode Policy       : MM1', ...AUTH),
    );
  });

  it('specific: me expanded, one filter per direction, with weights and DNS names', () => {
    const text = out(showMmFilter(spd, { name: '{00000000-0000-0000-0000-000000000004}', type: 'specific', host, resolvedns: true, resolve }));
    expect(text).toBe(
      lines(
        'Specific Main Mode Filters',
        '--------------------------',
        'No. of Filters         : 2',
        '',
        'Filter Name            : {00000000-0000-0000-0000-000000000004}',
        'Connection Type        : ALL',
        'Source IP Address      : 192.168.1.10',
        'Source Mask            : 255.255.255.255',
        'Source DNS Name        : 192.168.1.10',
        'Destination IP Address : 192.168.1.20',
        'Destination Mask       : 255.255.255.255',
        'Destination DNS Name   : srv.contoso.com',
        'Direction              : Outbound',
        'Weight                 : 512',
        'Main Mode Policy       : MM1',
        ...AUTH,
        '',
        'Filter Name            : {00000000-0000-0000-0000-000000000004}',
        'Connection Type        : ALL',
        'Source IP Address      : 192.168.1.20',
        'Source Mask            : 255.255.255.255',
        'Source DNS Name        : srv.contoso.com',
        'Destination IP Address : 192.168.1.10',
        'Destination Mask       : 255.255.255.255',
        'Destination DNS Name   : 192.168.1.10',
        'Direction              : Inbound',
        'Weight                 : 512',
        'Main Mode Policy       : MM1',
        ...AUTH,
      ),
    );
  });

  it('reports an unknown name with 13007 and no match with the empty line', () => {
    expect(out(showMmFilter(spd, { name: 'nope' }))).toBe('The specified main mode filter was not found.');
    expect(out(showMmFilter(spd, { srcaddr: peer }))).toBe(lines('Generic Main Mode Filters', '-------------------------', 'There are no main mode filters in the SPD.'));
  });
});

describe('show qmfilter', () => {
  const tunnel = [
    'Generic Tunnel Filters',
    '----------------------',
    'No. of Filters         : 1',
    '',
    'Filter Name            : {00000000-0000-0000-0000-00000000000A}',
    'Connection Type        : ALL',
    'Source IP Address      : <Any IP Address>',
    'Source Mask            : 0.0.0.0',
    'Destination IP Address : 10.1.0.0',
    'Destination Mask       : 255.255.0.0',
    'Tunnel Source          : <My IP Address>',
    'Tunnel Destination     : 192.168.1.1',
    'Protocol               : ANY',
    'Source Port            : ANY',
    'Destination Port       : ANY',
    'Mirrored               : NO',
    'Quick Mode Policy      : QM1',
    'Inbound Action         : PERMIT',
    'Outbound Action        : NEGOTIATE SECURITY',
  ];
  const transport = [
    'Generic Transport Filters',
    '-------------------------',
    'No. of Filters         : 1',
    '',
    'Filter Name            : {00000000-0000-0000-0000-000000000006}',
    'Connection Type        : ALL',
    ...SMB_ADDRESSES,
    'Protocol               : TCP',
    'Source Port            : ANY',
    'Destination Port       : 445',
    'Mirrored               : YES',
    'Quick Mode Policy      : QM1',
    'Inbound Action         : NEGOTIATE SECURITY',
    'Outbound Action        : NEGOTIATE SECURITY',
  ];

  it('all: transport filters, then tunnel filters', () => {
    expect(out(showQmFilter(spd))).toBe(lines(...transport, '', ...tunnel));
  });

  it('a name shows only its own kind; unknown names fail with 13009', () => {
    expect(out(showQmFilter(spd, { name: '{00000000-0000-0000-0000-00000000000a}' }))).toBe(lines(...tunnel));
    expect(out(showQmFilter(spd, { name: 'nope' }))).toBe('The specified transport mode filter does not exist.');
  });

  it('narrows by protocol, port and action', () => {
    const none = ['Generic Tunnel Filters', '----------------------', 'There are no tunnel filters in the SPD.'];
    expect(out(showQmFilter(spd, { protocol: 6, dstport: 445 }))).toBe(lines(...transport, '', ...none));
    const noTransport = ['Generic Transport Filters', '-------------------------', 'There are no transport filters in the SPD.'];
    expect(out(showQmFilter(spd, { actioninbound: 'permit' }))).toBe(lines(...noTransport, '', ...tunnel));
  });

  it('specific: a mirrored filter becomes two, ports swapped on the way back', () => {
    const text = out(showQmFilter(spd, { type: 'specific', host, protocol: 6 }));
    expect(text).toContain('Specific Transport Filters\n--------------------------\nNo. of Filters         : 2\n');
    expect(text).toContain('Source Port            : 445\nDestination Port       : ANY\nDirection              : Inbound\nWeight                 : 517\n');
  });
});

describe('show rule', () => {
  it('joins each QM filter with its MM filter; type= picks one section', () => {
    expect(showRule(spd, { type: 'transport', resolvedns: true, resolve })).toBe(
      lines(
        'Transport Rules',
        '---------------',
        'No. of Rules           : 1',
        '',
        'Source IP Address      : <My IP Address>',
        'Source Mask            : 255.255.255.255',
        'Source DNS Name        : <My IP Address>',
        'Destination IP Address : 192.168.1.20',
        'Destination Mask       : 255.255.255.255',
        'Destination DNS Name   : srv.contoso.com',
        'Protocol               : TCP',
        'Source Port            : ANY',
        'Destination Port       : 445',
        'Mirrored               : YES',
        'Connection Type        : ALL',
        'Main Mode Policy       : MM1',
        'Quick Mode Policy      : QM1',
        'Inbound Action         : NEGOTIATE SECURITY',
        'Outbound Action        : NEGOTIATE SECURITY',
        ...AUTH,
      ),
    );
  });

  it('shows the tunnel endpoint and an empty section when nothing matches', () => {
    const text = showRule(spd, { srcaddr: any });
    expect(text.startsWith(lines('Transport Rules', '---------------', 'There are no transport rules in the SPD.', '', 'Tunnel Rules'))).toBe(true);
    expect(text).toContain('Destination Mask       : 255.255.0.0\nTunnel Destination     : 192.168.1.1\n');
  });
});

describe('show config', () => {
  it('prints the seven properties with their keywords', () => {
    const config = value(setConfig(spd.config, 'bootexemptions', 'tcp:0:3389:inbound udp:0:53:outbound'));
    expect(showConfig(config)).toBe(
      lines(
        'IPsec Configuration',
        '-------------------',
        'ipsecdiagnostics       : 0',
        'ikelogging             : 0',
        'strongcrlcheck         : 1',
        'ipsecloginterval       : 3600',
        'ipsecexempt            : 3',
        'bootmode               : permit',
        'bootexemptions         : tcp:0:3389:inbound',
        '                         udp:0:53:outbound',
      ),
    );
    expect(showConfig(spd.config)).toContain('bootexemptions         : none\n');
  });
});

describe('show all (the SPD part)', () => {
  it('is config, MM policies, QM policies, MM filters, QM filters, blank-line separated', () => {
    const text = showAllSpd(spd);
    const order = ['IPsec Configuration', 'Main Mode Policies', 'Quick Mode Policies', 'Generic Main Mode Filters', 'Generic Transport Filters', 'Generic Tunnel Filters'];
    const positions = order.map((h) => text.indexOf(`\n${h}\n`) + 1 || text.indexOf(`${h}\n`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? 0)))).toBe(true);
    expect(text).toContain(`\n\n${lines('Main Mode Policies', '------------------', ...MM1)}\n`);
    expect(text.endsWith('Outbound Action        : NEGOTIATE SECURITY\n')).toBe(true);
  });

  it('on an empty SPD prints config and the empty lines', () => {
    expect(showAllSpd(createSpd('2003'))).toContain(
      lines('Main Mode Policies', '------------------', 'There are no main mode policies in the SPD.', '', 'Quick Mode Policies'),
    );
  });
});
