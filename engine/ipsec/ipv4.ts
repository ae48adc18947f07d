/** Dotted-quad IPv4 helpers; addresses are compared as unsigned 32-bit numbers. */

/** Strict: four decimal octets, no leading zeros (Windows would read those as octal). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

export function formatIpv4(value: number): string {
  const v = value >>> 0;
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

export function maskFromPrefix(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Prefix length of a contiguous mask, or null for a mask like 255.0.255.0. */
export function prefixFromMask(mask: number): number | null {
  const m = mask >>> 0;
  for (let prefix = 0; prefix <= 32; prefix++) {
    if (maskFromPrefix(prefix) === m) return prefix;
  }
  return null;
}

export function inSubnet(address: number, network: number, mask: number): boolean {
  return ((address & mask) >>> 0) === ((network & mask) >>> 0);
}

export function isMulticast(address: number): boolean {
  return address >>> 28 === 0xe;
}
