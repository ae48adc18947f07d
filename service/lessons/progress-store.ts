import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseResult, transcriptProblem, type LessonResult, type LogEntry, type Mode, type PackRef } from '../../engine/lessons/runner/index.js';
import { writeFileAtomic } from '../script-runner.js';

/*
 * A student's progress, one JSON file per pack and lesson under the app-data folder:
 *   <home>/progress/<pack id>/<lesson id>.json
 * Each save writes a temp file and renames it over the old one, so a crash leaves either the
 * old or the new file, never half of one. A file that cannot be read is moved aside as
 * `.corrupt-<time>`, the user is told in one line, and the lesson starts afresh.
 */

export const PROGRESS_FORMAT = 'ipsec-lab-progress';

export interface LessonProgress {
  readonly format: typeof PROGRESS_FORMAT;
  readonly formatVersion: 1;
  readonly pack: PackRef;
  readonly lesson: string;
  readonly seed: number;
  readonly mode: Mode;
  readonly student: string;
  /** Wall-clock start (ISO): an exam's time runs from here, app closed or not. */
  readonly started: string;
  /** The session log; replaying it gives back the exact world. */
  readonly transcript: readonly LogEntry[];
  /** Set once the lesson is finished. */
  readonly result: LessonResult | null;
}

/** Progress files are small; anything larger is not one of ours. */
const MAX_PROGRESS_BYTES = 64 * 1024 * 1024;

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Why a parsed value is not a progress record, or null. */
function progressProblem(value: unknown): string | null {
  const p = value as Partial<Record<keyof LessonProgress, unknown>> | null;
  if (typeof p !== 'object' || p === null || p.format !== PROGRESS_FORMAT || p.formatVersion !== 1) return 'not an IPSec Lab progress file';
  const pack = p.pack as Partial<PackRef> | null;
  if (typeof pack?.id !== 'string' || typeof pack.version !== 'string' || typeof pack.hash !== 'string') return 'pack: missing';
  if (typeof p.lesson !== 'string' || typeof p.student !== 'string' || typeof p.started !== 'string') return 'lesson: missing';
  if (!Number.isSafeInteger(p.seed) || (p.mode !== 'practice' && p.mode !== 'exam')) return 'seed or mode: missing';
  const transcript = transcriptProblem(p.transcript);
  if (transcript) return transcript;
  if (p.result !== null) {
    const result = parseResult(p.result);
    if (typeof result === 'string') return `result: ${result}`;
  }
  return null;
}

export class ProgressStore {
  private readonly writes = new Map<string, Promise<void>>();

  /** `tell` shows the user one line (a moved-aside file, a failed save); the app goes on. */
  constructor(
    readonly root: string,
    private readonly tell: (line: string) => void,
  ) {}

  /** Pack and lesson ids are validated patterns (letters, digits, dashes): never a path. */
  fileOf(packId: string, lessonId: string): string {
    return join(this.root, 'progress', packId, `${lessonId}.json`);
  }

  /** The saved progress, or null when there is none or it could not be read (then moved aside). */
  async load(packId: string, lessonId: string): Promise<LessonProgress | null> {
    const file = this.fileOf(packId, lessonId);
    await this.writes.get(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let problem: string | null;
    let value: unknown;
    try {
      value = JSON.parse(text);
      problem = text.length > MAX_PROGRESS_BYTES ? 'too large' : progressProblem(value);
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === null) return value as LessonProgress;
    const aside = await this.setAside(file, 'corrupt');
    this.tell(`Your saved progress in ${lessonId} could not be read (${problem}); it was kept as ${basename(aside)} and the lesson starts afresh.`);
    return null;
  }

  /** Saves atomically; saves of one lesson are written in order, and a failed one is told, not thrown. */
  save(progress: LessonProgress): Promise<void> {
    const file = this.fileOf(progress.pack.id, progress.lesson);
    const text = `${JSON.stringify(progress)}\n`;
    const previous = this.writes.get(file) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, text);
      })
      .catch((error: unknown) => this.tell(`Your progress could not be saved: ${(error as Error).message}`));
    this.writes.set(file, next);
    return next;
  }

  /** Renames a file out of the way (`.corrupt-<time>`, `.finished-<time>`, …); returns the new path. */
  async setAside(file: string, why: string): Promise<string> {
    const aside = `${file}.${why}-${stamp()}`;
    await rename(file, aside);
    return aside;
  }

  /** Resolves once every save so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all(this.writes.values());
  }
}
