import { baseName, directoryEntries, fileKey, fileSize, isDirectory, parentOf, PATH_ERRORS, resolvePath } from '../../model/files.js';
import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { failed, printed, type ShellCommand } from '../command.js';
import { cmdWords } from '../words.js';

const USAGE = [
  'Displays a list of files and subdirectories in a directory.',
  '',
  'DIR [drive:][path][filename]',
  '',
  '  [drive:][path][filename]',
  '              Specifies drive, directory, and/or files to list.',
].join('\n');

/** The lab opens at this moment; the simulated clock counts from it. */
const LAB_START_UTC = Date.UTC(2005, 2, 15, 9, 0);
const FREE_BYTES = 8_589_934_592;

const two = (n: number) => String(n).padStart(2, '0');
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * `MM/DD/YYYY  HH:MM AM` of the simulated clock. Files carry no times of their own here,
 * so every entry shows the time of the listing [R: a simplification].
 */
function stamp(world: World): string {
  const d = new Date(LAB_START_UTC + world.clock);
  const hour = d.getUTCHours();
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}  ${two(h12)}:${two(d.getUTCMinutes())} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A stable volume serial per host, so two hosts do not look like one disk. */
function serial(host: Host): string {
  let h = 0x811c9dc5;
  for (const ch of host.name.toUpperCase()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  const hex = h.toString(16).toUpperCase().padStart(8, '0');
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

function listing(world: World, host: Host, dir: string, only?: string): string[] {
  const time = stamp(world);
  const entries = directoryEntries(host, dir);
  const files = only ? [only] : entries.files;
  const dirs = only ? [] : [...(dir === 'C:\\' ? [] : ['.', '..']), ...entries.dirs.map(baseName)];
  const bytes = files.reduce((sum, f) => sum + fileSize(host.files[f] ?? ''), 0);
  return [
    ' Volume in drive C has no label.',
    ` Volume Serial Number is ${serial(host)}`,
    '',
    ` Directory of ${dir}`,
    '',
    ...dirs.map((name) => `${time}    <DIR>          ${name}`),
    ...files.map((f) => `${time} ${thousands(fileSize(host.files[f] ?? '')).padStart(17)} ${baseName(f)}`),
    `${String(files.length).padStart(16)} File(s) ${thousands(bytes).padStart(14)} bytes`,
    `${String(dirs.length).padStart(16)} Dir(s) ${thousands(FREE_BYTES).padStart(15)} bytes free`,
  ];
}

/** DIR of the console's directory, another directory, or one file; switches other than /? are not emulated. */
export const dir: ShellCommand = {
  name: 'dir',
  summary: 'Displays a list of files and subdirectories in a directory.',
  usage: USAGE,
  builtIn: true,
  run({ world, host }, args) {
    const words = cmdWords(args);
    if (words[0] === '/?') return printed(USAGE);
    const option = words.find((w) => w.startsWith('/'));
    if (option) return failed(`Invalid switch - "${option.slice(1)}".`);
    if (words.length > 1) return failed('File Not Found');
    const target = resolvePath(host.console.cwd, words[0] ?? '.');
    if (!target.ok) return failed(PATH_ERRORS[target.error]);
    if (isDirectory(host, target.path)) return printed(...listing(world, host, target.path));
    const file = fileKey(host, target.path);
    if (file === undefined) return failed(' Volume in drive C has no label.', ` Volume Serial Number is ${serial(host)}`, '', ` Directory of ${parentOf(target.path)}`, '', 'File Not Found');
    return printed(...listing(world, host, parentOf(target.path), file));
  },
};
