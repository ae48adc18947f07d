import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LabService } from '../../service/lab-service.js';
import { RpcClient } from '../../service/protocol/endpoint.js';
import type { LabApi, LessonState } from '../../service/protocol/lab-api.js';
import { channelPair } from '../helpers/memory-channel.js';
import { scratchPack, type ScratchPack } from './packs-fixture.js';

let home = '';
let services: LabService[] = [];
let wall = 0;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'ipsec-home-'));
  wall = Date.parse('2025-03-01T09:00:00Z');
});
afterEach(async () => {
  for (const s of services) {
    await s.lessons.store.flush();
    s.close();
  }
  services = [];
  await rm(home, { recursive: true, force: true });
});

async function connect(): Promise<{ api: LabApi; service: LabService; changes: LessonState[] }> {
  const service = await LabService.start({ home, now: () => wall });
  services.push(service);
  const [ui, svc] = channelPair();
  service.connect(svc);
  const rpc = new RpcClient(ui);
  const changes: LessonState[] = [];
  rpc.on('lessonChanged', (s) => changes.push(s));
  return { api: rpc.api(), service, changes };
}

const SECURE_PAIR = { pack: 'examples', lesson: '02-secure-pair', seed: 1 } as const;
const settle = () => new Promise((r) => setTimeout(r, 5));

describe('lessons through the LabApi', () => {
  it('lists the built-in packs with their lessons', async () => {
    const { api } = await connect();
    const packs = await api.listPacks({});
    expect(packs.find((p) => p.id === 'examples')).toMatchObject({
      source: 'built-in',
      version: '1.0.0',
      problem: null,
      lessons: [{ id: '01-test-ou', mode: 'practice', steps: 5 }, { id: '02-secure-pair', steps: 4 }],
    });
  });

  it('opens a lesson, and the commands typed in its consoles complete its steps', async () => {
    const { api, service, changes } = await connect();
    const opened = await api.openLesson(SECURE_PAIR);
    expect(opened).toMatchObject({ lessonId: '02-secure-pair', mode: 'practice', current: 0, pack: { id: 'examples' }, notice: null });
    expect(opened.text.sections.map((s) => s.heading)).toHaveLength(4);
    expect((await api.info({})).labId).toBe('psk-pair');
    expect(service.shells.lab.hosts()).toEqual(['DC1', 'SRV1', 'SRV2']);
    await api.runShell({ host: 'SRV1', line: 'netsh ipsec static add filterlist name="SRV2 traffic"' });
    await api.runShell({ host: 'SRV1', line: 'netsh ipsec static add filter filterlist="SRV2 traffic" srcaddr=me dstaddr=192.168.1.73 mirrored=no' });
    let state = await api.lessonState({});
    expect(state.current).toBe(0);
    expect(state.feedback?.checks.find((c) => !c.pass)?.feedback).toBe('Your filter is not mirrored, so replies from SRV2 would not match it.');
    await api.runShell({ host: 'SRV1', line: 'netsh ipsec static add filter filterlist="SRV2 traffic" srcaddr=me dstaddr=192.168.1.73 mirrored=yes' });
    state = await api.lessonState({});
    expect(state.steps[0]).toMatchObject({ id: 'filter-list', status: 'done', completed: { step: 'filter-list', action: 3 } });
    await settle();
    expect(changes.at(-1)?.current).toBe(1);
  });

  it('answers a locked command in the console and changes nothing', async () => {
    const { api } = await connect();
    await api.openLesson(SECURE_PAIR);
    const before = JSON.stringify(await api.labView({}));
    const reply = await api.runShell({ host: 'SRV1', line: 'netsh ipsec dynamic set config ipsecdiagnostics 7' });
    expect(reply.output).toBe('Refused: "netsh ipsec dynamic" is locked in this lesson; nothing was changed.\n\n');
    expect(JSON.stringify(await api.labView({}))).toBe(before);
    expect((await api.lessonState({})).actions).toBe(0);
  });

  it('reveals hints, undoes, resets, restores, shows the solution and finishes with a saved result', async () => {
    const { api } = await connect();
    await api.openLesson(SECURE_PAIR);
    expect((await api.revealHint({})).steps[0]?.hints).toEqual(['A filter names a source, a destination and whether it also matches the reverse direction.']);
    await api.runShell({ host: 'SRV1', line: 'netsh ipsec static add filterlist name="SRV2 traffic"' });
    await api.runShell({ host: 'SRV1', line: 'hostname' });
    expect((await api.undoLast({})).actions).toBe(1);
    expect((await api.resetLesson({})).actions).toBe(0);
    await expect(api.restoreCheckpoint({ step: 'policy' })).rejects.toThrow('Step "policy" has not been reached yet');
    expect((await api.showSolution({})).lines[0]).toBe('SRV1> netsh ipsec static add filterlist name="SRV2 traffic"');
    const result = await api.finishLesson({});
    expect(result).toMatchObject({ lesson: '02-secure-pair', seed: 1, claim: { earned: 0, possible: 4 } });
    expect(result.transcript.map((e) => e.kind)).toEqual(['hint', 'action', 'action', 'undo', 'reset', 'solution']);
    await expect(api.revealHint({})).rejects.toThrow('The lesson is finished.');
    await services[0]?.lessons.store.flush();
    const saved = JSON.parse(await readFile(join(home, 'progress', 'examples', '02-secure-pair.json'), 'utf8')) as { result: unknown };
    expect(saved.result).toEqual(result);
  });

  it('resumes saved progress by replay to the same world, in a new service', async () => {
    const first = await connect();
    await first.api.openLesson(SECURE_PAIR);
    for (const line of ['netsh ipsec static add filterlist name="SRV2 traffic"', 'ping -n 1 srv2', 'netsh ipsec static add policy name=X']) await first.api.runShell({ host: 'SRV1', line });
    await first.api.advanceClock({ ms: 60_000 });
    const world = JSON.stringify(first.service.shells.lab.world);
    const clock = first.service.shells.lab.world.clock;
    await first.service.lessons.store.flush();
    const second = await connect();
    const resumed = await second.api.openLesson({ pack: 'examples', lesson: '02-secure-pair' });
    expect(resumed).toMatchObject({ seed: 1, actions: 4, clock });
    expect(clock).toBeGreaterThanOrEqual(60_000);
    expect(JSON.stringify(second.service.shells.lab.world)).toBe(world);
  });

  it('starts afresh past a corrupt progress file, keeping it aside and saying so once', async () => {
    const file = join(home, 'progress', 'examples', '02-secure-pair.json');
    const { api } = await connect();
    await api.openLesson(SECURE_PAIR);
    await services[0]?.lessons.store.flush();
    await writeFile(file, 'not json at all');
    const reopened = await api.openLesson(SECURE_PAIR);
    expect(reopened.notice).toMatch(/^Your saved progress in 02-secure-pair could not be read \(.*\); it was kept as 02-secure-pair\.json\.corrupt-/);
    expect((await api.lessonState({})).notice).toBeNull();
    expect((await readdir(dirname(file))).some((f) => f.startsWith('02-secure-pair.json.corrupt-'))).toBe(true);
  });

  it('refuses bad parameters with one clear line', async () => {
    const { api } = await connect();
    await expect(api.lessonState({})).rejects.toThrow('No lesson is open; open one from the lesson list first.');
    await expect(api.openLesson({ pack: '../etc', lesson: '01-test-ou' })).rejects.toThrow('The pack id "../etc" is not valid; it looks like examples.');
    await expect(api.openLesson({ pack: 'examples', lesson: '99-none' })).rejects.toThrow('Pack "examples" has no lesson "99-none" (01-test-ou, 02-secure-pair).');
    await expect(api.openLesson({ pack: 'nope', lesson: '01-x' })).rejects.toThrow('There is no lesson pack "nope"; import it first.');
    await expect(api.openLesson({ pack: 'examples', lesson: '01-test-ou', mode: 'quiz' as never })).rejects.toThrow('The mode must be "practice" or "exam".');
    await expect(api.openLesson({ pack: 'examples', lesson: '01-test-ou', seed: -1 })).rejects.toThrow('The seed must be a whole number');
    await expect(api.importPack({ path: '' })).rejects.toThrow('Choose a pack folder or .zip file to import.');
  });
});

describe('imported packs and exam time', () => {
  let pack: ScratchPack;
  beforeEach(async () => (pack = await scratchPack()));
  afterEach(() => pack.remove());

  it('imports a pack folder, refuses a broken one, and hands an exam in when its time is up', async () => {
    await pack.edit('pack.yaml', (t) => t.replace('id: examples', 'id: timed'));
    await pack.edit('lessons/02-secure-pair/lesson.yaml', (t) => t.replace('mode: practice', 'mode: exam\ntimeLimit: 30m'));
    const { api } = await connect();
    expect(await api.importPack({ path: pack.dir })).toMatchObject({ id: 'timed', source: 'imported', problem: null });
    const listed = (await api.listPacks({})).map((p) => `${p.id}:${p.source}`);
    expect(listed).toEqual(expect.arrayContaining(['examples:built-in', 'timed:imported']));
    const state = await api.openLesson({ pack: 'timed', lesson: '02-secure-pair', seed: 1 });
    expect(state).toMatchObject({ mode: 'exam', timeLimitMs: 1_800_000, timeLeftMs: 1_800_000, solutionAvailable: false });
    wall += 31 * 60_000;
    expect(await api.lessonState({})).toMatchObject({ finished: true, timeLeftMs: 0, notice: 'Time is up: your exam was handed in as it stood.' });
    expect((await api.runShell({ host: 'SRV1', line: 'hostname' })).output).toBe('The lesson is finished; nothing more can be changed.\n\n');
    await pack.write('pack.yaml', 'id: [broken');
    await expect(api.importPack({ path: pack.dir })).rejects.toThrow(/is not a pack that can be imported: .*pack\.yaml:1:/);
  });
});
