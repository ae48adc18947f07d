/* Hex digits for cookies and SPIs, by table: toString(16) + padStart ran several times per negotiation. */

const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** `n.toString(16).padStart(8, '0')`, faster for an unsigned 32-bit integer. */
export function hex8(n: number): string {
  if (!(Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) return n.toString(16).padStart(8, '0');
  return (
    (BYTE_HEX[n >>> 24] as string) + (BYTE_HEX[(n >>> 16) & 255] as string) + (BYTE_HEX[(n >>> 8) & 255] as string) + (BYTE_HEX[n & 255] as string)
  );
}
