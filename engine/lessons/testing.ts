import type { Action } from '../actions.js';
import { Lab } from '../lab.js';
import { builtInLab } from '../labs/catalog.js';
import type { LabSpec } from '../labs/lab-spec.js';
import { compileCheck, type CheckResult } from './checks/compile.js';
import type { Check } from './model.js';

/* Helpers for the lesson tests: a lab driven by script-like lines, and one-off check runs. */

export function defaultLabSpec(): LabSpec {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('the two-hosts lab is missing');
  return spec;
}

/** Applies `HOST> command` lines and actions; throws if the lab refuses one. */
export function drive(lab: Lab, ...steps: readonly (string | Action)[]): Lab {
  for (const step of steps) {
    const action: Action = typeof step === 'string' ? commandOf(step) : step;
    const outcome = lab.apply(action);
    if (!outcome.ok) throw new Error(`${JSON.stringify(action)}: ${outcome.error}`);
  }
  return lab;
}

function commandOf(line: string): Action {
  const at = line.indexOf('> ');
  if (at < 0) throw new Error(`not a HOST> line: ${line}`);
  return { type: 'command', host: line.slice(0, at), line: line.slice(at + 2) };
}

export function labWith(...steps: readonly (string | Action)[]): Lab {
  return drive(new Lab(defaultLabSpec()), ...steps);
}

export function run(check: Check, lab: Lab): CheckResult {
  return compileCheck(check)({ world: lab.world, transcript: lab.transcript });
}
