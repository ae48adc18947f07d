import { findPolicy } from '../ipsec/store-lookup.js';
import { fail, ok, type Result } from '../ipsec/result.js';
import type { Domain, Gpo, GpoContainer, GpoLink } from './types.js';

/**
 * Changes to one domain, as the Group Policy tools and dsadd make them. Each checks everything
 * first and returns a new domain, or a message in the words an administrator would expect.
 */
export type DomainOp =
  | { readonly op: 'create-ou'; readonly name: string; readonly parent: string }
  | { readonly op: 'delete-ou'; readonly dn: string }
  | { readonly op: 'create-gpo'; readonly name: string; readonly id: string }
  | { readonly op: 'delete-gpo'; readonly gpo: string }
  | { readonly op: 'link-gpo'; readonly gpo: string; readonly container: string }
  | { readonly op: 'unlink-gpo'; readonly gpo: string; readonly container: string }
  | { readonly op: 'set-link'; readonly gpo: string; readonly container: string; readonly enforced?: boolean; readonly enabled?: boolean }
  | { readonly op: 'block-inheritance'; readonly container: string; readonly block: boolean }
  | { readonly op: 'assign-policy'; readonly gpo: string; readonly policy: string | null };

export function findGpo(domain: Domain, nameOrId: string): Gpo | undefined {
  const key = nameOrId.toLowerCase();
  return Object.values(domain.gpos).find((g) => g.id.toLowerCase() === key || g.name.toLowerCase() === key);
}

function container(domain: Domain, dn: string): GpoContainer | undefined {
  if (dn.toLowerCase() === domain.dn.toLowerCase()) return domain;
  return Object.values(domain.ous).find((ou) => ou.dn.toLowerCase() === dn.toLowerCase());
}

function withContainer(domain: Domain, target: GpoContainer, change: Partial<GpoContainer>): Domain {
  if (target === domain) return { ...domain, ...change };
  const ou = domain.ous[target.dn];
  return ou ? { ...domain, ous: { ...domain.ous, [ou.dn]: { ...ou, ...change } } } : domain;
}

function linksWithout(links: readonly GpoLink[], gpoId: string): GpoLink[] {
  return links.filter((l) => l.gpoId !== gpoId);
}

export function applyDomainOp(domain: Domain, op: DomainOp): Result<Domain> {
  switch (op.op) {
    case 'create-ou':
      return createOu(domain, op.name, op.parent);
    case 'delete-ou':
      return deleteOu(domain, op.dn);
    case 'create-gpo':
      return createGpo(domain, op.name, op.id);
    case 'assign-policy':
      return assignPolicy(domain, op.gpo, op.policy);
    case 'block-inheritance': {
      const target = container(domain, op.container);
      return target ? ok(withContainer(domain, target, { blockInheritance: op.block })) : fail(noContainer(op.container));
    }
    default:
      return linkOp(domain, op);
  }
}

function noContainer(dn: string): string {
  return `The domain or organizational unit ${dn} does not exist.`;
}

function createOu(domain: Domain, name: string, parent: string): Result<Domain> {
  const clean = name.trim();
  if (!clean || /[,+"\\<>;=/#]/.test(clean)) return fail(`"${name}" is not a valid name for an organizational unit.`);
  const parentContainer = container(domain, parent);
  if (!parentContainer) return fail(noContainer(parent));
  const dn = `OU=${clean},${parentContainer.dn}`;
  if (container(domain, dn)) return fail(`An object named ${dn} already exists.`);
  return ok({ ...domain, ous: { ...domain.ous, [dn]: { dn, name: clean, parent: parentContainer.dn, links: [], blockInheritance: false } } });
}

/** Only an empty OU can go (no child OUs; the caller checks that no computer is in it). */
function deleteOu(domain: Domain, dn: string): Result<Domain> {
  const ou = Object.values(domain.ous).find((o) => o.dn.toLowerCase() === dn.toLowerCase());
  if (!ou) return fail(noContainer(dn));
  if (Object.values(domain.ous).some((o) => o.parent === ou.dn)) return fail(`${ou.dn} still holds other organizational units.`);
  const ous = { ...domain.ous };
  delete ous[ou.dn];
  return ok({ ...domain, ous });
}

function createGpo(domain: Domain, name: string, id: string): Result<Domain> {
  const clean = name.trim();
  if (!clean) return fail('A Group Policy object needs a name.');
  if (findGpo(domain, clean)) return fail(`A Group Policy object named "${clean}" already exists in ${domain.name}.`);
  return ok({ ...domain, gpos: { ...domain.gpos, [id]: { id, name: clean, domain: domain.name, ipsecPolicy: null } } });
}

function assignPolicy(domain: Domain, gpoName: string, policy: string | null): Result<Domain> {
  const gpo = findGpo(domain, gpoName);
  if (!gpo) return fail(`There is no Group Policy object named "${gpoName}" in ${domain.name}.`);
  const found = policy === null ? null : findPolicy(domain.ipsecStore, policy);
  if (policy !== null && !found) {
    return fail(`There is no IP security policy named "${policy}" in the IP Security Policies on Active Directory of ${domain.name}.`);
  }
  return ok({ ...domain, gpos: { ...domain.gpos, [gpo.id]: { ...gpo, ipsecPolicy: found?.name ?? null } } });
}

function linkOp(domain: Domain, op: Extract<DomainOp, { gpo: string; container?: string }>): Result<Domain> {
  const gpo = findGpo(domain, op.gpo);
  if (!gpo) return fail(`There is no Group Policy object named "${op.gpo}" in ${domain.name}.`);
  if (op.op === 'delete-gpo') return ok(deleteGpo(domain, gpo.id));
  if (!('container' in op)) return fail('Say which domain or organizational unit.');
  const target = container(domain, op.container);
  if (!target) return fail(noContainer(op.container));
  const existing = target.links.find((l) => l.gpoId === gpo.id);
  if (op.op === 'link-gpo') {
    if (existing) return fail(`${gpo.name} is already linked to ${target.dn}.`);
    return ok(withContainer(domain, target, { links: [...target.links, { gpoId: gpo.id, enforced: false, enabled: true }] }));
  }
  if (!existing) return fail(`${gpo.name} is not linked to ${target.dn}.`);
  if (op.op === 'unlink-gpo') return ok(withContainer(domain, target, { links: linksWithout(target.links, gpo.id) }));
  const changed = { ...existing, enforced: op.enforced ?? existing.enforced, enabled: op.enabled ?? existing.enabled };
  return ok(withContainer(domain, target, { links: target.links.map((l) => (l === existing ? changed : l)) }));
}

/** Deleting a GPO removes its links everywhere; computers keep what they cached (see gp/refresh). */
function deleteGpo(domain: Domain, gpoId: string): Domain {
  const gpos = { ...domain.gpos };
  delete gpos[gpoId];
  const ous = Object.fromEntries(Object.entries(domain.ous).map(([dn, ou]) => [dn, { ...ou, links: linksWithout(ou.links, gpoId) }]));
  return { ...domain, gpos, ous, links: linksWithout(domain.links, gpoId) };
}
