import { describe, expect, test } from 'vitest';
import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS, type IkeWorld } from './types.js';
import { showMmsas, showQmsas, showStats } from './show.js';
import { createIkeHostState } from './state.js';
import { A, B, labStore, peer, run, scripted, tcp } from './testing.js';

/* Golden layouts of reference §4.5–4.7 (the templates are [R]; these pin our rendering of them). */

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const dns = (ip: string) => (ip === B ? 'srv2.example.test' : undefined);
const lab = (p: Parameters<typeof labStore>[0]) => ({ policy: { store: labStore(p), policyName: 'Lab Policy' } });

function secured(): IkeWorld {
  const world: IkeWorld = {};
  const next32 = scripted([0x6b22b3d1, 0xf4e01a09, 0x7d0d41a1, 0xe6b4c31f, 0x1000, 0x2000]);
  run(world, peer('SRV1', A), peer('SRV2', B), tcp(), { next32 });
  return world;
}

const OFFER = ['Offer Used :', 'AH(b/r)   ESP Con(b/r)  ESP Int   PFS DH Group'];
const RULE = '-'.repeat(62);

describe('show mmsas', () => {
  test('list (§4.5)', () => {
    expect(showMmsas(secured()['SRV1'] ?? createIkeHostState('x'), 125_000)).toBe(
      lines(
        'Main Mode SAs at 3/14/2005 9:02:05 AM',
        RULE,
        'Cookie Pair        : 6b22b3d1f4e01a09:7d0d41a1e6b4c31f',
        'Sec Methods        : 3DES/SHA1/2/28800',
        'Auth Mode          : Kerberos',
        'Source             : 192.168.1.10   , port  500',
        'Destination        : 192.168.1.20   , port  500',
        RULE,
      ),
    );
  });

  test('table with resolvedns', () => {
    expect(showMmsas(secured()['SRV1'] ?? createIkeHostState('x'), 0, { format: 'table', resolveDns: dns })).toBe(
      lines(
        'Main Mode SAs at 3/14/2005 9:00:00 AM',
        '',
        'Cookie Pair                        Sec Methods         Auth Mode      Source           Destination',
        '-'.repeat(98),
        '6b22b3d1f4e01a09:7d0d41a1e6b4c31f  3DES/SHA1/2/28800   Kerberos       192.168.1.10     srv2.example.test',
      ),
    );
  });

  test('none, and a caller-supplied clock', () => {
    expect(showMmsas(createIkeHostState('x'), 0, { formatTime: () => '11/20/2003 10:30:02 AM' })).toBe(lines('Main Mode SAs at 11/20/2003 10:30:02 AM', 'No SAs'));
  });
});

describe('show qmsas', () => {
  test('list (§4.6): outbound and inbound SA of the pair, resolvedns', () => {
    const block = (src: string, dst: string, dir: string) => [
      'Transport Filter',
      `Source Address          : ${src}`,
      `Destination Address     : ${dst}`,
      'Protocol                : ANY',
      'Source Port             : 0',
      'Destination Port        : 0',
      `Direction               : ${dir}`,
      'Policy Name             : Lab Action',
      ...OFFER,
      'None      3DES/0/0      SHA1      None',
    ];
    expect(showQmsas(secured()['SRV1'] ?? createIkeHostState('x'), { resolveDns: dns })).toBe(
      lines('Quick Mode SAs', '--------------', ...block(A, 'srv2.example.test', 'Outbound'), '', ...block('srv2.example.test', A, 'Inbound')),
    );
  });

  test('tunnel SA with AH+ESP and PFS, filtered to the outbound direction', () => {
    const filter = { srcaddr: { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' }, dstaddr: { kind: 'subnet', address: '10.2.0.0', mask: '255.255.0.0' }, mirrored: false } as const;
    const p = lab({ tunnel: B, filter, qmpfs: true, qm: [{ ah: 'MD5', esp: { confidentiality: 'DES', integrity: 'None' }, lifetimeKBytes: 50_000, lifetimeSeconds: 900 }] });
    const world: IkeWorld = {};
    run(world, peer('SRV1', A, p), peer('SRV2', B, p), { src: '10.1.0.5', dst: '10.2.0.7', protocol: 17, srcPort: 1, dstPort: 2 });
    expect(showQmsas(world['SRV1'] ?? createIkeHostState('x'), { srcaddr: '10.1.0.0' })).toBe(
      lines(
        'Quick Mode SAs',
        '--------------',
        'Tunnel Filter',
        'Source Address          : 10.1.0.0/255.255.0.0',
        'Destination Address     : 10.2.0.0/255.255.0.0',
        'Protocol                : ANY',
        'Source Port             : 0',
        'Destination Port        : 0',
        'Tunnel Source           : 192.168.1.10',
        'Tunnel Destination      : 192.168.1.20',
        'Direction               : Outbound',
        'Policy Name             : Lab Action',
        ...OFFER,
        'MD5/0/0   DES/0/0       None      Medium(2)',
      ),
    );
  });

  test('soft SA has no algorithms', () => {
    const world: IkeWorld = {};
    run(world, peer('SRV1', A, lab({ soft: true })), peer('SRV2', B, { policy: { store: labStore(), policyName: null } }), tcp());
    const text = showQmsas(world['SRV1'] ?? createIkeHostState('x'), { dstaddr: B });
    expect(text.split('\n').slice(-3)).toEqual([OFFER[1], 'None      None          None      None', '']);
  });

  test('table, and none', () => {
    expect(showQmsas(secured()['SRV1'] ?? createIkeHostState('x'), { format: 'table' })).toBe(
      lines(
        'Quick Mode SAs',
        '--------------',
        'Source           Destination      Proto Dir  AH(b/r)   ESP Con(b/r)  ESP Int',
        '192.168.1.10     192.168.1.20     ANY   Out  None      3DES/0/0      SHA1',
        '192.168.1.20     192.168.1.10     ANY   In   None      3DES/0/0      SHA1',
      ),
    );
    expect(showQmsas(createIkeHostState('x'), { protocol: 6 })).toBe(lines('Quick Mode SAs', '--------------', 'No SAs'));
  });
});

describe('show stats (§4.7)', () => {
  const IKE = [
    'IKE Main Mode Statistics',
    '------------------------',
    'Active Acquire                  : 0',
    'Active Receive                  : 0',
    'Acquire Failures                : 0',
    'Receive Failures                : 0',
    'Send Failures                   : 0',
    'Acquire Heap Size               : 0',
    'Receive Heap Size               : 0',
    'Authentication Failures         : 0',
    'Negotiation Failures            : 0',
    'Invalid Cookies Received        : 0',
    'Total Acquire                   : 1',
    'Total Get SPI                   : 1',
    'Key Additions                   : 1',
    'Key Updates                     : 1',
    'Get SPI Failures                : 0',
    'Key Addition Failures           : 0',
    'Key Update Failures             : 0',
    'ISADB List Size                 : 1',
    'Connection List Size            : 0',
    'IKE Main Mode                   : 1',
    'IKE Quick Mode                  : 1',
    'Soft Associations               : 0',
    'Invalid Packets Received        : 0',
  ];
  const IPSEC = [
    'IPsec Quick Mode Statistics',
    '---------------------------',
    'Active Security Associations    : 1',
    'Offloaded Security Associations : 0',
    'Pending Key Operations          : 0',
    'Key Additions                   : 1',
    'Key Deletions                   : 0',
    'Rekeys                          : 0',
    'Active Tunnels                  : 0',
    'Bad SPI Packets                 : 0',
    'Packets Not Decrypted           : 0',
    'Packets Not Authenticated       : 0',
    'Packets With Replay Detection   : 0',
    'Confidential Bytes Sent         : 0',
    'Confidential Bytes Received     : 0',
    'Authenticated Bytes Sent        : 0',
    'Authenticated Bytes Received    : 0',
    'Transport Bytes Sent            : 0',
    'Transport Bytes Received        : 0',
    'Bytes Sent In Tunnels           : 0',
    'Bytes Received In Tunnels       : 0',
    'Offloaded Bytes Sent            : 0',
    'Offloaded Bytes Received        : 0',
  ];
  test('both blocks, and each type alone', () => {
    const state = secured()['SRV1'] ?? createIkeHostState('x');
    expect(showStats(state)).toBe(lines(...IKE, '', ...IPSEC));
    expect(showStats(state, 'ike')).toBe(lines(...IKE));
    expect(showStats(state, 'ipsec')).toBe(lines(...IPSEC));
    expect(IKE).toHaveLength(2 + MAIN_MODE_COUNTERS.length);
    expect(IPSEC).toHaveLength(2 + QUICK_MODE_COUNTERS.length);
  });
});
