import type { Action } from '../../actions.js';
import { instantiate, type LessonInstance } from '../instance.js';
import type { Pack } from '../model.js';
import { validatePack, type PackSources } from '../validate-pack.js';

/* A small exam on the built-in two-hosts lab, for the runner's tests and benchmarks. */

export const SECURE = 'Secure Server (Require Security)';

export const EXAM_LESSON = {
  title: 'Service and policy',
  lab: 'two-hosts',
  mode: 'exam',
  hintCost: 2,
  objectives: [
    { id: 'service', title: 'Control IPSEC Services' },
    { id: 'policy', title: 'Assign policies' },
  ],
  locks: { commands: ['netsh ipsec dynamic'] },
  invariants: [{ id: 'srv2-runs', service: { host: 'SRV2', name: 'policyagent', running: true }, feedback: 'Leave SRV2 alone.' }],
  steps: [
    {
      id: 'stop',
      title: 'Stop IPSEC Services on SRV1',
      objective: 'service',
      points: 3,
      checks: [{ id: 'stopped', service: { host: 'SRV1', name: 'policyagent', running: false }, feedback: 'IPSEC Services still runs on SRV1.' }],
      hints: ['Use net.exe on SRV1.', { text: 'net stop policyagent', cost: 1 }],
      locks: { tools: ['gpmc'] },
    },
    {
      id: 'start',
      title: 'Start it again',
      objective: 'service',
      points: 2,
      checks: [{ id: 'running', service: { host: 'SRV1', name: 'policyagent', running: true }, feedback: 'Start IPSEC Services on SRV1 again.' }],
    },
    {
      id: 'assign',
      title: 'Assign Secure Server',
      objective: 'policy',
      points: 5,
      checks: [{ id: 'assigned', policy: { host: 'SRV1', name: SECURE, assigned: true }, feedback: `Assign "${SECURE}" on SRV1.` }],
      diagnoses: [{ when: { policy: { host: 'SRV1', name: 'Client (Respond Only)', assigned: true } }, feedback: 'You assigned the client policy; a server must require security.' }],
      hints: ['netsh ipsec static set policy'],
    },
  ],
};

export const EXAM_SOLUTION = ['SRV1> net stop policyagent', 'SRV1> net start policyagent', `SRV1> netsh ipsec static set policy name="${SECURE}" assign=y`];

/** lesson.md with one section per step, as validation wants. */
function markdownOf(lesson: object): string {
  const steps = (lesson as { steps: readonly { title: string }[] }).steps;
  return `# Exam\n${steps.map((s) => `## ${s.title}\nDo it.\n`).join('')}`;
}

export function examPack(lesson: object = EXAM_LESSON): Pack {
  const sources: PackSources = {
    manifest: { file: 'pack.yaml', value: { id: 'exam', title: 'Exam', version: '1.0.0', authors: ['T'], licence: 'MIT', app: '*' } },
    labs: [],
    lessons: [
      {
        id: '01-exam',
        lesson: { file: 'lessons/01-exam/lesson.yaml', value: lesson },
        markdown: { file: 'lessons/01-exam/lesson.md', value: markdownOf(lesson) },
        solution: { file: 'lessons/01-exam/solution.txt', value: `${EXAM_SOLUTION.join('\n')}\n` },
      },
    ],
  };
  const { pack, problems } = validatePack(sources);
  if (!pack) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  return pack;
}

export function examInstance(lesson: object = EXAM_LESSON, seed = 1): LessonInstance {
  const { instance, problems } = instantiate(examPack(lesson), '01-exam', seed);
  if (!instance) throw new Error(problems.map((p) => p.message).join('\n'));
  return instance;
}

/** `HOST> line` as a command action. */
export function cmd(text: string): Action {
  const at = text.indexOf('> ');
  return { type: 'command', host: text.slice(0, at), line: text.slice(at + 2) };
}
