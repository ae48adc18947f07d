/** From netsh's typed argument values to the inputs of engine/ipsec's store operations. */
import {
  errors,
  fail,
  ok,
  parseFilterAddress,
  type AuthMethod,
  type FilterAddress,
  type IpsecError,
  type Result,
  type RuleSelector,
} from '../../ipsec/index.js';
import type { RootCa } from '../contexts/custom-types.js';
import type { AddressValue } from '../grammar.js';

/** Turns a DNS name into addresses, as the host's resolver would; [] when it does not resolve. */
export type Resolver = (name: string) => readonly string[];

function addressText(value: AddressValue): string {
  switch (value.kind) {
    case 'me':
    case 'any':
      return value.kind;
    case 'ip':
      return value.ip;
    case 'range':
      return `${value.from}-${value.to}`;
    case 'dns':
      return value.name;
    case 'server':
      return value.server;
  }
}

/**
 * One end of a filter with its mask, in the store's canonical form. A DNS name is resolved
 * now, once, as Windows does when the filter is made.
 */
export function filterAddress(value: AddressValue, mask: string | undefined, resolve: Resolver): Result<FilterAddress, IpsecError> {
  const parsed = parseFilterAddress(addressText(value), mask);
  if (!parsed.ok) return fail(errors.invalidAddress(parsed.error));
  const address = parsed.value;
  return ok(address.kind === 'dns' ? { ...address, addresses: [...resolve(address.name)] } : address);
}

/** A rule's tunnel endpoint as the store keeps it: the address or the name as typed. */
export function tunnelText(value: AddressValue | undefined): string | undefined {
  return value === undefined ? undefined : addressText(value);
}

export interface AuthArgs {
  readonly kerberos: boolean | undefined;
  readonly psk: string | undefined;
  readonly rootca: readonly RootCa[];
}

const AUTH_TAGS = ['kerberos', 'psk', 'rootca'];

/**
 * The authentication methods in the order their tags were typed (that order is the
 * preference, §2.5); `kerberos=no` just leaves Kerberos out. Undefined when no auth tag was
 * given, so `set` keeps the list and `add` takes the default.
 */
export function authMethods(args: AuthArgs, given: readonly string[]): AuthMethod[] | undefined {
  if (!given.some((tag) => AUTH_TAGS.includes(tag))) return undefined;
  const methods: AuthMethod[] = [];
  let nextCa = 0;
  for (const tag of given) {
    if (tag === 'kerberos' && args.kerberos) methods.push({ kind: 'kerberos' });
    if (tag === 'psk' && args.psk !== undefined) methods.push({ kind: 'psk', key: args.psk });
    const ca = tag === 'rootca' ? args.rootca[nextCa++] : undefined;
    if (ca) methods.push({ kind: 'certificate', rootCa: ca.ca, certmap: ca.certmap, excludeCaName: ca.excludecaname });
  }
  return methods;
}

/** `name=` or `id=` of set/delete rule; the grammar guarantees one of them. */
export function ruleSelector(args: { readonly name: string | undefined; readonly id: number | undefined }): RuleSelector {
  return args.name !== undefined ? { name: args.name } : { id: args.id ?? 0 };
}
