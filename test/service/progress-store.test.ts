import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LessonSession, replaySession } from '../../engine/lessons/runner/index.js';
import { cmd, EXAM_SOLUTION, examInstance } from '../../engine/lessons/runner/testing.js';
import { appDataDir } from '../../service/lessons/app-data.js';
import { PROGRESS_FORMAT, ProgressStore, type LessonProgress } from '../../service/lessons/progress-store.js';

let home = '';
let told: string[] = [];
let store: ProgressStore;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'ipsec-progress-'));
  told = [];
  store = new ProgressStore(home, (line) => told.push(line));
});
afterEach(() => rm(home, { recursive: true, force: true }));

function progressOf(session: LessonSession): LessonProgress {
  return {
    format: PROGRESS_FORMAT,
    formatVersion: 1,
    pack: { id: 'exam', version: '1.0.0', hash: 'a'.repeat(64) },
    lesson: session.instance.lessonId,
    seed: session.instance.seed,
    mode: session.mode,
    student: 'ada',
    started: '2025-01-01T00:00:00.000Z',
    transcript: [...session.log],
    result: null,
  };
}

function worked(): LessonSession {
  const session = new LessonSession(examInstance());
  session.revealHint();
  for (const line of [...EXAM_SOLUTION.slice(0, 2), 'SRV1> netsh ipsec dynamic show all', 'SRV1> ipconfig']) session.apply(cmd(line));
  session.apply({ type: 'advance', ms: 5 * 60_000 });
  session.undo();
  return session;
}

describe('the progress store', () => {
  it('writes atomically: the whole new file or the whole old one, no temp file left', async () => {
    const session = worked();
    const file = store.fileOf('exam', '01-exam');
    await store.save(progressOf(session));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(progressOf(session));
    expect(await readdir(dirname(file))).toEqual(['01-exam.json']);
    // A write that cannot finish (its temp file cannot be created) leaves the old file whole.
    await mkdir(`${file}.${process.pid}.tmp`);
    session.apply(cmd('SRV1> hostname'));
    await store.save(progressOf(session));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^Your progress could not be saved: /);
    expect((JSON.parse(await readFile(file, 'utf8')) as LessonProgress).transcript).toHaveLength(session.log.length - 1);
  });

  it('keeps a corrupt file aside, says so in one line, and goes on', async () => {
    const file = store.fileOf('exam', '01-exam');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"format": "ipsec-lab-progress", "transcript": [');
    expect(await store.load('exam', '01-exam')).toBeNull();
    const files = await readdir(dirname(file));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^01-exam\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(await readFile(join(dirname(file), files[0] ?? ''), 'utf8')).toBe('{"format": "ipsec-lab-progress", "transcript": [');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^Your saved progress in 01-exam could not be read \(.*\); it was kept as 01-exam\.json\.corrupt-.* and the lesson starts afresh\.$/);
    expect(told[0]).not.toContain('\n');
    await store.save(progressOf(worked()));
    expect(await store.load('exam', '01-exam')).not.toBeNull();
  });

  it('refuses well-formed JSON that is not progress, such as an edited transcript entry', async () => {
    const progress = progressOf(worked());
    await store.save({ ...progress, transcript: [{ kind: 'action', n: 1, at: 0, action: { type: 'format', host: 'SRV1' } }] as never });
    expect(await store.load('exam', '01-exam')).toBeNull();
    expect(told[0]).toContain('transcript.0.action: not an action');
  });

  it('resumes a lesson by replaying its log to the exact same world', async () => {
    const session = worked();
    await store.save(progressOf(session));
    const loaded = await store.load('exam', '01-exam');
    if (!loaded) throw new Error('nothing loaded');
    const resumed = replaySession(examInstance(), loaded.transcript, { mode: loaded.mode });
    expect(resumed.problems).toEqual([]);
    expect(JSON.stringify(resumed.session.lab.world)).toBe(JSON.stringify(session.lab.world));
    expect(resumed.session.completions).toEqual(session.completions);
    expect(resumed.session.score()).toEqual(session.score());
  });
});

describe('the app-data folder', () => {
  it('follows each platform, with IPSEC_LAB_HOME first', () => {
    expect(appDataDir({ IPSEC_LAB_HOME: '/tmp/x' }, 'linux', '/home/a')).toBe('/tmp/x');
    expect(appDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toMatch(/Roaming[\\/]IPSec Lab$/);
    expect(appDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/IPSec Lab');
    expect(appDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/a')).toBe('/data/ipsec-lab');
    expect(appDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/ipsec-lab');
  });
});
