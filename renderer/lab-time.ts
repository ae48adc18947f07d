/**
 * The simulated clock as the app shows it. Clock 0 is the moment the lab opens, shown as
 * Monday 14 March 2005, 09:00:00 — the same epoch as the engine's text/lab-time.ts, which the
 * renderer may not import (it reaches the engine only through the LabApi).
 */
export const LAB_EPOCH_UTC = Date.UTC(2005, 2, 14, 9, 0, 0);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => String(n).padStart(2, '0');
const at = (ms: number) => new Date(LAB_EPOCH_UTC + ms);

/** `09:05:00` */
export function timeOfDay(ms: number): string {
  const d = at(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** `Mon 14 Mar 2005` */
export function labDay(ms: number): string {
  const d = at(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `Mon 14 Mar 2005 09:05:00` */
export function labClock(ms: number): string {
  return `${labDay(ms)} ${timeOfDay(ms)}`;
}

/** The time of day alone when `ms` falls on the same day as `now`, otherwise `Tue 15 Mar 09:05:00`. */
export function labMoment(ms: number, now: number): string {
  if (labDay(ms) === labDay(now)) return timeOfDay(ms);
  const d = at(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${timeOfDay(ms)}`;
}

/** `in 1 h 45 min`, `2 min ago`, `now` — how far `ms` is from `now`, to the minute (seconds under one). */
export function relative(ms: number, now: number): string {
  const delta = ms - now;
  const span = Math.abs(delta);
  if (span < 1000) return 'now';
  const text = duration(span);
  return delta > 0 ? `in ${text}` : `${text} ago`;
}

function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** The ISO form for a `<time datetime>` attribute. */
export function isoMoment(ms: number): string {
  return at(ms).toISOString().replace(/\.000Z$/, 'Z');
}
