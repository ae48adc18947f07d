/*
 * What the IP Security Policy tools check before they send anything, worded in plain
 * language, and the store ops their Finish buttons send. The renderer cannot run engine code,
 * so these checks are its own; the store checks everything again and its refusal is shown.
 */
import type { Action, StoreOp, StoreTarget } from '../engine/actions.js';
import type { AuthMethod, FilterAddress, FilterList, PolicyStore, QmOffer } from '../engine/ipsec/types.js';

export type { AuthMethod, FilterAddress, PolicyStore, QmOffer, StoreOp, StoreTarget };

export const DEFAULT_QM_KBYTES = 100_000;
export const DEFAULT_QM_SECONDS = 3_600;

export function storeAction(target: StoreTarget, op: StoreOp): Action {
  return { type: 'ipsec-store', target, op };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** An object name: required, unique among its kind in the store. */
export function nameProblem(what: string, name: string, existing: readonly { name: string }[], self?: string): string | null {
  if (name.trim() === '') return `Type a name for the ${what}. The name cannot be empty.`;
  const clash = existing.find((o) => same(o.name, name) && (self === undefined || !same(o.name, self)));
  return clash ? `There is already a ${what} named "${clash.name}". Type a different name.` : null;
}

function octets(text: string): number[] | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const values = parts.map(Number);
  return values.every((v) => v <= 255) ? values : null;
}

export function isIpv4(text: string): boolean {
  return octets(text) !== null;
}

/** A mask is valid when its ones are contiguous from the left. */
export function isMask(text: string): boolean {
  const o = octets(text);
  if (!o) return false;
  const bits = o.map((v) => v.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits);
}

export function addressProblem(end: string, address: string): string | null {
  if (address.trim() === '') return `Type the ${end} IP address.`;
  return isIpv4(address) ? null : `"${address.trim()}" is not a valid IP address. Type four numbers from 0 to 255 separated by dots, for example 192.168.1.20.`;
}

export function maskProblem(end: string, mask: string): string | null {
  if (mask.trim() === '') return `Type the ${end} subnet mask.`;
  return isMask(mask)
    ? null
    : `"${mask.trim()}" is not a valid subnet mask. A mask is four numbers from 0 to 255 whose bits are ones from the left, for example 255.255.255.0.`;
}

/** The address choices of the IP Filter wizard. */
export type AddressChoice = 'me' | 'any' | 'host' | 'subnet' | 'DNS' | 'WINS' | 'DHCP' | 'GATEWAY';

export const ADDRESS_CHOICES: readonly { value: AddressChoice; label: string }[] = [
  { value: 'me', label: 'My IP Address' },
  { value: 'any', label: 'Any IP Address' },
  { value: 'host', label: 'A specific IP Address' },
  { value: 'subnet', label: 'A specific IP Subnet' },
  { value: 'DNS', label: 'DNS Servers <dynamic>' },
  { value: 'WINS', label: 'WINS Servers <dynamic>' },
  { value: 'DHCP', label: 'DHCP Server <dynamic>' },
  { value: 'GATEWAY', label: 'Default Gateway <dynamic>' },
];

export interface AddressForm {
  choice: AddressChoice;
  address: string;
  mask: string;
}

export function addressFormProblem(end: string, form: AddressForm): string | null {
  if (form.choice === 'host') return addressProblem(end, form.address);
  if (form.choice === 'subnet') return addressProblem(end, form.address) ?? maskProblem(end, form.mask);
  return null;
}

export function toFilterAddress(form: AddressForm): FilterAddress {
  switch (form.choice) {
    case 'me':
    case 'any':
      return { kind: form.choice };
    case 'host':
      return { kind: 'host', address: form.address.trim() };
    case 'subnet':
      return form.mask.trim() === '255.255.255.255'
        ? { kind: 'host', address: form.address.trim() }
        : { kind: 'subnet', address: form.address.trim(), mask: form.mask.trim() };
    default:
      return { kind: 'server', server: form.choice };
  }
}

/** A server keyword on one end needs My IP Address on the other (§2.2). */
export function pairProblem(src: AddressForm, dst: AddressForm): string | null {
  const server = (f: AddressForm) => ['DNS', 'WINS', 'DHCP', 'GATEWAY'].includes(f.choice);
  if ((server(src) && dst.choice !== 'me') || (server(dst) && src.choice !== 'me')) {
    return 'When one end is a DNS, WINS, DHCP server or the default gateway, the other end must be My IP Address.';
  }
  return null;
}

export const PROTOCOLS = [
  { value: 'any', label: 'Any', number: 0 },
  { value: 'icmp', label: 'ICMP', number: 1 },
  { value: 'tcp', label: 'TCP', number: 6 },
  { value: 'udp', label: 'UDP', number: 17 },
  { value: 'other', label: 'Other (protocol number)', number: -1 },
] as const;
export type ProtocolChoice = (typeof PROTOCOLS)[number]['value'];

export interface ProtocolForm {
  choice: ProtocolChoice;
  number: string;
  srcport: string;
  dstport: string;
}

/** The protocol number, or why there is none. */
export function protocolNumber(form: ProtocolForm): number | string {
  if (form.choice !== 'other') return PROTOCOLS.find((p) => p.value === form.choice)?.number ?? 0;
  const text = form.number.trim();
  if (!/^\d+$/.test(text) || Number(text) > 255) return `"${text}" is not a protocol number. Type a number from 0 to 255.`;
  return Number(text);
}

function portValue(text: string): number | null {
  const t = text.trim();
  if (t === '') return 0;
  return /^\d+$/.test(t) && Number(t) <= 65535 ? Number(t) : null;
}

export function protocolProblem(form: ProtocolForm): string | null {
  const protocol = protocolNumber(form);
  if (typeof protocol === 'string') return protocol;
  const src = portValue(form.srcport);
  const dst = portValue(form.dstport);
  if (src === null) return `"${form.srcport.trim()}" is not a port. Type a number from 1 to 65535, or leave it empty for any port.`;
  if (dst === null) return `"${form.dstport.trim()}" is not a port. Type a number from 1 to 65535, or leave it empty for any port.`;
  if ((src !== 0 || dst !== 0) && protocol !== 6 && protocol !== 17) {
    return 'Ports can be set only for TCP or UDP. Choose TCP or UDP as the protocol, or leave both ports empty (any port).';
  }
  return null;
}

export function ports(form: ProtocolForm): { srcport: number; dstport: number } {
  return { srcport: portValue(form.srcport) ?? 0, dstport: portValue(form.dstport) ?? 0 };
}

export const PROTOCOL_NAMES: Record<number, string> = { 0: 'Any', 1: 'ICMP', 6: 'TCP', 17: 'UDP', 255: 'RAW' };

export function addressText(a: FilterAddress): string {
  switch (a.kind) {
    case 'me':
      return 'My IP Address';
    case 'any':
      return 'Any IP Address';
    case 'host':
      return a.address;
    case 'subnet':
      return `${a.address} / ${a.mask}`;
    case 'range':
      return `${a.from}-${a.to}`;
    case 'server':
      return `<${a.server}>`;
    case 'dns':
      return a.name;
  }
}

export function filterText(f: FilterList['filters'][number]): string {
  const protocol = PROTOCOL_NAMES[f.protocol] ?? String(f.protocol);
  const port = (p: number) => (p === 0 ? 'any port' : `port ${p}`);
  const withPorts = f.protocol === 6 || f.protocol === 17;
  const src = `${addressText(f.srcaddr)}${withPorts ? ` (${port(f.srcport)})` : ''}`;
  const dst = `${addressText(f.dstaddr)}${withPorts ? ` (${port(f.dstport)})` : ''}`;
  return `${src} ${f.mirrored ? '↔' : '→'} ${dst}, ${protocol}`;
}

export function offerText(o: QmOffer): string {
  const ah = o.ah ? `AH[${o.ah}]` : '';
  const esp = o.esp ? `ESP[${o.esp.confidentiality},${o.esp.integrity}]` : '';
  return `${[ah, esp].filter(Boolean).join('+')} ${o.lifetimeKBytes} KB / ${o.lifetimeSeconds} s`;
}

export function authText(m: AuthMethod): string {
  if (m.kind === 'kerberos') return 'Kerberos';
  if (m.kind === 'psk') return 'Preshared Key';
  return `Certificate: ${m.rootCa}`;
}

/** The authentication method page shared by the policy and rule wizards. */
export interface AuthForm {
  kind: 'kerberos' | 'certificate' | 'psk';
  rootCa: string;
  psk: string;
}

export function authProblem(form: AuthForm): string | null {
  if (form.kind === 'psk' && form.psk.trim() === '') return 'Type the preshared key. It cannot be empty.';
  if (form.kind === 'certificate' && form.rootCa.trim() === '') return 'Type the name of the root certification authority.';
  return null;
}

export function toAuthMethod(form: AuthForm): AuthMethod {
  if (form.kind === 'psk') return { kind: 'psk', key: form.psk };
  if (form.kind === 'certificate') return { kind: 'certificate', rootCa: form.rootCa.trim(), certmap: false, excludeCaName: false };
  return { kind: 'kerberos' };
}

/** Lifetimes of a custom security method: empty means the default. */
export function lifetimeProblem(kbytes: string, seconds: string): string | null {
  const k = kbytes.trim();
  const s = seconds.trim();
  if (k !== '' && (!/^\d+$/.test(k) || Number(k) < 20_480 || Number(k) > 2_147_483_647)) {
    return `"${k}" is not a valid key lifetime in kilobytes. Type a number of at least 20480.`;
  }
  if (s !== '' && (!/^\d+$/.test(s) || Number(s) < 300 || Number(s) > 172_800)) {
    return `"${s}" is not a valid key lifetime in seconds. Type a number from 300 to 172800.`;
  }
  return null;
}
