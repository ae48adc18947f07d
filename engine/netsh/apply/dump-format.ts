/**
 * Pieces of the `dump` script: values written back the way netsh's own parser takes them,
 * so running the script rebuilds the same objects (reference §4.8).
 */
import { formatFilterAddress, formatRootCa, PROTOCOL, type AuthMethod, type FilterAddress } from '../../ipsec/index.js';

/** Every string value is quoted: names with spaces survive and keywords stay values. */
export function quoted(value: string): string {
  return `"${value}"`;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

const PROTOCOL_NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(PROTOCOL).map(([name, n]) => [n, name]));

/** ANY, ICMP, TCP, UDP, RAW by name; any other protocol by number. */
export function protocolText(protocol: number): string {
  return PROTOCOL_NAMES[protocol] ?? String(protocol);
}

/** `srcaddr=… [srcmask=…]` (or dst): a subnet is its address and mask, the rest as typed. */
export function addressTags(end: 'src' | 'dst', address: FilterAddress): string[] {
  const tags = [`${end}addr=${formatFilterAddress(address)}`];
  if (address.kind === 'subnet') tags.push(`${end}mask=${address.mask}`);
  return tags;
}

/** The auth tags in preference order: netsh keeps the order they are typed in (§2.5). */
export function authTags(methods: readonly AuthMethod[]): string[] {
  return methods.map((method) => {
    switch (method.kind) {
      case 'kerberos':
        return 'kerberos=yes';
      case 'psk':
        return `psk=${quoted(method.key)}`;
      case 'certificate':
        return `rootca=${quoted(formatRootCa(method))}`;
    }
  });
}

/** One script line: the command words, then the tags that have a value. */
export function line(words: string, tags: readonly (string | null)[]): string {
  return [words, ...tags.filter((t): t is string => t !== null)].join(' ');
}

/**
 * netsh's dump layout for one helper: a banner, `pushd`, the commands, `popd` and an end
 * comment, as other netsh helpers print theirs [R: modelled on `netsh interface dump`].
 */
export function section(title: string, context: string, body: readonly string[]): string[] {
  const rule = `# ${'-'.repeat(34)}`;
  return [rule, `# ${title}`, rule, `pushd ${context}`, '', ...body, '', 'popd', `# End of ${title}`, ''];
}
