/**
 * A stable GUID for an object that has only a short id (`pol-3`), so listings that show GUIDs
 * (netdiag, the monitor) print the same value every time. FNV-1a, four rounds with salts.
 */
export function guidFrom(text: string): string {
  const words = [0, 1, 2, 3].map((salt) => {
    let h = 0x811c9dc5 ^ salt;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16).toUpperCase().padStart(8, '0');
  });
  const h = words.join('');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}
