/**
 * Store errors, printed by netsh as `ERR IPsec[05001] : <message>` (netsh-ipsec-2003.md §1.3).
 * The real 2003 catalogue is unknown except 05073; the numbers below are our own and stable:
 * never renumber, only append.
 */

export const IPSEC_ERROR_CODES = {
  'policy-not-found': 5001,
  'policy-exists': 5002,
  'filterlist-not-found': 5003,
  'filterlist-exists': 5004,
  'filteraction-not-found': 5005,
  'filteraction-exists': 5006,
  'rule-not-found': 5007,
  'rule-exists': 5008,
  'rule-name-reserved': 5009,
  'filterlist-in-use': 5010,
  'filteraction-in-use': 5011,
  'filter-not-found': 5012,
  'filter-exists': 5013,
  'empty-name': 5014,
  'empty-psk': 5015,
  'empty-rootca': 5016,
  'invalid-address': 5017,
  'invalid-port': 5018,
  'invalid-protocol': 5019,
  'invalid-value': 5020,
  'invalid-qm-offer': 5021,
  'invalid-mm-offer': 5022,
  'no-security-methods': 5023,
  'no-auth-methods': 5024,
  'default-rule-protected': 5025,
  'invalid-tunnel': 5026,
  /** `set policy gponame=` names no GPO of the domain. */
  'gpo-not-found': 5027,
  /** `gponame=` outside the domain store. */
  'gpo-needs-domain-store': 5028,
  /** The one code seen in public: the store could not be opened [CV:S27]. */
  'store-open-failed': 5073,
} as const;

export type IpsecErrorKind = keyof typeof IPSEC_ERROR_CODES;

export interface IpsecError {
  readonly kind: IpsecErrorKind;
  readonly code: number;
  readonly message: string;
}

export function ipsecError(kind: IpsecErrorKind, message: string): IpsecError {
  return { kind, code: IPSEC_ERROR_CODES[kind], message };
}

/** `ERR IPsec[05001] : Policy with name "Foo" does not exist.` */
export function formatIpsecError(error: IpsecError): string {
  return `ERR IPsec[${String(error.code).padStart(5, '0')}] : ${error.message}`;
}

/** Message builders, so every operation words the same situation the same way. */
export const errors = {
  policyNotFound: (name: string) => ipsecError('policy-not-found', `Policy with name "${name}" does not exist.`),
  policyExists: (name: string) => ipsecError('policy-exists', `A Policy with name "${name}" already exists.`),
  filterListNotFound: (name: string) =>
    ipsecError('filterlist-not-found', `Filter List with name "${name}" does not exist.`),
  filterListExists: (name: string) =>
    ipsecError('filterlist-exists', `A Filter List with name "${name}" already exists.`),
  filterActionNotFound: (name: string) =>
    ipsecError('filteraction-not-found', `Filter Action with name "${name}" does not exist.`),
  filterActionExists: (name: string) =>
    ipsecError('filteraction-exists', `A Filter Action with name "${name}" already exists.`),
  ruleNotFound: (rule: string, policy: string) =>
    ipsecError('rule-not-found', `Rule with ${rule} does not exist in Policy "${policy}".`),
  ruleExists: (name: string, policy: string) =>
    ipsecError('rule-exists', `A Rule with name "${name}" already exists in Policy "${policy}".`),
  ruleNameReserved: () => ipsecError('rule-name-reserved', 'A Rule cannot be named "all".'),
  filterListInUse: (name: string, rule: string, policy: string) =>
    ipsecError(
      'filterlist-in-use',
      `Filter List with name "${name}" is used by Rule "${rule}" of Policy "${policy}" and cannot be deleted.`,
    ),
  filterActionInUse: (name: string, rule: string, policy: string) =>
    ipsecError(
      'filteraction-in-use',
      `Filter Action with name "${name}" is used by Rule "${rule}" of Policy "${policy}" and cannot be deleted.`,
    ),
  filterNotFound: (list: string) =>
    ipsecError('filter-not-found', `No filter in Filter List "${list}" matches the specified filter.`),
  filterExists: (list: string) =>
    ipsecError('filter-exists', `An identical filter already exists in Filter List "${list}".`),
  emptyName: (what: string) => ipsecError('empty-name', `The ${what} name cannot be empty.`),
  emptyPsk: () => ipsecError('empty-psk', 'The preshared key cannot be empty.'),
  emptyRootCa: () => ipsecError('empty-rootca', 'The root certification authority name cannot be empty.'),
  invalidAddress: (message: string) => ipsecError('invalid-address', message),
  invalidPort: (message: string) => ipsecError('invalid-port', message),
  invalidProtocol: (value: number) =>
    ipsecError('invalid-protocol', `Protocol ${value} is not valid: it must be between 0 and 255.`),
  outOfRange: (param: string, value: number, min: number, max: number) =>
    ipsecError('invalid-value', `The value ${value} for ${param} is not valid: it must be between ${min} and ${max}.`),
  invalidQmOffer: (message: string) => ipsecError('invalid-qm-offer', message),
  invalidMmOffer: (message: string) => ipsecError('invalid-mm-offer', message),
  noSecurityMethods: () => ipsecError('no-security-methods', 'At least one security method must be given.'),
  noAuthMethods: () => ipsecError('no-auth-methods', 'At least one authentication method must be given.'),
  defaultRuleProtected: (policy: string) =>
    ipsecError(
      'default-rule-protected',
      `The default response rule of Policy "${policy}" can only be changed with set defaultrule and cannot be deleted.`,
    ),
  invalidTunnel: (value: string) =>
    ipsecError('invalid-tunnel', `"${value}" is not a valid tunnel endpoint: give an IP address or a DNS name.`),
};
