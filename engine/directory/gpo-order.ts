import type { Directory, Domain, GpoContainer, GpoLink } from './types.js';

/** One GPO as it is applied to a computer, and from where. */
export interface AppliedGpo {
  readonly gpoId: string;
  readonly container: string;
  readonly enforced: boolean;
}

/** The chain of containers above a computer: the domain first, then each OU down to its own. */
export function containerChain(domain: Domain, ouDn: string | null): GpoContainer[] {
  const chain: GpoContainer[] = [];
  let dn = ouDn;
  for (let guard = 0; dn && guard < 64; guard++) {
    const ou = domain.ous[dn];
    if (!ou) break;
    chain.unshift(ou);
    dn = ou.parent;
  }
  chain.unshift(domain);
  return chain;
}

/**
 * The GPOs that apply to a computer in the order Windows processes them, lowest precedence
 * first: site, domain, then OUs parent to child; within one container link order 1 is applied
 * last. Block Inheritance on a container drops the non-enforced links above it; enforced links
 * are applied after all others, higher containers last, so they win.
 */
export function applicableGpos(directory: Directory, domainName: string, ouDn: string | null): AppliedGpo[] {
  const domain = directory.domains[domainName];
  if (!domain) return [];
  const levels: Array<{ container: string; links: readonly GpoLink[]; blocks: boolean }> = [
    { container: directory.site.name, links: directory.site.links, blocks: false },
    ...containerChain(domain, ouDn).map((c) => ({ container: c.dn, links: c.links, blocks: c.blockInheritance })),
  ];
  const blockedBelow = levels.map((_, i) => levels.slice(i + 1).some((l) => l.blocks));
  const normal: AppliedGpo[] = [];
  let enforced: AppliedGpo[] = [];
  levels.forEach((level, i) => {
    const group: AppliedGpo[] = [];
    for (const link of [...level.links].reverse()) {
      if (!link.enabled) continue;
      const applied = { gpoId: link.gpoId, container: level.container, enforced: link.enforced };
      if (link.enforced) group.push(applied);
      else if (!blockedBelow[i]) normal.push(applied);
    }
    enforced = [...group, ...enforced];
  });
  return [...normal, ...enforced];
}
