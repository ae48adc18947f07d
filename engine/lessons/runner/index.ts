/* The lesson runner: a student's session over a lesson's lab, results, and re-grading by replay. */
export { LessonSession, type SessionOptions, type HintOutcome } from './session.js';
export { StepTracker, type StepStatus } from './tracker.js';
export { lockRefusal, commandWords } from './locks.js';
export { scoreReport, objectivesOf, objectiveOf, modeOf, hintPolicyOf, hintCost, GENERAL_OBJECTIVE } from './score.js';
export { sessionState, timeLimitOf } from './state.js';
export { replaySession, type Replayed } from './replay.js';
export { resultOf, claimOf, regrade, compareClaims, digest, RESULT_FORMAT, RESULT_FORMAT_VERSION, type LessonResult, type ResultClaim, type ResultMeta, type PackRef, type Regraded } from './result.js';
export { parseResult, transcriptProblem, MAX_TRANSCRIPT } from './result-shape.js';
export { parseSessionScript, type SessionOp, type ScriptOp } from './script.js';
export { playOp, type Played } from './play.js';
export type * from './types.js';
