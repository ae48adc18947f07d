import type { Domain } from '../../directory/types.js';
import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';

/** Splits a DN into its RDNs, honouring `\,` escapes; `OU=Test,DC=example,DC=test` → 3 parts. */
export function splitDn(dn: string): string[] {
  return dn.split(/(?<!\\),/).map((p) => p.trim()).filter(Boolean);
}

export function parentDn(dn: string): string {
  return splitDn(dn).slice(1).join(',');
}

/** The domain a DN lives in, by its DC= components. */
export function domainOfDn(world: World, dn: string): Domain | undefined {
  const dcs = splitDn(dn).filter((p) => /^DC=/i.test(p)).map((p) => p.slice(3).toLowerCase());
  return world.directory.domains[dcs.join('.')];
}

/** A computer's DN: in its OU, or in the default Computers container. */
export function computerDn(world: World, host: Host): string | null {
  const domain = host.domain ? world.directory.domains[host.domain] : undefined;
  if (!domain) return null;
  return `CN=${host.name},${host.ou ?? `CN=Computers,${domain.dn}`}`;
}

export function hostByDn(world: World, dn: string): Host | undefined {
  return Object.values(world.hosts).find((h) => computerDn(world, h)?.toLowerCase() === dn.toLowerCase());
}

/** Words of a ds* command line, with double quotes grouping as cmd.exe passes them. */
export function dsWords(args: string): string[] {
  return [...args.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}
