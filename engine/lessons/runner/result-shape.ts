import { ID_PATTERN, LESSON_DIR_PATTERN, SEMVER_PATTERN } from '../model/common.js';
import { int, list, nullable, obj, oneOf, str, type Node } from '../schema/dsl.js';
import { validateAgainst, type Path } from '../schema/validate.js';
import { ACTION_NODES, DOMAIN_CHANGE_NODES } from '../script/action-nodes.js';
import { RESULT_FORMAT, RESULT_FORMAT_VERSION, type LessonResult } from './result.js';
import type { LogEntry } from './types.js';

/*
 * A result file comes from a student's machine: anything may be in it. It is checked against
 * this shape, each action against the same shapes `@action` lines are, before any of it is
 * replayed; the engine then validates each action's content as it applies it.
 */

/** A transcript this long is not a lesson someone worked through by hand. */
export const MAX_TRANSCRIPT = 100_000;

const count = int({ min: 0, max: Number.MAX_SAFE_INTEGER });

const CompletionNode = obj({ step: str({ pattern: ID_PATTERN }), action: count, at: count });

const ClaimNode = obj({
  earned: count,
  possible: count,
  objectives: list(obj({ id: str({ pattern: ID_PATTERN }), earned: count, possible: count }), { maxItems: 100 }),
  steps: list(CompletionNode, { maxItems: 100 }),
  actions: count,
  clock: count,
  world: str({ pattern: '^[0-9a-f]{16}$', expected: 'a 16-digit hex digest' }),
});

const ResultNode = obj({
  format: oneOf([RESULT_FORMAT] as const),
  formatVersion: oneOf([RESULT_FORMAT_VERSION] as const),
  pack: obj({ id: str({ pattern: ID_PATTERN }), version: str({ pattern: SEMVER_PATTERN }), hash: str({ pattern: '^[0-9a-f]{64}$', expected: 'a sha256 in hex' }) }),
  lesson: str({ pattern: LESSON_DIR_PATTERN }),
  seed: int({ min: 0, max: 4294967295 }),
  mode: oneOf(['practice', 'exam'] as const),
  student: str({ minLength: 1, maxLength: 200 }),
  app: str({ minLength: 1, maxLength: 50 }),
  started: nullable(str({ maxLength: 50 })),
  finished: nullable(str({ maxLength: 50 })),
  wallMs: nullable(count),
  // Entries are checked one by one below, by kind.
  transcript: list(obj({}) as Node<unknown>, { maxItems: MAX_TRANSCRIPT }),
  claim: ClaimNode,
});

/** Entry shapes without the action, which is checked against the action shapes. */
const ENTRY_NODES: Readonly<Record<LogEntry['kind'], Node<unknown>>> = {
  action: obj({ kind: oneOf(['action'] as const), n: count, at: count }),
  refused: obj({ kind: oneOf(['refused'] as const), at: count, reason: str({ maxLength: 2000 }) }),
  hint: obj({ kind: oneOf(['hint'] as const), at: count, step: str({ pattern: ID_PATTERN }), hint: int({ min: 0, max: 100 }), cost: int({ min: 0, max: 1000 }) }),
  undo: obj({ kind: oneOf(['undo'] as const), at: count }),
  reset: obj({ kind: oneOf(['reset'] as const), at: count }),
  restore: obj({ kind: oneOf(['restore'] as const), at: count, step: str({ pattern: ID_PATTERN }) }),
  solution: obj({ kind: oneOf(['solution'] as const), at: count }),
};

const where = (path: Path) => (path.length ? `${path.join('.')}: ` : '');

function actionProblem(value: unknown, path: Path): string | null {
  const type = (value as { type?: unknown } | null)?.type;
  const node = typeof type === 'string' ? ACTION_NODES[type] : undefined;
  if (!node) return `${where(path)}not an action`;
  const { change, ...rest } = value as { change?: unknown };
  const problems = validateAgainst(node, type === 'directory' ? rest : value, path);
  if (type === 'directory') {
    const op = (change as { op?: unknown } | null)?.op;
    const changeNode = typeof op === 'string' ? DOMAIN_CHANGE_NODES[op] : undefined;
    if (!changeNode) return `${where([...path, 'change'])}not a directory change`;
    problems.push(...validateAgainst(changeNode, change, [...path, 'change']));
  }
  const first = problems[0];
  return first ? `${where(first.path)}${first.message}` : null;
}

function entryProblem(value: unknown, path: Path): string | null {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const node = typeof kind === 'string' ? ENTRY_NODES[kind as LogEntry['kind']] : undefined;
  if (!node) return `${where(path)}not a transcript entry`;
  const { action, ...rest } = value as { action?: unknown };
  const hasAction = kind === 'action' || kind === 'refused';
  const first = validateAgainst(node, hasAction ? rest : value, path)[0];
  if (first) return `${where(first.path)}${first.message}`;
  return hasAction ? actionProblem(action, [...path, 'action']) : null;
}

/** The first thing wrong with a transcript (a session log), or null when every entry is well formed. */
export function transcriptProblem(transcript: unknown, path: Path = ['transcript']): string | null {
  if (!Array.isArray(transcript)) return `${where(path)}expected a list`;
  if (transcript.length > MAX_TRANSCRIPT) return `${where(path)}more than ${MAX_TRANSCRIPT} entries`;
  for (let i = 0; i < transcript.length; i++) {
    const problem = entryProblem(transcript[i], [...path, i]);
    if (problem) return problem;
  }
  return null;
}

/** The result if the value is a well-formed result file, else the first thing wrong with it. */
export function parseResult(value: unknown): LessonResult | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a result file (expected a JSON object)';
  const bad = transcriptProblem((value as { transcript?: unknown }).transcript);
  if (bad) return bad;
  // The transcript was checked entry by entry above, so each problem names its entry.
  const first = validateAgainst(ResultNode, { ...value, transcript: [] })[0];
  return first ? `${where(first.path)}${first.message}` : (value as LessonResult);
}
