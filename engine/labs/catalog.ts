import type { LabSpec } from './lab-spec.js';
import { TWO_HOSTS } from './two-hosts.js';

/** The labs built into the engine; packs add their own later. */
const BUILT_IN: readonly LabSpec[] = [TWO_HOSTS];

export const DEFAULT_LAB_ID = TWO_HOSTS.id;

export function builtInLab(id: string): LabSpec | undefined {
  return BUILT_IN.find((lab) => lab.id.toLowerCase() === id.toLowerCase());
}

export function builtInLabIds(): string[] {
  return BUILT_IN.map((lab) => lab.id);
}
