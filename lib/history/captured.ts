// Captured history, the pure part: validation by hand (./validate.ts: one rule for every site),
// merging, de-duplication, a budget per site, forgetting. Zod-free and browser-free: the popup
// reads it straight from storage.local, the background records and forgets.
import { parseWallClockMs } from '../load/dates';
import type { Run } from '../load/types';
import { SITE_IDS } from '../settings/defaults';
import { latestRunDay, localDay, runProblem, MAX_RUN_KM } from './validate';

export { MAX_RUN_KM };

/**
 * Version of the stored shape, also kept in the value so readers without WXT's storage layer (the
 * popup) can check it. 1: `{ version, runs }` (round one). 2: adds `forgets` (how many times the
 * runner forgot runs: a capture that began before the last forget is refused) and optional
 * `seconds` per run; every run meets ./validate.ts. 3: adds the optional `gearId` (the shoes, where
 * the site names them: Strava), for the shoe reminder.
 */
export const HISTORY_VERSION = 3;
/**
 * The most recent runs kept per site: about five years of daily running. A site never evicts
 * another site's runs; with 3 built-in sites and at most 20 added ones the store stays a few MB.
 */
export const MAX_RUNS_PER_SITE = 2000;
/** Sites a store may hold: the built-in ones and at most 20 added by the runner (settings' limit), with margin. */
export const MAX_SITES = 32;

/** One run as kept: where it was read, the site's own id when it has one, when and how far. */
export interface CapturedRun {
  /** "strava", "garmin", "intervals", or the origin of a user-added site. */
  site: string;
  id?: string;
  /** Local wall clock, "YYYY-MM-DDTHH:mm:ss". */
  start: string;
  km: number;
  /** Duration, when the site gave one (checks the pace). */
  seconds?: number;
  /** The shoes' id, when the site names them (Strava's athlete_gear_id). */
  gearId?: string;
}

export interface CapturedStore {
  version: typeof HISTORY_VERSION;
  runs: CapturedRun[];
  /** Times the runner forgot runs (all, or one site's). */
  forgets: number;
}

export function isSiteKey(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && value.trim() === value;
}

/** A site the runner added (its origin), as opposed to one Knee Check knows. */
export function isUserSite(site: string): boolean {
  return !(SITE_IDS as readonly string[]).includes(site);
}

function cleanId(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.length > 0 && value.length <= 100) return value;
  return null;
}

/** The latest day a run may start on, for a reader in this context (today + 1 day). */
export function readerLatestDay(now: Date = new Date()): string {
  return latestRunDay(localDay(now));
}

/**
 * One stored or incoming entry, validated field by field (./validate.ts); null when anything is
 * wrong. `latestDay`: no run may start after it.
 */
export function toCapturedRun(site: unknown, value: unknown, latestDay: string = readerLatestDay()): CapturedRun | null {
  try {
    if (!isSiteKey(site) || typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    const start = v.start;
    const km = v.km;
    const seconds = v.seconds;
    if (runProblem({ start, km, seconds }, latestDay) !== null) return null;
    const id = cleanId(v.id);
    if (id === null) return null;
    const gearId = cleanId(v.gearId);
    const run: CapturedRun = { site, start: start as string, km: km as number };
    if (id !== undefined) run.id = id;
    if (seconds !== undefined) run.seconds = seconds as number;
    if (typeof gearId === 'string') run.gearId = gearId; // an odd gear id is dropped, not the run
    return run;
  } catch {
    return null; // a throwing getter or proxy
  }
}

export type StoreRead =
  | { kind: 'empty'; runs: []; forgets: 0 }
  | { kind: 'ok'; runs: CapturedRun[]; dropped: number; forgets: number }
  | { kind: 'corrupt'; runs: []; reason: string; forgets: 0 };

function forgetCount(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/**
 * Validate a stored value by hand, on every read. Invalid entries (a future date, an implausible
 * distance or pace...) are dropped; a wrong envelope is "corrupt". Reads version 1 too (the same
 * runs, no `forgets`), should a reader meet one before the background migrated it.
 */
export function readStore(raw: unknown, latestDay: string = readerLatestDay()): StoreRead {
  if (raw === null || raw === undefined) return { kind: 'empty', runs: [], forgets: 0 };
  try {
    if (typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'corrupt', runs: [], reason: 'not an object', forgets: 0 };
    const store = raw as Record<string, unknown>;
    if (store.version !== HISTORY_VERSION && store.version !== 2 && store.version !== 1) {
      return { kind: 'corrupt', runs: [], reason: `version ${String(store.version)}, expected ${HISTORY_VERSION}`, forgets: 0 };
    }
    if (!Array.isArray(store.runs)) return { kind: 'corrupt', runs: [], reason: 'runs is not a list', forgets: 0 };
    const runs: CapturedRun[] = [];
    const limit = MAX_RUNS_PER_SITE * MAX_SITES;
    for (const entry of store.runs.slice(0, limit)) {
      let run: CapturedRun | null = null;
      try {
        const site = typeof entry === 'object' && entry !== null ? (entry as { site?: unknown }).site : undefined;
        run = toCapturedRun(site, entry, latestDay);
      } catch {
        run = null; // one unreadable entry is dropped, not the whole history
      }
      if (run) runs.push(run);
    }
    // Whatever the store says, no site holds more than its budget.
    const kept = capPerSite(runs);
    return { kind: 'ok', runs: kept, dropped: store.runs.length - kept.length, forgets: forgetCount(store.forgets) };
  } catch {
    return { kind: 'corrupt', runs: [], reason: 'unreadable', forgets: 0 };
  }
}

/** Version 1 → 2: the same runs, now held to ./validate.ts, and no forget yet. */
export function migrateHistoryV1toV2(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const old = value as Record<string, unknown>;
  if (old.version !== 1 || !Array.isArray(old.runs)) return value; // not version 1: left for readStore to judge
  const read = readStore(old);
  return { version: 2, runs: read.runs, forgets: 0 };
}

/** Version 2 → 3: the same runs (none has a gear id yet); the shoes are kept from the next capture on. */
export function migrateHistoryV2toV3(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const old = value as Record<string, unknown>;
  if (old.version !== 2 || !Array.isArray(old.runs)) return value;
  return { ...old, version: HISTORY_VERSION };
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
 * Each site keeps its own `perSite` most recent runs (and at most MAX_SITES sites, those with the
 * most recent runs): one site can never evict another's. `runs` ascending; the result too.
 */
export function capPerSite(runs: CapturedRun[], perSite = MAX_RUNS_PER_SITE): CapturedRun[] {
  const bySite = new Map<string, CapturedRun[]>();
  for (const run of runs) {
    const list = bySite.get(run.site);
    if (list) list.push(run);
    else bySite.set(run.site, [run]);
  }
  let sites = [...bySite.entries()];
  if (sites.length > MAX_SITES) {
    // Built-in sites first, then the added sites read most recently.
    sites = sites
      .sort(([sa, a], [sb, b]) => Number(isUserSite(sa)) - Number(isUserSite(sb)) || (a.at(-1)!.start > b.at(-1)!.start ? -1 : 1))
      .slice(0, MAX_SITES);
  }
  if (sites.length === bySite.size && sites.every(([, list]) => list.length <= perSite)) return runs;
  const kept = sites.flatMap(([, list]) => (list.length > perSite ? list.slice(list.length - perSite) : list));
  return kept.sort(byStartThenKey);
}

/**
 * Merge incoming runs into the kept ones: a run read again replaces its earlier copy (same site
 * and id, or same site, start and distance), then each site keeps its `perSite` most recent.
 * Ascending by start. Pure.
 */
export function mergeRuns(existing: CapturedRun[], incoming: CapturedRun[], perSite = MAX_RUNS_PER_SITE): CapturedRun[] {
  const byKey = new Map<string, CapturedRun>();
  for (const run of existing) byKey.set(runKey(run), run);
  for (const run of incoming) byKey.set(runKey(run), run);
  return capPerSite([...byKey.values()].sort(byStartThenKey), perSite);
}

export function sameRuns(a: CapturedRun[], b: CapturedRun[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.site !== y.site || x.id !== y.id || x.start !== y.start || x.km !== y.km || x.seconds !== y.seconds || x.gearId !== y.gearId)
      return false;
  }
  return true;
}

/** The runs left after forgetting one site's (or every site's, when `site` is absent). */
export function withoutSite(runs: CapturedRun[], site?: string): CapturedRun[] {
  return site === undefined ? [] : runs.filter((run) => run.site !== site);
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
export function toHistoryRuns(captured: CapturedRun[], sitePreference: readonly string[] = ['strava', 'garmin', 'intervals']): Run[] {
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
  return kept.sort(byStartThenKey).map((run) => ({
    start: run.start,
    km: run.km,
    ...(run.id !== undefined ? { id: `${run.site}:${run.id}` } : {}),
    ...(run.gearId !== undefined ? { gearId: `${run.site}:${run.gearId}` } : {}),
  }));
}

/**
 * The runs the popup's prefill and the clinician summary may use: the built-in sites' always,
 * the runner's added sites' only when they said so (a page of a site we do not know could show
 * anything). One run per real run (`toHistoryRuns`).
 */
export function summaryRuns(captured: CapturedRun[], useAddedSites: boolean): Run[] {
  return toHistoryRuns(useAddedSites ? captured : captured.filter((run) => !isUserSite(run.site)));
}

/** The runner's choices about captured runs. */
export interface HistoryPrefs {
  /** Use runs from the sites they added for the popup's prefill and the clinician summary. */
  useAddedSites: boolean;
}

/** Validated prefs (the default: added sites' runs are kept apart). */
export function readHistoryPrefs(raw: unknown): HistoryPrefs {
  const value = typeof raw === 'object' && raw !== null ? (raw as { useAddedSites?: unknown }).useAddedSites : undefined;
  return { useAddedSites: value === true };
}

/**
 * The runs the popup's prefill and the clinician summary use, from the raw stored values (the
 * popup reads storage.local directly, without WXT's storage layer, to stay in its budget).
 */
export function prefillRunsFrom(rawStore: unknown, rawPrefs: unknown): Run[] {
  return summaryRuns(readStore(rawStore).runs, readHistoryPrefs(rawPrefs).useAddedSites);
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
  const sites = [...counts.entries()].map(([site, runs]) => ({ site, runs })).sort((a, b) => b.runs - a.runs || (a.site < b.site ? -1 : 1));
  return { runs: captured.length, sites, oldest, newest };
}
