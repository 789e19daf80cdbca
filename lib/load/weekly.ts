// weeklyTotals, exactly as docs/contract/load.md (v1) defines it.
import { formatDay, parseDay, weekStartDay } from './dates';
import { prepareRuns } from './runs';
import type { Run, WeekStart, WeekTotal } from './types';

export interface WeeklyTotalsOptions {
  weekStartsOn: WeekStart;
  /** "YYYY-MM-DD": the last row is the week that holds this date (default: the latest run). */
  until?: string;
}

/**
 * One row per calendar week, ascending, from the week that holds the earliest run to the week that
 * holds `until` (default: the latest run), empty weeks included as `km: 0, runs: 0`. A run belongs
 * to the week of its local start date; input order does not matter; empty input gives [].
 *
 * Choices where the contract is silent (documented and tested):
 * - invalid runs are skipped (see isValidRun);
 * - `until` is the end of the range: runs in weeks after it are not counted, and an `until`
 *   before the earliest run's week gives [] (the range from that week to `until` is empty);
 * - a malformed `until` is ignored (the latest run ends the range), a time part in it is ignored;
 * - a `weekStartsOn` other than "sunday" means Monday (ISO 8601, the settings default);
 * - km are plain floating-point sums, unrounded, added in start order so the result does not
 *   depend on input order down to the last bit.
 * Never throws.
 */
export function weeklyTotals(runs: Run[], opts: WeeklyTotalsOptions): WeekTotal[] {
  const sorted = prepareRuns(runs);
  if (sorted.length === 0) return [];
  const options: Partial<WeeklyTotalsOptions> = typeof opts === 'object' && opts !== null ? opts : {};
  const weekStartsOn: WeekStart = options.weekStartsOn === 'sunday' ? 'sunday' : 'monday';
  const untilDay = options.until === undefined ? null : parseDay(options.until);

  const first = weekStartDay(sorted.day[0]!, weekStartsOn);
  const last = weekStartDay(untilDay ?? sorted.day[sorted.length - 1]!, weekStartsOn);
  if (last < first) return [];

  const count = (last - first) / 7 + 1;
  const km = new Float64Array(count);
  const n = new Uint32Array(count);
  for (let i = 0; i < sorted.length; i++) {
    const week = (weekStartDay(sorted.day[i]!, weekStartsOn) - first) / 7;
    if (week >= count) break; // sorted: every later run is past `until` too
    km[week]! += sorted.km[i]!;
    n[week]!++;
  }
  const rows: WeekTotal[] = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = { weekStart: formatDay(first + 7 * i), km: km[i]!, runs: n[i]! };
  return rows;
}
