import type { LabView } from '../service/protocol/lab-api.js';
import { visibleItems, type VisibleItem as GenericVisibleItem } from './tree-keys.js';

export type HostView = LabView['hosts'][number];
export type DomainView = LabView['domains'][number];
export type OuView = DomainView['ous'][number];
export type GpoLink = OuView['links'][number];

interface Base {
  /** Stable across refreshes: keeps expansion and focus when the lab changes. */
  readonly id: string;
  readonly label: string;
  readonly children: readonly TreeNode[];
}

export type TreeNode =
  | (Base & { readonly kind: 'domain'; readonly domain: DomainView })
  | (Base & { readonly kind: 'ou'; readonly ou: OuView })
  /** The domain's default Computers container, or the computers in no domain. */
  | (Base & { readonly kind: 'container' | 'workgroup' })
  /** `ipsecPolicy` is undefined when the link names a GPO the domain does not list. */
  | (Base & { readonly kind: 'gpo-link'; readonly link: GpoLink; readonly ipsecPolicy: string | null | undefined })
  | (Base & { readonly kind: 'computer'; readonly host: HostView });

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' });

function computer(host: HostView): TreeNode {
  return { kind: 'computer', id: `host:${host.name}`, label: host.name, host, children: [] };
}

function linkNodes(domain: DomainView, container: string, links: readonly GpoLink[]): TreeNode[] {
  return links.map((link, i) => ({
    kind: 'gpo-link',
    id: `link:${container}:${i}:${link.gpo}`,
    label: link.gpo,
    link,
    ipsecPolicy: domain.gpos.find((g) => g.name === link.gpo)?.ipsecPolicy,
    children: [],
  }));
}

function domainNode(domain: DomainView, hosts: readonly HostView[]): TreeNode {
  const ouDns = new Set(domain.ous.map((ou) => ou.dn));
  const members = hosts.filter((h) => h.domain === domain.name);
  const hostsIn = (dn: string) => members.filter((h) => h.ou === dn).map(computer).sort(byLabel);

  const ouNode = (ou: OuView): TreeNode => ({
    kind: 'ou',
    id: ou.dn,
    label: ou.name,
    ou,
    children: [
      ...linkNodes(domain, ou.dn, ou.links),
      ...domain.ous.filter((child) => child.parent === ou.dn).map(ouNode).sort(byLabel),
      ...hostsIn(ou.dn),
    ],
  });

  const unplaced = members.filter((h) => h.ou === null || !ouDns.has(h.ou)).map(computer).sort(byLabel);
  const containers: TreeNode[] = domain.ous.filter((ou) => ou.parent === domain.dn || !ouDns.has(ou.parent)).map(ouNode);
  if (unplaced.length) containers.push({ kind: 'container', id: `CN=Computers,${domain.dn}`, label: 'Computers', children: unplaced });

  return {
    kind: 'domain',
    id: domain.dn,
    label: domain.name,
    domain,
    children: [...linkNodes(domain, domain.dn, domain.links), ...containers.sort(byLabel)],
  };
}

/** The network as a tree: domain → GPO links, OUs nested by parent, the Computers container → computers. */
export function networkTree(view: LabView): TreeNode[] {
  const roots = view.domains.map((d) => domainNode(d, view.hosts));
  const known = new Set(view.domains.map((d) => d.name));
  const alone = view.hosts.filter((h) => h.domain === null || !known.has(h.domain)).map(computer).sort(byLabel);
  if (alone.length) roots.push({ kind: 'workgroup', id: 'workgroup', label: 'Not in a domain', children: alone });
  return roots;
}

export type VisibleItem = GenericVisibleItem<TreeNode>;
export { visibleItems };
