/*
 * The central directory of a zip file, read without unpacking anything: names, sizes, kinds.
 * Everything a pack import must refuse (links, huge entries, too many files) is decided from
 * here, before a single byte is inflated.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly encrypted: boolean;
  readonly directory: boolean;
  readonly symlink: boolean;
  readonly localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function findEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

export function readZipDirectory(bytes: Uint8Array): { entries: ZipEntry[] } | { error: string } {
  const end = findEnd(bytes);
  if (end < 0) return { error: 'this is not a zip file (no central directory)' };
  const count = u16(bytes, end + 10);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || offset === 0xffffffff) return { error: 'ZIP64 archives are not supported: a pack is small' };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return { error: 'the zip file is damaged (bad central directory)' };
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const mode = u32(bytes, at + 38) >>> 16;
    entries.push({
      name,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      crc: u32(bytes, at + 16),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      directory: name.endsWith('/'),
      symlink: bytes[at + 5] === UNIX && (mode & S_IFMT) === S_IFLNK,
      localHeader: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return { entries };
}

/** Where an entry's data starts, from its local header. */
export function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  return entry.localHeader + 30 + u16(bytes, entry.localHeader + 26) + u16(bytes, entry.localHeader + 28);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
