/*
 * The one typed definition of a lesson pack. Each file kind is a schema node (validated by
 * schema/validate.ts, emitted as JSON Schema into schema/ by service/packs/generate-schema.ts)
 * and its TypeScript type is derived from that node.
 *
 *   pack.yaml                      PackManifestNode   model/pack.ts
 *   labs/*.yaml                    LabFileNode        model/lab.ts (variables: model/variables.ts)
 *   lessons/NN-slug/lesson.yaml    LessonFileNode     model/lesson.ts (checks: model/checks.ts)
 *   lessons/NN-slug/mutants.yaml   MutantsFileNode    model/mutants.ts
 *   lessons/NN-slug/lesson.md      Markdown, one `## ` section per step (markdown.ts)
 *   lessons/NN-slug/solution.txt   script lines (script.ts)
 */
export { PackManifestNode, type PackManifest } from './model/pack.js';
export { LabFileNode, type LabFile, type LabHostFile, type LabDomainFile } from './model/lab.js';
export { VariableNode, type VariableDef } from './model/variables.js';
export { LessonFileNode, TOOLS, hintText, type LessonFile, type Step, type Locks, type Hint, type Diagnosis, type Tool } from './model/lesson.js';
export { MutantsFileNode, type Mutant } from './model/mutants.js';
export { CheckNode, checkKind, type Check } from './model/checks.js';
export { PREDICATE_NAMES, type PredicateName, type Predicates } from './model/predicates.js';
export { COUNTER_NAMES, counterLabel, type CounterName } from './model/counters.js';

import type { LabFile } from './model/lab.js';
import type { LessonFile } from './model/lesson.js';
import type { Mutant } from './model/mutants.js';
import type { PackManifest } from './model/pack.js';

/** The files of a pack as they were read; paths are relative to the pack root, with `/`. */
export interface LessonSource {
  /** The folder name, NN-slug: the lesson id. */
  readonly id: string;
  readonly lesson: LessonFile;
  readonly markdown: string;
  readonly solution: string;
  readonly mutants: readonly Mutant[];
}

/** Where a lesson's files are, relative to the pack root. */
export function lessonFile(lessonId: string, name: 'lesson.yaml' | 'lesson.md' | 'solution.txt' | 'mutants.yaml'): string {
  return `lessons/${lessonId}/${name}`;
}

/** A pack that passed validation: every file conforms and every reference resolves. */
export interface Pack {
  readonly manifest: PackManifest;
  /** Pack labs by id, with the file each came from. */
  readonly labs: Readonly<Record<string, { readonly file: string; readonly lab: LabFile }>>;
  /** In folder order. */
  readonly lessons: readonly LessonSource[];
}
