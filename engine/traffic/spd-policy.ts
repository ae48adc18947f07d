import { DEFAULT_MM_LIFETIME_MINUTES, DEFAULT_MM_OFFERS, DEFAULT_NEGOTIATE_QM_OFFERS, DEFAULT_POLLING_INTERVAL_MINUTES } from '../ipsec/constants.js';
import type { FilterAction, FilterActionKind, FilterList, IpsecPolicy, PolicyStore, StandardRule } from '../ipsec/types.js';
import type { QmFilter, Spd } from '../spd/types.js';

/**
 * The dynamic SPD as a policy: `netsh ipsec dynamic add rule` filters act on traffic at once,
 * beside the assigned static policy (reference §1.1). Each quick-mode filter becomes a rule of
 * one synthetic policy, so matching and IKE treat static and dynamic filters alike.
 */
const cache = new WeakMap<Spd, { store: PolicyStore; policy: IpsecPolicy } | null>();

export const SPD_POLICY_NAME = '<Dynamic SPD>';

/** Inbound permit with outbound negotiate is Windows' inbound passthrough. */
function actionOf(filter: QmFilter): { kind: FilterActionKind; inpass: boolean } {
  const { actioninbound: inbound, actionoutbound: outbound } = filter;
  if (outbound === 'negotiate' && inbound === 'permit') return { kind: 'negotiate', inpass: true };
  if (outbound === 'block' || inbound === 'block') return { kind: 'block', inpass: false };
  return { kind: outbound, inpass: false };
}

function convert(spd: Spd): { store: PolicyStore; policy: IpsecPolicy } | null {
  if (spd.qmFilters.length === 0) return null;
  const lists: FilterList[] = [];
  const actions: FilterAction[] = [];
  const rules: StandardRule[] = [];
  spd.qmFilters.forEach((f, i) => {
    const qm = spd.qmPolicies.find((p) => p.id === f.qmPolicyId) ?? spd.qmPolicies.find((p) => p.isDefault);
    const mm = spd.mmFilters.find((m) => m.id === f.mmFilterId);
    const { kind, inpass } = actionOf(f);
    const id = `spd-${i}`;
    lists.push({ id: `${id}-l`, name: f.name, description: '', filters: [{ description: '', srcaddr: f.srcaddr, dstaddr: f.dstaddr, protocol: f.protocol, srcport: f.srcport, dstport: f.dstport, mirrored: f.mirrored }] });
    actions.push({ id: `${id}-a`, name: qm?.name ?? f.name, description: '', action: kind, qmpfs: qm ? qm.pfsgroup !== 'NOPFS' : false, inpass, soft: qm?.soft ?? false, qmsecmethods: qm?.offers ?? DEFAULT_NEGOTIATE_QM_OFFERS });
    rules.push({
      id: `${id}-r`,
      name: f.name,
      description: '',
      activate: true,
      authMethods: mm?.authMethods.length ? mm.authMethods : [{ kind: 'kerberos' }],
      tunnel: f.mode === 'tunnel' ? f.tunnelDst : null,
      conntype: f.conntype,
      isDefaultResponse: false,
      filterListId: `${id}-l`,
      filterActionId: `${id}-a`,
    });
  });
  const mmPolicy = spd.mmPolicies.find((p) => p.isDefault) ?? spd.mmPolicies[0];
  const policy: IpsecPolicy = {
    id: 'spd-policy',
    name: SPD_POLICY_NAME,
    description: '',
    mmpfs: false,
    qmpermm: mmPolicy?.qmpermm ?? 0,
    mmlifetime: mmPolicy?.mmlifetime ?? DEFAULT_MM_LIFETIME_MINUTES,
    pollinginterval: DEFAULT_POLLING_INTERVAL_MINUTES,
    assigned: true,
    mmsecmethods: mmPolicy?.offers ?? DEFAULT_MM_OFFERS,
    rules,
  };
  return { store: { location: 'local', policies: [policy], filterLists: lists, filterActions: actions, nextId: 1 }, policy };
}

/** The SPD's dynamic filters as a one-policy store, or null when it has none; cached per SPD value. */
export function spdAsStore(spd: Spd): { store: PolicyStore; policy: IpsecPolicy } | null {
  if (!cache.has(spd)) cache.set(spd, convert(spd));
  return cache.get(spd) ?? null;
}
