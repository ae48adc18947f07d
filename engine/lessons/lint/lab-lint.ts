import { LabError } from '../../labs/lab-spec.js';
import { buildLab, drawLabVariables } from '../lab-build.js';
import { LabFileNode, type LabFile } from '../model.js';
import { problem, type Problem } from '../problems.js';
import { validateAgainst } from '../schema/validate.js';
import { startLessonLab } from '../session.js';
import { addressRange, placeholders, substitute } from '../variables.js';

/*
 * What a lab file must satisfy beyond its schema: sensible variables, placeholders that name
 * them, a topology the engine can build (hosts in defined domains and OUs), and setup lines the
 * lab accepts. Checked with the values drawn for one seed.
 */

function variableProblems(lab: LabFile, file: string): Problem[] {
  return Object.entries(lab.variables ?? {}).flatMap(([name, def]) => {
    const at = { path: ['variables', name] };
    if ('address' in def) {
      const range = addressRange(def.address);
      return typeof range === 'string' ? [problem(file, at, range)] : [];
    }
    if ('number' in def && def.number.max < def.number.min) return [problem(file, at, 'max is smaller than min')];
    return [];
  });
}

function placeholderProblems(lab: LabFile, file: string): Problem[] {
  const defined = new Set(Object.keys(lab.variables ?? {}));
  const { variables: _ignored, ...rest } = lab;
  return placeholders(rest)
    .filter((p) => !defined.has(p.name))
    .map((p) => problem(file, { path: p.path }, `there is no variable "${p.name}" in this lab's variables`));
}

function topologyProblems(lab: LabFile, file: string): Problem[] {
  const out: Problem[] = [];
  const names = lab.hosts.map((h) => h.name.toUpperCase());
  lab.hosts.forEach((h, i) => {
    if (names.indexOf(h.name.toUpperCase()) !== i) out.push(problem(file, { path: ['hosts', i, 'name'] }, `host ${h.name} is named twice`));
    const domain = h.domain ? lab.domains?.find((d) => d.name.toLowerCase() === h.domain?.toLowerCase()) : undefined;
    if (h.domain && !domain) out.push(problem(file, { path: ['hosts', i, 'domain'] }, `there is no domain ${h.domain} in domains`));
    if (h.ou && !h.domain) out.push(problem(file, { path: ['hosts', i, 'ou'] }, 'a workgroup computer has no OU'));
  });
  (lab.domains ?? []).forEach((d, i) => {
    const dc = lab.hosts.find((h) => h.name.toUpperCase() === d.dc.toUpperCase());
    if (!dc) out.push(problem(file, { path: ['domains', i, 'dc'] }, `there is no host ${d.dc} in hosts`));
    else if (!dc.roles?.includes('domain-controller')) out.push(problem(file, { path: ['domains', i, 'dc'] }, `${dc.name} should have the role domain-controller`, 'warning'));
  });
  return out;
}

/** Lints a schema-valid lab file; returns its problems, in pack-relative file terms. */
export function lintLab(lab: LabFile, file: string, seed: number): Problem[] {
  const out = [...variableProblems(lab, file), ...placeholderProblems(lab, file), ...topologyProblems(lab, file)];
  if (out.some((p) => p.severity === 'error')) return out;
  const drawn = drawLabVariables(lab, seed);
  for (const name of drawn.failed) out.push(problem(file, { path: ['variables', name] }, `no value left to draw for "${name}" (seed ${seed}): widen its range`));
  const concrete = substitute(lab, drawn.values);
  // Placeholders skip their pattern until drawn; now every value must fit.
  out.push(...validateAgainst(LabFileNode, concrete).map((p) => problem(file, { path: p.path }, `with the drawn values (seed ${seed}): ${p.message}`)));
  if (out.length) return out;
  const built = buildLab(concrete, file);
  out.push(...built.problems);
  try {
    const started = startLessonLab(built.built);
    out.push(...started.rejected.map((r) => problem(r.setup.file, r.setup.place, `the lab refused this setup action: ${r.error}`)));
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    out.push(problem(file, { whole: true }, error.message));
  }
  return out;
}
