import { formatClock } from '../../script/duration.js';
import type { LessonInstance } from '../instance.js';
import { LessonSession, type SessionOptions } from './session.js';
import type { LogEntry } from './types.js';

export interface Replayed {
  readonly session: LessonSession;
  /** Where the replay did not go as the log says (an edited log, or another pack version). */
  readonly problems: readonly string[];
}

type Check = (session: LessonSession, entry: LogEntry) => string | null;

const sameClock = (session: LessonSession, at: number): string | null =>
  session.lab.world.clock === at ? null : `recorded at ${formatClock(at)}, replayed at ${formatClock(session.lab.world.clock)}`;

/** Plays one log entry on the session; says how it differs from what the log recorded. */
const PLAY: { readonly [K in LogEntry['kind']]: (session: LessonSession, entry: Extract<LogEntry, { kind: K }>) => string | null } = {
  action: (session, entry) => {
    const outcome = session.apply(entry.action);
    if (!outcome.ok) return `the action was refused on replay: ${outcome.error}`;
    if (session.actionCount !== entry.n) return `recorded as action ${entry.n}, replayed as action ${session.actionCount}`;
    return sameClock(session, entry.at);
  },
  refused: (session, entry) => {
    const before = session.actionCount;
    const outcome = session.apply(entry.action);
    return outcome.ok || session.actionCount !== before ? 'recorded as refused by a lock, but the lab accepts it' : null;
  },
  hint: (session, entry) => {
    const outcome = session.revealHint();
    if (!outcome.ok) return `the hint cannot be revealed on replay: ${outcome.error}`;
    const last = session.log[session.log.length - 1];
    if (last?.kind !== 'hint' || last.step !== entry.step || last.hint !== entry.hint) return `recorded as hint ${entry.hint + 1} of step "${entry.step}", replay reveals another`;
    return last.cost === entry.cost ? null : `recorded as costing ${entry.cost}, the lesson charges ${last.cost}`;
  },
  undo: (session, entry) => {
    const outcome = session.undo();
    return outcome.ok ? sameClock(session, entry.at) : outcome.error;
  },
  reset: (session) => {
    const outcome = session.reset();
    return outcome.ok ? null : outcome.error;
  },
  restore: (session, entry) => {
    const outcome = session.restore(entry.step);
    return outcome.ok ? sameClock(session, entry.at) : outcome.error;
  },
  solution: (session) => {
    const outcome = session.solution();
    return outcome.ok ? null : outcome.error;
  },
};

/**
 * A fresh session of the instance with the log played on it, entry by entry, as the student
 * played it. The result is the session the log describes, whatever anyone claims about it.
 */
export function replaySession(instance: LessonInstance, log: readonly LogEntry[], options: SessionOptions = {}): Replayed {
  const session = new LessonSession(instance, options);
  const problems: string[] = [];
  log.forEach((entry, i) => {
    const problem = (PLAY[entry.kind] as Check)(session, entry);
    if (problem) problems.push(`entry ${i + 1} (${entry.kind}): ${problem}`);
  });
  return { session, problems };
}
