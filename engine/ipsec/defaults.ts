import {
  DEFAULT_MM_LIFETIME_MINUTES,
  DEFAULT_MM_OFFERS,
  DEFAULT_POLLING_INTERVAL_MINUTES,
  DEFAULT_QM_PER_MM,
  DEFAULT_RESPONSE_QM_OFFERS,
  PROTOCOL,
  REQUEST_SECURITY_QM_OFFERS,
  REQUIRE_SECURITY_QM_OFFERS,
} from './constants.js';
import type {
  DefaultResponseRule,
  Filter,
  FilterAction,
  FilterList,
  IpsecPolicy,
  PolicyStore,
  StandardRule,
  StoreLocation,
} from './types.js';

/*
 * The objects every fresh Windows Server 2003 local store holds (netsh-ipsec-2003.md §5).
 * Names are confirmed [C]; descriptions are the Windows wording as remembered [R]; settings
 * follow §5.2/§5.3 (several [R]). Ids are fixed so saved worlds stay comparable.
 */

export const ALL_IP_TRAFFIC = 'All IP Traffic';
export const ALL_ICMP_TRAFFIC = 'All ICMP Traffic';
export const PERMIT = 'Permit';
export const REQUEST_SECURITY = 'Request Security (Optional)';
export const REQUIRE_SECURITY = 'Require Security';
export const CLIENT_RESPOND_ONLY = 'Client (Respond Only)';
export const SECURE_SERVER = 'Secure Server (Require Security)';
export const SERVER_REQUEST = 'Server (Request Security)';

/** The default response rule of a new policy: Kerberos, no PFS, the default methods [C:S17][R]. */
export function makeDefaultResponseRule(id: string, activate: boolean): DefaultResponseRule {
  return {
    id,
    isDefaultResponse: true,
    name: '',
    description: '',
    activate,
    authMethods: [{ kind: 'kerberos' }],
    tunnel: null,
    conntype: 'all',
    qmpfs: false,
    qmsecmethods: [...DEFAULT_RESPONSE_QM_OFFERS],
  };
}

/** A store with nothing in it: the domain store, the persistent store, or after `delete all`. */
export function createEmptyStore(location: StoreLocation): PolicyStore {
  return { location, policies: [], filterLists: [], filterActions: [], nextId: 1 };
}

/** The one filter of each built-in list: mirrored, Me to Any [C:S24]. */
function meToAny(protocol: number): Filter {
  return { description: '', srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' }, protocol, srcport: 0, dstport: 0, mirrored: true };
}

function filterLists(): FilterList[] {
  return [
    {
      id: 'filterlist:1',
      name: ALL_ICMP_TRAFFIC,
      description: 'Matches all ICMP packets between this computer and any other computer.',
      filters: [
        meToAny(PROTOCOL.ICMP),
      ],
    },
    {
      id: 'filterlist:2',
      name: ALL_IP_TRAFFIC,
      description:
        'Matches all IP packets from this computer to any other computer, except broadcast, multicast, Kerberos, RSVP and ISAKMP (IKE).',
      filters: [
        meToAny(PROTOCOL.ANY),
      ],
    },
  ];
}

function filterActions(): FilterAction[] {
  return [
    {
      id: 'filteraction:3',
      name: PERMIT,
      description: 'Permit unsecured IP packets to pass through.',
      action: 'permit',
      qmpfs: false,
      inpass: false,
      soft: false,
      qmsecmethods: [],
    },
    {
      id: 'filteraction:4',
      name: REQUEST_SECURITY,
      description:
        'Accepts unsecured communication, but requests clients to establish trust and security methods. Will communicate insecurely to untrusted clients if they do not respond to request.',
      action: 'negotiate',
      qmpfs: false,
      inpass: true,
      soft: true,
      qmsecmethods: [...REQUEST_SECURITY_QM_OFFERS],
    },
    {
      id: 'filteraction:5',
      name: REQUIRE_SECURITY,
      description:
        'Accepts unsecured communication, but always requires clients to establish trust and security methods. Will NOT communicate with untrusted clients.',
      action: 'negotiate',
      qmpfs: false,
      inpass: true,
      soft: false,
      qmsecmethods: [...REQUIRE_SECURITY_QM_OFFERS],
    },
  ];
}

/** Built-in rules are named after their filter list [R]: Windows shows them unnamed. */
function rule(id: string, filterList: FilterList, action: FilterAction): StandardRule {
  return {
    id,
    isDefaultResponse: false,
    name: filterList.name,
    description: '',
    filterListId: filterList.id,
    filterActionId: action.id,
    tunnel: null,
    conntype: 'all',
    activate: true,
    authMethods: [{ kind: 'kerberos' }],
  };
}

function policy(id: string, name: string, description: string, rules: IpsecPolicy['rules']): IpsecPolicy {
  return {
    id,
    name,
    description,
    mmpfs: false,
    qmpermm: DEFAULT_QM_PER_MM,
    mmlifetime: DEFAULT_MM_LIFETIME_MINUTES,
    pollinginterval: DEFAULT_POLLING_INTERVAL_MINUTES,
    assigned: false,
    mmsecmethods: [...DEFAULT_MM_OFFERS],
    rules,
  };
}

function buildPolicies(lists: readonly FilterList[], actions: readonly FilterAction[]): IpsecPolicy[] {
  const [icmp, allIp] = lists as [FilterList, FilterList];
  const [permit, request, require] = actions as [FilterAction, FilterAction, FilterAction];
  return [
    policy(
      'policy:6',
      CLIENT_RESPOND_ONLY,
      'Communicate normally (unsecured). Use the default response rule to negotiate with servers that request security. Only the requested protocol and port traffic with that server is secured.',
      [makeDefaultResponseRule('rule:7', true)],
    ),
    policy(
      'policy:8',
      SECURE_SERVER,
      'For all IP traffic, always require security using Kerberos trust. Do NOT allow unsecured communication with untrusted clients.',
      [rule('rule:9', allIp, require), rule('rule:10', icmp, permit), makeDefaultResponseRule('rule:11', true)],
    ),
    policy(
      'policy:12',
      SERVER_REQUEST,
      'For all IP traffic, always request security using Kerberos trust. Allow unsecured communication with clients that do not respond to request.',
      [rule('rule:13', allIp, request), rule('rule:14', icmp, permit), makeDefaultResponseRule('rule:15', true)],
    ),
  ];
}

/** A fresh local store with the built-in filter lists, filter actions and policies, none assigned. */
export function createDefaultLocalStore(): PolicyStore {
  const lists = filterLists();
  const actions = filterActions();
  return {
    location: 'local',
    policies: buildPolicies(lists, actions),
    filterLists: lists,
    filterActions: actions,
    nextId: 16,
  };
}
