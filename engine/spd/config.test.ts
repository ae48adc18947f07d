import { describe, expect, it } from 'vitest';
import { formatIpsecError } from '../ipsec/errors.js';
import { configurableOn, defaultIpsecConfig, formatBootExemption, parseBootExemptions, setConfig } from './config.js';
import { createSpd } from './lookup.js';
import type { IpsecConfig } from './types.js';

const base = defaultIpsecConfig('2003');

function set(property: string, value: string | number, config: IpsecConfig = base): IpsecConfig {
  const r = setConfig(config, property, value);
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

function error(property: string, value: string | number): string {
  const r = setConfig(base, property, value);
  if (r.ok) throw new Error('expected an error');
  return formatIpsecError(r.error);
}

describe('config defaults per version', () => {
  it('Server 2003: only IKE exempt, permit until a policy was ever assigned, then stateful', () => {
    expect(defaultIpsecConfig('2003')).toEqual({
      ipsecdiagnostics: 0,
      ikelogging: 0,
      strongcrlcheck: 1,
      ipsecloginterval: 3600,
      ipsecexempt: 3,
      bootmode: 'permit',
      bootexemptions: [],
    });
    expect(defaultIpsecConfig('2003', { policyEverAssigned: true }).bootmode).toBe('stateful');
  });

  it('2000 and XP: NoDefaultExempt 0 and no boot-time filtering', () => {
    for (const version of ['2000', 'XP'] as const) {
      expect(defaultIpsecConfig(version, { policyEverAssigned: true })).toMatchObject({ ipsecexempt: 0, bootmode: 'permit' });
    }
  });

  it('only 2003 has netsh; 2000/XP keep the NoDefaultExempt registry value', () => {
    expect(configurableOn('2003')).toEqual({ netsh: true, registry: expect.arrayContaining(['bootmode', 'ipsecexempt']) });
    expect(configurableOn('XP')).toEqual({ netsh: false, registry: ['ipsecexempt'] });
  });

  it('a new SPD starts with the version config and no objects', () => {
    expect(createSpd('XP')).toEqual({ config: defaultIpsecConfig('XP'), mmPolicies: [], qmPolicies: [], mmFilters: [], qmFilters: [], nextId: 1 });
  });
});

describe('set config ranges', () => {
  it.each([
    ['ipsecdiagnostics', 0, 7],
    ['ikelogging', 0, 1],
    ['strongcrlcheck', 0, 2],
    ['ipsecloginterval', 60, 86400],
    ['ipsecexempt', 0, 3],
  ] as const)('%s accepts %d..%d and nothing outside', (property, min, max) => {
    expect(set(property, min)[property]).toBe(min);
    expect(set(property, String(max))[property]).toBe(max);
    expect(error(property, max + 1)).toBe(`ERR IPsec[05020] : The value ${max + 1} for ${property} is not valid: it must be between ${min} and ${max}.`);
    if (min > 0) expect(error(property, min - 1)).toContain(`between ${min} and ${max}`);
  });

  it('rejects non-integers', () => {
    expect(error('ipsecexempt', 'three')).toBe('ERR IPsec[05020] : "three" is not a valid value for ipsecexempt: give an integer from 0 to 3.');
    expect(error('ipsecdiagnostics', '-1')).toContain('give an integer from 0 to 7');
    expect(error('ipsecloginterval', '1.5')).toContain('give an integer');
  });

  it('takes property names in any case and leaves the rest alone', () => {
    expect(set('IPSecExempt', '0')).toEqual({ ...base, ipsecexempt: 0 });
  });

  it('rejects an unknown property', () => {
    expect(error('bootmodes', 'block')).toContain('"bootmodes" is not a configuration property');
  });

  it('bootmode: stateful, block or permit, any case', () => {
    expect(set('bootmode', 'Block').bootmode).toBe('block');
    expect(set('bootmode', 'STATEFUL').bootmode).toBe('stateful');
    expect(error('bootmode', 'deny')).toBe('ERR IPsec[05020] : "deny" is not a valid value for bootmode: use stateful, block or permit.');
  });
});

describe('bootexemptions', () => {
  it('parses a list of protocol:srcport:dstport:direction, protocol by name or number', () => {
    expect(set('bootexemptions', 'tcp:0:3389:inbound 17:0:53:OUTBOUND').bootexemptions).toEqual([
      { protocol: 6, srcport: 0, dstport: 3389, direction: 'inbound' },
      { protocol: 17, srcport: 0, dstport: 53, direction: 'outbound' },
    ]);
  });

  it('none clears the list', () => {
    expect(set('bootexemptions', 'none', set('bootexemptions', 'tcp:0:3389:inbound')).bootexemptions).toEqual([]);
  });

  it.each(['tcp:0:3389', 'tcp:0:70000:inbound', 'gre:0:0:inbound', 'tcp:0:3389:sideways', '', '256:0:0:inbound'])('rejects %j', (value) => {
    expect(parseBootExemptions(value).ok).toBe(false);
  });

  it('formats back to the value= form', () => {
    expect(formatBootExemption({ protocol: 6, srcport: 0, dstport: 3389, direction: 'inbound' })).toBe('tcp:0:3389:inbound');
    expect(formatBootExemption({ protocol: 47, srcport: 0, dstport: 0, direction: 'outbound' })).toBe('47:0:0:outbound');
  });
});
