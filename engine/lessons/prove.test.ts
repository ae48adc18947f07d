import { describe, expect, it } from 'vitest';
import { provePack } from './prove.js';
import { validatePack, type PackSources } from './validate-pack.js';

const MANIFEST = { file: 'pack.yaml', value: { id: 'tiny', title: 'Tiny', version: '0.1.0', authors: ['T'], licence: 'MIT', app: '*' } };

const LESSON = {
  title: 'Restart IPSEC Services',
  lab: 'two-hosts',
  invariants: [{ id: 'srv2-runs', service: { host: 'SRV2', name: 'policyagent', running: true } }],
  steps: [
    { id: 'stop', title: 'Stop it', checks: [{ id: 'stopped', service: { host: 'SRV1', name: 'policyagent', running: false } }], hints: ['Use net.exe on SRV1.'] },
    {
      id: 'start',
      title: 'Start it',
      checks: [{ id: 'restarted', all: [{ ran: { host: 'SRV1', command: 'net start policyagent' } }, { service: { host: 'SRV1', name: 'policyagent', running: true } }] }],
    },
  ],
};

const MARKDOWN = '# Restart\n## Stop\nStop it.\n## Start\nStart it.\n';
const SOLUTION = 'SRV1> net stop policyagent\nSRV1> net start policyagent\n';
const MUTANTS = [{ id: 'never-started', remove: ['SRV1> net start policyagent'] }];

function sources(change: { lesson?: unknown; markdown?: string; solution?: string; mutants?: unknown } = {}): PackSources {
  return {
    manifest: MANIFEST,
    labs: [],
    lessons: [
      {
        id: '01-restart',
        lesson: { file: 'lessons/01-restart/lesson.yaml', value: change.lesson ?? LESSON },
        markdown: { file: 'lessons/01-restart/lesson.md', value: change.markdown ?? MARKDOWN },
        solution: { file: 'lessons/01-restart/solution.txt', value: change.solution ?? SOLUTION },
        mutants: { file: 'lessons/01-restart/mutants.yaml', value: change.mutants ?? MUTANTS },
      },
    ],
  };
}

function prove(change: Parameters<typeof sources>[0] = {}) {
  const { pack, problems } = validatePack(sources(change));
  if (!pack) throw new Error(problems.map((p) => p.message).join('\n'));
  return provePack(pack);
}

describe('proving a lesson', () => {
  it('passes a lesson whose checks fail at the start, whose solution completes and whose mutants fail', () => {
    const proof = prove();
    expect(proof.lessons[0]?.findings).toEqual([]);
    expect(proof).toMatchObject({ ok: true, lessons: [{ lessonId: '01-restart', checks: 2, actions: 2, mutants: 1 }] });
  });

  it('finds a check that already passes on the starting world', () => {
    const lesson = { ...LESSON, steps: [LESSON.steps[0], { ...LESSON.steps[1], checks: [{ id: 'runs', service: { host: 'SRV1', name: 'policyagent', running: true } }] }] };
    const [finding] = prove({ lesson, mutants: [] }).lessons[0]?.findings ?? [];
    expect(finding).toMatchObject({ kind: 'check-passes-at-start', file: 'lessons/01-restart/lesson.yaml', place: { path: ['steps', 1, 'checks', 0] } });
  });

  it('finds a solution that stops short, naming the step and the failing check', () => {
    const findings = prove({ solution: 'SRV1> net stop policyagent\n', mutants: [] }).lessons[0]?.findings;
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'solution-incomplete', message: expect.stringContaining('stops at step "start" (1 of 2 steps done); check "restarted" fails: "net start policyagent" was not run on SRV1') }),
    ]);
  });

  it('finds a mutant no check catches, and an invariant the solution breaks', () => {
    const survivor = prove({ mutants: [{ id: 'harmless', append: ['SRV1> hostname'] }] }).lessons[0]?.findings;
    expect(survivor).toEqual([expect.objectContaining({ kind: 'mutant-survives', place: { path: [0] } })]);
    const broken = prove({ solution: `${SOLUTION}SRV2> net stop policyagent\n`, mutants: [] }).lessons[0]?.findings;
    expect(broken).toEqual([expect.objectContaining({ kind: 'invariant-broken', place: { line: 3 }, message: expect.stringContaining('invariant "srv2-runs" breaks after "SRV2> net stop policyagent"') })]);
  });

  it('finds solution lines the lab refuses', () => {
    const findings = prove({ solution: `${SOLUTION}@action {"type":"move-computer","host":"SRV1","ou":"Nowhere"}\n`, mutants: [] }).lessons[0]?.findings;
    expect(findings).toEqual([expect.objectContaining({ kind: 'solution-rejected', place: { line: 3 } })]);
  });
});

describe('cross-references and lints', () => {
  const problemsOf = (change: Parameters<typeof sources>[0]) => validatePack(sources(change)).problems.map((p) => ({ file: p.file, place: p.place, message: p.message, severity: p.severity }));

  it('names a dangling lab, an unknown host, a missing check id and a duplicate step', () => {
    expect(problemsOf({ lesson: { ...LESSON, lab: 'nope' } })).toContainEqual(expect.objectContaining({ place: { path: ['lab'] }, message: 'there is no lab "nope" in labs/ or built in' }));
    const steps = [{ ...LESSON.steps[0], checks: [{ service: { host: 'SRV9', name: 'policyagent', running: false } }] }, LESSON.steps[0]];
    const found = problemsOf({ lesson: { ...LESSON, steps }, markdown: MARKDOWN });
    expect(found).toContainEqual(expect.objectContaining({ place: { path: ['steps', 0, 'checks', 0, 'service', 'host'] }, message: expect.stringContaining('there is no host SRV9') }));
    expect(found).toContainEqual(expect.objectContaining({ place: { path: ['steps', 0, 'checks', 0] }, message: expect.stringContaining('give this check an id') }));
    expect(found).toContainEqual(expect.objectContaining({ place: { path: ['steps', 1, 'id'] }, message: 'step id "stop" is used twice' }));
  });

  it('wants one Markdown section per step, and warns about hints that give the answer away', () => {
    expect(problemsOf({ markdown: '## Only one\n' })).toContainEqual(expect.objectContaining({ file: 'lessons/01-restart/lesson.md', message: expect.stringContaining('1 "## " section and lesson.yaml 2 steps') }));
    const leaky = { ...LESSON, steps: [{ ...LESSON.steps[0], hints: ['Type: net stop policyagent'] }, LESSON.steps[1]] };
    expect(problemsOf({ lesson: leaky })).toContainEqual(expect.objectContaining({ severity: 'warning', place: { path: ['steps', 0, 'hints', 0] } }));
  });

  it('refuses placeholders without a variable, locked solution lines and mutants that edit nothing', () => {
    const found = problemsOf({ lesson: { ...LESSON, title: 'Restart {{what}}', locks: { commands: ['net stop'] } }, mutants: [{ id: 'm', remove: ['SRV1> ipconfig'] }] });
    expect(found).toContainEqual(expect.objectContaining({ place: { path: ['title'] }, message: 'there is no variable "what" in the lab' }));
    expect(found).toContainEqual(expect.objectContaining({ file: 'lessons/01-restart/solution.txt', place: { line: 1, column: 1 }, message: expect.stringContaining('locks') }));
    expect(found).toContainEqual(expect.objectContaining({ file: 'lessons/01-restart/mutants.yaml', place: { path: [0, 'remove', 0] }, message: 'the solution has no line "SRV1> ipconfig"' }));
  });
});
