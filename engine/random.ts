/**
 * The lab's seeded random source (SPIs, cookies, GPO GUIDs). Its whole state is one number kept
 * in the world, so saving and replaying a lab reproduces every "random" value exactly.
 * Algorithm: mulberry32, small and well distributed for this use.
 */
export interface RandomState {
  state: number;
}

export function seedRandom(seed: number): RandomState {
  return { state: seed >>> 0 };
}

/** The next unsigned 32-bit value; advances the state. */
export function nextUint32(random: RandomState): number {
  random.state = (random.state + 0x6d2b79f5) >>> 0;
  let t = random.state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

export function hex32(random: RandomState): string {
  return nextUint32(random).toString(16).toUpperCase().padStart(8, '0');
}

/** A GUID in Windows' braced upper-case form, from the seeded source. */
export function guid(random: RandomState): string {
  const h = [hex32(random), hex32(random), hex32(random), hex32(random)].join('');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}
