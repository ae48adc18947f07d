import { describe, expect, it } from 'vitest';
import { regrade, resultOf, type LessonResult } from './result.js';
import { parseResult } from './result-shape.js';
import { replaySession } from './replay.js';
import { LessonSession } from './session.js';
import { cmd, EXAM_SOLUTION, examInstance } from './testing.js';

const instance = examInstance();
const META = { pack: { id: 'exam', version: '1.0.0', hash: 'a'.repeat(64) }, student: 'ada', app: '0.1.0' };

/** A session with hints, a wrong turn undone, a reset and a checkpoint restored. */
function eventful(): LessonSession {
  const session = new LessonSession(instance);
  session.revealHint();
  session.apply(cmd('SRV1> net stop policyagent'));
  session.apply(cmd('SRV1> netsh ipsec dynamic show all'));
  session.apply({ type: 'advance', ms: 90_000 });
  session.undo();
  session.reset();
  for (const line of EXAM_SOLUTION.slice(0, 2)) session.apply(cmd(line));
  session.apply(cmd('SRV1> hostname'));
  session.restore('start');
  session.apply(cmd(EXAM_SOLUTION[1] ?? ''));
  session.apply(cmd(EXAM_SOLUTION[2] ?? ''));
  session.finish();
  return session;
}

describe('results and re-grading by replay', () => {
  it('replays a log with hints, refusals, undo, reset and restore to the same world and score', () => {
    const original = eventful();
    const { session, problems } = replaySession(instance, original.log);
    expect(problems).toEqual([]);
    expect(JSON.stringify(session.lab.world)).toBe(JSON.stringify(original.lab.world));
    expect(session.score()).toEqual(original.score());
    expect(original.score()).toMatchObject({ earned: 8, possible: 10, charged: 2 });
  });

  it('finds an honest result matching, and survives a JSON round trip', () => {
    const result = JSON.parse(JSON.stringify(resultOf(eventful(), META))) as unknown;
    const parsed = parseResult(result);
    if (typeof parsed === 'string') throw new Error(parsed);
    const graded = regrade(instance, parsed);
    expect(graded.differences).toEqual([]);
    expect(graded.matches).toBe(true);
  });

  it('flags a changed claimed score', () => {
    const result = resultOf(eventful(), META);
    const graded = regrade(instance, { ...result, claim: { ...result.claim, earned: 10 } });
    expect(graded.matches).toBe(false);
    expect(graded.differences).toEqual(['claimed 10/10, the replay scores 8/10']);
  });

  it('flags an action slipped into the transcript', () => {
    const result = resultOf(eventful(), META);
    const transcript = [{ kind: 'action', n: 1, at: 0, action: cmd('SRV1> hostname') } as const, ...result.transcript];
    const graded = regrade(instance, { ...result, transcript });
    expect(graded.matches).toBe(false);
    expect(graded.differences.join('\n')).toMatch(/entry 3 \(action\): recorded as action 1, replayed as action 2/);
  });

  it('flags a result that claims practice mode for an exam lesson', () => {
    const result: LessonResult = resultOf(eventful(), META);
    const graded = regrade(instance, { ...result, mode: 'practice' });
    expect(graded.differences).toEqual(['the result says practice mode; this lesson is an exam']);
  });

  it('refuses a malformed result before replaying anything', () => {
    const result = resultOf(eventful(), META);
    expect(parseResult([])).toBe('not a result file (expected a JSON object)');
    expect(parseResult({ ...result, seed: -1 })).toMatch(/^seed: /);
    expect(parseResult({ ...result, transcript: [{ kind: 'action', n: 1, at: 0, action: { type: 'format-disk' } }] })).toBe('transcript.0.action: not an action');
    expect(parseResult({ ...result, transcript: [{ kind: 'teleport', at: 0 }] })).toBe('transcript.0: not a transcript entry');
  });
});
