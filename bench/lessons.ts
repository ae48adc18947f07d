import type { Action } from '../engine/actions.js';
import type { Check } from '../engine/lessons/model.js';
import { LessonSession, regrade, resultOf } from '../engine/lessons/runner/index.js';
import { cmd, EXAM_LESSON, EXAM_SOLUTION, examInstance, SECURE } from '../engine/lessons/runner/testing.js';
import { timeMs, type Figure } from './measure.js';

/*
 * The lesson runner's two speed targets (issue 5): re-grading a step of fifty checks after an
 * action (< 1 ms), and replaying and re-grading a 500-action transcript (< 200 ms).
 */

/** Ten predicates of every family (as in checks-speed.test.ts), repeated to fifty; the last fails. */
const MIX: readonly Check[] = [
  { policy: { host: 'SRV1', name: SECURE, assigned: true } },
  { rule: { host: 'SRV1', policy: SECURE, filterlist: 'All IP Traffic' } },
  { filter: { host: 'SRV1', list: 'All IP Traffic', src: 'me', dst: 'any', mirrored: true } },
  { filteraction: { host: 'SRV1', name: 'Require Security', action: 'negotiate', firstMethod: 'ESP[3DES,SHA1]' } },
  { effective: { host: 'SRV1', policy: SECURE } },
  { flow: { from: 'SRV1', to: 'SRV2', protocol: 'tcp', port: 445, expect: 'esp' } },
  { link: { domain: 'example.test', gpo: 'Default Domain Policy' } },
  { member: { host: 'SRV1', ou: null } },
  { not: { service: { host: 'SRV1', name: 'policyagent', running: false } } },
  { ran: { command: 'netsh ipsec static set policy' } },
];

function fiftyCheckSession(): LessonSession {
  const checks = Array.from({ length: 50 }, (_, i) => ({ id: `c${i + 1}`, ...(i === 49 ? { power: { host: 'SRV1', online: false } } : MIX[i % MIX.length]) }));
  const lesson = { ...EXAM_LESSON, invariants: [], steps: [{ id: 'fifty', title: 'Fifty checks', checks }] };
  const session = new LessonSession(examInstance(lesson));
  session.apply(cmd(`SRV1> netsh ipsec static set policy name="${SECURE}" assign=y`));
  session.apply(cmd('SRV2> netsh ipsec static set policy name="Client (Respond Only)" assign=y'));
  return session;
}

/** 500 student actions: filters written and shown, look-ups, pings, the clock, then the solution. */
function fiveHundredActions(): Action[] {
  const actions: Action[] = [];
  for (let i = 0; actions.length < 500 - EXAM_SOLUTION.length; i++) {
    const kind = i % 5;
    if (kind === 0) actions.push(cmd(`SRV1> netsh ipsec static add filter filterlist="List ${i % 20}" srcaddr=me dstaddr=10.0.${i % 250}.${(i % 200) + 1}`));
    else if (kind === 1) actions.push(cmd('SRV1> ipconfig'));
    else if (kind === 2) actions.push(cmd(`SRV1> netsh ipsec static show filterlist name="List ${i % 20}"`));
    else if (kind === 3) actions.push(cmd('SRV2> ping -n 1 srv1'));
    else actions.push({ type: 'advance', ms: 30_000 });
  }
  return [...actions, ...EXAM_SOLUTION.map(cmd)];
}

export async function lessonFigures(): Promise<Figure[]> {
  const fifty = fiftyCheckSession();
  const regrade50 = timeMs(() => fifty.recheck(), 200, 20);

  const instance = examInstance();
  const session = new LessonSession(instance);
  for (const action of fiveHundredActions()) {
    const outcome = session.apply(action);
    if (!outcome.ok) throw new Error(outcome.error);
  }
  session.finish();
  const result = resultOf(session, { pack: { id: 'exam', version: '1.0.0', hash: '0'.repeat(64) }, student: 'bench', app: 'bench' });
  const replay500 = timeMs(() => {
    if (!regrade(instance, result).matches) throw new Error('the 500-action replay does not match its claim');
  }, 9, 2);

  return [
    { name: 'lessons.regrade.50checks', value: regrade50, unit: 'ms', op: '<', target: 1 },
    { name: 'lessons.replayRegrade.500actions', value: replay500, unit: 'ms', op: '<', target: 200 },
  ];
}
