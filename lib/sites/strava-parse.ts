// Strava's JSON, read into runs: the Training Log's __NEXT_DATA__ week entries, the signed-in
// athlete's /athlete/training_activities pages and their /dashboard/feed pages (the shapes are
// described in ./strava.ts). Pure and DOM-free, and never throws: the background runs it on the
// JSON a Strava content script fetched or found (lib/sites/parse.ts), so none of it is in the
// page; the fixture tests and `npm run site-check` call it directly.
import { addDays, dayOfWeek, daysFromCivil, formatDateTime, formatDay, parseIsoDay, parseWallClockMs } from '../load/dates';
import type { Run } from '../load/types';
import { MAX_RUN_KM } from '../history/validate';
import { isoWeekMonday } from './week-anchors';
// Strava renamed `type` to `sport_type` on 2024-10-30; older payloads carry only `type`.
export const RUN_SPORT_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

export function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Tolerate a numeric string (never the localized display strings: "4,0" is rejected).
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

export function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

export function runFromModel(model: unknown): Run | null {
  if (typeof model !== 'object' || model === null) return null;
  const m = model as Record<string, unknown>;
  const sport = m.sport_type ?? m.type;
  if (typeof sport !== 'string' || !RUN_SPORT_TYPES.has(sport)) return null;
  // `start_date_local_raw` is epoch seconds of the local wall clock: its UTC components are the
  // runner's local time (e.g. 1481471150 -> "2016-12-11T15:45:50", start_time 14:45:50 UTC in Paris).
  const startRaw = finiteNumber(m.start_date_local_raw);
  const metres = finiteNumber(m.distance_raw);
  // Years 0000-9999 only, so the start stays a four-digit "YYYY-MM-DDTHH:mm:ss".
  if (startRaw === null || startRaw < -62_167_219_200 || startRaw >= 253_402_300_800) return null;
  // One cap rule for every site (lib/history/validate): a 1e12 m "activity" is not a run.
  if (metres === null || metres < 0 || metres / 1000 > MAX_RUN_KM) return null;
  const run: Run = { start: formatDateTime(startRaw), km: metres / 1000 };
  const id = idString(m.id);
  if (id !== undefined) run.id = id;
  const gearId = idString(m.athlete_gear_id);
  if (gearId !== undefined) run.gearId = gearId;
  return run;
}

/**
 * The runs of one parsed page of Strava's `/athlete/training_activities` JSON (`{ models: [...] }`),
 * in page order (newest first). Rides, hikes, skis and malformed models are skipped; never throws.
 * Contract: docs/contract/load.md.
 */
export function runsFromTrainingActivities(json: unknown): Run[] {
  let models: unknown;
  try {
    models = typeof json === 'object' && json !== null ? (json as { models?: unknown }).models : undefined;
  } catch {
    return [];
  }
  if (!Array.isArray(models)) return [];
  const runs: Run[] = [];
  for (const model of models) {
    try {
      const run = runFromModel(model);
      if (run) runs.push(run);
    } catch {
      // A throwing getter or proxy in one model skips that model: page data never breaks the badge.
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Page adapters: which Strava pages get badges, where their runs are, where badges go. Anchors by
// structure (ids, data attributes, hashed-class substrings), never by localized text.

/** One page of /athlete/training_activities, as the paging needs it (null: no `models` list). */
export interface ActivitiesPage {
  runs: Run[];
  /** Models on the page (runs or not). */
  count: number;
  /** The oldest `start_date_local_raw` among them (local wall-clock seconds), or null. */
  oldest: number | null;
  perPage: number | null;
  total: number | null;
}

export function readActivitiesPage(json: unknown): ActivitiesPage | null {
  return guard(() => {
    const body = rec(json);
    const models = body.models;
    if (!Array.isArray(models)) return null;
    let oldest: number | null = null;
    for (const model of models) {
      const raw = guard(() => finiteNumber(rec(model).start_date_local_raw), null);
      if (raw !== null && (oldest === null || raw < oldest)) oldest = raw;
    }
    return {
      runs: runsFromTrainingActivities(body),
      count: models.length,
      oldest,
      perPage: finiteNumber(body.perPage),
      total: finiteNumber(body.total),
    };
  }, null);
}

export type Rec = Record<string, unknown>;
export const rec = (value: unknown): Rec => (typeof value === 'object' && value !== null ? (value as Rec) : {});
export const dayOf = (value: unknown): string | null => {
  const day = typeof value === 'string' ? parseIsoDay(value.slice(0, 10)) : null;
  return day === null ? null : formatDay(day);
};
export function guard<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

// --- __NEXT_DATA__ (Training Log) --------------------------------------------------------------

/**
 * The Monday of a Training Log week entry: its id "YYYYyWWw" (ISO year and week, Strava's
 * documented key), else a date string `start_date`, else an epoch-second `start_date` (the
 * owner's local Monday midnight: the UTC day or the one after, whichever is a Monday).
 */
export function weekStartOfEntry(entry: unknown): string | null {
  const e = rec(entry);
  const id = typeof e.id === 'string' ? /^(\d{4})y(\d{1,2})w$/.exec(e.id) : null;
  if (id) return isoWeekMonday(Number(id[1]), Number(id[2]));
  const start = e.start_date;
  if (typeof start === 'string') return dayOf(start);
  const seconds = finiteNumber(start);
  if (seconds === null || typeof start !== 'number' || seconds <= 0 || seconds > 253_402_300_799) return null;
  const utc = Math.floor(seconds / 86_400);
  const monday = [utc, utc + 1].find((d) => dayOfWeek(d) === 1);
  return monday === undefined ? null : formatDay(monday);
}

/** The 7 days of an entry's `by_day_of_week`: [dayIndex 0..6 (-1: unplaceable), day]. */
function daysOfWeek(days: unknown): [number, unknown][] {
  if (Array.isArray(days)) return days.map((day, i) => [days.length === 7 ? i : -1, day]);
  const entries = Object.entries(rec(days));
  // Documented: keys "1".."7", Monday..Sunday. An object keyed "0".."6" (older markup) is 0-based.
  const zeroBased = entries.some(([key]) => key === '0');
  return entries.map(([key, day]) => {
    const n = /^[0-7]$/.test(key) ? Number(key) - (zeroBased ? 0 : 1) : -1;
    return [n >= 0 && n <= 6 ? n : -1, day];
  });
}

/** Local start seconds of a Training Log activity, in the shapes seen (documented first). */
function activityStart(a: Rec, midnight: number | null, order: number): number | null {
  const raw = finiteNumber(a.start_date_local_raw);
  if (raw !== null) return raw;
  const local = parseWallClockMs(a.start_date_local);
  if (local !== null) return local / 1000;
  // Documented ActivityEntry: start_date (epoch s, UTC) and utc_offset (s).
  const utc = typeof a.start_date === 'number' ? finiteNumber(a.start_date) : null;
  const offset = finiteNumber(a.utc_offset);
  if (utc !== null && offset !== null && Math.abs(offset) <= 14 * 3600) return utc + offset;
  return midnight !== null ? midnight / 1000 + order : null;
}

/**
 * One week entry's runs, or null when they do not add up: an activity whose sport, distance or
 * day cannot be read, days that cannot be placed (no date, not a full week), or runs other than
 * the entry's own run total (metres, small rounding tolerance). No runs beat wrong ones.
 */
function weekRuns(e: Rec, start: string): Run[] | null {
  const end = addDays(start, 6)!;
  const runs: Run[] = [];
  let metres = 0;
  for (const [i, day] of daysOfWeek(e.by_day_of_week)) {
    // The day's own date, else its index: never a guess from a partial list.
    const date = dayOf(rec(day).date) ?? (i < 0 ? null : addDays(start, i));
    const lists = Array.isArray(day) ? [day] : [rec(day).activities, rec(day).xt_activities].filter((l) => l !== undefined);
    // A day still to come may carry no lists at all: nothing happened on it yet.
    if (!lists.length && rec(day).date_type === 'future') continue;
    if (!date || date < start || date > end || !lists.length || !lists.every(Array.isArray)) return null;
    const midnight = parseWallClockMs(date);
    let order = 0;
    for (const list of lists as unknown[][]) {
      for (const activity of list) {
        const a = rec(activity);
        const sport = a.sport_type ?? a.type ?? a.activity_type;
        const run = runFromModel({
          ...a,
          sport_type: sport,
          distance_raw: a.distance_raw ?? a.distance,
          start_date_local_raw: activityStart(a, midnight, order++),
        });
        const day10 = run?.start.slice(0, 10) ?? '';
        if (run && day10 >= start && day10 <= end) {
          runs.push(run);
          metres += run.km * 1000;
        } else if (run || typeof sport !== 'string' || RUN_SPORT_TYPES.has(sport)) return null;
      }
    }
  }
  // The run total: totals_by_sport.run (no `run`: none that week), else a direct total, else none (-1).
  const sports = e.totals_by_sport;
  const run = rec(sports).run;
  const total =
    run !== undefined ? finiteNumber(rec(run).distance) : sports !== undefined ? 0 : 'distance' in e ? finiteNumber(e.distance) : -1;
  return total === null || (total >= 0 && Math.abs(metres - total) > 50 + total / 1000) ? null : runs;
}

/** The most Training Log weeks told back to the page (ten years of weeks; lib/sites/parse, ./strava). */
export const MAX_LOG_WEEKS = 520;

export interface NextData {
  text: string;
  /** Week start dates the entries list. */
  weeks: Set<string>;
  /** Runs of the covered weeks; null when the entries carry none or something does not add up. */
  runs: Run[] | null;
  /** First and last week start the per-run data covers (consecutive weeks, newest back to a gap). */
  from: string | null;
  to: string | null;
  /** The signed-in athlete as the page's data names them (pageProps.currentAthlete.id or currentAthleteId). */
  athleteId: string | null;
}

/** props.pageProps.entriesResponse.entries: week entries with per-day activities. */
export function readTrainingLogData(text: string): NextData {
  const data: NextData = { text, weeks: new Set(), runs: null, from: null, to: null, athleteId: null };
  guard(() => {
    const props = rec(rec(rec(JSON.parse(text)).props).pageProps);
    const athlete = idString(rec(props.currentAthlete).id ?? props.currentAthleteId);
    if (athlete && /^\d{1,20}$/.test(athlete)) data.athleteId = athlete;
    const entries = rec(props.entriesResponse).entries;
    const read = new Map<string, Run[]>();
    for (const entry of Array.isArray(entries) ? entries : []) {
      const e = rec(entry);
      const start = weekStartOfEntry(e);
      if (!start) continue;
      data.weeks.add(start);
      if (!('by_day_of_week' in e)) continue;
      const runs = weekRuns(e, start);
      if (!runs || read.has(start)) return; // does not add up: the athlete's own activities instead
      read.set(start, runs);
    }
    // Covered from the newest week back to the first gap (a missing entry is not "no runs").
    const starts = [...read.keys()].sort().reverse();
    if (!starts.length) return;
    data.runs = [];
    data.to = starts[0]!;
    for (const start of starts) {
      if (data.from && addDays(start, 7) !== data.from) break;
      data.runs.push(...read.get(start)!);
      data.from = start;
    }
  }, undefined);
  return data;
}

// --- /dashboard/feed?feed_type=my_activity (the runner's own activity feed) ---------------------

/** Markup and entities out of a feed stat ("5.01<abbr class='unit' title='kilometers'>km</abbr>"). */
function statText(value: unknown): string {
  if (typeof value !== 'string' || value.length > 300) return '';
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&#8239;|&thinsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// One run's distance as the feed shows it: "8.00 km", "8,4 km", "5.0 mi", "12 км". A single
// separator is the decimal one (no run is a thousand km); a pace ("5:10 /km") is not a distance.
const STAT_DISTANCE = /^(\d{1,4}(?:[.,]\d{1,3})?) ?(km|mi|км)$/i;
function statKm(text: string): number | null {
  const m = STAT_DISTANCE.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  const km = m[2]!.toLowerCase() === 'mi' ? value * 1.609344 : value;
  return Number.isFinite(km) && km <= 1000 ? km : null;
}

/**
 * The one distance among a feed activity's display stats (`[{key, value}]`, localized HTML as
 * Sauce for Strava reads them): km, or null when none or more than one stat reads as a
 * distance (a pace "/km" is not one).
 */
export function feedStatKm(stats: unknown): number | null {
  if (!Array.isArray(stats)) return null;
  const found: number[] = [];
  for (const stat of stats) {
    const s = rec(stat);
    if (typeof s.key === 'string' && s.key.endsWith('_subtitle')) continue;
    const km = statKm(statText(s.value));
    if (km !== null) found.push(km);
  }
  return found.length === 1 ? found[0]! : null;
}

/** Local wall-clock seconds of a feed start: an ISO time with an offset keeps its digits; "Z" is the browser's zone. */
function feedStart(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const trimmed = value.trim();
  if (/Z$/i.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isFinite(ms)) return null;
    const d = new Date(ms);
    return (
      daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()) * 86_400 + d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds()
    );
  }
  const local = parseWallClockMs(trimmed);
  return local === null ? null : Math.floor(local / 1000);
}

export interface FeedPage {
  runs: Run[];
  /** Run activities whose distance or start could not be read (the page is then partial). */
  unreadable: number;
  /** The oldest `cursorData.updated_at` of an activity entry (the next page's `before`), or null. */
  cursor: number | null;
  /** Entries on the page (0: the end of the feed). */
  entries: number;
}

/**
 * One page of `/dashboard/feed?feed_type=my_activity`: `{entries: [{entity: "Activity", activity:
 * {id, type, startDate, stats}, cursorData: {updated_at}} | {entity: "GroupActivity", rowData:
 * {activities: [{activity_id, athlete_id, type, start_date, stats}]}, cursorData} | other]}`
 * (shape as Sauce for Strava parses it, VERIFY live). Null when it is not that shape.
 */
export function runsFromDashboardFeed(json: unknown, athleteId: string | null): FeedPage | null {
  return guard(() => {
    const entries = rec(json).entries;
    if (!Array.isArray(entries)) return null;
    const page: FeedPage = { runs: [], unreadable: 0, cursor: null, entries: entries.length };
    const take = (id: unknown, sport: unknown, start: unknown, stats: unknown, metres: unknown) => {
      if (typeof sport !== 'string' || !RUN_SPORT_TYPES.has(sport)) return;
      const seconds = feedStart(start);
      const km = finiteNumber(metres) !== null ? finiteNumber(metres)! / 1000 : feedStatKm(stats);
      const run =
        seconds === null || km === null
          ? null
          : runFromModel({ id, sport_type: sport, start_date_local_raw: seconds, distance_raw: km * 1000 });
      if (run) page.runs.push(run);
      else page.unreadable++;
    };
    for (const entry of entries) {
      const e = rec(entry);
      if (e.entity !== 'Activity' && e.entity !== 'GroupActivity') continue;
      const updated = finiteNumber(rec(e.cursorData).updated_at);
      if (updated !== null && (page.cursor === null || updated < page.cursor)) page.cursor = updated;
      if (e.entity === 'Activity') {
        const a = rec(e.activity);
        take(a.id, a.type ?? a.sport_type, a.startDate ?? a.start_date, a.stats, undefined);
      } else {
        const rows = rec(e.rowData).activities;
        for (const row of Array.isArray(rows) ? rows : []) {
          const a = rec(row);
          // The runner's own row only; without their id, a run of theirs may be missed.
          if (athleteId === null) page.unreadable++;
          else if (String(a.athlete_id) === athleteId)
            take(a.activity_id ?? a.id, a.type ?? a.sport_type, a.start_date ?? a.startDate, a.stats, a.distance);
        }
      }
    }
    return page;
  }, null);
}

// --- The signed-in athlete's own activities: training_activities, else the feed ------------------
