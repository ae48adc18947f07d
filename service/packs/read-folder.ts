import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DEPTH } from './limits.js';
import { FileCollector, type PackFiles } from './pack-files.js';

/** Names that are never part of a pack and never worth a warning (editor and VCS litter). */
const SKIPPED = /^(\.git|\.svn|\.hg|\.DS_Store|Thumbs\.db|node_modules)$/;

/**
 * Reads a pack folder. Symbolic links and anything not a plain file or folder are refused,
 * never followed, so a pack cannot make the app read outside itself.
 */
export async function readPackFolder(root: string): Promise<PackFiles> {
  const collector = new FileCollector();
  await walk(root, '', 0, collector);
  return collector.result();
}

async function walk(root: string, relative: string, depth: number, collector: FileCollector): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (SKIPPED.test(entry.name)) continue;
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    const info = await lstat(join(root, path));
    if (info.isSymbolicLink()) {
      collector.refuse(path, 'refused: a pack may not contain links');
    } else if (info.isDirectory()) {
      if (depth + 1 >= MAX_DEPTH) collector.refuse(path, `refused: more than ${MAX_DEPTH} folders deep`);
      else await walk(root, path, depth + 1, collector);
    } else if (!info.isFile()) {
      collector.refuse(path, 'refused: not a regular file');
    } else if (collector.admit(path, info.size)) {
      collector.add(path, await readFile(join(root, path)));
    }
    if (collector.full) return;
  }
}
