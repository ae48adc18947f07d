import { describe, expect, it } from 'vitest';
import { formatSpdError, type SpdError } from './errors.js';
import { createSpd, type SpdResult } from './lookup.js';
import { addMmPolicy, addQmPolicy } from './ops-policy.js';
import { addRule, deleteAll, deleteRule, restartPolicyAgent, setRule } from './ops-rule.js';
import { setConfig } from './config.js';
import { isInboundPassthrough, type Spd } from './types.js';

function must(r: SpdResult): Spd {
  if (!r.ok) throw new Error(formatSpdError(r.error));
  return r.value;
}

function err(r: SpdResult): SpdError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

const text = (r: SpdResult) => formatSpdError(err(r));

const me = { kind: 'me' } as const;
const any = { kind: 'any' } as const;
const peer = { kind: 'host', address: '192.168.1.20' } as const;
const net = { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' } as const;

const policies = must(addQmPolicy(must(addQmPolicy(must(addMmPolicy(must(addMmPolicy(createSpd('2003'), { name: 'MM1' })), { name: 'MM2' })), { name: 'QM1' })), { name: 'QM2' }));
const smb = { srcaddr: me, dstaddr: peer, protocol: 6, dstport: 445, mmpolicy: 'MM1', qmpolicy: 'QM1' } as const;
const one = must(addRule(policies, smb));

describe('add rule', () => {
  it('writes one MM filter and one transport filter with the defaults', () => {
    expect(one.mmFilters).toEqual([
      { id: 'mmfilter:5', name: '{00000000-0000-0000-0000-000000000006}', srcaddr: me, dstaddr: peer, mirrored: true, conntype: 'all', mmPolicyId: 'mmpolicy:1', authMethods: [{ kind: 'kerberos' }] },
    ]);
    expect(one.qmFilters).toEqual([
      {
        id: 'qmfilter:7',
        name: '{00000000-0000-0000-0000-000000000008}',
        mode: 'transport',
        srcaddr: me,
        dstaddr: peer,
        protocol: 6,
        srcport: 0,
        dstport: 445,
        mirrored: true,
        conntype: 'all',
        actioninbound: 'negotiate',
        actionoutbound: 'negotiate',
        qmPolicyId: 'qmpolicy:3',
        mmFilterId: 'mmfilter:5',
      },
    ]);
  });

  it('shares the MM filter between rules to the same peer with the same policy and methods', () => {
    const two = must(addRule(one, { ...smb, dstport: 139 }));
    expect(two.mmFilters).toHaveLength(1);
    expect(two.qmFilters.map((f) => f.mmFilterId)).toEqual(['mmfilter:5', 'mmfilter:5']);
  });

  it('refuses a second MM filter for the same peer with other settings (13006)', () => {
    expect(text(addRule(one, { ...smb, dstport: 139, mmpolicy: 'MM2' }))).toBe('The specified main mode filter already exists.');
    expect(err(addRule(one, { ...smb, dstport: 139, authMethods: [{ kind: 'psk', key: 'k' }] })).code).toBe(13006);
  });

  it('refuses the same transport rule twice (13008), a /32 subnet being the same host', () => {
    const same = { ...smb, dstaddr: { kind: 'subnet', address: '192.168.1.20', mask: '255.255.255.255' } } as const;
    expect(text(addRule(one, same))).toBe('The specified transport mode filter already exists.');
  });

  it('adds a tunnel rule whose MM filter runs from this host to the endpoint', () => {
    const spd = must(addRule(policies, { srcaddr: any, dstaddr: net, mirrored: false, mmpolicy: 'MM1', qmpolicy: 'QM1', tunneldstaddress: '192.168.1.1' }));
    expect(spd.qmFilters[0]).toMatchObject({ mode: 'tunnel', tunnelDst: '192.168.1.1', mirrored: false });
    expect(spd.mmFilters[0]).toMatchObject({ srcaddr: me, dstaddr: { kind: 'host', address: '192.168.1.1' }, mirrored: true });
    expect(text(addRule(spd, { srcaddr: any, dstaddr: net, mirrored: false, mmpolicy: 'MM1', qmpolicy: 'QM1', tunneldstaddress: '192.168.1.1' }))).toBe(
      'The specified tunnel mode filter exists.',
    );
  });

  it('needs existing policies: 13004, 13001', () => {
    expect(text(addRule(policies, { ...smb, mmpolicy: 'Nope' }))).toBe('The specified main mode policy was not found.');
    expect(text(addRule(policies, { ...smb, qmpolicy: 'Nope' }))).toBe('The specified quick mode policy was not found.');
  });

  it('needs a default QM policy when a negotiating rule names none (13015); permit/block need none', () => {
    const bare = { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1' } as const;
    expect(text(addRule(policies, bare))).toBe('The specified default quick mode policy was not found.');
    expect(must(addRule(policies, { ...bare, actioninbound: 'block', actionoutbound: 'permit' })).qmFilters[0]?.qmPolicyId).toBeNull();
    const withDefault = must(addQmPolicy(policies, { name: 'D', default: true }));
    expect(must(addRule(withDefault, bare)).qmFilters[0]?.qmPolicyId).toBeNull();
  });

  it('needs a default MM policy when none is named (13013)', () => {
    expect(text(addRule(policies, { srcaddr: me, dstaddr: peer, qmpolicy: 'QM1' }))).toBe('The specified default main mode policy was not found.');
  });

  it.each([
    [{ protocol: 1, dstport: 7 }, 'ERR IPsec[05018] : Ports can be specified only when the protocol is TCP or UDP.'],
    [{ protocol: 300 }, 'ERR IPsec[05019] : Protocol 300 is not valid: it must be between 0 and 255.'],
    [{ dstaddr: { kind: 'server', server: 'DNS' } as const, srcaddr: any }, 'ERR IPsec[05017] : When one address is a special server (DNS, WINS, DHCP or GATEWAY), the other address must be "me".'],
    [{ tunneldstaddress: 'gw.contoso.com' }, 'ERR IPsec[05026] : "gw.contoso.com" is not a valid tunnel endpoint: give an IP address.'],
    [{ authMethods: [{ kind: 'psk', key: '' }] as const }, 'ERR IPsec[05015] : The preshared key cannot be empty.'],
    [{ actioninbound: 'allow' as 'permit' }, 'ERR IPsec[05020] : "allow" is not a valid value for actioninbound: use permit, block, negotiate.'],
    [{ conntype: 'wifi' as 'lan' }, 'ERR IPsec[05020] : "wifi" is not a valid value for conntype: use all, lan, dialup.'],
    [{ dstaddr: { kind: 'dns', name: 'x.contoso.com', addresses: [] } as const }, 'ERR IPsec[05017] : The DNS name "x.contoso.com" could not be resolved.'],
  ])('validates values first: %j', (change, message) => {
    expect(text(addRule(policies, { ...smb, ...change }))).toBe(message);
  });

  it('models inbound passthrough as inbound permit with outbound negotiate', () => {
    const spd = must(addRule(policies, { ...smb, actioninbound: 'permit' }));
    expect(spd.qmFilters.map(isInboundPassthrough)).toEqual([true]);
    expect(one.qmFilters.map(isInboundPassthrough)).toEqual([false]);
  });
});

describe('set rule', () => {
  const key = { srcaddr: me, dstaddr: peer, protocol: 6, srcport: 0, dstport: 445, mirrored: true, conntype: 'all' } as const;

  it('changes policies, actions and the whole auth list', () => {
    const spd = must(setRule(one, { ...key, mmpolicy: 'MM2', qmpolicy: 'QM2', actionoutbound: 'block', authMethods: [{ kind: 'psk', key: 'k' }] }));
    expect(spd.qmFilters[0]).toMatchObject({ qmPolicyId: 'qmpolicy:4', actioninbound: 'negotiate', actionoutbound: 'block' });
    expect(spd.mmFilters[0]).toMatchObject({ mmPolicyId: 'mmpolicy:2', authMethods: [{ kind: 'psk', key: 'k' }] });
  });

  it('finds the rule only by every identifying value (13009 / 13017)', () => {
    expect(text(setRule(one, { ...key, dstport: 139, qmpolicy: 'QM2' }))).toBe('The specified transport mode filter does not exist.');
    expect(text(setRule(one, { ...key, tunneldstaddress: '10.0.0.1' }))).toBe('The specified tunnel mode filter was not found.');
  });

  it('checks the new policies and values', () => {
    expect(err(setRule(one, { ...key, mmpolicy: 'Nope' })).code).toBe(13004);
    expect(err(setRule(one, { ...key, qmpolicy: 'Nope' })).code).toBe(13001);
    expect(err(setRule(one, { ...key, authMethods: [] })).code).toBe(5024);
    const permit = must(addRule(policies, { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1', actioninbound: 'permit', actionoutbound: 'permit' }));
    expect(err(setRule(permit, { srcaddr: me, dstaddr: peer, actioninbound: 'negotiate' })).code).toBe(13015);
  });
});

describe('delete rule, delete all, restart', () => {
  it('deletes the QM filter and, once unused, its MM filter', () => {
    const two = must(addRule(one, { ...smb, dstport: 139 }));
    const after = must(deleteRule(two, { srcaddr: me, dstaddr: peer, protocol: 6, dstport: 445 }));
    expect(after.qmFilters.map((f) => f.dstport)).toEqual([139]);
    expect(after.mmFilters).toHaveLength(1);
    const empty = must(deleteRule(after, { srcaddr: me, dstaddr: peer, protocol: 6, dstport: 139 }));
    expect([empty.mmFilters, empty.qmFilters]).toEqual([[], []]);
  });

  it('reports a rule that is not there', () => {
    expect(err(deleteRule(one, { srcaddr: me, dstaddr: peer })).code).toBe(13009);
    expect(err(deleteRule(one, { srcaddr: me, dstaddr: peer, protocol: 6, dstport: 445, mirrored: false })).code).toBe(13009);
  });

  it('delete all empties the SPD but keeps config and the id counter', () => {
    const configured = { ...one, config: { ...one.config, ipsecexempt: 1 as const } };
    const spd = must(deleteAll(configured));
    expect(spd).toEqual({ ...configured, mmPolicies: [], qmPolicies: [], mmFilters: [], qmFilters: [] });
  });

  it('a Policy Agent restart drops every dynamic object and keeps the config', () => {
    const config = setConfig(one.config, 'bootmode', 'block');
    if (!config.ok) throw new Error('fixture');
    const spd = restartPolicyAgent({ ...one, config: config.value });
    expect(spd.config.bootmode).toBe('block');
    expect([spd.mmPolicies, spd.qmPolicies, spd.mmFilters, spd.qmFilters]).toEqual([[], [], [], []]);
    expect(spd.nextId).toBe(one.nextId);
  });
});
