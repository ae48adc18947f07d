import { describe, expect, it } from 'vitest';
import { satisfies } from './semver.js';
import { drawVariables, placeholders, placeholdersInText, substitute } from './variables.js';

describe('lab variables', () => {
  const defs = {
    ou: { choice: ['Test', 'Pilot', 'Staging'] },
    a: { address: { subnet: '10.1.0.0/29' } },
    b: { address: { subnet: '10.1.0.0/29' } },
    key: { secret: { length: 16 } },
    port: { number: { min: 1024, max: 1030 } },
  } as const;

  it('draws the same values for the same seed and others for another seed', () => {
    const one = drawVariables(defs, 42).values;
    expect(drawVariables(defs, 42).values).toEqual(one);
    const seeds = [1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(drawVariables(defs, s).values));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(one.key).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(Number(one.port)).toBeGreaterThanOrEqual(1024);
  });

  it('never repeats an address or takes one the lab uses', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { values, failed } = drawVariables(defs, seed, ['10.1.0.1']);
      expect(failed).toEqual([]);
      expect(new Set([values.a, values.b, '10.1.0.1']).size).toBe(3);
    }
    expect(drawVariables({ x: { address: { subnet: '10.1.0.0/30' } }, y: { address: { subnet: '10.1.0.0/30' } } }, 1, ['10.1.0.1']).failed).toEqual(['y']);
  });

  it('substitutes placeholders everywhere and finds them with their places', () => {
    const data = { title: 'OU {{ou}}', steps: [{ checks: [{ member: { ou: 'Servers/{{ ou }}' } }] }], n: 3 };
    expect(substitute(data, { ou: 'Test' })).toEqual({ title: 'OU Test', steps: [{ checks: [{ member: { ou: 'Servers/Test' } }] }], n: 3 });
    expect(placeholders(data).map((p) => p.path)).toEqual([['title'], ['steps', 0, 'checks', 0, 'member', 'ou']]);
    expect(placeholdersInText('a\n  b {{key}}')).toEqual([{ line: 2, column: 5, name: 'key' }]);
  });
});

describe('app version ranges', () => {
  it('reads the usual comparators', () => {
    expect(satisfies('0.1.0', '>=0.1.0 <1.0.0')).toBe(true);
    expect(satisfies('1.0.0', '>=0.1.0 <1.0.0')).toBe(false);
    expect(satisfies('0.1.5', '^0.1.0')).toBe(true);
    expect(satisfies('0.2.0', '^0.1.0')).toBe(false);
    expect(satisfies('1.2.9', '~1.2.3')).toBe(true);
    expect(satisfies('2.0.0', '*')).toBe(true);
    expect(satisfies('1.0.0-beta', '>=1.0.0')).toBe(false);
  });
});
