import { int, list, obj, oneOf, opt, str, union, type Infer } from '../schema/dsl.js';
import { CheckNode } from './checks.js';
import { duration, id, text } from './common.js';

/*
 * lessons/NN-slug/lesson.yaml: which lab, which mode, and the steps. A step passes when all its
 * checks pass after some action; steps are taken in order. lesson.md holds one `## ` section
 * per step, in the same order.
 */

/** GUI tools a lesson can lock (the console is locked through `commands`). */
export const TOOLS = ['ipsec-policies', 'gpmc', 'aduc', 'ip-security-monitor'] as const;
export type Tool = (typeof TOOLS)[number];

const LocksNode = obj(
  {
    commands: opt(list(str({ minLength: 1, maxLength: 200 }), { maxItems: 50, doc: 'Command lines starting with any of these are refused, e.g. "netsh ipsec dynamic".' })),
    tools: opt(list(oneOf(TOOLS), { maxItems: TOOLS.length, doc: 'GUI tools the student may not use.' })),
  },
  'What the student may not use.',
);

const HintNode = union(
  [
    text('The hint text.'),
    obj({ text: text('The hint text.'), cost: opt(int({ min: 0, max: 1000, doc: 'Points it costs in exam mode (default: the lesson\'s hintCost).' })) }),
  ],
  'A hint; the ladder reveals them one at a time, in order.',
);

const DiagnosisNode = obj(
  {
    when: CheckNode,
    feedback: text('Shown while `when` holds and the step is not passed.'),
  },
  'Feedback for a specific wrong state ("you assigned the policy to the whole domain").',
);

const StepNode = obj({
  id: id('Step id; unique in the lesson.'),
  title: text('Step title.'),
  objective: opt(id('The objective the step\'s points count towards.')),
  points: opt(int({ min: 0, max: 1000, doc: 'Points in exam mode (default 1).' })),
  checks: list(CheckNode, { minItems: 1, maxItems: 50, doc: 'All must pass for the step to pass.' }),
  diagnoses: opt(list(DiagnosisNode, { maxItems: 50 })),
  hints: opt(list(HintNode, { maxItems: 10 })),
  locks: opt(LocksNode),
});

const ObjectiveNode = obj({ id: id(), title: text() });

export const LessonFileNode = obj(
  {
    title: text('Lesson title.'),
    lab: id('The lab: the id of a lab in labs/ or a built-in lab (two-hosts).'),
    mode: opt(oneOf(['practice', 'exam'] as const, 'practice (default): hints free; exam: timer, hints charged or hidden, points.')),
    summary: opt(text('One line for the lesson list.')),
    timeLimit: opt(duration('Exam time limit in real time, such as 45m.')),
    hintPolicy: opt(oneOf(['free', 'charged', 'hidden'] as const, 'Default: free in practice, charged in exam.')),
    hintCost: opt(int({ min: 0, max: 1000, doc: 'Points a hint costs when charged (default 1).' })),
    objectives: opt(list(ObjectiveNode, { maxItems: 30 })),
    locks: opt(LocksNode),
    invariants: opt(list(CheckNode, { maxItems: 50, doc: 'Checks that must hold from the start and keep holding after every action.' })),
    steps: list(StepNode, { minItems: 1, maxItems: 50 }),
  },
  'lesson.yaml: a lesson of a pack.',
);

export type LessonFile = Infer<typeof LessonFileNode>;
export type Step = Infer<typeof StepNode>;
export type Locks = Infer<typeof LocksNode>;
export type Hint = Infer<typeof HintNode>;
export type Diagnosis = Infer<typeof DiagnosisNode>;

export function hintText(hint: Hint): string {
  return typeof hint === 'string' ? hint : hint.text;
}
