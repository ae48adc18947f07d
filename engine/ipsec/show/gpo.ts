import { ipsecError } from '../errors.js';
import { fail, ok } from '../result.js';
import type { PolicyStore } from '../types.js';
import { GPO, GPO_LABEL_WIDTH, L } from './labels.js';
import { storeLabel, type ShowContext, type ShowResult } from './options.js';
import { field, toText } from './text.js';

/*
 * `show gpoassignedpolicy` and `show store`. Group Policy lives outside the store model, so
 * the caller gathers the facts (reference §4.4: local policy, AD policy and its DN, GPO, OU).
 */

export interface PolicyRef {
  readonly name: string;
  /** Registry path or LDAP DN; see localPolicyDn / directoryPolicyDn. */
  readonly dn: string;
}

export interface GpoAssignedFacts {
  readonly computerName: string;
  readonly inDomain: boolean;
  /** `name=` as typed: one domain GPO. Left out: what reaches this computer (local GPO view). */
  readonly gpoName?: string;
  /** With gpoName: whether the domain holds a GPO of that name. Default true. */
  readonly gpoFound?: boolean;
  /** Local view: the policy assigned in the local store. */
  readonly localPolicy?: PolicyRef | null;
  /** With gpoName: the policy that GPO assigns. Local view: the directory policy that wins. */
  readonly directoryPolicy?: PolicyRef | null;
  /** Local view: the GPO that assigns directoryPolicy and the OU (or domain) DN it is linked to. */
  readonly assigningGpo?: string | null;
  readonly ouDn?: string | null;
  /** When the policy data last changed, already formatted by the caller's clock. */
  readonly lastChanged?: string;
}

const g = (label: string, value: string) => field(label, value, GPO_LABEL_WIDTH);
const orNone = (value: string | null | undefined) => value ?? GPO.none;

function localView(facts: GpoAssignedFacts): string[] {
  const local = facts.localPolicy ?? null;
  const directory = facts.inDomain ? (facts.directoryPolicy ?? null) : null;
  const lines = [
    g(GPO.sourceMachine, GPO.localGpo),
    GPO.gpoFor(facts.computerName),
    g(GPO.localPolicyName, orNone(local?.name)),
    g(GPO.localPolicyDn, orNone(local?.dn)),
    g(GPO.adPolicyName, orNone(directory?.name)),
    g(GPO.adPolicyDn, orNone(directory?.dn)),
    g(GPO.adGpoName, orNone(directory ? facts.assigningGpo : null)),
    g(GPO.adOuName, orNone(directory ? facts.ouDn : null)),
  ];
  if (facts.lastChanged !== undefined) lines.push(g(GPO.lastChanged, facts.lastChanged));
  lines.push(g(GPO.policyAssigned, local || directory ? GPO.yes : GPO.no));
  return lines;
}

function domainGpoView(facts: GpoAssignedFacts, gpoName: string): string[] {
  const policy = facts.directoryPolicy ?? null;
  const lines = [g(GPO.gpoName, gpoName), g(GPO.adPolicyName, orNone(policy?.name)), g(GPO.adPolicyDn, orNone(policy?.dn))];
  if (facts.lastChanged !== undefined) lines.push(g(GPO.lastChanged, facts.lastChanged));
  lines.push(g(GPO.policyAssigned, policy ? GPO.yes : GPO.no));
  return lines;
}

/** `show gpoassignedpolicy [name=GPO]`. */
export function showGpoAssignedPolicy(facts: GpoAssignedFacts): ShowResult {
  const name = facts.gpoName;
  if (name === undefined) return ok(toText(localView(facts)));
  // Error kinds: the store catalogue has none for Group Policy; 05073 = store cannot be opened [CV:S27].
  if (!facts.inDomain) {
    return fail(ipsecError('store-open-failed', 'This computer is not a member of a domain, so no domain Group Policy object can be read.'));
  }
  if (facts.gpoFound === false) {
    return fail(ipsecError('invalid-value', `Group Policy object with name "${name}" does not exist.`));
  }
  return ok(toText(domainGpoView(facts, name)));
}

/** `show store`: the store the static commands work on [R wording]. */
export function showStore(store: Pick<PolicyStore, 'location'>, ctx: ShowContext): string {
  return toText([field(L.currentStore, storeLabel(store, ctx))]);
}
