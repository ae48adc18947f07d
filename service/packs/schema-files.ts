import { LabFileNode, LessonFileNode, MutantsFileNode, PackManifestNode, toJsonSchema, type JsonSchema } from '../../engine/lessons/index.js';
import type { Spec } from '../../engine/lessons/schema/dsl.js';

/** The JSON Schemas shipped in schema/, one per pack file kind, all from engine/lessons/model.ts. */
const FILES: readonly { name: string; spec: Spec; title: string; description: string }[] = [
  { name: 'pack.schema.json', spec: PackManifestNode, title: 'IPSec Lab pack manifest', description: 'pack.yaml at the root of a lesson pack.' },
  { name: 'lab.schema.json', spec: LabFileNode, title: 'IPSec Lab lab', description: 'labs/*.yaml: a lab topology, its starting state and its variables.' },
  { name: 'lesson.schema.json', spec: LessonFileNode, title: 'IPSec Lab lesson', description: 'lessons/NN-slug/lesson.yaml: steps, checks, hints, locks.' },
  { name: 'mutants.schema.json', spec: MutantsFileNode, title: 'IPSec Lab lesson mutants', description: 'lessons/NN-slug/mutants.yaml: near-miss solutions that must fail.' },
];

export const SCHEMA_BASE_ID = 'https://ipsec-lab.invalid/schema/';

export function schemaDocuments(): { name: string; schema: JsonSchema }[] {
  return FILES.map((f) => ({ name: f.name, schema: toJsonSchema(f.spec, { id: `${SCHEMA_BASE_ID}${f.name}`, title: f.title, description: f.description }) }));
}

/** The exact text of each file in schema/: stable key order, two-space indent, final newline. */
export function schemaFileTexts(): { name: string; text: string }[] {
  return schemaDocuments().map(({ name, schema }) => ({ name, text: `${JSON.stringify(schema, null, 2)}\n` }));
}
