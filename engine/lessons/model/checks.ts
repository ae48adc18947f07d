import { id, text } from './common.js';
import { list, oneKey, opt, ref, type Node } from '../schema/dsl.js';
import { PREDICATE_NODES, type PredicateName, type Predicates } from './predicates.js';

/*
 * A check: one predicate, or all/any/not of other checks. Each may carry an id (required on a
 * step's top-level checks and on invariants, so reports can name them) and failure feedback.
 */

export interface CheckCommon {
  readonly id?: string;
  /** Shown to the student when this check fails ("your filter is not mirrored"). */
  readonly feedback?: string;
}

type OnePredicate = { [K in PredicateName]: { readonly [P in K]: Predicates[K] } }[PredicateName];

export type Check = CheckCommon &
  (OnePredicate | { readonly all: readonly Check[] } | { readonly any: readonly Check[] } | { readonly not: Check });

export const COMBINATORS = ['all', 'any', 'not'] as const;

export const CheckNode: Node<Check> = ref<Check>('check', () =>
  oneKey<Check>(
    {
      id: opt(id('Names the check in reports; required on a step\'s own checks.')),
      feedback: opt(text('Shown to the student when this check fails.')),
    },
    {
      ...PREDICATE_NODES,
      all: list(CheckNode, { minItems: 1, maxItems: 50, doc: 'Passes when every check passes.' }),
      any: list(CheckNode, { minItems: 1, maxItems: 50, doc: 'Passes when at least one check passes.' }),
      not: CheckNode,
    },
    'One predicate (policy, rule, filter, flow, …) or all/any/not of checks.',
  ),
);

/** The predicate or combinator key a (validated) check uses. */
export function checkKind(check: Check): PredicateName | (typeof COMBINATORS)[number] {
  for (const key of Object.keys(check)) {
    if (key !== 'id' && key !== 'feedback') return key as PredicateName;
  }
  throw new Error('A check without a predicate reached evaluation; validation should have refused it.');
}
