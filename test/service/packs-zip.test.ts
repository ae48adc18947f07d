import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../service/packs/limits.js';
import { loadPackFiles } from '../../service/packs/load-pack.js';
import { readPackZipBytes } from '../../service/packs/read-zip.js';
import { EXAMPLE_PACK, lines } from './packs-fixture.js';

async function exampleFiles(): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else out[relative(EXAMPLE_PACK, path).split('\\').join('/')] = new Uint8Array(await readFile(path));
    }
  };
  await walk(EXAMPLE_PACK);
  return out;
}

/** The example pack zipped inside a folder, as "Send to > Compressed folder" makes it, plus extra entries. */
async function zipWith(extra: Zippable = {}): Promise<Uint8Array> {
  const files = await exampleFiles();
  const inFolder: Zippable = Object.fromEntries(Object.entries(files).map(([path, data]) => [`examples/${path}`, data]));
  return zipSync({ ...inFolder, ...extra });
}

const load = (bytes: Uint8Array) => loadPackFiles(readPackZipBytes(bytes, 'pack.zip'));

describe('packs as zip files', () => {
  it('loads the example pack zipped in its own folder', async () => {
    const loaded = load(await zipWith());
    expect(lines(loaded)).toEqual([]);
    expect(loaded.pack?.manifest.id).toBe('examples');
  });

  it('refuses entries that climb out, absolute paths and backslashes', async () => {
    const x = new TextEncoder().encode('x');
    const out = lines(load(await zipWith({ '../evil.yaml': x, '/etc/cron.d/evil': x, 'examples/labs/..\\..\\evil.yaml': x })));
    expect(out).toContain('../evil.yaml: refused: the path climbs out of the pack with ..');
    expect(out).toContain('/etc/cron.d/evil: refused: the path is absolute');
    expect(out).toContain('examples/labs/..\\..\\evil.yaml: refused: the path uses backslashes');
  });

  it('never hides ../ behind the common folder', async () => {
    const x = new TextEncoder().encode('id: x\n');
    const out = lines(load(zipSync({ '../pack.yaml': x, '../labs/a.yaml': x })));
    expect(out).toEqual(expect.arrayContaining(['../pack.yaml: refused: the path climbs out of the pack with ..']));
  });

  it('refuses symbolic links', async () => {
    const link: Zippable = { 'examples/labs/link.yaml': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] };
    expect(lines(load(await zipWith(link)))).toContain('labs/link.yaml: refused: a pack may not contain links');
  });

  it('refuses an oversize entry before inflating it', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(lines(load(await zipWith({ 'examples/lessons/01-test-ou/lesson.md': big }))).some((l) => l.startsWith('lessons/01-test-ou/lesson.md: refused: the file is'))).toBe(true);
  });

  it('refuses an entry whose header lies about its size', () => {
    const bytes = zipSync({ 'pack.yaml': new Uint8Array(4000).fill(0x61) });
    // Patch the central directory's uncompressed size down to 10 bytes.
    const view = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      view.setUint32(at + 24, 10, true);
      break;
    }
    expect(lines(load(bytes))).toContain('pack.yaml: refused: the entry is damaged (size or checksum differs)');
  });

  it('says so when the file is not a zip', () => {
    expect(lines(load(new TextEncoder().encode('not a zip at all')))).toEqual(['pack.zip: this is not a zip file (no central directory)']);
  });
});
