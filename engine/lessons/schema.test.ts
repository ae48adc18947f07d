import { describe, expect, it } from 'vitest';
import { CheckNode, LabFileNode, LessonFileNode, PackManifestNode } from './model.js';
import { toJsonSchema } from './schema/json-schema.js';
import { validateAgainst } from './schema/validate.js';

const MANIFEST = { id: 'p', title: 'P', version: '1.0.0', authors: ['A'], licence: 'MIT', app: '>=0.1.0' };

describe('validating parsed pack files', () => {
  it('accepts a conforming manifest and names each fault by path', () => {
    expect(validateAgainst(PackManifestNode, MANIFEST)).toEqual([]);
    const problems = validateAgainst(PackManifestNode, { ...MANIFEST, version: 1, license: 'MIT', licence: undefined, authors: [] });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ['license'], message: 'unknown field "license" (did you mean "licence"?)' },
        { path: [], message: 'missing required field "licence"' },
        { path: ['authors'], message: 'needs at least 1 item' },
        expect.objectContaining({ path: ['version'], message: expect.stringContaining('expected a semantic version') }),
      ]),
    );
  });

  it('asks for quotes when YAML reads a Windows version as a number', () => {
    const lab = { id: 'l', title: 'L', hosts: [{ name: 'S', version: 2003, nic: { address: '10.0.0.1' } }] };
    expect(validateAgainst(LabFileNode, lab)).toEqual([{ path: ['hosts', 0, 'version'], message: 'write "2003" in quotes: this field takes text (2000, XP, 2003)' }]);
  });

  it('lets a placeholder stand where a pattern is checked later', () => {
    const lab = { id: 'l', title: 'L', hosts: [{ name: '{{srv}}', version: '2003', nic: { address: '{{ip}}' } }] };
    expect(validateAgainst(LabFileNode, lab)).toEqual([]);
    expect(validateAgainst(LabFileNode, { ...lab, hosts: [{ ...lab.hosts[0], nic: { address: '10.0.0' } }] })[0]?.message).toContain('is not an IPv4 address');
  });

  it('wants exactly one predicate per check, recursively', () => {
    expect(validateAgainst(CheckNode, { id: 'x', feedback: 'f' })[0]?.message).toMatch(/^expected exactly one of: policy, rule/);
    expect(validateAgainst(CheckNode, { policy: { host: 'A', name: 'P' }, flow: { from: 'A', to: 'B', protocol: 'tcp', expect: 'esp' } })[0]?.message).toContain('found "policy" and "flow"');
    const nested = { all: [{ not: { flow: { from: 'A', to: 'B', protocol: 'tcp', expect: 'encrypted' } } }] };
    expect(validateAgainst(CheckNode, nested)).toEqual([{ path: ['all', 0, 'not', 'flow', 'expect'], message: 'expected one of: esp, ah, clear, blocked, found text "encrypted"' }]);
    expect(validateAgainst(CheckNode, { filter: { host: 'A', list: 'L', mirorred: true } })[0]?.message).toBe('unknown field "mirorred" (did you mean "mirrored"?)');
  });

  it('refuses checks nested absurdly deep instead of overflowing', () => {
    let check: unknown = { ran: { command: 'x' } };
    for (let i = 0; i < 5000; i++) check = { not: check };
    expect(validateAgainst(CheckNode, check)[0]?.message).toContain('nested more than');
  });
});

describe('JSON Schema emission', () => {
  const schema = toJsonSchema(LessonFileNode, { id: 'x', title: 'T', description: 'D' }) as Record<string, unknown>;

  it('puts recursive checks under $defs and makes each predicate a oneOf branch', () => {
    const defs = schema.$defs as Record<string, Record<string, unknown>>;
    const check = defs.check;
    expect(check?.additionalProperties).toBe(false);
    expect(check?.oneOf).toContainEqual({ required: ['flow'] });
    expect(JSON.stringify(schema)).toContain('"$ref":"#/$defs/check"');
  });

  it('closes every object and marks required fields', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'lab', 'steps']);
  });
});
