import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_PACK_FILES } from '../../service/packs/limits.js';
import { loadPack } from '../../service/packs/load-pack.js';
import { EXAMPLE_PACK, lines, scratchPack, type ScratchPack } from './packs-fixture.js';

const LESSON1 = 'lessons/01-test-ou/lesson.yaml';
const LESSON2 = 'lessons/02-secure-pair/lesson.yaml';

describe('loading the example pack', () => {
  it('loads with no problems at all', async () => {
    const loaded = await loadPack(EXAMPLE_PACK, { appVersion: '0.1.0' });
    expect(lines(loaded)).toEqual([]);
    expect(loaded.pack?.lessons.map((l) => l.id)).toEqual(['01-test-ou', '02-secure-pair']);
    expect(Object.keys(loaded.pack?.labs ?? {})).toEqual(['psk-pair', 'test-ou']);
  });

  it('refuses an app version outside the pack\'s range', async () => {
    const loaded = await loadPack(EXAMPLE_PACK, { appVersion: '1.2.0' });
    expect(lines(loaded)).toEqual(['pack.yaml:8:1: this pack needs IPSec Lab >=0.1.0 <1.0.0; this is 1.2.0']);
  });
});

describe('pack problems as file:line:column', () => {
  let pack: ScratchPack;
  beforeEach(async () => (pack = await scratchPack()));
  afterEach(() => pack.remove());

  it('malformed YAML', async () => {
    await pack.edit(LESSON1, (t) => t.replace('lab: test-ou', 'lab: [test-ou'));
    const out = lines(await loadPack(pack.dir));
    expect(out[0]).toMatch(/^lessons\/01-test-ou\/lesson\.yaml:\d+:\d+: /);
    expect(await loadPack(pack.dir)).not.toHaveProperty('pack');
  });

  it('duplicate keys, several documents and custom tags', async () => {
    await pack.write('labs/extra.yaml', 'id: extra\nid: again\n');
    await pack.write('labs/more.yaml', 'id: more\n---\nid: other\n');
    await pack.write('labs/tag.yaml', 'id: !!js/function "return 1"\n');
    const out = lines(await loadPack(pack.dir));
    expect(out).toContain('labs/extra.yaml:2:1: Map keys must be unique');
    expect(out).toContain('labs/more.yaml:2:1: Source contains multiple documents; please use YAML.parseAllDocuments()');
    expect(out.some((l) => l.startsWith('labs/tag.yaml:1:5: Unresolved tag'))).toBe(true);
  });

  it('an alias bomb', async () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) rows.push(`${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    await pack.write('labs/bomb.yaml', `${rows.join('\n')}\n`);
    expect(lines(await loadPack(pack.dir))).toContain('labs/bomb.yaml: too many aliases (at most 100)');
  });

  it('an unknown field, at the key, with a suggestion', async () => {
    await pack.edit(LESSON2, (t) => t.replace('mirrored: true }', 'mirorred: true }'));
    const line = await pack.lineOf(LESSON2, 'mirorred');
    const column = (await pack.read(LESSON2)).split('\n')[line - 1]!.indexOf('mirorred') + 1;
    expect(lines(await loadPack(pack.dir))).toEqual([`${LESSON2}:${line}:${column}: unknown field "mirorred" (did you mean "mirrored"?)`]);
  });

  it('dangling references: a lab, a host, a variable', async () => {
    await pack.edit(LESSON1, (t) => t.replace('lab: test-ou', 'lab: test-uo'));
    await pack.edit(LESSON2, (t) => t.replace('{ id: assigned, effective: { host: SRV1', '{ id: assigned, effective: { host: SRV7'));
    await pack.edit('lessons/02-secure-pair/lesson.md', (t) => t.replace('`{{key}}`', '`{{psk}}`'));
    const out = lines(await loadPack(pack.dir));
    expect(out).toContain(`${LESSON1}:3:1: there is no lab "test-uo" in labs/ or built in`);
    const hostLine = await pack.lineOf(LESSON2, 'host: SRV7');
    expect(out.some((l) => l.startsWith(`${LESSON2}:${hostLine}:`) && l.includes('there is no host SRV7 in the lab'))).toBe(true);
    const md = 'lessons/02-secure-pair/lesson.md';
    const mdLine = await pack.lineOf(md, '{{psk}}');
    const mdColumn = (await pack.read(md)).split('\n')[mdLine - 1]!.indexOf('{{psk}}') + 1;
    expect(out).toContain(`${md}:${mdLine}:${mdColumn}: there is no variable "psk" in the lab (srv2_ip, key)`);
    // The lesson with the dangling lab is not also flooded with "no variable" errors.
    expect(out.filter((l) => l.startsWith('lessons/01-test-ou'))).toEqual([`${LESSON1}:3:1: there is no lab "test-uo" in labs/ or built in`]);
  });

  it('solution lines, steps without a Markdown section and give-away hints', async () => {
    await pack.edit('lessons/01-test-ou/solution.txt', (t) => t.replace('SRV1> gpupdate', 'SRV9> gpupdate'));
    await pack.edit('lessons/01-test-ou/lesson.md', (t) => t.replace('## Refresh Group Policy', 'Refresh Group Policy'));
    await pack.edit(LESSON1, (t) => t.replace('Check with net start on each test computer.', 'Type WS1> net start policyagent'));
    const out = lines(await loadPack(pack.dir));
    const solutionLine = await pack.lineOf('lessons/01-test-ou/solution.txt', 'SRV9>');
    expect(out).toContain(`lessons/01-test-ou/solution.txt:${solutionLine}:1: there is no host named SRV9 in this lab (DC1, SRV1, SRV2, WS1, W2K1)`);
    expect(out.some((l) => l.includes('lesson.md') && l.includes('4 "## " sections and lesson.yaml 5 steps'))).toBe(true);
    expect(out.some((l) => l.includes('warning: this hint gives away the solution command "net start policyagent"'))).toBe(true);
  });

  it('huge files and links are refused', async () => {
    await pack.write('lessons/01-test-ou/lesson.md', 'x'.repeat(MAX_FILE_BYTES + 1));
    await symlink('/etc/passwd', join(pack.dir, 'labs', 'passwd.yaml'));
    const out = lines(await loadPack(pack.dir));
    expect(out).toContain(`lessons/01-test-ou/lesson.md: refused: the file is ${MAX_FILE_BYTES + 1} bytes; a pack file may be at most ${MAX_FILE_BYTES}`);
    // A pack with refused files is not validated further: the rest would be echoes.
    expect(out).toHaveLength(2);
    expect(out).toContain('labs/passwd.yaml: refused: a pack may not contain links');
  });

  it('too many files are refused', async () => {
    await mkdir(join(pack.dir, 'extra'));
    await Promise.all(Array.from({ length: MAX_PACK_FILES }, (_, i) => writeFile(join(pack.dir, 'extra', `f${String(i).padStart(4, '0')}.txt`), 'x')));
    const loaded = await loadPack(pack.dir);
    expect(lines(loaded)).toEqual([expect.stringMatching(new RegExp(`^labs/psk-pair.yaml: refused: a pack may hold at most ${MAX_PACK_FILES} files; reading stopped here$`))]);
    expect(loaded.pack).toBeUndefined();
  });

  it('text that is not UTF-8, and files outside the layout', async () => {
    await pack.write('labs/latin1.yaml', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    await pack.write('notes.txt', 'scratch');
    const out = lines(await loadPack(pack.dir));
    expect(out).toContain('labs/latin1.yaml: the file is not UTF-8 text');
    expect(out).toContain('notes.txt: warning: ignored: not part of a pack (pack.yaml, labs/*.yaml, lessons/NN-slug/…)');
  });

  it('returns Markdown raw, HTML and all, for the UI to sanitise', async () => {
    await pack.edit('lessons/01-test-ou/lesson.md', (t) => t.replace('# Prepare a test OU', '# Prepare <img src=x onerror=alert(1)>'));
    const loaded = await loadPack(pack.dir);
    expect(loaded.pack?.lessons[0]?.markdown).toContain('<img src=x onerror=alert(1)>');
  });
});
