import { describe, expect, it } from 'vitest';
import type { World } from '../model/world.js';
import { compileCheck } from './checks/compile.js';
import type { Check } from './model.js';
import { labWith, run } from './testing.js';

describe('host and transcript predicates', () => {
  const lab = labWith('WS1> net stop policyagent', 'SRV1> gpupdate /force', 'SRV1> GPUPDATE', { type: 'power', host: 'W2K1', online: false });

  it('service and power', () => {
    expect(run({ service: { host: 'WS1', name: 'policyagent', running: false } }, lab).pass).toBe(true);
    expect(run({ service: { host: 'WS1', name: 'policyagent', running: true } }, lab).message).toContain('is stopped, expected running');
    expect(run({ power: { host: 'W2K1', online: false } }, lab).pass).toBe(true);
    expect(run({ power: { host: 'SRV1', online: false } }, lab).pass).toBe(false);
  });

  it('ran: whole words, any case and spacing, counted', () => {
    expect(run({ ran: { host: 'SRV1', command: 'gpupdate', times: 2 } }, lab).pass).toBe(true);
    expect(run({ ran: { command: 'gpupdate', times: 3 } }, lab).message).toContain('expected at least 3');
    expect(run({ ran: { command: 'gpupdate   /FORCE', match: 'exact' } }, lab).pass).toBe(true);
    expect(run({ ran: { command: 'gpupd' } }, lab).pass).toBe(false);
    expect(run({ ran: { command: '/force', match: 'contains' } }, lab).pass).toBe(true);
    expect(run({ ran: { host: 'SRV2', command: 'gpupdate' } }, lab).message).toBe('"gpupdate" was not run on SRV2');
  });

  it('config: reads the dynamic configuration when hosts carry one, and says so when not', () => {
    const check: Check = { config: { host: 'SRV1', property: 'ipsecexempt', value: 3 } };
    const world = lab.world as World;
    const srv1 = world.hosts.SRV1;
    const without = { ...world, hosts: { ...world.hosts, SRV1: { ...srv1, spd: undefined } } } as unknown as World;
    expect(compileCheck(check)({ world: without, transcript: [] }).message).toContain('not simulated in this build');
    const withConfig = { ...world, hosts: { ...world.hosts, SRV1: { ...srv1, spd: { config: { ipsecexempt: 3 } } } } } as unknown as World;
    expect(compileCheck(check)({ world: withConfig, transcript: [] }).pass).toBe(true);
    expect(compileCheck({ config: { host: 'SRV1', property: 'ipsecexempt', value: 0 } })({ world: withConfig, transcript: [] }).pass).toBe(false);
  });
});

describe('monitor predicates over engine/ike state', () => {
  const lab = labWith();
  const base = lab.world as World;
  const noIke = { ...base, ike: undefined } as unknown as World;
  const ike = {
    SRV1: {
      stats: { mainMode: { 'Authentication Failures': 2 }, quickMode: { Rekeys: 0 } },
      mmSas: [{ peerName: 'SRV2', authMethod: 'Preshared Key' }],
      qmSas: [{ peerName: 'SRV2', soft: false, offer: { ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' } } }],
    },
  };
  const withIke = { ...base, ike } as unknown as World;
  const at = (world: World, check: Check) => compileCheck(check)({ world, transcript: [] });

  it('counter: fails with a clear message while IKE is not simulated, compares once it is', () => {
    expect(at(noIke, { counter: { host: 'SRV1', name: 'mm.authenticationFailures', value: 1 } }).message).toContain('not simulated in this build');
    expect(at(withIke, { counter: { host: 'SRV1', name: 'mm.authenticationFailures', value: 1 } }).pass).toBe(true);
    expect(at(withIke, { counter: { host: 'SRV1', name: 'mm.authenticationFailures', op: '=', value: 3 } }).message).toContain('Main Mode "Authentication Failures" on SRV1 is 2, expected = 3');
    expect(at(withIke, { counter: { host: 'SRV2', name: 'qm.rekeys', op: '=', value: 0 } }).pass).toBe(true);
  });

  it('sa: main and quick mode SAs with their algorithms', () => {
    expect(at(noIke, { sa: { host: 'SRV1', peer: 'SRV2', mode: 'main' } }).message).toContain('not simulated in this build');
    expect(at(withIke, { sa: { host: 'SRV1', peer: 'SRV2', mode: 'main', auth: 'psk' } }).pass).toBe(true);
    expect(at(withIke, { sa: { host: 'SRV1', peer: 'srv2', mode: 'quick', esp: '3DES, SHA1', soft: false } }).pass).toBe(true);
    expect(at(withIke, { sa: { host: 'SRV1', peer: 'SRV2', mode: 'quick', ah: 'MD5' } }).pass).toBe(false);
    expect(at(withIke, { sa: { host: 'SRV2', peer: 'SRV1', mode: 'main', exists: false } }).pass).toBe(true);
  });
});

describe('monitor predicates on a live negotiation', () => {
  it('see the SAs and counters a real exchange leaves', () => {
    const lab = labWith(
      'SRV1> netsh ipsec static set policy name="Secure Server (Require Security)" assign=y',
      'SRV2> netsh ipsec static set policy name="Client (Respond Only)" assign=y',
      'SRV2> net use \\\\192.168.1.10\\c$',
    );
    expect(run({ sa: { host: 'SRV1', peer: 'SRV2', mode: 'main', auth: 'kerberos' } }, lab).pass).toBe(true);
    expect(run({ sa: { host: 'SRV2', peer: 'SRV1', mode: 'quick', esp: '3DES,SHA1' } }, lab).pass).toBe(true);
    expect(run({ counter: { host: 'SRV1', name: 'mm.ikeMainMode', op: '>=', value: 1 } }, lab).pass).toBe(true);
    expect(run({ counter: { host: 'SRV1', name: 'mm.authenticationFailures', op: '=', value: 0 } }, lab).pass).toBe(true);
  });
});
