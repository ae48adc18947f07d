/** Address and mask values of filters and rules (IPv4 only: 2003's netsh ipsec has no IPv6). */
import type { AddressForm, AddressValue, ServerKeyword, ValueResult } from './grammar.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

const SERVERS: readonly ServerKeyword[] = ['DNS', 'WINS', 'DHCP', 'GATEWAY'];
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Dotted quad, each part 0-255 with at most three digits; returns the canonical spelling. */
export function parseIpv4(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const nums = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (nums.some((n) => !(n >= 0 && n <= 255))) return null;
  return nums.join('.');
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** A host name: letters, digits and hyphens in dot-separated labels, not something numeric like 1.2.3. */
function isDnsName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((label) => DNS_LABEL.test(label))) return false;
  return !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

function parseRange(text: string): ValueResult<AddressValue> | null {
  const dash = text.indexOf('-');
  if (dash < 0) return null;
  const from = parseIpv4(text.slice(0, dash));
  const to = parseIpv4(text.slice(dash + 1));
  if (from === null || to === null) return null;
  if (ipToNumber(from) > ipToNumber(to)) return fail(`range ${text} runs backwards`);
  return ok({ kind: 'range', from, to });
}

function keyword(text: string, forms: readonly AddressForm[]): AddressValue | null {
  const word = text.toUpperCase();
  if (word === 'ME' && forms.includes('me')) return { kind: 'me' };
  if (word === 'ANY' && forms.includes('any')) return { kind: 'any' };
  const server = SERVERS.find((s) => s === word);
  if (server && forms.includes('server')) return { kind: 'server', server };
  return null;
}

export function parseAddress(text: string, forms: readonly AddressForm[]): ValueResult<AddressValue> {
  const word = keyword(text, forms);
  if (word) return ok(word);
  // The keywords are never host names, even where the parameter does not accept them.
  if (keyword(text, ['me', 'any', 'server'])) return fail(`${text} is not allowed here`);
  const ip = parseIpv4(text);
  if (ip !== null) return forms.includes('ip') ? ok({ kind: 'ip', ip }) : fail('a single address is not allowed here');
  if (forms.includes('range')) {
    const range = parseRange(text);
    if (range) return range;
  }
  if (forms.includes('dns') && isDnsName(text)) return ok({ kind: 'dns', name: text });
  return fail(`"${text}" is not an address this parameter accepts`);
}

/** Dotted mask with contiguous ones, or a prefix length 1-32; the value is always dotted. */
export function parseMask(text: string): ValueResult<string> {
  if (/^\d{1,2}$/.test(text)) {
    const bits = Number(text);
    if (bits < 1 || bits > 32) return fail(`prefix ${bits} is outside 1-32`);
    return ok(prefixToMask(bits));
  }
  const dotted = parseIpv4(text);
  if (dotted === null) return fail(`"${text}" is not a mask`);
  const n = ipToNumber(dotted);
  const inverted = 0xffffffff - n;
  // Contiguous: the inverted mask plus one is a power of two (0.0.0.0 and 255.255.255.255 included).
  if ((inverted & (inverted + 1)) !== 0) return fail(`${dotted} is not a contiguous mask`);
  return ok(dotted);
}

function prefixToMask(bits: number): string {
  const parts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const take = Math.max(0, Math.min(8, bits - i * 8));
    parts.push(take === 0 ? 0 : 256 - 2 ** (8 - take));
  }
  return parts.join('.');
}
