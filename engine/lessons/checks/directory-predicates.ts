import { findGpo } from '../../directory/ops.js';
import type { Domain, Gpo, GpoContainer, GpoLink, OrganizationalUnit } from '../../directory/types.js';
import { effectivePolicy } from '../../gp/effective-policy.js';
import { findHost, type World } from '../../model/world.js';
import type { Predicates } from '../model.js';
import { toContainerDn } from '../script/parse.js';
import { fields, judge } from './match.js';
import { fail, pass, sameName, show, type Evaluator, type Outcome } from './outcome.js';

/* Predicates over Active Directory and Group Policy: GPOs, links, OUs, computer accounts. */

const sameDn = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const sameOptName = (a: string | null, b: string | null) => (a === null || b === null ? a === b : sameName(a, b));

function inDomain(world: World, name: string, body: (domain: Domain) => Outcome): Outcome {
  const domain = world.directory.domains[name.toLowerCase()];
  return domain ? body(domain) : fail(`there is no domain ${name} in this lab`);
}

function containerOf(domain: Domain, dn: string): GpoContainer | undefined {
  if (sameDn(dn, domain.dn)) return domain;
  return Object.values(domain.ous).find((o) => sameDn(o.dn, dn));
}

export function gpoCheck(p: Predicates['gpo']): Evaluator {
  return ({ world }) =>
    inDomain(world, p.domain, (domain) =>
      judge({
        what: `GPO "${p.name}" in ${domain.name}`,
        items: Object.values(domain.gpos).filter((g) => sameName(g.name, p.name)),
        exists: p.exists ?? true,
        none: `there is no GPO "${p.name}" in ${domain.name}`,
        props: fields<Gpo>()('policy', p.policy, (g) => g.ipsecPolicy, sameOptName),
      }),
    );
}

export function linkCheck(p: Predicates['link']): Evaluator {
  const where = p.ou ?? `the domain`;
  const prop = fields<{ link: GpoLink; order: number }>();
  return ({ world }) =>
    inDomain(world, p.domain, (domain) => {
      const container = containerOf(domain, toContainerDn(domain.name, p.ou ?? '.'));
      if (!container) return fail(`there is no OU ${p.ou ?? ''} in ${domain.name}`);
      const gpo = findGpo(domain, p.gpo);
      const links = gpo ? container.links.map((link, i) => ({ link, order: i + 1 })).filter((l) => l.link.gpoId === gpo.id) : [];
      return judge<{ link: GpoLink; order: number }>({
        what: `link of GPO "${p.gpo}" on ${where}`,
        items: links,
        exists: p.exists ?? true,
        none: gpo ? `GPO "${gpo.name}" is not linked to ${where}` : `there is no GPO "${p.gpo}" in ${domain.name}`,
        props: [
          ...prop('enforced', p.enforced, (l) => l.link.enforced),
          ...prop('enabled', p.enabled, (l) => l.link.enabled),
          ...prop('order', p.order, (l) => l.order),
        ],
      });
    });
}

export function ouCheck(p: Predicates['ou']): Evaluator {
  return ({ world }) =>
    inDomain(world, p.domain, (domain) => {
      const dn = toContainerDn(domain.name, p.path);
      return judge({
        what: `OU ${p.path} in ${domain.name}`,
        items: Object.values(domain.ous).filter((o) => sameDn(o.dn, dn)),
        exists: p.exists ?? true,
        none: `there is no OU ${p.path} in ${domain.name}`,
        props: fields<OrganizationalUnit>()('blockInheritance', p.blockInheritance, (o) => o.blockInheritance),
      });
    });
}

export function memberCheck(p: Predicates['member']): Evaluator {
  return ({ world }) => {
    const host = findHost(world, p.host);
    if (!host) return fail(`there is no host ${p.host} in this lab`);
    if (!host.domain) return fail(`${host.name} is not a member of a domain`);
    const want = p.ou === null ? null : toContainerDn(host.domain, p.ou);
    const where = host.ou ?? 'the Computers container';
    return sameDn(host.ou, want) ? pass(`${host.name} is in ${where}`) : fail(`${host.name} is in ${where}, expected ${p.ou === null ? 'the Computers container' : want}`);
  };
}

export function gpAppliedCheck(p: Predicates['gpApplied']): Evaluator {
  return ({ world }) => {
    const host = findHost(world, p.host);
    if (!host) return fail(`there is no host ${p.host} in this lab`);
    const domain = host.domain ? world.directory.domains[host.domain] : undefined;
    const gpo = domain && findGpo(domain, p.gpo);
    const applied = gpo !== undefined && host.gp.appliedGpos.includes(gpo.id);
    const want = p.applied ?? true;
    const said = `GPO "${p.gpo}" was ${applied ? '' : 'not '}applied at ${host.name}'s last Group Policy refresh`;
    return applied === want ? pass(said) : fail(said);
  };
}

export function effectiveCheck(p: Predicates['effective']): Evaluator {
  return ({ world }) => {
    const host = findHost(world, p.host);
    if (!host) return fail(`there is no host ${p.host} in this lab`);
    const now = effectivePolicy(host);
    const active = now.active;
    const wrong: string[] = [];
    const got = active?.policy.name ?? null;
    if (!sameOptName(got, p.policy)) wrong.push(`the active policy is ${show(got)}, expected ${show(p.policy)}`);
    if (p.source !== undefined && active?.source !== p.source) wrong.push(`it comes from ${active?.source ?? 'nowhere'}, expected ${p.source}`);
    if (p.gpo !== undefined && !sameOptName(active?.gpoName ?? null, p.gpo)) wrong.push(`it was delivered by ${show(active?.gpoName)}, expected GPO "${p.gpo}"`);
    const persistent = now.persistent?.policy.name ?? null;
    if (p.persistent !== undefined && !sameOptName(persistent, p.persistent)) wrong.push(`the persistent policy is ${show(persistent)}, expected ${show(p.persistent)}`);
    return wrong.length ? fail(`on ${host.name}, ${wrong.join('; ')}`) : pass(`${host.name} enforces ${show(got)}`);
  };
}
