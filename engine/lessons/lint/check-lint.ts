import type { LabSpec } from '../../labs/lab-spec.js';
import { parseAddressSpec, parseMethod, parseMethods } from '../checks/values.js';
import { checkKind, type Check } from '../model.js';
import type { Path } from '../problems.js';

/*
 * What the schema cannot say about checks: hosts and domains must exist in the lesson's lab,
 * a store predicate names a host or a domain (not both), values written as netsh writes
 * them must parse, top-level checks carry unique ids, and nesting stays shallow.
 */

export interface Finding {
  readonly path: Path;
  readonly message: string;
}

/** Deeper nesting than this is refused: checks must stay cheap and readable. */
export const MAX_CHECK_DEPTH = 6;

const STORE_PREDICATES = new Set(['policy', 'rule', 'filterlist', 'filter', 'filteraction', 'auth']);
const HOST_FIELDS = ['host', 'from', 'to', 'peer'] as const;

interface Env {
  readonly hosts: ReadonlySet<string>;
  readonly domains: ReadonlySet<string>;
  readonly out: Finding[];
}

export function labEnv(spec: LabSpec): { hosts: Set<string>; domains: Set<string> } {
  return { hosts: new Set(spec.hosts.map((h) => h.name.toUpperCase())), domains: new Set((spec.domains ?? []).map((d) => d.name.toLowerCase())) };
}

function lintPredicate(kind: string, body: Record<string, unknown>, path: Path, env: Env): void {
  const at = (field: string) => [...path, kind, field];
  for (const field of HOST_FIELDS) {
    const value = body[field];
    if (typeof value === 'string' && !env.hosts.has(value.toUpperCase())) env.out.push({ path: at(field), message: `there is no host ${value} in the lab (${[...env.hosts].join(', ')})` });
  }
  if (typeof body.domain === 'string' && !env.domains.has(body.domain.toLowerCase())) env.out.push({ path: at('domain'), message: `there is no domain ${body.domain} in the lab` });
  if (STORE_PREDICATES.has(kind)) {
    const hasHost = body.host !== undefined;
    const hasDomain = body.domain !== undefined;
    if (hasHost === hasDomain) env.out.push({ path: [...path, kind], message: 'name either host (with store: local or persistent) or domain, not both and not neither' });
    if (hasDomain && body.store !== undefined) env.out.push({ path: at('store'), message: 'store goes with host; a domain has one store' });
  }
  for (const field of ['src', 'dst']) {
    const value = body[field];
    if (kind !== 'filter' || typeof value !== 'string') continue;
    const parsed = parseAddressSpec(value);
    if (!parsed.ok) env.out.push({ path: at(field), message: parsed.error });
  }
  if (kind === 'filteraction') {
    for (const [field, parse] of [['methods', parseMethods], ['firstMethod', parseMethod]] as const) {
      const value = body[field];
      if (typeof value !== 'string') continue;
      const parsed = parse(value);
      if (!parsed.ok) env.out.push({ path: at(field), message: parsed.error });
    }
  }
  if (kind === 'auth' && body.key !== undefined && body.method !== 'psk') env.out.push({ path: at('key'), message: 'key goes with method: psk' });
  if (kind === 'auth' && body.rootca !== undefined && body.method !== 'certificate') env.out.push({ path: at('rootca'), message: 'rootca goes with method: certificate' });
}

function walk(check: Check, path: Path, depth: number, env: Env): void {
  if (depth > MAX_CHECK_DEPTH) {
    env.out.push({ path, message: `checks nest more than ${MAX_CHECK_DEPTH} deep; split them into steps or invariants` });
    return;
  }
  const kind = checkKind(check);
  const body = (check as unknown as Record<string, unknown>)[kind];
  if (kind === 'all' || kind === 'any') (body as Check[]).forEach((c, i) => walk(c, [...path, kind, i], depth + 1, env));
  else if (kind === 'not') walk(body as Check, [...path, 'not'], depth + 1, env);
  else lintPredicate(kind, body as Record<string, unknown>, path, env);
}

/** Lints a list of top-level checks (a step's, or the invariants) at `base`. */
export function lintChecks(checks: readonly Check[], base: Path, lab: { hosts: ReadonlySet<string>; domains: ReadonlySet<string> }): Finding[] {
  const env: Env = { ...lab, out: [] };
  const seen = new Set<string>();
  checks.forEach((check, i) => {
    const path = [...base, i];
    if (check.id === undefined) env.out.push({ path, message: 'give this check an id, so reports and results can name it' });
    else if (seen.has(check.id)) env.out.push({ path: [...path, 'id'], message: `check id "${check.id}" is used twice here` });
    else seen.add(check.id);
    walk(check, path, 0, env);
  });
  return env.out;
}

/** Lints a nested check that needs no id (a diagnosis' `when`). */
export function lintNested(check: Check, path: Path, lab: { hosts: ReadonlySet<string>; domains: ReadonlySet<string> }): Finding[] {
  const env: Env = { ...lab, out: [] };
  walk(check, path, 0, env);
  return env.out;
}
