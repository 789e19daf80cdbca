// One rule for what counts as a run, for every site and at every boundary: the adapters (a run
// the badges may count), the background on receipt (a run worth keeping) and every read of the
// stored history (a run still worth trusting). Pure, zod-free and browser-free: the content
// script imports it.
import { addDays, daysFromCivil, formatDay, parseDay, parseWallClockMs } from '../load/dates';

/** Longer than this is not one run: well past the longest ultramarathons most runners attempt. */
export const MAX_RUN_KM = 300;
/** Faster than this, with a known duration, is not running (the world 10 km record is ~2:37/km). */
export const FASTEST_MIN_PER_KM = 2.5;
/**
 * Days past the reader's own today a run may start. A page's today and the background's can
 * differ by a day across time zones; a run dated later than that was never run.
 */
export const FUTURE_GRACE_DAYS = 1;

export type RunProblem = 'start' | 'future' | 'distance' | 'pace' | 'duration';

/** "YYYY-MM-DD" of a Date in this context's own time zone. */
export function localDay(date: Date): string {
  return formatDay(daysFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate()));
}

/** A plausible distance for one run: more than nothing, at most MAX_RUN_KM. */
export function isPlausibleKm(km: unknown): km is number {
  return typeof km === 'number' && Number.isFinite(km) && km > 0 && km <= MAX_RUN_KM;
}

/** A duration in seconds, when a site gives one: a whole positive number below a week. */
export function isRunSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 7 * 86_400;
}

/** Not faster than FASTEST_MIN_PER_KM. */
export function isPlausiblePace(km: number, seconds: number): boolean {
  return seconds / 60 / km >= FASTEST_MIN_PER_KM;
}

/**
 * The latest day a run may start on: the page's own today when it gave a valid one, never later
 * than the reader's today + FUTURE_GRACE_DAYS (a page cannot move the fence by lying about its
 * date). `ownToday` is the reader's local "YYYY-MM-DD".
 */
export function latestRunDay(ownToday: string, pageToday?: unknown): string {
  const fence = addDays(ownToday, FUTURE_GRACE_DAYS) ?? ownToday;
  if (typeof pageToday === 'string' && parseDay(pageToday) !== null && pageToday.length === 10 && pageToday < fence) {
    return pageToday;
  }
  return fence;
}

export interface RunFields {
  start: unknown;
  km: unknown;
  seconds?: unknown;
}

/**
 * What is wrong with a run, or null when it is a run worth counting: a real wall-clock start
 * ("YYYY-MM-DDTHH:mm:ss") on or before `latestDay`, a plausible distance, and when a duration is
 * given, a real one at a humanly possible pace.
 */
export function runProblem(run: RunFields, latestDay: string): RunProblem | null {
  const { start, km, seconds } = run;
  if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(start) || parseWallClockMs(start) === null) {
    return 'start';
  }
  if (start.slice(0, 10) > latestDay) return 'future';
  if (!isPlausibleKm(km)) return 'distance';
  if (seconds !== undefined) {
    if (!isRunSeconds(seconds)) return 'duration';
    if (!isPlausiblePace(km, seconds)) return 'pace';
  }
  return null;
}
