/* Lesson packs in the engine: the model, validation, check evaluation, instances and proofs. */
export * from './model.js';
export { toJsonSchema, type JsonSchema } from './schema/json-schema.js';
export { validateAgainst, type SchemaProblem, type Path } from './schema/validate.js';
export { problem, hasErrors, WHOLE, type Problem, type Place, type Severity } from './problems.js';
export { validatePack, type PackSources, type LessonFiles, type SourceFile, type ValidateOptions, type Validated } from './validate-pack.js';
export { instantiate, type LessonInstance } from './instance.js';
export { startLessonLab, studentTranscript, type LessonLab } from './session.js';
export { compileCheck, type CheckResult, type CompiledCheck } from './checks/compile.js';
export type { CheckContext } from './checks/outcome.js';
export { decideFlow, type FlowOutcome, type FlowResult } from './checks/flow.js';
export { compileLesson, advanceSteps, stepStatus, brokenInvariant, type CompiledLesson } from './progress.js';
export { provePack, proveLesson, type PackProof, type LessonProof, type Finding } from './prove.js';
export { formatProblems, formatProof, formatPlace, type Locate } from './report.js';
export { lockedBy, toolOf } from './locks.js';
export { splitLessonMarkdown, type LessonText } from './markdown.js';
export { drawVariables, substitute, type Variables } from './variables.js';
export { satisfies } from './semver.js';
