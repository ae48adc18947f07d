/**
 * The simulated clock as Windows prints dates. Clock 0 is the moment the lab opens; lessons
 * are set in the Windows Server 2003 era, so that moment is shown as 14 March 2005, 9:00 AM.
 */
export const LAB_EPOCH_UTC = Date.UTC(2005, 2, 14, 9, 0, 0);

function parts(ms: number) {
  const d = new Date(LAB_EPOCH_UTC + ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, day: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `3/14/2005` */
export function labDate(ms: number): string {
  const p = parts(ms);
  return `${p.mo}/${p.day}/${p.y}`;
}

/** `9:05:07 AM` */
export function labTime(ms: number): string {
  const p = parts(ms);
  const hour12 = p.h % 12 === 0 ? 12 : p.h % 12;
  return `${hour12}:${two(p.mi)}:${two(p.s)} ${p.h < 12 ? 'AM' : 'PM'}`;
}
