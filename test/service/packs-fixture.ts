import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblems } from '../../engine/lessons/index.js';
import type { LoadedPack } from '../../service/packs/load-pack.js';

/* A scratch copy of the example pack that a test may break, and helpers to read the result. */

export const EXAMPLE_PACK = join(import.meta.dirname, '..', '..', 'lessons', 'examples');

export interface ScratchPack {
  readonly dir: string;
  read(file: string): Promise<string>;
  write(file: string, text: string | Uint8Array): Promise<void>;
  edit(file: string, change: (text: string) => string): Promise<void>;
  /** 1-based line of the first line containing `text`. */
  lineOf(file: string, text: string): Promise<number>;
  remove(): Promise<void>;
}

export async function scratchPack(): Promise<ScratchPack> {
  const dir = await mkdtemp(join(tmpdir(), 'ipsec-pack-'));
  await cp(EXAMPLE_PACK, dir, { recursive: true });
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const write = (file: string, text: string | Uint8Array) => writeFile(join(dir, file), text);
  return {
    dir,
    read,
    write,
    edit: async (file, change) => {
      const before = await read(file);
      const after = change(before);
      if (after === before) throw new Error(`the edit changed nothing in ${file}`);
      await write(file, after);
    },
    lineOf: async (file, text) => (await read(file)).split('\n').findIndex((l) => l.includes(text)) + 1,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Problems as the CLI prints them, pack-relative. */
export function lines(loaded: LoadedPack): string[] {
  return formatProblems(loaded.problems, loaded.locate);
}
