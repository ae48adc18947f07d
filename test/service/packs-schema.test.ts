import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../service/project.js';
import { schemaFileTexts } from '../../service/packs/schema-files.js';

describe('the shipped JSON Schemas', () => {
  it.each(schemaFileTexts())('schema/$name is generated from engine/lessons/model.ts', async ({ name, text }) => {
    const shipped = await readFile(join(projectRoot(), 'schema', name), 'utf8').catch(() => '');
    // Regenerate with: npx tsc -p tsconfig.build.json && node out/service/packs/generate-schema.js
    expect(shipped, `schema/${name} is out of date: npx tsc -p tsconfig.build.json && node out/service/packs/generate-schema.js`).toBe(text);
  });
});
