import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the layering lint', () => {
  it('fails an engine file that imports Node, Electron, Svelte or an upper layer', async () => {
    for (const spec of ['node:fs', 'electron', 'svelte', '@lydell/node-pty', '../service/lab-service.js', '../renderer/x.js']) {
      expect(await ruleIds(`import { a } from '${spec}';\nexport const b = a;\n`, 'engine/probe.ts')).toContain(
        'no-restricted-imports',
      );
    }
  });

  it('fails an engine file that reads the real clock or real randomness', async () => {
    expect(await ruleIds('export const t = Date.now();\n', 'engine/probe.ts')).toContain('no-restricted-properties');
    expect(await ruleIds('export const r = Math.random();\n', 'engine/probe.ts')).toContain('no-restricted-properties');
  });

  it('keeps the renderer away from Node and the engine', async () => {
    expect(await ruleIds("import fs from 'node:fs';\nexport const f = fs;\n", 'renderer/probe.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { Lab } from '../engine/lab.js';\nexport const l = Lab;\n", 'renderer/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { LabService } from '../service/lab-service.js';\nexport const s = LabService;\n", 'renderer/probe.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import type { LabApi } from '../service/protocol/lab-api.js';\nexport type A = LabApi;\n", 'renderer/probe.ts'),
    ).toEqual([]);
  });

  it('lets the engine import its own modules', async () => {
    expect(await ruleIds("import { Lab } from './lab.js';\nexport const l = Lab;\n", 'engine/probe.ts')).toEqual([]);
  });
});
