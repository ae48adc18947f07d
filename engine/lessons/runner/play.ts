import type { ApplyOutcome } from '../../lab.js';
import type { SessionOp } from './script.js';
import type { LessonSession } from './session.js';

/** What one scripted op did, as `ipsec-lab run --pack` reports it. */
export type Played =
  | { readonly ok: true; readonly outcome?: ApplyOutcome; readonly text?: string; readonly cost?: number; readonly lines?: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** Plays one op on the session exactly as the lesson pane or a console would. */
export function playOp(session: LessonSession, op: SessionOp): Played {
  switch (op.op) {
    case 'action': {
      const outcome = session.apply(op.action);
      return outcome.ok ? { ok: true, outcome } : outcome;
    }
    case 'hint':
      return session.revealHint();
    case 'undo':
      return session.undo();
    case 'reset':
      return session.reset();
    case 'restore':
      return session.restore(op.step);
    case 'solution':
      return session.solution();
  }
}
