import { builtInLab } from '../labs/catalog.js';
import type { LabSpec } from '../labs/lab-spec.js';
import { buildLab, drawLabVariables, scriptHosts, type SetupAction } from './lab-build.js';
import { lessonFile, type LabFile, type LessonFile, type Mutant, type Pack } from './model.js';
import { mutateSolution } from './mutate.js';
import { problem, type Problem } from './problems.js';
import { parseLines, parseScriptText, type ScriptAction } from './script/parse.js';
import { substitute, substituteText, type Variables } from './variables.js';

/** One mutant, ready to replay. */
export interface MutantScript {
  readonly mutant: Mutant;
  readonly index: number;
  readonly actions: readonly ScriptAction[];
}

/**
 * A lesson as one student meets it: variables drawn from their seed and substituted, the lab
 * built, the solution and mutants parsed. Everything the runner, prove and grade replay.
 */
export interface LessonInstance {
  readonly lessonId: string;
  readonly seed: number;
  readonly variables: Variables;
  readonly spec: LabSpec;
  readonly setup: readonly SetupAction[];
  readonly lesson: LessonFile;
  readonly markdown: string;
  readonly solution: readonly ScriptAction[];
  readonly mutants: readonly MutantScript[];
}

export function labFor(pack: Pack, labId: string): { file: string; lab: LabFile } | LabSpec | undefined {
  return pack.labs[labId] ?? builtInLab(labId);
}

function resolveLab(pack: Pack, labId: string, seed: number, problems: Problem[]): { spec: LabSpec; setup: readonly SetupAction[]; variables: Variables } | undefined {
  const found = labFor(pack, labId);
  if (!found) return undefined;
  if (!('lab' in found)) return { spec: found, setup: [], variables: {} };
  const drawn = drawLabVariables(found.lab, seed);
  for (const name of drawn.failed) problems.push(problem(found.file, { path: ['variables', name] }, `cannot draw a value for variable "${name}"`));
  const built = buildLab(substitute(found.lab, drawn.values), found.file);
  problems.push(...built.problems);
  return { ...built.built, variables: drawn.values };
}

/** Builds one lesson for one seed; problems name the pack file and place they come from. */
export function instantiate(pack: Pack, lessonId: string, seed: number): { instance?: LessonInstance; problems: Problem[] } {
  const source = pack.lessons.find((l) => l.id === lessonId);
  if (!source) return { problems: [problem('pack.yaml', { whole: true }, `there is no lesson ${lessonId} in this pack`)] };
  const problems: Problem[] = [];
  const lab = resolveLab(pack, source.lesson.lab, seed, problems);
  if (!lab) return { problems: [problem(lessonFile(lessonId, 'lesson.yaml'), { path: ['lab'] }, `there is no lab "${source.lesson.lab}" in labs/ or built in`)] };
  const hosts = scriptHosts(lab.spec);
  const solutionText = substituteText(source.solution, lab.variables);
  const solution = parseScriptText(solutionText, hosts);
  for (const p of solution.problems) problems.push(problem(lessonFile(lessonId, 'solution.txt'), { line: p.line, column: p.column }, p.message));
  const mutants = source.mutants.map((raw, index): MutantScript => {
    const mutant = substitute(raw, lab.variables);
    const file = lessonFile(lessonId, 'mutants.yaml');
    const script = mutateSolution(solutionText, mutant);
    for (const p of script.problems) problems.push(problem(file, { path: [index, ...p.path] }, p.message));
    const parsed = parseLines(script.lines, hosts);
    for (const p of parsed.problems) problems.push(problem(file, { path: [index] }, `mutant "${mutant.id}", line ${p.line} of its script: ${p.message}`));
    return { mutant, index, actions: parsed.actions };
  });
  const instance: LessonInstance = {
    lessonId,
    seed,
    variables: lab.variables,
    spec: lab.spec,
    setup: lab.setup,
    lesson: substitute(source.lesson, lab.variables),
    markdown: substituteText(source.markdown, lab.variables),
    solution: solution.actions,
    mutants,
  };
  return { instance, problems };
}
