/**
 * The stores one command line works on. Each successful request replaces a store here; when
 * the line is done the changes leave as Effects. It lives for one line only, so the shell
 * command that owns it stays pure: the world itself is never written.
 */
import type { Gpo } from '../../directory/types.js';
import type { Effect } from '../../effects.js';
import type { PolicyStore } from '../../ipsec/index.js';
import { readHostFile, resolvePath, writablePath, type PathError } from '../../model/files.js';
import type { Host, StoreSelection } from '../../model/host.js';
import type { Spd } from '../../spd/index.js';
import type { World } from '../../model/world.js';

interface GpoChange {
  readonly domain: string;
  readonly gpoId: string;
  readonly policy: string | null;
}

export class Workspace {
  selection: StoreSelection;
  private local: PolicyStore;
  private persistent: PolicyStore;
  private liveSpd: Spd;
  private readonly domains = new Map<string, PolicyStore>();
  private readonly gpoChanges = new Map<string, GpoChange>();
  /** Files written by this line, by lower-cased path: a later `exec` or importpolicy reads them. */
  private readonly files = new Map<string, { path: string; text: string }>();

  constructor(
    readonly world: World,
    readonly host: Host,
    selection: StoreSelection,
  ) {
    this.selection = selection;
    this.local = host.stores.local;
    this.persistent = host.stores.persistent;
    this.liveSpd = host.spd;
  }

  /** The host's live SPD, as this line has left it so far. */
  spd(): Spd {
    return this.liveSpd;
  }

  replaceSpd(spd: Spd): void {
    this.liveSpd = spd;
  }

  /** The store `set store` selected, as this line has left it so far. */
  store(): PolicyStore {
    const selection = this.selection;
    if (selection.location === 'domain') return this.domainStore(selection.domain) ?? this.local;
    return selection.location === 'local' ? this.local : this.persistent;
  }

  replaceStore(store: PolicyStore): void {
    const selection = this.selection;
    if (selection.location === 'domain') this.domains.set(selection.domain, store);
    else if (selection.location === 'local') this.local = store;
    else this.persistent = store;
  }

  domainStore(domain: string): PolicyStore | undefined {
    return this.domains.get(domain) ?? this.world.directory.domains[domain]?.ipsecStore;
  }

  /** The GPOs of a domain, with the assignments this line made. */
  gpos(domain: string): Gpo[] {
    const gpos = Object.values(this.world.directory.domains[domain]?.gpos ?? {});
    return gpos.map((gpo) => {
      const change = this.gpoChanges.get(`${domain}/${gpo.id}`);
      return change ? { ...gpo, ipsecPolicy: change.policy } : gpo;
    });
  }

  assignInGpo(domain: string, gpoId: string, policy: string | null): void {
    this.gpoChanges.set(`${domain}/${gpoId}`, { domain, gpoId, policy });
  }

  readFile(typed: string): string | undefined {
    const resolved = resolvePath(this.host.console.cwd, typed);
    const pending = resolved.ok ? this.files.get(resolved.path.toLowerCase()) : undefined;
    return pending ? pending.text : readHostFile(this.host, typed);
  }

  writeFile(typed: string, text: string): PathError | null {
    const place = writablePath(this.host, typed);
    if (!place.ok) return place.error;
    this.files.set(place.path.toLowerCase(), { path: this.files.get(place.path.toLowerCase())?.path ?? place.path, text });
    return null;
  }

  /** What the line changed, in a fixed order: host stores, domain stores, SPD, GPOs, files. */
  effects(): Effect[] {
    const host = this.host.name;
    const effects: Effect[] = [];
    if (this.local !== this.host.stores.local) effects.push({ kind: 'host-store', host, location: 'local', store: this.local });
    if (this.persistent !== this.host.stores.persistent) {
      effects.push({ kind: 'host-store', host, location: 'persistent', store: this.persistent });
    }
    for (const [domain, store] of this.domains) effects.push({ kind: 'domain-store', domain, store });
    if (this.liveSpd !== this.host.spd) effects.push({ kind: 'host-spd', host, spd: this.liveSpd });
    for (const change of this.gpoChanges.values()) effects.push({ kind: 'gpo-ipsec-policy', ...change });
    for (const { path, text } of this.files.values()) effects.push({ kind: 'host-file', host, path, text });
    return effects;
  }
}
