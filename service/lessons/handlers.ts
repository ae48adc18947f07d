import { ID_PATTERN, LESSON_DIR_PATTERN } from '../../engine/lessons/model/common.js';
import type { Mode } from '../../engine/lessons/runner/index.js';
import { record, text, whole } from '../params.js';
import type { Handlers } from '../protocol/endpoint.js';
import { UserError } from '../protocol/rpc.js';
import type { LessonHost } from './lesson-host.js';

type LessonMethods = 'listPacks' | 'importPack' | 'openLesson' | 'lessonState' | 'revealHint' | 'resetLesson' | 'undoLast' | 'restoreCheckpoint' | 'showSolution' | 'finishLesson';

const PACK_ID = new RegExp(ID_PATTERN);
const LESSON_ID = new RegExp(LESSON_DIR_PATTERN);

function matching(value: unknown, what: string, pattern: RegExp, example: string): string {
  const s = text(value, what, 80);
  if (!pattern.test(s)) throw new UserError(`The ${what} "${s}" is not valid; it looks like ${example}.`);
  return s;
}

function mode(value: unknown): Mode | undefined {
  if (value === undefined || value === 'practice' || value === 'exam') return value;
  throw new UserError('The mode must be "practice" or "exam".');
}

function seed(value: unknown): number | undefined {
  return value === undefined ? undefined : whole(value, 'seed', 0, 4294967295);
}

function packPath(value: unknown): string {
  const path = text(value, 'pack path', 4096).trim();
  if (!path) throw new UserError('Choose a pack folder or .zip file to import.');
  return path;
}

/** The lesson requests of the LabApi, each parameter checked before it reaches the lesson host. */
export function lessonHandlers(host: LessonHost): Pick<Handlers, LessonMethods> {
  return {
    listPacks: () => host.listPacks(),
    importPack: (p) => host.importPack(packPath(record(p).path)),
    openLesson: (p) => {
      const r = record(p);
      return host.open(matching(r.pack, 'pack id', PACK_ID, 'examples'), matching(r.lesson, 'lesson id', LESSON_ID, '01-test-ou'), mode(r.mode), seed(r.seed));
    },
    lessonState: () => host.state(),
    revealHint: () => host.revealHint(),
    resetLesson: () => host.reset(),
    undoLast: () => host.undo(),
    restoreCheckpoint: (p) => host.restore(matching(record(p).step, 'step id', PACK_ID, 'create-ou')),
    showSolution: () => host.solution(),
    finishLesson: () => host.finish(),
  };
}
