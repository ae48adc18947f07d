/**
 * The static commands that do more than edit one store: `set store` picks the store the
 * session works on, and `set policy … gponame=` assigns a domain policy through a GPO (§2.8).
 */
import { dcReachable } from '../../gp/refresh.js';
import * as ipsec from '../../ipsec/index.js';
import { ipsecError, type IpsecError } from '../../ipsec/index.js';
import type { StoreSelection } from '../../model/host.js';
import type { RequestArgs } from '../requests.js';
import { nameByGuid } from './static-edit.js';
import type { Workspace } from './workspace.js';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** 05073 is the one code seen in public: the store could not be opened [CV:S27]. */
const cannotOpen = (domain: string) => ipsecError('store-open-failed', `The policy store of domain "${domain}" could not be opened.`);

/** The domain `set store location=domain [domain=]` means, by DNS or NetBIOS name. */
function domainSelection(ws: Workspace, typed: string | undefined): StoreSelection | IpsecError {
  const name = typed ?? ws.host.domain;
  if (name === null) {
    return ipsecError('store-open-failed', 'This computer is not a member of a domain: give domain= to open a domain policy store.');
  }
  const domain = Object.values(ws.world.directory.domains).find((d) => sameName(d.name, name) || sameName(d.netbiosName, name));
  // The store lives in Active Directory: with its controller down there is nothing to open.
  if (!domain || !dcReachable(ws.world, domain)) return cannotOpen(name);
  return { location: 'domain', domain: domain.name };
}

/** `set store`: the choice lasts until netsh exits (the caller keeps it in the console). */
export function setStore(ws: Workspace, args: RequestArgs<'static.set.store'>): IpsecError | null {
  const selection: StoreSelection | IpsecError =
    args.location === 'domain' ? domainSelection(ws, args.domain) : { location: args.location };
  if ('code' in selection) return selection;
  ws.selection = selection;
  return null;
}

/** The GPO `gponame=` names in the selected domain store, or why there is none. */
function gpoFor(ws: Workspace, gponame: string): { domain: string; gpoId: string } | IpsecError {
  const selection = ws.selection;
  if (selection.location !== 'domain') {
    return ipsecError('gpo-needs-domain-store', 'gponame can be used only when the current store is a domain store.');
  }
  const gpo = ws.gpos(selection.domain).find((g) => sameName(g.name, gponame));
  if (!gpo) return ipsecError('gpo-not-found', `Group Policy object with name "${gponame}" does not exist.`);
  return { domain: selection.domain, gpoId: gpo.id };
}

/**
 * GPOs name the policy they assign, so a renamed domain policy stays assigned where it was
 * (Windows links by object, not by name).
 */
function followRename(ws: Workspace, from: string, to: string): void {
  const selection = ws.selection;
  if (selection.location !== 'domain' || sameName(from, to)) return;
  for (const gpo of ws.gpos(selection.domain)) {
    if (gpo.ipsecPolicy !== null && sameName(gpo.ipsecPolicy, from)) ws.assignInGpo(selection.domain, gpo.id, to);
  }
}

/** `set policy`; `assign` does nothing in the domain store (the store op knows), `gponame` assigns there. */
export function setPolicy(ws: Workspace, args: RequestArgs<'static.set.policy'>): IpsecError | null {
  const named = args.name ?? nameByGuid(ws.store().policies, 'policy-not-found', 'Policy', args.guid ?? '');
  if (typeof named !== 'string' && !named.ok) return named.error;
  const name = typeof named === 'string' ? named : named.value;
  const gpo = args.gponame === undefined ? undefined : gpoFor(ws, args.gponame);
  if (gpo && 'code' in gpo) return gpo;
  const result = ipsec.setPolicy(ws.store(), { ...args, name });
  if (!result.ok) return result.error;
  const current = ipsec.findPolicy(ws.store(), name);
  const finalName = args.newname ?? current?.name ?? name;
  ws.replaceStore(result.value);
  if (current) followRename(ws, current.name, finalName);
  if (gpo) ws.assignInGpo(gpo.domain, gpo.gpoId, finalName);
  return null;
}
