import { describe, expect, it } from 'vitest';
import { setConfig } from './config.js';
import { createSpd, type SpdResult } from './lookup.js';
import {
  addMmPolicy,
  addQmPolicy,
  deleteAllMmPolicies,
  deleteAllQmPolicies,
  deleteMmPolicy,
  deleteQmPolicy,
  setMmPolicy,
  setQmPolicy,
} from './ops-policy.js';
import { addRule, deleteAll, deleteRule, restartPolicyAgent, setRule } from './ops-rule.js';
import type { Spd } from './types.js';

/** Freezes every object and array, so a mutating operation throws (ES modules are strict). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function must(r: SpdResult): Spd {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const me = { kind: 'me' } as const;
const peer = { kind: 'host', address: '192.168.1.20' } as const;

function fixture(): Spd {
  let spd = createSpd('2003');
  spd = must(addMmPolicy(spd, { name: 'MM1' }));
  spd = must(addQmPolicy(spd, { name: 'QM1' }));
  spd = must(addRule(spd, { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1', qmpolicy: 'QM1' }));
  return spd;
}

const failing: [string, (s: Spd) => SpdResult][] = [
  ['add mmpolicy duplicate', (s) => addMmPolicy(s, { name: 'MM1' })],
  ['add mmpolicy bad range', (s) => addMmPolicy(s, { name: 'X', mmlifetime: 0 })],
  ['set mmpolicy missing', (s) => setMmPolicy(s, { name: 'X' })],
  ['set mmpolicy bad range', (s) => setMmPolicy(s, { name: 'MM1', qmpermm: -2 })],
  ['delete mmpolicy in use', (s) => deleteMmPolicy(s, 'MM1')],
  ['delete mmpolicy all in use', (s) => deleteAllMmPolicies(s)],
  ['add qmpolicy duplicate', (s) => addQmPolicy(s, { name: 'QM1' })],
  ['set qmpolicy bad offers', (s) => setQmPolicy(s, { name: 'QM1', qmsecmethods: [] })],
  ['delete qmpolicy in use', (s) => deleteQmPolicy(s, 'QM1')],
  ['delete qmpolicy all in use', (s) => deleteAllQmPolicies(s)],
  ['add rule duplicate', (s) => addRule(s, { srcaddr: me, dstaddr: peer, mmpolicy: 'MM1', qmpolicy: 'QM1' })],
  ['add rule missing policy', (s) => addRule(s, { srcaddr: me, dstaddr: peer, protocol: 6, mmpolicy: 'Nope', qmpolicy: 'QM1' })],
  ['add rule mm filter clash', (s) => addRule(s, { srcaddr: me, dstaddr: peer, protocol: 6, mmpolicy: 'MM1', qmpolicy: 'QM1', authMethods: [{ kind: 'psk', key: 'x' }] })],
  ['set rule missing', (s) => setRule(s, { srcaddr: me, dstaddr: peer, protocol: 17, qmpolicy: 'QM1' })],
  ['set rule bad policy', (s) => setRule(s, { srcaddr: me, dstaddr: peer, mmpolicy: 'Nope' })],
  ['delete rule missing', (s) => deleteRule(s, { srcaddr: peer, dstaddr: me })],
];

describe('every failed operation leaves the SPD exactly as it was', () => {
  it.each(failing)('%s', (_name, op) => {
    const spd = deepFreeze(fixture());
    const before = structuredClone(spd);
    const result = op(spd);
    expect(result.ok).toBe(false);
    expect(spd).toEqual(before);
  });

  it('a failed set config leaves the config as it was', () => {
    const spd = deepFreeze(fixture());
    expect(setConfig(spd.config, 'ipsecexempt', 9).ok).toBe(false);
    expect(spd.config).toEqual(fixture().config);
  });
});

describe('successful operations never mutate their input either', () => {
  const succeeding: [string, (s: Spd) => SpdResult | Spd][] = [
    ['add mmpolicy', (s) => addMmPolicy(s, { name: 'MM2', default: true })],
    ['set mmpolicy', (s) => setMmPolicy(s, { name: 'MM1', mmlifetime: 5 })],
    ['add qmpolicy', (s) => addQmPolicy(s, { name: 'QM2', default: true })],
    ['set qmpolicy', (s) => setQmPolicy(s, { name: 'QM1', soft: true })],
    ['add rule', (s) => addRule(s, { srcaddr: me, dstaddr: peer, protocol: 6, mmpolicy: 'MM1', qmpolicy: 'QM1' })],
    ['set rule', (s) => setRule(s, { srcaddr: me, dstaddr: peer, actioninbound: 'permit', authMethods: [{ kind: 'psk', key: 'k' }] })],
    ['delete rule', (s) => deleteRule(s, { srcaddr: me, dstaddr: peer })],
    ['delete all', (s) => deleteAll(s)],
    ['restart', (s) => restartPolicyAgent(s)],
  ];

  it.each(succeeding)('%s', (_name, op) => {
    const spd = deepFreeze(fixture());
    const result = op(spd);
    expect('ok' in result ? result.ok : true).toBe(true);
    expect(spd).toEqual(fixture());
  });

  it('results are plain JSON', () => {
    const spd = fixture();
    expect(JSON.parse(JSON.stringify(spd))).toEqual(spd);
  });
});
