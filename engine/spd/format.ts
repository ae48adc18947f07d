/* Value formatting shared by the SPD listings (and usable by the SA listings). */
import { filterAddressMask, formatFilterAddress } from '../ipsec/address.js';
import { authMethodLabel } from '../ipsec/auth.js';
import { PROTOCOL } from '../ipsec/constants.js';
import type { AuthMethod, FilterAddress, MmOffer, QmOffer } from '../ipsec/types.js';
import {
  ANY,
  ANY_ADDRESS,
  authHeading,
  DH_GROUP,
  LABEL,
  ME_ADDRESS,
  MM_METHOD_COLUMNS,
  MM_METHOD_RULE,
  QM_METHOD_COLUMNS,
  QM_METHOD_RULE,
  SERVER_ADDRESS,
} from './labels.js';
import { cell, heading, labelLine, renderTable, userText } from './layout.js';

/** Reverse lookup for `resolvedns=yes`: a host name, or null when there is none. */
export type DnsResolver = (address: string) => string | null;

export function addressText(address: FilterAddress): string {
  switch (address.kind) {
    case 'me':
      return ME_ADDRESS;
    case 'any':
      return ANY_ADDRESS;
    case 'server':
      return SERVER_ADDRESS[address.server];
    default:
      return userText(formatFilterAddress(address));
  }
}

/** The DNS-name line's value: a keyword stays itself (§4.2), a host is looked up. */
export function dnsNameText(address: FilterAddress, resolve: DnsResolver | undefined): string {
  if (address.kind === 'host') return userText((resolve ? resolve(address.address) : null) ?? address.address);
  return addressText(address);
}

/** Address, mask and (with resolvedns) DNS name lines for both ends. */
export function addressLines(src: FilterAddress, dst: FilterAddress, resolve: DnsResolver | undefined, resolveDns: boolean): string[] {
  const end = (address: FilterAddress, labels: readonly [string, string, string]) => [
    labelLine(labels[0], addressText(address)),
    labelLine(labels[1], filterAddressMask(address)),
    ...(resolveDns ? [labelLine(labels[2], dnsNameText(address, resolve))] : []),
  ];
  return [
    ...end(src, [LABEL.srcAddress, LABEL.srcMask, LABEL.srcDns]),
    ...end(dst, [LABEL.dstAddress, LABEL.dstMask, LABEL.dstDns]),
  ];
}

const PROTOCOL_NAMES: Record<number, string> = {
  [PROTOCOL.ANY]: 'ANY',
  [PROTOCOL.ICMP]: 'ICMP',
  [PROTOCOL.TCP]: 'TCP',
  [PROTOCOL.UDP]: 'UDP',
  [PROTOCOL.RAW]: 'RAW',
};

export function protocolText(protocol: number): string {
  return PROTOCOL_NAMES[protocol] ?? String(protocol);
}

/** 0 = any port (§4.2 prints `ANY`). */
export function portText(port: number): string {
  return port === 0 ? ANY : String(port);
}

export function authMethodText(method: AuthMethod): string {
  switch (method.kind) {
    case 'kerberos':
      return authMethodLabel(method);
    case 'psk':
      return `${authMethodLabel(method)} : ${userText(method.key)}`;
    case 'certificate':
      return `${authMethodLabel(method)} : ${userText(method.rootCa)}`;
  }
}

/** `Authentication Methods (n)`, a rule, one method per line (§4.3). */
export function authLines(methods: readonly AuthMethod[]): string[] {
  return [...heading(authHeading(methods.length)), ...methods.map(authMethodText)];
}

export function mmMethodLines(offers: readonly MmOffer[]): string[] {
  const rows = offers.map((o) => [o.encryption, o.integrity, DH_GROUP[o.dhGroup]]);
  return renderTable(MM_METHOD_COLUMNS, rows, { ruleLength: MM_METHOD_RULE });
}

/** The ESP cell: encryption then integrity, as `3DES  SHA1` in §4.3. */
function espText(offer: QmOffer): string {
  return offer.esp ? `${cell(offer.esp.confidentiality, 6)}${offer.esp.integrity}` : 'None';
}

export function qmMethodLines(offers: readonly QmOffer[]): string[] {
  const rows = offers.map((o) => [o.ah ?? 'None', espText(o), `${o.lifetimeKBytes}/${o.lifetimeSeconds}`]);
  return renderTable(QM_METHOD_COLUMNS, rows, { ruleLength: QM_METHOD_RULE });
}
