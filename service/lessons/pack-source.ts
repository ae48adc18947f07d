import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { problem, WHOLE } from '../../engine/lessons/index.js';
import { placeFile } from '../packs/layout.js';
import { loadPackFiles, type LoadedPack, type LoadOptions } from '../packs/load-pack.js';
import type { PackFiles } from '../packs/pack-files.js';
import { readPackFolder } from '../packs/read-folder.js';
import { readPackZip } from '../packs/read-zip.js';

/** A pack read from disk with the files it was made from and their content hash. */
export interface PackSource {
  readonly path: string;
  readonly loaded: LoadedPack;
  readonly files: PackFiles;
  /** sha256 (hex) over the pack's own files; results record it so grading knows the exact pack. */
  readonly hash: string;
}

/**
 * Hashes the files that make up the pack (pack.yaml, labs, lessons) in path order, each as its
 * path, a NUL, its length and its bytes: a README edit does not change it, a lesson edit does.
 */
export function hashPackFiles(files: PackFiles): string {
  const hash = createHash('sha256');
  const paths = [...files.files.keys()].filter((p) => !['extra', 'unknown'].includes(placeFile(p).kind)).sort();
  for (const path of paths) {
    const bytes = files.files.get(path) ?? new Uint8Array();
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

async function readFiles(path: string): Promise<PackFiles> {
  const info = await stat(path).catch(() => null);
  if (!info) return { files: new Map(), problems: [problem(path, WHOLE, 'no such file or folder')], incomplete: true };
  return info.isDirectory() ? readPackFolder(path) : readPackZip(path);
}

/** Reads and validates a pack folder or zip, keeping its files and hash. Nothing in it runs. */
export async function readPackSource(path: string, options: LoadOptions = {}): Promise<PackSource> {
  const files = await readFiles(path);
  return { path, files, loaded: loadPackFiles(files, options), hash: hashPackFiles(files) };
}
