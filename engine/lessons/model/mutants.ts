import { list, obj, opt, str, type Infer } from '../schema/dsl.js';
import { id, scriptLine, text } from './common.js';

/*
 * lessons/NN-slug/mutants.yaml: near misses. Each is the reference solution changed a little
 * (a line removed, replaced or added) or a whole other script; each must fail the lesson.
 */

const MutantNode = obj({
  id: id('Mutant id; unique in the lesson.'),
  description: opt(text('The mistake it stands for.')),
  remove: opt(list(scriptLine(), { maxItems: 100, doc: 'Solution lines to drop (exact text).' })),
  replace: opt(list(obj({ from: scriptLine(), to: scriptLine() }), { maxItems: 100, doc: 'Solution lines to change.' })),
  append: opt(list(scriptLine(), { maxItems: 100, doc: 'Lines to add at the end.' })),
  script: opt(str({ minLength: 1, maxLength: 200_000, templated: true, doc: 'A whole script instead of the solution.' })),
});

export const MutantsFileNode = list(MutantNode, { maxItems: 100, doc: 'mutants.yaml: near-miss solutions that must fail the lesson.' });

export type Mutant = Infer<typeof MutantNode>;
