/**
 * Dynamic mode as netsh `ipsec dynamic` requests: one main mode policy and (when something
 * negotiates) one quick mode policy per distinct setting, then one `add rule` per filter. A
 * policy with the same settings from an earlier run is used again, since rules to the same
 * peer must share their main mode filter's policy [R].
 */
import { DEFAULT_MM_LIFETIME_MINUTES, DEFAULT_MM_OFFERS, DEFAULT_NEGOTIATE_QM_OFFERS, DEFAULT_QM_PER_MM, type FilterActionKind } from '../ipsec/index.js';
import type { NetshRequest } from '../netsh/index.js';
import { DEFAULT_SOFT_SA_EXPIRATION_SECONDS, type Spd } from '../spd/index.js';
import { NAMES } from './labels.js';
import { request } from './request.js';
import type { FilterSpec, RuleSpec } from './types.js';

type Actions = { readonly actioninbound: FilterActionKind; readonly actionoutbound: FilterActionKind };

/** What a filter does: its brackets, else -n (INPASS = clear in, secured out [R]). */
export function filterActions(filter: FilterSpec, rule: RuleSpec): Actions {
  const both = (a: FilterActionKind): Actions => ({ actioninbound: a, actionoutbound: a });
  if (filter.kind !== 'negotiated') return both(filter.kind);
  const n = rule.negotiation;
  if (n.kind === 'block') return both('block');
  if (n.kind === 'pass') return both('permit');
  return n.inpass ? { actioninbound: 'permit', actionoutbound: 'negotiate' } : both('negotiate');
}

const negotiates = (a: Actions) => a.actioninbound === 'negotiate' || a.actionoutbound === 'negotiate';

/** The first `prefix N` name the SPD does not use yet. */
function freshName(taken: readonly { readonly name: string }[], make: (n: number) => string): string {
  let n = 1;
  while (taken.some((p) => p.name.toLowerCase() === make(n).toLowerCase())) n++;
  return make(n);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mmPolicy(spd: Spd, rule: RuleSpec): { name: string; add: NetshRequest | null } {
  const mm = rule.mainMode;
  const settings = {
    // Master key PFS means one quick mode per main mode [C:S28].
    qmpermm: mm.pfs ? 1 : (mm.qmpermm ?? DEFAULT_QM_PER_MM),
    mmlifetime: mm.lifetime ?? DEFAULT_MM_LIFETIME_MINUTES,
    softsaexpirationtime: mm.softSaSeconds ?? DEFAULT_SOFT_SA_EXPIRATION_SECONDS,
    offers: mm.offers ?? DEFAULT_MM_OFFERS,
  };
  const reuse = spd.mmPolicies.find(
    (p) => p.name.startsWith(NAMES.mmPolicyPrefix) && same(settings, { qmpermm: p.qmpermm, mmlifetime: p.mmlifetime, softsaexpirationtime: p.softsaexpirationtime, offers: p.offers }),
  );
  if (reuse) return { name: reuse.name, add: null };
  const name = freshName(spd.mmPolicies, NAMES.mmPolicy);
  const { offers, ...rest } = settings;
  return { name, add: request('dynamic.add.mmpolicy', { name, ...rest, mmsecmethods: offers }) };
}

function qmPolicy(spd: Spd, rule: RuleSpec): { name: string; add: NetshRequest | null } {
  const n = rule.negotiation;
  const settings = {
    soft: rule.soft,
    pfsgroup: n.kind === 'negotiate' ? n.pfs : 'NOPFS',
    offers: (n.kind === 'negotiate' ? n.offers : undefined) ?? DEFAULT_NEGOTIATE_QM_OFFERS,
  } as const;
  const reuse = spd.qmPolicies.find((p) => p.name.startsWith(NAMES.qmPolicyPrefix) && same(settings, { soft: p.soft, pfsgroup: p.pfsgroup, offers: p.offers }));
  if (reuse) return { name: reuse.name, add: null };
  const name = freshName(spd.qmPolicies, NAMES.qmPolicy);
  return { name, add: request('dynamic.add.qmpolicy', { name, soft: settings.soft, pfsgroup: settings.pfsgroup, qmsecmethods: settings.offers }) };
}

function addRule(filter: FilterSpec, rule: RuleSpec, mmName: string, qmName: string | undefined): NetshRequest {
  const actions = filterActions(filter, rule);
  const auth = rule.auth;
  const args = {
    srcaddr: filter.srcaddr,
    dstaddr: filter.dstaddr,
    mmpolicy: mmName,
    qmpolicy: negotiates(actions) ? qmName : undefined,
    protocol: filter.protocol,
    srcport: filter.srcport,
    dstport: filter.dstport,
    mirrored: filter.mirrored,
    conntype: rule.conntype,
    ...actions,
    srcmask: filter.srcmask,
    dstmask: filter.dstmask,
    tunneldstaddress: rule.tunnel,
    kerberos: auth?.kerberos,
    psk: auth?.psk,
    rootca: auth?.rootca ?? [],
  };
  return request('dynamic.add.rule', args, auth?.given ?? []);
}

/** The requests of one dynamic-mode run, in the order netsh would need them. */
export function planDynamic(spd: Spd, rule: RuleSpec): NetshRequest[] {
  const mm = mmPolicy(spd, rule);
  const needsQm = rule.filters.some((f) => negotiates(filterActions(f, rule)));
  const qm = needsQm ? qmPolicy(spd, rule) : null;
  const policies = [mm.add, qm?.add ?? null].filter((r): r is NetshRequest => r !== null);
  return [...policies, ...rule.filters.map((f) => addRule(f, rule, mm.name, qm?.name))];
}
