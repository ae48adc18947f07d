import type { LessonInstance } from '../instance.js';
import { replaySession } from './replay.js';
import { modeOf } from './score.js';
import type { LessonSession } from './session.js';
import type { Completion, LogEntry, Mode, ScoreReport } from './types.js';

/*
 * A result file: what a student did (the session log, actions with their simulated times) and
 * what their copy of the app claims it scored. `ipsec-lab grade` never trusts the claim: it
 * replays the log on a fresh world from the pack and seed and compares.
 */

export const RESULT_FORMAT = 'ipsec-lab-result';
export const RESULT_FORMAT_VERSION = 1;

export interface PackRef {
  readonly id: string;
  readonly version: string;
  /** sha256 of the pack's files, computed by the service that loaded it. */
  readonly hash: string;
}

export interface ResultClaim {
  readonly earned: number;
  readonly possible: number;
  readonly objectives: readonly { readonly id: string; readonly earned: number; readonly possible: number }[];
  readonly steps: readonly Completion[];
  readonly actions: number;
  readonly clock: number;
  /** A digest of the final world, so a claim made from another transcript shows. */
  readonly world: string;
}

export interface LessonResult {
  readonly format: typeof RESULT_FORMAT;
  readonly formatVersion: typeof RESULT_FORMAT_VERSION;
  readonly pack: PackRef;
  readonly lesson: string;
  readonly seed: number;
  readonly mode: Mode;
  readonly student: string;
  readonly app: string;
  /** Wall-clock facts from the student's machine: shown, never trusted for the score. */
  readonly started: string | null;
  readonly finished: string | null;
  readonly wallMs: number | null;
  readonly transcript: readonly LogEntry[];
  readonly claim: ResultClaim;
}

export interface ResultMeta {
  readonly pack: PackRef;
  readonly student: string;
  readonly app: string;
  readonly started?: string;
  readonly finished?: string;
  readonly wallMs?: number;
}

/** FNV-1a, twice with different offsets: 64 bits of digest, pure and fast. Not a secret. */
export function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

export function claimOf(session: LessonSession): ResultClaim {
  const score = session.score();
  return {
    earned: score.earned,
    possible: score.possible,
    objectives: score.objectives.map((o) => ({ id: o.id, earned: o.earned, possible: o.possible })),
    steps: [...session.completions],
    actions: session.actionCount,
    clock: session.lab.world.clock,
    world: digest(JSON.stringify(session.lab.world)),
  };
}

export function resultOf(session: LessonSession, meta: ResultMeta): LessonResult {
  return {
    format: RESULT_FORMAT,
    formatVersion: RESULT_FORMAT_VERSION,
    pack: meta.pack,
    lesson: session.instance.lessonId,
    seed: session.instance.seed,
    mode: session.mode,
    student: meta.student,
    app: meta.app,
    started: meta.started ?? null,
    finished: meta.finished ?? null,
    wallMs: meta.wallMs ?? null,
    transcript: [...session.log],
    claim: claimOf(session),
  };
}

const steps = (list: readonly Completion[]) => (list.length ? list.map((c) => `${c.step}@${c.action}`).join(' ') : 'none');

/** Each way the claim differs from the replay, in words. */
export function compareClaims(claimed: ResultClaim, actual: ResultClaim): string[] {
  const out: string[] = [];
  if (claimed.earned !== actual.earned || claimed.possible !== actual.possible) out.push(`claimed ${claimed.earned}/${claimed.possible}, the replay scores ${actual.earned}/${actual.possible}`);
  for (const o of actual.objectives) {
    const c = claimed.objectives.find((x) => x.id === o.id);
    if (!c || c.earned !== o.earned || c.possible !== o.possible) out.push(`objective ${o.id}: claimed ${c ? `${c.earned}/${c.possible}` : 'nothing'}, the replay scores ${o.earned}/${o.possible}`);
  }
  if (JSON.stringify(claimed.steps) !== JSON.stringify(actual.steps)) out.push(`steps claimed done: ${steps(claimed.steps)}; the replay: ${steps(actual.steps)}`);
  if (claimed.actions !== actual.actions) out.push(`claimed ${claimed.actions} actions, the transcript replays ${actual.actions}`);
  if (claimed.clock !== actual.clock) out.push(`claimed a final clock of ${claimed.clock} ms, the replay ends at ${actual.clock} ms`);
  if (claimed.world !== actual.world) out.push('the final world differs from the one the claim was made on');
  return out;
}

export interface Regraded {
  readonly session: LessonSession;
  readonly score: ScoreReport;
  readonly claim: ResultClaim;
  readonly matches: boolean;
  /** Everything that differs from what the result says, replay problems first. */
  readonly differences: readonly string[];
}

/** Replays the result's transcript on a fresh world of the instance and re-scores it. */
export function regrade(instance: LessonInstance, result: LessonResult): Regraded {
  const mode = modeOf(instance.lesson, result.mode);
  const { session, problems } = replaySession(instance, result.transcript, { mode });
  session.finish();
  const claim = claimOf(session);
  const differences = [
    ...(mode !== result.mode ? [`the result says ${result.mode} mode; this lesson is an exam`] : []),
    ...problems,
    ...compareClaims(result.claim, claim),
  ];
  return { session, score: session.score(), claim, matches: differences.length === 0, differences };
}
