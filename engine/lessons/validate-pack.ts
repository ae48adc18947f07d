import { instantiate, labFor } from './instance.js';
import { lintLab } from './lint/lab-lint.js';
import { lintLesson } from './lint/lesson-lint.js';
import { LESSON_DIR_PATTERN } from './model/common.js';
import { LabFileNode, LessonFileNode, MutantsFileNode, PackManifestNode, lessonFile, type LabFile, type LessonSource, type Pack, type PackManifest } from './model.js';
import { hasErrors, problem, WHOLE, type Problem } from './problems.js';
import type { Node } from './schema/dsl.js';
import { validateAgainst } from './schema/validate.js';
import { satisfies } from './semver.js';

/**
 * A pack's files as the loader read them: YAML already parsed (`value`), text as text. A file
 * whose YAML did not parse comes with `broken: true`; its syntax errors were reported already.
 */
export interface SourceFile<T = unknown> {
  readonly file: string;
  readonly value: T;
  readonly broken?: boolean;
}

export interface LessonFiles {
  /** The folder name under lessons/. */
  readonly id: string;
  readonly lesson?: SourceFile;
  readonly markdown?: SourceFile<string>;
  readonly solution?: SourceFile<string>;
  readonly mutants?: SourceFile;
}

export interface PackSources {
  readonly manifest?: SourceFile;
  readonly labs: readonly SourceFile[];
  readonly lessons: readonly LessonFiles[];
}

export interface ValidateOptions {
  /** The running app's version, tested against pack.yaml's `app` range. */
  readonly appVersion?: string;
  /** The seed variables are drawn with while validating. */
  readonly seed?: number;
}

export interface Validated {
  readonly pack?: Pack;
  readonly problems: readonly Problem[];
}

function conform<T>(node: Node<T>, source: SourceFile | undefined, problems: Problem[]): T | undefined {
  if (!source || source.broken) return undefined;
  const found = validateAgainst(node, source.value);
  problems.push(...found.map((p) => problem(source.file, { path: p.path }, p.message)));
  return found.length ? undefined : (source.value as T);
}

function manifestOf(sources: PackSources, options: ValidateOptions, problems: Problem[]): PackManifest | undefined {
  if (!sources.manifest) {
    problems.push(problem('pack.yaml', WHOLE, 'a pack needs a pack.yaml at its root (id, title, version, authors, licence, app)'));
    return undefined;
  }
  const manifest = conform(PackManifestNode, sources.manifest, problems);
  if (manifest && options.appVersion && !satisfies(options.appVersion, manifest.app)) {
    problems.push(problem(sources.manifest.file, { path: ['app'] }, `this pack needs IPSec Lab ${manifest.app}; this is ${options.appVersion}`));
  }
  return manifest;
}

interface Labs {
  readonly labs: Record<string, { file: string; lab: LabFile }>;
  /** Ids of labs with errors: their lessons are not checked further (the lab's problems say why). */
  readonly broken: Set<string>;
}

function labsOf(sources: PackSources, seed: number, problems: Problem[]): Labs {
  const labs: Record<string, { file: string; lab: LabFile }> = {};
  const broken = new Set<string>();
  for (const source of sources.labs) {
    const lab = conform(LabFileNode, source, problems);
    const id = (source.value as { id?: unknown } | null)?.id;
    if (!lab) {
      if (typeof id === 'string') broken.add(id);
      continue;
    }
    const earlier = labs[lab.id];
    if (earlier) {
      problems.push(problem(source.file, { path: ['id'] }, `lab id "${lab.id}" is already used by ${earlier.file}`));
      continue;
    }
    const found = lintLab(lab, source.file, seed);
    problems.push(...found);
    if (hasErrors(found)) broken.add(lab.id);
    else labs[lab.id] = { file: source.file, lab };
  }
  return { labs, broken };
}

function lessonOf(files: LessonFiles, problems: Problem[]): LessonSource | undefined {
  const before = problems.length;
  if (!new RegExp(LESSON_DIR_PATTERN).test(files.id)) {
    problems.push(problem(`lessons/${files.id}`, WHOLE, 'a lesson folder is named NN-slug, such as 01-create-policy'));
  }
  for (const [name, present] of [['lesson.yaml', files.lesson], ['lesson.md', files.markdown], ['solution.txt', files.solution]] as const) {
    if (!present) problems.push(problem(lessonFile(files.id, name), WHOLE, `every lesson needs a ${name}`));
  }
  const lesson = conform(LessonFileNode, files.lesson, problems);
  const mutants = files.mutants ? conform(MutantsFileNode, files.mutants, problems) : [];
  if (problems.length > before || !lesson || !mutants || !files.markdown || !files.solution) return undefined;
  return { id: files.id, lesson, markdown: files.markdown.value, solution: files.solution.value, mutants };
}

/**
 * Checks a whole pack: every file against the model, then every cross-reference and lint.
 * Nothing from the pack is executed; setup and solution lines are only parsed (and the lab's
 * own setup simulated) to find where they go wrong.
 */
export function validatePack(sources: PackSources, options: ValidateOptions = {}): Validated {
  const seed = options.seed ?? 1;
  const problems: Problem[] = [];
  const manifest = manifestOf(sources, options, problems);
  const { labs, broken } = labsOf(sources, seed, problems);
  const lessons = sources.lessons.flatMap((files) => lessonOf(files, problems) ?? []);
  if (sources.lessons.length === 0) problems.push(problem('lessons', WHOLE, 'a pack needs at least one lesson folder under lessons/'));
  if (!manifest) return { problems };
  const pack: Pack = { manifest, labs, lessons };
  for (const source of lessons) {
    if (broken.has(source.lesson.lab)) continue;
    const lab = labFor(pack, source.lesson.lab);
    const defined = lab && ('lab' in lab ? new Set(Object.keys(lab.lab.variables ?? {})) : new Set<string>());
    const { instance, problems: found } = instantiate(pack, source.id, seed);
    problems.push(...found, ...lintLesson(source, instance, defined));
  }
  const complete = lessons.length === sources.lessons.length && broken.size === 0;
  return hasErrors(problems) || !complete ? { problems } : { pack, problems };
}
