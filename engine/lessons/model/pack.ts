import { list, obj, opt, str, type Infer } from '../schema/dsl.js';
import { id, RANGE_PATTERN, SEMVER_PATTERN, text } from './common.js';

/** pack.yaml: who wrote the pack, which version it is, and which app versions can play it. */
export const PackManifestNode = obj(
  {
    id: id('The pack id; results and progress are filed under it. Never change it once students use the pack.'),
    title: text('The pack title shown in the lesson list.'),
    version: str({ pattern: SEMVER_PATTERN, expected: 'a semantic version such as 1.0.0 (in quotes if YAML reads it as a number)', doc: 'The pack version (semver). Raise it whenever lessons change: results record it.' }),
    authors: list(str({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50, doc: 'Authors, e.g. "Ada Lovelace <ada@example.org>".' }),
    licence: str({ minLength: 1, maxLength: 200, doc: 'The licence the pack is published under, e.g. CC-BY-4.0.' }),
    app: str({ pattern: RANGE_PATTERN, expected: 'a version range such as ">=0.1.0 <1.0.0" or "^0.1.0"', doc: 'The IPSec Lab versions that can play this pack.' }),
    description: opt(text('A paragraph about the pack.')),
  },
  'pack.yaml: the manifest of an IPSec Lab lesson pack.',
);

export type PackManifest = Infer<typeof PackManifestNode>;
