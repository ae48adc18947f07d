import { problem, WHOLE, type Problem } from '../../engine/lessons/index.js';
import { MAX_DEPTH, MAX_FILE_BYTES, MAX_PACK_BYTES, MAX_PACK_FILES, MAX_PATH_LENGTH } from './limits.js';

/** A pack's files, read from a folder or a zip: pack-relative `/` paths to their bytes. */
export interface PackFiles {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly problems: readonly Problem[];
  /** Some file was refused or reading stopped: the files are not the whole pack, so they are not validated. */
  readonly incomplete?: boolean;
}

/**
 * Why a path inside a pack is refused, or null. Paths are always relative, `/`-separated,
 * with no `..`, drive letters, NULs or backslashes: a pack cannot name a file outside itself.
 */
export function unsafePath(path: string): string | null {
  if (path.length > MAX_PATH_LENGTH) return `the path is longer than ${MAX_PATH_LENGTH} characters`;
  if (path.includes('\0')) return 'the path holds a NUL character';
  if (path.includes('\\')) return 'the path uses backslashes';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'the path is absolute';
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return 'the path climbs out of the pack with ..';
  if (parts.some((p) => p === '' || p === '.')) return 'the path has an empty or "." part';
  if (parts.length > MAX_DEPTH) return `the path is more than ${MAX_DEPTH} folders deep`;
  return null;
}

/** Collects files while enforcing the count and size limits; the first breach of each is reported. */
export class FileCollector {
  readonly files = new Map<string, Uint8Array>();
  readonly problems: Problem[] = [];
  private total = 0;
  /** Set once the file-count limit is reached: readers stop there. */
  full = false;

  /** Whether one more file of `size` bytes may be read; reports why not. */
  admit(path: string, size: number): boolean {
    const unsafe = unsafePath(path);
    if (unsafe) return this.refuse(path, `refused: ${unsafe}`);
    if (size > MAX_FILE_BYTES) return this.refuse(path, `refused: the file is ${size} bytes; a pack file may be at most ${MAX_FILE_BYTES}`);
    if (this.files.size >= MAX_PACK_FILES) {
      if (!this.full) this.problems.push(problem(path, WHOLE, `refused: a pack may hold at most ${MAX_PACK_FILES} files; reading stopped here`));
      this.full = true;
      return false;
    }
    if (this.total + size > MAX_PACK_BYTES) return this.refuse(path, `refused: the pack's files would exceed ${MAX_PACK_BYTES} bytes`);
    this.total += size;
    return true;
  }

  add(path: string, bytes: Uint8Array): void {
    this.files.set(path, bytes);
  }

  refuse(path: string, message: string): false {
    this.problems.push(problem(path, WHOLE, message));
    return false;
  }

  result(): PackFiles {
    return { files: this.files, problems: this.problems, ...(this.problems.length ? { incomplete: true } : {}) };
  }
}
