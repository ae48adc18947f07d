import { describe, expect, it } from 'vitest';
import type { Action } from '../../actions.js';
import { LessonSession } from './session.js';
import { sessionState } from './state.js';
import { cmd, EXAM_LESSON, EXAM_SOLUTION, examInstance, SECURE } from './testing.js';

const instance = examInstance();
const world = (s: LessonSession) => JSON.stringify(s.lab.world);
const played = (...lines: (string | Action)[]) => {
  const session = new LessonSession(instance);
  for (const line of lines) expect(session.apply(typeof line === 'string' ? cmd(line) : line).ok).toBe(true);
  return session;
};

describe('a lesson session', () => {
  it('completes steps in order as actions happen, with the action and simulated time', () => {
    const session = played();
    expect(sessionState(session).steps.map((s) => s.status)).toEqual(['current', 'pending', 'pending']);
    session.apply({ type: 'advance', ms: 60_000 });
    session.apply(cmd('SRV1> net stop policyagent'));
    expect(session.completions).toEqual([{ step: 'stop', action: 2, at: 60_000 }]);
    for (const line of EXAM_SOLUTION.slice(1)) session.apply(cmd(line));
    const state = sessionState(session);
    expect(state.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(state.complete).toBe(true);
    expect(state.feedback).toBeNull();
  });

  it('gives the feedback of the failing check and the diagnosis of the specific mistake', () => {
    const session = played(...EXAM_SOLUTION.slice(0, 2), 'SRV1> netsh ipsec static set policy name="Client (Respond Only)" assign=y');
    const { feedback, current } = sessionState(session);
    expect(current).toBe(2);
    expect(feedback?.checks).toEqual([{ id: 'assigned', pass: false, message: expect.any(String), feedback: `Assign "${SECURE}" on SRV1.` }]);
    expect(feedback?.diagnoses).toEqual(['You assigned the client policy; a server must require security.']);
  });

  it('holds a step back while an invariant is broken', () => {
    const session = played('SRV2> net stop policyagent', 'SRV1> net stop policyagent');
    const state = sessionState(session);
    expect(state.current).toBe(0);
    expect(state.broken).toEqual([{ id: 'srv2-runs', message: expect.any(String), feedback: 'Leave SRV2 alone.' }]);
    session.apply(cmd('SRV2> net start policyagent'));
    expect(session.completions).toEqual([{ step: 'stop', action: 3, at: 0 }]);
  });
});

describe('hints', () => {
  it('logs each reveal and charges it in exam mode, at the hint\'s own cost or the lesson\'s', () => {
    const session = played();
    expect(session.revealHint()).toEqual({ ok: true, text: 'Use net.exe on SRV1.', cost: 2 });
    expect(session.revealHint()).toEqual({ ok: true, text: 'net stop policyagent', cost: 1 });
    expect(session.revealHint()).toEqual({ ok: false, error: 'There are no more hints for this step.' });
    expect(session.log.filter((e) => e.kind === 'hint')).toEqual([
      { kind: 'hint', at: 0, step: 'stop', hint: 0, cost: 2 },
      { kind: 'hint', at: 0, step: 'stop', hint: 1, cost: 1 },
    ]);
    for (const line of EXAM_SOLUTION) session.apply(cmd(line));
    expect(session.score()).toMatchObject({ earned: 7, possible: 10, charged: 3 });
  });

  it('are free in practice mode and refused when the exam hides them', () => {
    const practice = new LessonSession(examInstance({ ...EXAM_LESSON, mode: 'practice' }));
    expect(practice.revealHint()).toMatchObject({ ok: true, cost: 0 });
    const hidden = new LessonSession(examInstance({ ...EXAM_LESSON, hintPolicy: 'hidden' }));
    expect(hidden.revealHint()).toEqual({ ok: false, error: 'Hints are not available in this exam.' });
    expect(sessionState(hidden).steps[0]).toMatchObject({ hintsLeft: 0, nextHintCost: null, hints: [] });
  });
});

describe('locks', () => {
  it('refuse a locked command however it is typed, and change nothing', () => {
    const session = played();
    const before = world(session);
    for (const line of ['SRV1> netsh ipsec dynamic show all', 'SRV1> NETSH.exe ip "d" sh all', 'SRV2> netsh -c "ipsec dynamic" show all']) {
      expect(session.apply(cmd(line))).toEqual({ ok: false, error: 'Refused: "netsh ipsec dynamic" is locked in this lesson; nothing was changed.' });
    }
    expect(world(session)).toBe(before);
    // Inside an interactive netsh, the context typed so far counts too; leaving is never locked.
    session.apply(cmd('SRV1> netsh'));
    session.apply(cmd('SRV1> ipsec'));
    const inside = world(session);
    expect(session.apply(cmd('SRV1> dyn show all')).ok).toBe(false);
    expect(world(session)).toBe(inside);
    expect(session.apply(cmd('SRV1> exit')).ok).toBe(true);
    expect(session.log.filter((e) => e.kind === 'refused')).toHaveLength(4);
    expect(session.actionCount).toBe(3);
  });

  it('lock a GUI tool for one step only', () => {
    const session = played();
    const createGpo: Action = { type: 'directory', domain: 'example.test', change: { op: 'create-gpo', name: 'Pilot' } };
    expect(session.apply(createGpo)).toEqual({ ok: false, error: 'Refused: the gpmc tool is locked in this step; nothing was changed.' });
    const gpos = () => Object.values(session.lab.world.directory.domains['example.test']?.gpos ?? {}).map((g) => g.name);
    expect(gpos()).not.toContain('Pilot');
    session.apply(cmd('SRV1> net stop policyagent'));
    expect(session.apply(createGpo).ok).toBe(true);
    expect(gpos()).toContain('Pilot');
  });
});

describe('undo, reset and checkpoints', () => {
  it('undo rebuilds the world by replaying every action but the last', () => {
    const session = played(...EXAM_SOLUTION);
    expect(session.undo()).toEqual({ ok: true });
    expect(world(session)).toBe(world(played(...EXAM_SOLUTION.slice(0, 2))));
    expect(session.completions.map((c) => c.step)).toEqual(['stop', 'start']);
    expect(sessionState(session).current).toBe(2);
  });

  it('reset returns to the starting world and keeps the log and hints taken', () => {
    const session = played();
    session.revealHint();
    session.apply(cmd(EXAM_SOLUTION[0] ?? ''));
    expect(session.reset()).toEqual({ ok: true });
    expect(world(session)).toBe(world(played()));
    expect(session.log.map((e) => e.kind)).toEqual(['hint', 'action', 'reset']);
    expect(sessionState(session).steps[0]).toMatchObject({ status: 'current', hints: ['Use net.exe on SRV1.'], nextHintCost: 1 });
    expect(session.undo()).toEqual({ ok: false, error: 'There is nothing to undo.' });
  });

  it('restores the world at the start of a step reached, and refuses one not reached', () => {
    const session = played('SRV1> hostname', 'SRV1> net stop policyagent', 'SRV1> ipconfig', 'SRV1> net start policyagent');
    expect(session.checkpoints()).toEqual([{ step: 'stop', actions: 0 }, { step: 'start', actions: 2 }, { step: 'assign', actions: 4 }]);
    expect(session.restore('start')).toEqual({ ok: true });
    expect(world(session)).toBe(world(played('SRV1> hostname', 'SRV1> net stop policyagent')));
    expect(session.restore('assign').ok).toBe(false);
  });
});

describe('score by objective', () => {
  it('sums weighted points per objective', () => {
    const session = played(...EXAM_SOLUTION.slice(0, 2));
    expect(session.score().objectives).toEqual([
      { id: 'service', title: 'Control IPSEC Services', earned: 5, possible: 5, charged: 0 },
      { id: 'policy', title: 'Assign policies', earned: 0, possible: 5, charged: 0 },
    ]);
  });

  it('puts steps without an objective under "general"', () => {
    const steps = EXAM_LESSON.steps.map(({ objective: _objective, ...step }) => step);
    const session = new LessonSession(examInstance({ ...EXAM_LESSON, objectives: undefined, steps }));
    expect(session.score().objectives).toEqual([{ id: 'general', title: 'General', earned: 0, possible: 10, charged: 0 }]);
  });
});

describe('show solution and finishing', () => {
  it('shows the solution lines in practice but not during an exam', () => {
    expect(new LessonSession(instance).solution()).toEqual({ ok: false, error: 'The solution is not shown during an exam.' });
    const practice = new LessonSession(examInstance({ ...EXAM_LESSON, mode: 'practice' }));
    expect(practice.solution()).toEqual({ ok: true, lines: EXAM_SOLUTION });
    expect(world(practice)).toBe(world(new LessonSession(instance)));
  });

  it('changes nothing after the lesson is finished', () => {
    const session = played();
    session.finish();
    expect(session.apply(cmd('SRV1> net stop policyagent')).ok).toBe(false);
    expect(session.revealHint().ok).toBe(false);
    expect(sessionState(session)).toMatchObject({ finished: true, canUndo: false, solutionAvailable: true });
  });

  it('counts exam time down from the wall time it is given', () => {
    const timed = new LessonSession(examInstance({ ...EXAM_LESSON, timeLimit: '30m' }));
    expect(sessionState(timed, 10 * 60_000)).toMatchObject({ timeLimitMs: 30 * 60_000, timeLeftMs: 20 * 60_000 });
    expect(sessionState(timed, 31 * 60_000).timeLeftMs).toBe(0);
  });
});
