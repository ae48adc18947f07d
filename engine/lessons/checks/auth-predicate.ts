import { authMethodLabel } from '../../ipsec/auth.js';
import { findPolicy, standardRules } from '../../ipsec/store-lookup.js';
import type { AuthMethod } from '../../ipsec/types.js';
import type { Predicates } from '../model.js';
import { fields, judge } from './match.js';
import { fail, sameName, type Evaluator } from './outcome.js';
import { resolveStore } from './store-target.js';

interface Ranked {
  readonly method: AuthMethod;
  readonly position: number;
}

const key = (m: AuthMethod) => (m.kind === 'psk' ? m.key : '');
const rootCa = (m: AuthMethod) => (m.kind === 'certificate' ? m.rootCa : '');
const sameCa = (a: string, b: string) => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/** An authentication method of a rule (or of the default response rule when no rule is named). */
export function authCheck(p: Predicates['auth']): Evaluator {
  const prop = fields<Ranked>();
  return ({ world }) => {
    const resolved = resolveStore(world, p);
    if ('error' in resolved) return fail(resolved.error);
    const policy = findPolicy(resolved.store, p.policy);
    if (!policy) return fail(`there is no policy "${p.policy}" in ${resolved.label}`);
    const rule = p.rule === undefined ? policy.rules.find((r) => r.isDefaultResponse) : standardRules(policy).find((r) => sameName(r.name, p.rule ?? ''));
    const ruleLabel = p.rule === undefined ? 'the default response rule' : `rule "${p.rule}"`;
    if (!rule) return fail(`policy "${policy.name}" (${resolved.label}) has no ${ruleLabel}`);
    return judge<Ranked>({
      what: `authentication method of ${ruleLabel} in policy "${policy.name}"`,
      items: rule.authMethods.map((method, position) => ({ method, position })),
      exists: p.exists ?? true,
      none: `${ruleLabel} has no authentication methods`,
      props: [
        { name: 'method', want: p.method, ok: (r) => r.method.kind === p.method, actual: (r) => authMethodLabel(r.method) },
        ...prop('key', p.key, (r) => key(r.method)),
        ...prop('rootca', p.rootca, (r) => rootCa(r.method), sameCa),
        ...prop('first', p.first, (r) => r.position === 0),
      ],
    });
  };
}
