// Captured history, the pure part: validation by hand, merging, de-duplication and the cap.
// Zod-free and browser-free: the content script records runs, the popup and options read them.
import { parseWallClockMs } from '../load/dates';
import type { Run } from '../load/types';

export const HISTORY_VERSION = 1;
/** The most recent runs kept; older ones are dropped first. About 10 years of daily running. */
export const MAX_CAPTURED_RUNS = 5000;
/** A run longer than this is not a run the badges can trust. */
export const MAX_RUN_KM = 1000;

/** One run as kept: where it was read, the site's own id when it has one, when and how far. */
export interface CapturedRun {
  /** "strava", "garmin", "intervals", or the origin of a user-added site. */
  site: string;
  id?: string;
  /** Local wall clock, "YYYY-MM-DDTHH:mm:ss". */
  start: string;
  km: number;
}

export interface CapturedStore {
  version: typeof HISTORY_VERSION;
  runs: CapturedRun[];
}

const START_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export function isSiteKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && value.trim() === value;
}

/** A valid start: exactly "YYYY-MM-DDTHH:mm:ss" and a real calendar date and time. */
export function isRunStart(value: unknown): value is string {
  return typeof value === 'string' && START_PATTERN.test(value) && parseWallClockMs(value) !== null;
}

export function isRunKm(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_RUN_KM;
}

function cleanId(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0 && value.length <= 100) return value;
  return null;
}

/** One stored or incoming entry, validated field by field; null when anything is wrong. */
export function toCapturedRun(site: unknown, value: unknown): CapturedRun | null {
  try {
    if (!isSiteKey(site) || typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (!isRunStart(v.start) || !isRunKm(v.km)) return null;
    const id = cleanId(v.id);
    if (id === null) return null;
    const run: CapturedRun = { site, start: v.start, km: v.km };
    if (id !== undefined) run.id = id;
    return run;
  } catch {
    return null; // a throwing getter or proxy
  }
}

export type StoreRead =
  | { kind: 'empty'; runs: [] }
  | { kind: 'ok'; runs: CapturedRun[]; dropped: number }
  | { kind: 'corrupt'; runs: []; reason: string };

/** Validate a stored value by hand. Invalid entries are dropped; a wrong envelope is "corrupt". */
export function readStore(raw: unknown): StoreRead {
  if (raw === null || raw === undefined) return { kind: 'empty', runs: [] };
  try {
    if (typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'corrupt', runs: [], reason: 'not an object' };
    const store = raw as Record<string, unknown>;
    if (store.version !== HISTORY_VERSION) {
      return { kind: 'corrupt', runs: [], reason: `version ${String(store.version)}, expected ${HISTORY_VERSION}` };
    }
    if (!Array.isArray(store.runs)) return { kind: 'corrupt', runs: [], reason: 'runs is not a list' };
    const runs: CapturedRun[] = [];
    for (const entry of store.runs.slice(0, MAX_CAPTURED_RUNS * 2)) {
      let run: CapturedRun | null = null;
      try {
        const site = typeof entry === 'object' && entry !== null ? (entry as { site?: unknown }).site : undefined;
        run = toCapturedRun(site, entry);
      } catch {
        run = null; // one unreadable entry is dropped, not the whole history
      }
      if (run) runs.push(run);
    }
    return { kind: 'ok', runs, dropped: store.runs.length - runs.length };
  } catch {
    return { kind: 'corrupt', runs: [], reason: 'unreadable' };
  }
}

/** The de-duplication key: the site's activity id, or its start and distance when it has none. */
export function runKey(run: CapturedRun): string {
  return run.id !== undefined ? `${run.site}\u0000id\u0000${run.id}` : `${run.site}\u0000at\u0000${run.start}\u0000${run.km.toFixed(3)}`;
}

function byStartThenKey(a: CapturedRun, b: CapturedRun): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  const ka = runKey(a);
  const kb = runKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Merge incoming runs into the kept ones: a run read again replaces its earlier copy (same site
 * and id, or same site, start and distance), then only the `cap` most recent are kept.
 * Ascending by start. Pure.
 */
export function mergeRuns(existing: CapturedRun[], incoming: CapturedRun[], cap = MAX_CAPTURED_RUNS): CapturedRun[] {
  const byKey = new Map<string, CapturedRun>();
  for (const run of existing) byKey.set(runKey(run), run);
  for (const run of incoming) byKey.set(runKey(run), run);
  const merged = [...byKey.values()].sort(byStartThenKey);
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

export function sameRuns(a: CapturedRun[], b: CapturedRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.site !== y.site || x.id !== y.id || x.start !== y.start || x.km !== y.km) return false;
  }
  return true;
}

/** Two sites showing one run (a watch syncing to Garmin, Strava and intervals.icu). */
const SAME_RUN_MINUTES = 5;
function isSameRun(a: CapturedRun, b: CapturedRun): boolean {
  const ta = parseWallClockMs(a.start);
  const tb = parseWallClockMs(b.start);
  if (ta === null || tb === null || Math.abs(ta - tb) > SAME_RUN_MINUTES * 60_000) return false;
  return Math.abs(a.km - b.km) <= Math.max(0.2, 0.05 * Math.max(a.km, b.km));
}

/**
 * The runner's runs, ascending: one run per real run even when several sites show it. Runs from
 * different sites that start within 5 minutes with distances within 5 % (or 200 m) are one run;
 * the first site in `sitePreference` (then alphabetical) keeps it. Runs of the same site are
 * never merged here (the site's ids already tell them apart).
 */
export function toHistoryRuns(
  captured: CapturedRun[],
  sitePreference: readonly string[] = ['strava', 'garmin', 'intervals'],
): Run[] {
  const rank = (site: string) => {
    const i = sitePreference.indexOf(site);
    return i === -1 ? sitePreference.length : i;
  };
  const ordered = [...captured].sort(byStartThenKey);
  const kept: CapturedRun[] = [];
  for (const run of ordered) {
    let duplicateOf = -1;
    for (let j = kept.length - 1; j >= 0; j--) {
      const other = kept[j]!;
      const ta = parseWallClockMs(other.start) ?? 0;
      const tb = parseWallClockMs(run.start) ?? 0;
      // `kept` is ascending (a replacement moves a start by at most 5 minutes): stop well past the window.
      if (tb - ta > 2 * SAME_RUN_MINUTES * 60_000) break;
      if (other.site !== run.site && isSameRun(other, run)) {
        duplicateOf = j;
        break;
      }
    }
    if (duplicateOf === -1) {
      kept.push(run);
      continue;
    }
    const other = kept[duplicateOf]!;
    const better = rank(run.site) < rank(other.site) || (rank(run.site) === rank(other.site) && run.site < other.site);
    if (better) kept[duplicateOf] = run;
  }
  return kept
    .sort(byStartThenKey)
    .map((run) => (run.id !== undefined ? { start: run.start, km: run.km, id: `${run.site}:${run.id}` } : { start: run.start, km: run.km }));
}

export interface HistoryStats {
  /** Runs kept (as captured, before cross-site de-duplication). */
  runs: number;
  /** Runs per site, most first. */
  sites: { site: string; runs: number }[];
  /** Earliest and latest start, "YYYY-MM-DDTHH:mm:ss", or null when nothing is kept. */
  oldest: string | null;
  newest: string | null;
}

export function statsOf(captured: CapturedRun[]): HistoryStats {
  const counts = new Map<string, number>();
  let oldest: string | null = null;
  let newest: string | null = null;
  for (const run of captured) {
    counts.set(run.site, (counts.get(run.site) ?? 0) + 1);
    if (oldest === null || run.start < oldest) oldest = run.start;
    if (newest === null || run.start > newest) newest = run.start;
  }
  const sites = [...counts.entries()]
    .map(([site, runs]) => ({ site, runs }))
    .sort((a, b) => b.runs - a.runs || (a.site < b.site ? -1 : 1));
  return { runs: captured.length, sites, oldest, newest };
}
