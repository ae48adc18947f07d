import { checkKind, type Check, type PredicateName, type Predicates } from '../model.js';
import { authCheck } from './auth-predicate.js';
import { effectiveCheck, gpAppliedCheck, gpoCheck, linkCheck, memberCheck, ouCheck } from './directory-predicates.js';
import { flowCheck } from './flow.js';
import { configCheck, powerCheck, ranCheck, serviceCheck } from './host-predicates.js';
import { counterCheck, saCheck } from './monitor-predicates.js';
import type { CheckContext, Evaluator } from './outcome.js';
import { filterActionCheck, filterCheck, filterListCheck, policyCheck, ruleCheck } from './store-predicates.js';

/** Each predicate of the vocabulary and the function that compiles it. */
const PREDICATES: { readonly [K in PredicateName]: (p: Predicates[K]) => Evaluator } = {
  policy: policyCheck,
  rule: ruleCheck,
  filterlist: filterListCheck,
  filter: filterCheck,
  filteraction: filterActionCheck,
  auth: authCheck,
  gpo: gpoCheck,
  link: linkCheck,
  ou: ouCheck,
  member: memberCheck,
  gpApplied: gpAppliedCheck,
  effective: effectiveCheck,
  service: serviceCheck,
  power: powerCheck,
  config: configCheck,
  flow: flowCheck,
  counter: counterCheck,
  sa: saCheck,
  ran: ranCheck,
};

/** A check's verdict: what was found, and the feedback the student should see if it failed. */
export interface CheckResult {
  readonly pass: boolean;
  readonly message: string;
  readonly feedback?: string;
}

export type CompiledCheck = (ctx: CheckContext) => CheckResult;

function result(pass: boolean, message: string, feedback: string | undefined): CheckResult {
  return feedback === undefined || pass ? { pass, message } : { pass, message, feedback };
}

function all(children: readonly CompiledCheck[], own: string | undefined): CompiledCheck {
  return (ctx) => {
    for (const child of children) {
      const r = child(ctx);
      if (!r.pass) return result(false, r.message, own ?? r.feedback);
    }
    return { pass: true, message: 'all of its checks pass' };
  };
}

function any(children: readonly CompiledCheck[], own: string | undefined): CompiledCheck {
  return (ctx) => {
    const failed: CheckResult[] = [];
    for (const child of children) {
      const r = child(ctx);
      if (r.pass) return r;
      failed.push(r);
    }
    return result(false, `none passes: ${failed.map((f) => f.message).join(' | ')}`, own ?? failed[0]?.feedback);
  };
}

/**
 * Turns a validated check into a function of the world and transcript. Values written as text
 * (addresses, methods) are parsed once here, so evaluating after every action stays cheap.
 */
export function compileCheck(check: Check): CompiledCheck {
  const kind = checkKind(check);
  const own = check.feedback;
  const record = check as unknown as Record<string, unknown>;
  if (kind === 'all') return all((record.all as Check[]).map(compileCheck), own);
  if (kind === 'any') return any((record.any as Check[]).map(compileCheck), own);
  if (kind === 'not') {
    const inner = compileCheck(record.not as Check);
    return (ctx) => {
      const r = inner(ctx);
      return result(!r.pass, r.pass ? `it should not be so, but ${r.message}` : r.message, own);
    };
  }
  const evaluate = (PREDICATES[kind] as (p: unknown) => Evaluator)(record[kind]);
  return (ctx) => {
    const o = evaluate(ctx);
    return result(o.pass, o.message, own);
  };
}
