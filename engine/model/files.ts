/**
 * The small file system of a lab host: scripts written with `echo`, files `netsh -f` runs and
 * exportpolicy writes. Paths are Windows paths: case-insensitive, `\` or `/`, relative to the
 * console's directory or absolute (`C:\…`, `\…`). Only drive C exists, and the lab has no
 * mkdir, so files live in the directories every fresh install has.
 */
import type { Host } from './host.js';

export type PathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: PathError };

/** cmd.exe's wording for each way a path can be wrong. */
export const PATH_ERRORS = {
  syntax: 'The filename, directory name, or volume label syntax is incorrect.',
  noPath: 'The system cannot find the path specified.',
  noFile: 'The system cannot find the file specified.',
  denied: 'Access is denied.',
} as const;

export type PathError = keyof typeof PATH_ERRORS;

/** Characters Windows never allows in a file or directory name. */
const BAD_NAME = /[<>:"|?*\u0000-\u001f]/;

/** The directories of a fresh install; Windows 2000 lives in WINNT. */
export function systemDirectories(host: Host): string[] {
  const windows = host.version === '2000' ? 'C:\\WINNT' : 'C:\\WINDOWS';
  return [
    'C:\\',
    'C:\\Documents and Settings',
    'C:\\Documents and Settings\\Administrator',
    'C:\\Documents and Settings\\Administrator\\Desktop',
    'C:\\Documents and Settings\\Administrator\\My Documents',
    'C:\\Program Files',
    windows,
    `${windows}\\system32`,
    `${windows}\\Temp`,
  ];
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function joinSegments(segments: readonly string[]): string {
  return `C:\\${segments.join('\\')}`;
}

/** The absolute, normalised form of `text` typed in directory `cwd`. */
export function resolvePath(cwd: string, text: string): PathResult {
  const typed = text.replace(/\//g, '\\');
  if (typed === '') return { ok: false, error: 'syntax' };
  let rest = typed;
  const drive = /^([a-zA-Z]):/.exec(typed);
  if (drive) {
    if ((drive[1] ?? '').toUpperCase() !== 'C') return { ok: false, error: 'noPath' };
    rest = typed.slice(2);
  }
  const segments = rest.startsWith('\\') ? [] : cwd.replace(/^[a-zA-Z]:\\?/, '').split('\\').filter((s) => s !== '');
  for (const raw of rest.split('\\')) {
    // Windows drops trailing dots and spaces from names: `a.txt.` is `a.txt`.
    const part = raw === '..' || raw === '.' ? raw : raw.replace(/[. ]+$/, '');
    if (part === '' || part === '.') continue;
    if (part === '..') segments.pop();
    else if (BAD_NAME.test(part)) return { ok: false, error: 'syntax' };
    else segments.push(part);
  }
  return { ok: true, path: joinSegments(segments) };
}

/** The directory holding `path` (`C:\` for a file in the root). */
export function parentOf(path: string): string {
  const cut = path.lastIndexOf('\\');
  return cut <= 2 ? 'C:\\' : path.slice(0, cut);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}

export function isDirectory(host: Host, path: string): boolean {
  return systemDirectories(host).some((dir) => sameText(dir, path));
}

/** The key under which `path` is stored in host.files, if the file exists. */
export function fileKey(host: Host, path: string): string | undefined {
  return Object.keys(host.files).find((key) => sameText(key, path));
}

/** Text of the file `text` names from the console's directory; undefined when there is none. */
export function readHostFile(host: Host, text: string): string | undefined {
  const resolved = resolvePath(host.console.cwd, text);
  if (!resolved.ok) return undefined;
  const key = fileKey(host, resolved.path);
  return key === undefined ? undefined : host.files[key];
}

/** Where a write of `text` lands: an existing file keeps its spelling; a missing directory fails. */
export function writablePath(host: Host, text: string): PathResult {
  const resolved = resolvePath(host.console.cwd, text);
  if (!resolved.ok) return resolved;
  if (isDirectory(host, resolved.path)) return { ok: false, error: 'denied' };
  if (!isDirectory(host, parentOf(resolved.path))) return { ok: false, error: 'noPath' };
  return { ok: true, path: fileKey(host, resolved.path) ?? resolved.path };
}

/** Sub-directories and files directly inside `dir`, sorted as dir lists them. */
export function directoryEntries(host: Host, dir: string): { dirs: string[]; files: string[] } {
  const inside = (path: string) => path.length > dir.length && sameText(parentOf(path), dir);
  // Plain code-unit order, not localeCompare: the engine must not depend on the machine's locale.
  const key = (path: string) => baseName(path).toLowerCase();
  const byName = (a: string, b: string) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    dirs: systemDirectories(host).filter(inside).sort(byName),
    files: Object.keys(host.files).filter(inside).sort(byName),
  };
}

/** Bytes the file takes on disk (one per character, as in an ANSI file): lines end in CR LF there. */
export function fileSize(text: string): number {
  return text.length + (text.match(/\n/g)?.length ?? 0);
}
