import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantiate } from '../../engine/lessons/index.js';
import type { LessonResult } from '../../engine/lessons/runner/index.js';
import { loadPack } from '../../service/packs/load-pack.js';
import { CLI } from '../helpers/pty-screen.js';
import { EXAMPLE_PACK } from './packs-fixture.js';

/* The real `ipsec-lab` (built into out/ by npm test's build step) as a child process. */

const exec = promisify(execFile);
let dir = '';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { env: { ...process.env, IPSEC_LAB_HOME: dir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The reference solution of a lesson for one seed, as a student would type it. */
async function solution(lesson: string, seed: number): Promise<string[]> {
  const { pack } = await loadPack(EXAMPLE_PACK);
  const instance = pack && instantiate(pack, lesson, seed).instance;
  if (!instance) throw new Error(`no ${lesson}`);
  return instance.solution.map((a) => a.text);
}

async function play(name: string, lesson: string, lines: string[], ...extra: string[]) {
  const script = join(dir, `${name}.txt`);
  const result = join(dir, `${name}.json`);
  await writeFile(script, `${lines.join('\n')}\n`);
  const run = await cli('run', '--pack', EXAMPLE_PACK, '--lesson', lesson, '--script', script, '--result', result, '--student', name, ...extra);
  return { ...run, file: result, result: run.code === 0 ? (JSON.parse(await readFile(result, 'utf8')) as LessonResult) : undefined };
}

beforeAll(async () => {
  if (!existsSync(join(import.meta.dirname, '..', '..', 'out', 'service', 'lessons', 'cli.js'))) throw new Error('Build first: npm run build');
  dir = await mkdtemp(join(tmpdir(), 'ipsec-grade-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ipsec-lab run --pack', () => {
  it('plays a script as a student, refusing locked commands, and writes the result', async () => {
    const lines = ['SRV1> netsh ipsec dynamic show all', '@hint', ...(await solution('02-secure-pair', 1))];
    const { code, stdout, result } = await play('ada', '02-secure-pair', lines);
    expect(code).toBe(0);
    expect(stdout).toContain('  Refused: "netsh ipsec dynamic" is locked in this lesson; nothing was changed.');
    expect(stdout).toContain('== step "assign" complete (action 6, 00:00:00)');
    expect(stdout).toContain('02-secure-pair, seed 1, practice: 4 of 4 steps done, score 4/4');
    expect(result).toMatchObject({ pack: { id: 'examples', version: '1.0.0' }, lesson: '02-secure-pair', seed: 1, student: 'ada', claim: { earned: 4, possible: 4, actions: 6 } });
    expect(result?.transcript.map((e) => e.kind).slice(0, 3)).toEqual(['refused', 'hint', 'action']);
  });

  it('charges hints in exam mode and reports script errors by line', async () => {
    const { result } = await play('bob', '02-secure-pair', ['@hint', ...(await solution('02-secure-pair', 1))], '--mode', 'exam');
    expect(result?.claim).toMatchObject({ earned: 3, possible: 4 });
    const bad = await play('bad', '02-secure-pair', ['SRV1> hostname', '@teleport SRV9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.txt:2:1: .*@advance TIME and @action/);
  });

  it('leaves the plain lab script mode of run as it was', async () => {
    const script = join(dir, 'plain.txt');
    await writeFile(script, 'SRV1> hostname\n');
    expect((await cli('run', '--script', script)).stdout).toContain('SRV1\n');
  });
});

describe('ipsec-lab grade', () => {
  it('recomputes the claimed score by replay, one column per objective', async () => {
    const carol = await play('carol', '01-test-ou', await solution('01-test-ou', 3), '--seed', '3');
    const ada = join(dir, 'ada.json');
    const { code, stdout, stderr } = await cli('grade', EXAMPLE_PACK, ada, carol.file);
    expect(code).toBe(0);
    expect(stderr).toBe('graded 2 results: every claim matches its replay\n');
    expect(stdout.split('\r\n')).toEqual([
      'student,lesson,seed,mode,directory,client-state,general,total,possible,claim matches,notes',
      'ada,02-secure-pair,1,practice,,,4,4,4,yes,',
      'carol,01-test-ou,3,practice,3,2,,5,5,yes,',
      '',
    ]);
  });

  it('flags a changed claimed score, an extra action and a garbage file, and says why', async () => {
    const honest = JSON.parse(await readFile(join(dir, 'bob.json'), 'utf8')) as LessonResult;
    const raised = join(dir, 'raised.json');
    await writeFile(raised, JSON.stringify({ ...honest, student: 'raised', claim: { ...honest.claim, earned: 4 } }));
    const extra = join(dir, 'extra.json');
    const added = { kind: 'action', n: 1, at: 0, action: { type: 'command', host: 'SRV1', line: 'hostname' } };
    await writeFile(extra, JSON.stringify({ ...honest, student: 'extra', transcript: [...honest.transcript.slice(0, 1), added, ...honest.transcript.slice(1)] }));
    const garbage = join(dir, 'garbage.json');
    await writeFile(garbage, '{"format": "ipsec-lab-result", "seed": "many"');
    const out = join(dir, 'class.json');
    const { code, stderr } = await cli('grade', EXAMPLE_PACK, raised, extra, garbage, join(dir, 'bob.json'), '--format', 'json', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toBe('graded 4 results: 3 flagged (claim matches: no)\n');
    const rows = (JSON.parse(await readFile(out, 'utf8')) as { rows: { student: string; earned: number; claimMatches: boolean; notes: string[] }[] }).rows;
    const row = (student: string) => rows.find((r) => r.student === student);
    expect(row('bob')).toMatchObject({ earned: 3, claimMatches: true, notes: [] });
    expect(row('raised')).toMatchObject({ earned: 3, claimMatches: false, notes: ['claimed 4/4, the replay scores 3/4'] });
    expect(row('extra')?.claimMatches).toBe(false);
    expect(row('extra')?.notes.join('\n')).toContain('recorded as action 1, replayed as action 2');
    expect(row('garbage')).toMatchObject({ claimMatches: false, earned: null });
    expect(row('garbage')?.notes[0]).toMatch(/^cannot read the result: /);
  });

  it('flags a result made with another copy of the pack', async () => {
    const honest = JSON.parse(await readFile(join(dir, 'ada.json'), 'utf8')) as LessonResult;
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ ...honest, pack: { ...honest.pack, hash: '0'.repeat(64) } }));
    const { code, stdout } = await cli('grade', EXAMPLE_PACK, other);
    expect(code).toBe(1);
    expect(stdout).toContain('4,4,4,no,made with another copy of the pack (version 1.0.0; content hash differs)');
  });
});
