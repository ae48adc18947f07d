import { CONFIG_PROPERTIES } from '../../spd/types.js';
import { bool, int, nullable, obj, oneOf, opt, str, union, type Infer } from '../schema/dsl.js';
import { domainName, hostName, ouPath, text } from './common.js';
import { COUNTER_NAMES } from './counters.js';

/*
 * The closed vocabulary of check predicates: data only, each evaluated by engine/lessons/checks.
 * Store predicates match when some object has every property the check names (unnamed
 * properties are not looked at); `exists: false` turns that into "no such object".
 */

const storeTarget = {
  host: opt(hostName('The host whose policy store to look in.')),
  domain: opt(domainName('Look in this domain\'s "IP Security Policies on Active Directory" instead of a host.')),
  store: opt(oneOf(['local', 'persistent'] as const, "Which store of the host: local (default) or persistent (Server 2003).")),
};

const exists = opt(bool('true (default): such an object exists; false: none does.'));
const protocol = union([oneOf(['any', 'icmp', 'tcp', 'udp', 'raw'] as const), int({ min: 0, max: 255 })], 'A protocol name or IP protocol number.');
const port = int({ min: 0, max: 65535 });

const policy = obj({
  ...storeTarget,
  name: text('Policy name.'),
  exists,
  assigned: opt(bool('Assigned in its store (local or persistent).')),
  description: opt(str({ maxLength: 4000, templated: true })),
  mmpfs: opt(bool()),
  qmpermm: opt(int({ min: 0 })),
  mmlifetime: opt(int({ min: 1, doc: 'Minutes.' })),
  pollinginterval: opt(int({ min: 1, doc: 'Minutes.' })),
  defaultResponse: opt(bool('The default response rule is active.')),
  rules: opt(int({ min: 0, doc: 'Number of rules, not counting the default response rule.' })),
}, 'An IPSec policy in a store, and its settings.');

const rule = obj({
  ...storeTarget,
  policy: text('The policy holding the rule.'),
  exists,
  name: opt(text('Rule name.')),
  filterlist: opt(text('The filter list the rule uses.')),
  filteraction: opt(text('The filter action the rule uses.')),
  active: opt(bool()),
  tunnel: opt(nullable(str({ minLength: 1, templated: true }), 'Tunnel endpoint; null = transport mode.')),
  conntype: opt(oneOf(['all', 'lan', 'dialup'] as const)),
}, 'A rule of a policy with these properties.');

const filterlist = obj({
  ...storeTarget,
  name: text('Filter list name.'),
  exists,
  filters: opt(int({ min: 0, doc: 'How many filters it holds.' })),
  description: opt(str({ maxLength: 4000, templated: true })),
}, 'A filter list in a store.');

const filter = obj({
  ...storeTarget,
  list: text('The filter list holding the filter.'),
  exists,
  src: opt(str({ minLength: 1, templated: true, doc: 'me, any, DNS, WINS, DHCP, GATEWAY, an address, a-b range or address/mask.' })),
  dst: opt(str({ minLength: 1, templated: true, doc: 'As src.' })),
  protocol: opt(protocol),
  srcport: opt(port),
  dstport: opt(port),
  mirrored: opt(bool()),
}, 'A filter in a filter list with these properties.');

const filteraction = obj({
  ...storeTarget,
  name: text('Filter action name.'),
  exists,
  action: opt(oneOf(['permit', 'block', 'negotiate'] as const)),
  inpass: opt(bool('Accept unsecured communication, respond secured.')),
  soft: opt(bool('Allow fall back to clear with computers that do not answer IKE.')),
  qmpfs: opt(bool()),
  methods: opt(str({ minLength: 1, doc: 'The security methods in order, as netsh qmsecmethods= (lifetimes compared only if given).' })),
  firstMethod: opt(str({ minLength: 1, doc: 'The preferred security method, such as ESP[3DES,SHA1].' })),
}, 'A filter action in a store.');

const auth = obj({
  ...storeTarget,
  policy: text('The policy.'),
  rule: opt(text('Rule name; absent = the default response rule.')),
  method: oneOf(['kerberos', 'psk', 'certificate'] as const),
  key: opt(str({ minLength: 1, templated: true, doc: 'The preshared key (method psk).' })),
  rootca: opt(str({ minLength: 1, templated: true, doc: 'The root CA name (method certificate).' })),
  first: opt(bool('The method is the rule\'s first (preferred) one.')),
  exists,
}, 'An authentication method of a rule.');

const gpo = obj({
  domain: domainName(),
  name: text('GPO name.'),
  exists,
  policy: opt(nullable(text(), 'The IPSec policy assigned in the GPO; null = none.')),
}, 'A Group Policy object and the IPSec policy it assigns.');

const link = obj({
  domain: domainName(),
  gpo: text('GPO name.'),
  ou: opt(ouPath('OU path; absent = linked to the domain itself.')),
  exists,
  enforced: opt(bool('No Override / Enforced.')),
  enabled: opt(bool()),
  order: opt(int({ min: 1, doc: 'Link order (1 = highest precedence at that container).' })),
}, 'A GPO link on the domain or an OU.');

const ou = obj({
  domain: domainName(),
  path: ouPath(),
  exists,
  blockInheritance: opt(bool()),
}, 'An organizational unit.');

const member = obj({
  host: hostName(),
  ou: nullable(ouPath(), 'OU path; null = the default Computers container.'),
}, 'Where a computer account is.');

const gpApplied = obj({
  host: hostName(),
  gpo: text('GPO name.'),
  applied: opt(bool('true (default): the GPO was applied at the host\'s last Group Policy refresh.')),
}, 'A GPO was (not) applied at the host\'s last Group Policy refresh.');

const effective = obj({
  host: hostName(),
  policy: nullable(text(), 'The active IPSec policy; null = none.'),
  source: opt(oneOf(['domain', 'local'] as const, 'Where the active policy comes from.')),
  gpo: opt(text('The GPO that delivered a domain policy.')),
  persistent: opt(nullable(text(), 'The persistent store policy in force (2003); null = none.')),
}, 'The IPSec policy a host enforces now.');

const service = obj({
  host: hostName(),
  name: oneOf(['policyagent'] as const, 'The service: policyagent (IPSEC Services).'),
  running: bool(),
}, 'A service is (not) running.');

const power = obj({ host: hostName(), online: bool() }, 'A computer is switched on (or off).');

const config = obj({
  host: hostName(),
  property: oneOf(CONFIG_PROPERTIES, 'A `netsh ipsec dynamic set config` property.'),
  value: union([int(), str({ minLength: 1 })]),
}, 'A dynamic configuration setting has this value.');

const flow = obj({
  from: hostName('The host that opens the connection.'),
  to: hostName('The host it connects to.'),
  protocol,
  port: opt(port),
  expect: oneOf(['esp', 'ah', 'clear', 'blocked'] as const, 'How the traffic goes.'),
}, 'Traffic between two hosts, evaluated on a throw-away copy of the world.');

const counter = obj({
  host: hostName(),
  name: oneOf(COUNTER_NAMES, 'mm.<counter> (IKE Main Mode) or qm.<counter> (Quick Mode).'),
  op: opt(oneOf(['=', '!=', '<', '<=', '>', '>='] as const, 'Comparison; default >=.')),
  value: int({ min: 0 }),
}, 'An IP Security Monitor counter compared to a number.');

const sa = obj({
  host: hostName(),
  peer: hostName(),
  mode: oneOf(['main', 'quick'] as const),
  exists,
  esp: opt(str({ minLength: 1, doc: 'ESP algorithms of a quick mode SA, such as 3DES,SHA1.' })),
  ah: opt(str({ minLength: 1, doc: 'AH algorithm of a quick mode SA, such as SHA1.' })),
  auth: opt(oneOf(['kerberos', 'psk', 'certificate'] as const, 'How a main mode SA was authenticated.')),
  soft: opt(bool('A soft (clear) quick mode association.')),
}, 'A security association between two hosts.');

const ran = obj({
  host: opt(hostName()),
  command: text('The command line, as typed (case and spacing do not matter).'),
  match: opt(oneOf(['prefix', 'exact', 'contains'] as const, 'How the typed line is compared; default prefix.')),
  times: opt(int({ min: 1, max: 1000, doc: 'At least this many times; default 1.' })),
}, 'A command was run. Use only where running the command is itself the skill.');

/** Every predicate a check can name, keyed by its YAML key. */
export const PREDICATE_NODES = {
  policy, rule, filterlist, filter, filteraction, auth,
  gpo, link, ou, member, gpApplied, effective,
  service, power, config, flow, counter, sa, ran,
} as const;

export type Predicates = { readonly [K in keyof typeof PREDICATE_NODES]: Infer<(typeof PREDICATE_NODES)[K]> };
export type PredicateName = keyof Predicates;
export const PREDICATE_NAMES = Object.keys(PREDICATE_NODES) as PredicateName[];
