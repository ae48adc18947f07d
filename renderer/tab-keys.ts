/** The index a tab list's arrow, Home or End key moves to (wrapping), or -1 for any other key. */
export function tabKeyTarget(key: string, index: number, count: number): number {
  const last = count - 1;
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowRight':
      return index === last ? 0 : index + 1;
    case 'ArrowLeft':
      return index === 0 ? last : index - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return -1;
  }
}
