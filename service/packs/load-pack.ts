import { stat } from 'node:fs/promises';
import { formatProblems, problem, validatePack, WHOLE, type LessonFiles, type Locate, type Pack, type PackSources, type Problem, type SourceFile } from '../../engine/lessons/index.js';
import { placeFile, type LessonPart } from './layout.js';
import type { PackFiles } from './pack-files.js';
import { readPackFolder } from './read-folder.js';
import { readPackZip } from './read-zip.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** A pack read from disk: the validated pack if it has no errors, and every problem found. */
export interface LoadedPack {
  readonly pack?: Pack;
  readonly problems: readonly Problem[];
  /** Turns a problem's place into line:column (YAML paths need the parsed file). */
  readonly locate: Locate;
}

export interface LoadOptions {
  readonly appVersion?: string;
  readonly seed?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(file: string, bytes: Uint8Array, problems: Problem[]): string | undefined {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.push(problem(file, WHOLE, 'the file is not UTF-8 text'));
    return undefined;
  }
}

/** Past this many, ignored files are counted in one line instead of one line each. */
const MAX_IGNORED_LISTED = 10;

class Sources {
  readonly yaml = new Map<string, YamlSource>();
  readonly problems: Problem[] = [];
  ignored = 0;
  manifest?: SourceFile;
  readonly labs: SourceFile[] = [];
  readonly lessons = new Map<string, Partial<Record<LessonPart, SourceFile>>>();

  add(file: string, bytes: Uint8Array): void {
    const placement = placeFile(file);
    if (placement.kind === 'extra') return;
    if (placement.kind === 'unknown') {
      if (++this.ignored <= MAX_IGNORED_LISTED) this.problems.push(problem(file, WHOLE, `ignored: ${placement.hint}`, 'warning'));
      return;
    }
    const text = decode(file, bytes, this.problems);
    if (text === undefined) return;
    const isText = placement.kind === 'lesson' && (placement.part === 'markdown' || placement.part === 'solution');
    const source = isText ? { file, value: text } : this.parse(file, text);
    if (placement.kind === 'manifest') this.manifest = source;
    else if (placement.kind === 'lab') this.labs.push(source);
    else this.lessons.set(placement.lesson, { ...this.lessons.get(placement.lesson), [placement.part]: source });
  }

  private parse(file: string, text: string): SourceFile {
    const parsed = parseYamlSource(file, text);
    this.yaml.set(file, parsed);
    this.problems.push(...parsed.problems);
    return { file, value: parsed.value, broken: parsed.broken };
  }

  /** One line for the ignored files not listed. */
  finish(): void {
    const more = this.ignored - MAX_IGNORED_LISTED;
    if (more > 0) this.problems.push(problem('.', WHOLE, `ignored ${more} more file${more === 1 ? '' : 's'} outside the pack layout`, 'warning'));
  }

  toPackSources(): PackSources {
    const lessons: LessonFiles[] = [...this.lessons.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, parts]) => ({
        id,
        ...(parts.lesson ? { lesson: parts.lesson } : {}),
        ...(parts.markdown ? { markdown: parts.markdown as SourceFile<string> } : {}),
        ...(parts.solution ? { solution: parts.solution as SourceFile<string> } : {}),
        ...(parts.mutants ? { mutants: parts.mutants } : {}),
      }));
    return { ...(this.manifest ? { manifest: this.manifest } : {}), labs: this.labs, lessons };
  }
}

async function readFiles(path: string): Promise<PackFiles> {
  const info = await stat(path).catch(() => null);
  if (!info) return { files: new Map(), problems: [problem(path, WHOLE, 'no such file or folder')], incomplete: true };
  if (info.isDirectory()) return readPackFolder(path);
  return readPackZip(path);
}

/** Reads, parses and validates files already in memory (a folder's or a zip's); refused files stop it first. */
export function loadPackFiles(read: PackFiles, options: LoadOptions = {}): LoadedPack {
  if (read.incomplete) return { problems: read.problems, locate: () => undefined };
  const sources = new Sources();
  for (const [file, bytes] of read.files) sources.add(file, bytes);
  sources.finish();
  const validated = validatePack(sources.toPackSources(), options);
  const problems = [...read.problems, ...sources.problems, ...validated.problems];
  const locate: Locate = (file, place) => ('path' in place ? sources.yaml.get(file)?.locate(place.path) : undefined);
  const failed = problems.some((p) => p.severity === 'error');
  return { ...(validated.pack && !failed ? { pack: validated.pack } : {}), problems, locate };
}

/** Loads a pack from a folder or a .zip file. Nothing in it is executed. */
export async function loadPack(path: string, options: LoadOptions = {}): Promise<LoadedPack> {
  return loadPackFiles(await readFiles(path), options);
}

/** Problems as `file:line:column: message` lines. */
export function problemLines(loaded: LoadedPack): string[] {
  return formatProblems(loaded.problems, loaded.locate);
}
