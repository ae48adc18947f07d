import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Pack } from '../../engine/lessons/index.js';
import type { PackSummary } from '../protocol/lab-api.js';
import { UserError } from '../protocol/rpc.js';
import { placeFile } from '../packs/layout.js';
import { problemLines } from '../packs/load-pack.js';
import { readPackSource, type PackSource } from './pack-source.js';

/*
 * The packs a student can open: the built-in ones shipped in lessons/ and the ones imported
 * into the app-data folder (<home>/packs/<pack id>/). Importing validates the pack first and
 * copies only the files that passed the loader's checks, so a bad pack never lands there.
 */

export interface LibraryPack extends PackSource {
  readonly source: 'built-in' | 'imported';
}

async function packFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(dir, e.name));
  const withManifest = await Promise.all(folders.map(async (f) => ((await stat(join(f, 'pack.yaml')).catch(() => null))?.isFile() ? f : null)));
  return withManifest.filter((f): f is string => f !== null).sort();
}

function firstProblem(source: PackSource): string {
  const lines = problemLines(source.loaded).filter((l) => !l.includes(': warning: '));
  const more = lines.length > 1 ? ` (and ${lines.length - 1} more; run ipsec-lab validate for all)` : '';
  return `${lines[0] ?? 'the pack could not be read'}${more}`;
}

export function summarize(entry: LibraryPack): PackSummary {
  const pack: Pack | undefined = entry.loaded.pack;
  if (!pack) return { id: entry.path.split(/[\\/]/).pop() ?? entry.path, title: '', version: '', source: entry.source, lessons: [], problem: firstProblem(entry) };
  const lessons = pack.lessons.map((l) => ({ id: l.id, title: l.lesson.title, mode: l.lesson.mode ?? 'practice', summary: l.lesson.summary ?? null, steps: l.lesson.steps.length }));
  return { id: pack.manifest.id, title: pack.manifest.title, version: pack.manifest.version, source: entry.source, lessons, problem: null };
}

export class PackLibrary {
  constructor(
    readonly builtInDir: string,
    readonly home: string,
    readonly appVersion: string,
  ) {}

  get importedDir(): string {
    return join(this.home, 'packs');
  }

  /** Every pack folder, read and validated afresh (packs are small; edits show at once). */
  async scan(): Promise<LibraryPack[]> {
    const builtIn = await packFolders(this.builtInDir);
    const imported = await packFolders(this.importedDir);
    const read = (path: string, source: LibraryPack['source']) => readPackSource(path, { appVersion: this.appVersion }).then((s) => ({ ...s, source }));
    return Promise.all([...builtIn.map((p) => read(p, 'built-in')), ...imported.map((p) => read(p, 'imported'))]);
  }

  /** The valid pack with this id; built-in packs come first. */
  async find(id: string): Promise<LibraryPack & { loaded: { pack: Pack } }> {
    const found = (await this.scan()).find((p) => p.loaded.pack?.manifest.id === id);
    if (!found) throw new UserError(`There is no lesson pack "${id}"; import it first.`);
    return found as LibraryPack & { loaded: { pack: Pack } };
  }

  /** Validates a pack folder or zip and copies it into the app-data folder, replacing an older copy. */
  async import(path: string): Promise<PackSummary> {
    const source = await readPackSource(path, { appVersion: this.appVersion });
    const pack = source.loaded.pack;
    if (!pack) throw new UserError(`${path} is not a pack that can be imported: ${firstProblem(source)}`);
    const id = pack.manifest.id;
    const builtIn = (await this.scan()).find((p) => p.source === 'built-in' && p.loaded.pack?.manifest.id === id);
    if (builtIn) throw new UserError(`A built-in pack is already called "${id}"; change the id in pack.yaml to import this one.`);
    const target = join(this.importedDir, id);
    const temp = join(this.importedDir, `.${id}.importing-${process.pid}`);
    await rm(temp, { recursive: true, force: true });
    for (const [file, bytes] of source.files.files) {
      // Paths were checked by the reader: relative, no `..`, no links. Stray files stay behind.
      if (placeFile(file).kind === 'unknown') continue;
      await mkdir(dirname(join(temp, file)), { recursive: true });
      await writeFile(join(temp, file), bytes);
    }
    await rm(target, { recursive: true, force: true });
    await rename(temp, target);
    return summarize({ ...source, path: target, source: 'imported' });
  }
}
