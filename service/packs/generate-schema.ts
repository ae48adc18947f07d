import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../project.js';
import { schemaFileTexts } from './schema-files.js';

/*
 * Writes schema/*.schema.json from the pack model. Run after changing engine/lessons/model:
 *   npx tsc -p tsconfig.build.json && node out/service/packs/generate-schema.js
 * test/service/packs-schema.test.ts fails while the shipped files differ from the model.
 */
const dir = join(projectRoot(), 'schema');
await mkdir(dir, { recursive: true });
for (const { name, text } of schemaFileTexts()) {
  await writeFile(join(dir, name), text, 'utf8');
  console.log(`wrote schema/${name}`);
}
