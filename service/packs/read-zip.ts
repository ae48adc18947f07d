import { readFile, stat } from 'node:fs/promises';
import { inflateSync } from 'fflate';
import { problem, WHOLE } from '../../engine/lessons/index.js';
import { MAX_PACK_FILES, MAX_ZIP_BYTES } from './limits.js';
import { FileCollector, unsafePath, type PackFiles } from './pack-files.js';
import { crc32, dataStart, readZipDirectory, type ZipEntry } from './zip-directory.js';

/** A zip of a pack folder often holds the folder itself: `mypack/pack.yaml`. That level is dropped. */
function commonRoot(entries: readonly ZipEntry[]): string {
  const files = entries.filter((e) => !e.directory);
  if (files.some((e) => e.name === 'pack.yaml')) return '';
  const first = files[0]?.name.split('/')[0];
  return first && files.every((e) => e.name.startsWith(`${first}/`)) ? `${first}/` : '';
}

function extract(bytes: Uint8Array, entry: ZipEntry): Uint8Array | string {
  const start = dataStart(bytes, entry);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) return 'the zip file is damaged (entry runs past the end)';
  let data: Uint8Array;
  try {
    // The output buffer is the declared size: a lying header cannot make it grow.
    data = entry.method === 0 ? raw.slice() : inflateSync(raw, { out: new Uint8Array(entry.size) });
  } catch (error) {
    return `the entry cannot be unpacked: ${(error as Error).message}`;
  }
  if (data.length !== entry.size || crc32(data) !== entry.crc) return 'the entry is damaged (size or checksum differs)';
  return data;
}

/** Reads a pack from zip bytes, refusing links, unsafe paths, encryption and oversize entries. */
export function readPackZipBytes(bytes: Uint8Array, zipName: string): PackFiles {
  const collector = new FileCollector();
  const directory = readZipDirectory(bytes);
  if ('error' in directory) return { files: new Map(), problems: [problem(zipName, WHOLE, directory.error)], incomplete: true };
  if (directory.entries.length > MAX_PACK_FILES * 2) {
    return { files: new Map(), problems: [problem(zipName, WHOLE, `the zip holds ${directory.entries.length} entries; a pack may hold at most ${MAX_PACK_FILES} files`)], incomplete: true };
  }
  const root = commonRoot(directory.entries);
  for (const entry of directory.entries) {
    if (collector.full) break;
    // The whole name is checked before the common folder is dropped, so `../` can never hide.
    const unsafe = unsafePath(entry.name.replace(/\/$/, ''));
    const path = entry.name.startsWith(root) ? entry.name.slice(root.length) : entry.name;
    if (unsafe) collector.refuse(entry.name, `refused: ${unsafe}`);
    else if (entry.directory || path === '') continue;
    else if (entry.symlink) collector.refuse(path, 'refused: a pack may not contain links');
    else if (entry.encrypted) collector.refuse(path, 'refused: the entry is encrypted');
    else if (entry.method !== 0 && entry.method !== 8) collector.refuse(path, `refused: unknown compression method ${entry.method}`);
    else if (collector.admit(path, entry.size)) {
      const data = extract(bytes, entry);
      if (typeof data === 'string') collector.refuse(path, `refused: ${data}`);
      else collector.add(path, data);
    }
  }
  return collector.result();
}

export async function readPackZip(path: string): Promise<PackFiles> {
  const info = await stat(path);
  if (info.size > MAX_ZIP_BYTES) return { files: new Map(), problems: [problem(path, WHOLE, `the zip is ${info.size} bytes; a pack zip may be at most ${MAX_ZIP_BYTES}`)], incomplete: true };
  return readPackZipBytes(new Uint8Array(await readFile(path)), path);
}
