/*
 * What the Group Policy and Active Directory tools show and send: the forest's containers in
 * tree order, the computers in each, the directory actions, and the checks made before sending
 * (the engine checks again; its refusal is shown and nothing changes).
 */
import type { Action, LabView } from '../service/protocol/lab-api.js';
import type { PolicyStore } from './policy-model.js';

export type DomainView = LabView['domains'][number];
export type HostView = LabView['hosts'][number];
export type LinkView = DomainView['links'][number];
type DirectoryChange = Extract<Action, { type: 'directory' }>['change'];

/** A place GPOs link to: the domain itself or one of its OUs. */
export interface Container {
  readonly domain: string;
  readonly dn: string;
  readonly name: string;
  readonly kind: 'domain' | 'ou';
  readonly level: number;
  readonly links: readonly LinkView[];
  readonly blockInheritance: boolean;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

/** The domain, then its OUs nested by parent, depth first, each level by name. */
export function containers(domain: DomainView): Container[] {
  const out: Container[] = [{ domain: domain.name, dn: domain.dn, name: domain.name, kind: 'domain', level: 1, links: domain.links, blockInheritance: false }];
  const known = new Set(domain.ous.map((ou) => ou.dn));
  const walk = (parent: string, level: number) => {
    const children = domain.ous.filter((ou) => ou.parent === parent || (parent === domain.dn && !known.has(ou.parent)));
    for (const ou of [...children].sort(byName)) {
      out.push({ domain: domain.name, dn: ou.dn, name: ou.name, kind: 'ou', level, links: ou.links, blockInheritance: ou.blockInheritance });
      walk(ou.dn, level + 1);
    }
  };
  walk(domain.dn, 2);
  return out;
}

/** The domain's computers in the container `dn`; `null` is the default Computers container. */
export function computersIn(view: LabView, domain: DomainView, dn: string | null): HostView[] {
  const ous = new Set(domain.ous.map((ou) => ou.dn));
  return view.hosts
    .filter((h) => h.domain === domain.name && (dn === null ? h.ou === null || !ous.has(h.ou) : h.ou === dn))
    .sort(byName);
}

export function directoryAction(domain: string, change: DirectoryChange): Action {
  return { type: 'directory', domain, change };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function ouNameProblem(name: string, parent: Container, domain: DomainView): string | null {
  const clean = name.trim();
  if (clean === '') return 'Type a name for the organizational unit. The name cannot be empty.';
  if (/[,+"\\<>;=/#]/.test(clean)) return `An organizational unit name cannot contain any of these characters: , + " \\ < > ; = / #`;
  const clash = domain.ous.find((ou) => ou.parent === parent.dn && same(ou.name, clean));
  return clash ? `There is already an organizational unit named "${clash.name}" in ${parent.name}. Type a different name.` : null;
}

export function gpoNameProblem(name: string, domain: DomainView): string | null {
  if (name.trim() === '') return 'Type a name for the Group Policy object. The name cannot be empty.';
  const clash = domain.gpos.find((g) => same(g.name, name));
  return clash ? `There is already a Group Policy object named "${clash.name}" in ${domain.name}. Type a different name.` : null;
}

/** The command a real host of this version runs to refresh its computer policy now. */
export function refreshCommand(version: string): string {
  return /2000/.test(version) ? 'secedit /refreshpolicy machine_policy' : 'gpupdate /target:computer';
}

/** The friendly name of a computer's version, as Active Directory Users and Computers shows it. */
export function versionLabel(version: string): string {
  if (/2003/.test(version)) return 'Windows Server 2003';
  if (/xp/i.test(version)) return 'Windows XP Professional';
  if (/2000/.test(version)) return 'Windows 2000';
  return version;
}

/**
 * The domain's "IP Security Policies on Active Directory" as the policy tool reads it. The lab
 * view lists only the policies' names today (`complete: false`: enough to list, name-check and
 * create, not to open Properties); a view that carries the whole store is used as it is.
 */
export function domainStore(domain: DomainView): { store: PolicyStore; complete: boolean } {
  const full = (domain as DomainView & { store?: PolicyStore }).store;
  if (full) return { store: full, complete: true };
  const policies = domain.policies.map((name, i) => ({
    id: `ad-${i}`,
    name,
    description: '',
    mmpfs: false,
    qmpermm: 0,
    mmlifetime: 480,
    pollinginterval: 180,
    assigned: false,
    mmsecmethods: [],
    rules: [],
  }));
  return { store: { location: 'domain', policies, filterLists: [], filterActions: [], nextId: policies.length + 1 }, complete: false };
}

/** What is selected in the Group Policy tree: a container (its links) or a GPO (its settings). */
export type GpmcSelection = { readonly kind: 'container'; readonly domain: string; readonly dn: string } | { readonly kind: 'gpo'; readonly domain: string; readonly gpo: string };

/** One row of the Group Policy tree as drawn. */
export interface GpmcRow {
  readonly id: string;
  readonly label: string;
  readonly level: number;
  readonly icon: 'domain' | 'ou' | 'gpo-link' | 'container';
  readonly select: GpmcSelection | null;
  /** Read after the name: a link's state, a GPO's IPSec policy. */
  readonly description: string;
}

function linkState(link: LinkView): string {
  return [link.enforced ? 'Enforced' : 'not enforced', link.enabled ? 'link enabled' : 'link disabled'].join(', ');
}

/** The tree of the Group Policy tool: each domain's containers with their links, then its GPOs. */
export function gpmcRows(domains: readonly DomainView[]): GpmcRow[] {
  const rows: GpmcRow[] = [];
  for (const domain of domains) {
    for (const c of containers(domain)) {
      const blocked = c.blockInheritance ? 'Block Inheritance' : '';
      rows.push({ id: `c:${c.dn}`, label: c.name, level: c.level, icon: c.kind, select: { kind: 'container', domain: domain.name, dn: c.dn }, description: blocked });
      c.links.forEach((link, i) =>
        rows.push({ id: `l:${c.dn}:${i}`, label: link.gpo, level: c.level + 1, icon: 'gpo-link', select: { kind: 'gpo', domain: domain.name, gpo: link.gpo }, description: `link ${i + 1}, ${linkState(link)}` }),
      );
    }
    rows.push({ id: `g:${domain.dn}`, label: 'Group Policy Objects', level: 2, icon: 'container', select: null, description: `${domain.gpos.length} in ${domain.name}` });
    for (const g of [...domain.gpos].sort(byName)) {
      rows.push({ id: `o:${domain.dn}:${g.id}`, label: g.name, level: 3, icon: 'gpo-link', select: { kind: 'gpo', domain: domain.name, gpo: g.name }, description: g.ipsecPolicy ? `assigns ${g.ipsecPolicy}` : 'assigns no IPSec policy' });
    }
  }
  return rows;
}

export function sameSelection(a: GpmcSelection | null, b: GpmcSelection | null): boolean {
  if (!a || !b || a.kind !== b.kind || a.domain !== b.domain) return false;
  return a.kind === 'container' ? a.dn === (b as typeof a).dn : a.gpo === (b as typeof a).gpo;
}
