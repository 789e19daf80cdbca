// Input hygiene shared by every load function: which runs count, and one sort for all of them.
import { dayOfMs, parseWallClockMs } from './dates';
import type { Run } from './types';

export const DAY_MS = 86_400_000;

/**
 * A run the load functions can use: `start` a real wall-clock date-time (see parseWallClockMs:
 * "YYYY-MM-DDTHH:mm:ss", also with a space, without seconds, with a fraction or a zone suffix that
 * is ignored) and `km` a finite number >= 0. Anything else (NaN, negative, a string km, a
 * malformed or impossible date like "2024-02-30T10:00:00") is skipped silently by every load
 * function: a page's odd data must never break the badge, and must not be guessed at either.
 */
export function isValidRun(run: unknown): run is Run {
  try {
    return prepareOne(run) !== null;
  } catch {
    return false;
  }
}

/** A valid run with its start parsed once. */
export interface PreparedRun {
  run: Run;
  /** Wall-clock milliseconds since 1970-01-01T00:00:00. */
  ms: number;
  /** Day number (days since 1970-01-01) of the local start date. */
  day: number;
  km: number;
}

function prepareOne(run: unknown): PreparedRun | null {
  if (typeof run !== 'object' || run === null) return null;
  const { start, km } = run as { start?: unknown; km?: unknown };
  if (typeof km !== 'number' || !Number.isFinite(km) || km < 0) return null;
  const ms = parseWallClockMs(start);
  if (ms === null) return null;
  return { run: run as Run, ms, day: dayOfMs(ms), km };
}

/**
 * The valid runs, ascending by start time. Ties (identical start) are ordered by km, then by the
 * start string, so every result built on this order is the same whatever the input order.
 * Never throws: a non-array gives [], a throwing element (getter, proxy) is skipped.
 */
export function prepareRuns(runs: unknown): PreparedRun[] {
  if (!Array.isArray(runs)) return [];
  const prepared: PreparedRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    try {
      const p = prepareOne(runs[i]);
      if (p) prepared.push(p);
    } catch {
      // skipped, as documented above
    }
  }
  prepared.sort(compareRuns);
  return prepared;
}

function compareRuns(a: PreparedRun, b: PreparedRun): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  if (a.km !== b.km) return a.km - b.km;
  return a.run.start < b.run.start ? -1 : a.run.start > b.run.start ? 1 : 0;
}

/** First index in `sorted` whose ms is >= `ms` (binary search). */
export function lowerBound(sorted: readonly PreparedRun[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.ms < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sum of km over sorted[from, to), in sorted order. */
export function sumKm(sorted: readonly PreparedRun[], from: number, to: number): number {
  let km = 0;
  for (let i = from; i < to; i++) km += sorted[i]!.km;
  return km;
}
