// Input hygiene shared by every load function: which runs count, and one sort for all of them.
import { isNonNegativeNumber } from '../guards';
import { dayOfMs, parseWallClockMs } from './dates';
import type { Run } from './types';

export const DAY_MS = 86_400_000;

/** Wall-clock ms of a usable run, or null (see isValidRun). */
function validMs(run: unknown): number | null {
  if (typeof run !== 'object' || run === null) return null;
  const { start, km } = run as { start?: unknown; km?: unknown };
  if (!isNonNegativeNumber(km)) return null;
  return parseWallClockMs(start);
}

/**
 * A run the load functions can use: `start` a real wall-clock date-time (see parseWallClockMs:
 * "YYYY-MM-DDTHH:mm:ss", also with a space, without seconds, with a fraction or a zone suffix that
 * is ignored) and `km` a finite number >= 0. Anything else (NaN, negative, a string km, a
 * malformed or impossible date like "2024-02-30T10:00:00") is skipped silently by every load
 * function: a page's odd data must never break the badge, and must not be guessed at either.
 */
export function isValidRun(run: unknown): run is Run {
  try {
    return validMs(run) !== null;
  } catch {
    return false;
  }
}

/**
 * One run's identity on one site, to read each run once: the site's activity id, or its start
 * and distance when the site gives none.
 */
export function runKey(run: Run): string {
  return run.id !== undefined ? `id:${run.id}` : `at:${run.start}|${run.km}`;
}

/**
 * The valid runs, ascending by start, as parallel arrays (index i is the i-th run in time).
 * Flat typed arrays rather than one object per run: the sort and the sliding window then read
 * contiguous memory, and a badge refresh allocates a handful of arrays instead of thousands of
 * objects (object-per-run sorting measured about 3x slower per n·log n at 20,000 runs).
 */
export interface SortedRuns {
  readonly length: number;
  readonly runs: readonly Run[];
  /** Wall-clock milliseconds since 1970-01-01T00:00:00. */
  readonly ms: Float64Array;
  readonly km: Float64Array;
  /** Day number (days since 1970-01-01) of the local start date. */
  readonly day: Int32Array;
}

/**
 * Ties (identical start) are ordered by km, then by the start string, so every result built on
 * this order is the same whatever the input order. Never throws: a non-array gives no runs, a
 * throwing element (getter, proxy) is skipped.
 */
export function prepareRuns(runs: unknown): SortedRuns {
  const list: readonly unknown[] = Array.isArray(runs) ? runs : [];
  const valid: Run[] = [];
  const msOf = new Float64Array(list.length);
  const kmOf = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    try {
      const run = list[i];
      const ms = validMs(run);
      if (ms === null) continue;
      msOf[valid.length] = ms;
      kmOf[valid.length] = (run as Run).km;
      valid.push(run as Run);
    } catch {
      // skipped, as documented above
    }
  }
  const n = valid.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const byTime = msOf[a]! - msOf[b]!;
    if (byTime !== 0) return byTime;
    const byKm = kmOf[a]! - kmOf[b]!;
    if (byKm !== 0) return byKm;
    const sa = valid[a]!.start;
    const sb = valid[b]!.start;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const sorted = { length: n, runs: new Array<Run>(n), ms: new Float64Array(n), km: new Float64Array(n), day: new Int32Array(n) };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    sorted.runs[k] = valid[i]!;
    sorted.ms[k] = msOf[i]!;
    sorted.km[k] = kmOf[i]!;
    sorted.day[k] = dayOfMs(msOf[i]!);
  }
  return sorted;
}

/** The first `end` runs (views, no copy of the numbers). */
export function headOf(sorted: SortedRuns, end: number): SortedRuns {
  return {
    length: end,
    runs: sorted.runs.slice(0, end),
    ms: sorted.ms.subarray(0, end),
    km: sorted.km.subarray(0, end),
    day: sorted.day.subarray(0, end),
  };
}

/** First index whose ms is >= `ms` (binary search). */
export function lowerBound(sorted: SortedRuns, ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.ms[mid]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of km over [from, to), in start order. */
export function sumKm(sorted: SortedRuns, from: number, to: number): number {
  let km = 0;
  for (let i = from; i < to; i++) km += sorted.km[i]!;
  return km;
}
