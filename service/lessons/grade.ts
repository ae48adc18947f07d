import { basename } from 'node:path';
import { objectivesOf, parseResult, regrade, type LessonResult } from '../../engine/lessons/runner/index.js';
import { readTextFile } from '../script-runner.js';
import { lessonInstance, validPack } from './run-lesson.js';
import type { PackSource } from './pack-source.js';

/*
 * `ipsec-lab grade PACK RESULT...`: every result replayed on a fresh world from the pack and
 * the student's seed, re-scored, and compared with what it claims. A class table comes out:
 * one row per student and lesson, one column per objective, the total and "claim matches".
 */

export interface GradeRow {
  readonly file: string;
  readonly student: string;
  readonly lesson: string;
  readonly seed: number | null;
  readonly mode: string;
  /** Objective id → points earned on replay. */
  readonly objectives: Readonly<Record<string, number>>;
  readonly earned: number | null;
  readonly possible: number | null;
  readonly claimMatches: boolean;
  readonly notes: readonly string[];
}

export interface GradeTable {
  readonly pack: { readonly id: string; readonly version: string; readonly hash: string };
  readonly objectives: readonly { readonly id: string; readonly title: string }[];
  readonly rows: readonly GradeRow[];
}

function unreadable(file: string, why: string): GradeRow {
  return { file, student: basename(file, '.json'), lesson: '', seed: null, mode: '', objectives: {}, earned: null, possible: null, claimMatches: false, notes: [why] };
}

async function readResult(file: string): Promise<LessonResult | string> {
  try {
    return parseResult(JSON.parse(await readTextFile(file, 'result')));
  } catch (error) {
    return (error as Error).message;
  }
}

function packNotes(source: PackSource, result: LessonResult): string[] {
  const { id, version } = source.loaded.pack?.manifest ?? { id: '', version: '' };
  if (result.pack.id !== id) return [`the result is for pack "${result.pack.id}", not "${id}"`];
  if (result.pack.hash === source.hash) return [];
  const versions = result.pack.version === version ? `version ${version}` : `version ${result.pack.version}, this is ${version}`;
  return [`made with another copy of the pack (${versions}; content hash differs)`];
}

/** Replays and re-scores one result file; every problem becomes a note on its row. */
async function gradeOne(source: PackSource, file: string): Promise<GradeRow> {
  const result = await readResult(file);
  if (typeof result === 'string') return unreadable(file, `cannot read the result: ${result}`);
  const base = { file, student: result.student, lesson: result.lesson, seed: result.seed, mode: result.mode };
  const mismatch = packNotes(source, result);
  if (mismatch[0]?.startsWith('the result is for pack')) return { ...unreadable(file, mismatch[0]), ...base };
  let graded;
  try {
    graded = regrade(lessonInstance(source, result.lesson, result.seed), result);
  } catch (error) {
    return { ...unreadable(file, (error as Error).message), ...base };
  }
  const objectives = Object.fromEntries(graded.score.objectives.map((o) => [o.id, o.earned]));
  const notes = [...mismatch, ...graded.differences];
  return { ...base, mode: graded.session.mode, objectives, earned: graded.score.earned, possible: graded.score.possible, claimMatches: notes.length === 0, notes };
}

/** Objectives of every lesson in pack order, each once: the table's columns. */
function objectiveColumns(source: PackSource): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const lesson of source.loaded.pack?.lessons ?? []) {
    for (const o of objectivesOf(lesson.lesson)) if (!seen.has(o.id)) seen.set(o.id, o.title);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}

export async function gradeResults(packPath: string, files: readonly string[], appVersion: string): Promise<GradeTable> {
  const source = await validPack(packPath, appVersion);
  const rows: GradeRow[] = [];
  // One at a time: each replay is CPU-bound, and the order of notes stays stable.
  for (const file of files) rows.push(await gradeOne(source, file));
  rows.sort((a, b) => a.student.localeCompare(b.student) || a.lesson.localeCompare(b.lesson) || a.file.localeCompare(b.file));
  const { id, version } = source.loaded.pack.manifest;
  return { pack: { id, version, hash: source.hash }, objectives: objectiveColumns(source), rows };
}

/** A CSV cell: quoted when needed; text a spreadsheet would run as a formula is defused. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(table: GradeTable): string {
  const head = ['student', 'lesson', 'seed', 'mode', ...table.objectives.map((o) => o.id), 'total', 'possible', 'claim matches', 'notes'];
  const rows = table.rows.map((r) => [
    r.student,
    r.lesson,
    r.seed,
    r.mode,
    ...table.objectives.map((o) => r.objectives[o.id] ?? null),
    r.earned,
    r.possible,
    r.claimMatches ? 'yes' : 'no',
    r.notes.join('; '),
  ]);
  return [head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function formatJson(table: GradeTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}
