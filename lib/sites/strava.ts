// Strava (www.strava.com). Reads the data the page itself carries or calls, never the rendered
// numbers (docs/research/sites.md: scraped Strava markup keeps breaking).
// - URLs: the Training Log /athletes/{id}/training/log, the dashboard /dashboard, an athlete's
//   profile /athletes/{id} (https, www.strava.com or strava.com).
// - Data: the Training Log's __NEXT_DATA__ week entries (Strava's documented week shape: ids
//   "YYYYyWWw", epoch-second dates, days keyed "1".."7"); then the signed-in athlete's own
//   /athlete/training_activities pages; when that fails, their own activity feed
//   /dashboard/feed?feed_type=my_activity&before=<epoch s> (what Sauce for Strava reads).
//   The athlete's own data is read on their own pages only (header athlete menu: React's
//   `ul[labeledby="athlete-menu"]` or the server-rendered `.user-menu`).
// - Badges: Training Log week rows (`_calendarRowContainer_` + data-timestamp, week = its ISO
//   week), the dashboard's weekly run goal, the profile's selected week totals.
// Every read reports its sources, refusals and coverage through ctx.note. Nothing here throws.
import { addDays, dayOfWeek, daysFromCivil, formatDateTime, formatDay, parseDay, parseWallClockMs } from '../load/dates';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import { createSerialQueue } from '../serial';
import { refusalOf } from '../content/fetch';
import { noteTo } from './notes';
import type { AdapterContext, BadgeAnchor, Refusal, SiteAdapter } from './types';
import { isoWeekMonday } from './week-anchors';
import { MAX_RUN_KM } from '../history/validate';

export { isoWeekMonday };

// Strava renamed `type` to `sport_type` on 2024-10-30; older payloads carry only `type`.
const RUN_SPORT_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Tolerate a numeric string (never the localized display strings: "4,0" is rejected).
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function runFromModel(model: unknown): Run | null {
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

const STRAVA_HOST = /^(www\.)?strava\.com$/;
const LOG_PATH = /^\/athletes\/(\d+)\/training\/log\/?$/;
const PROFILE_PATH = /^\/athletes\/(\d+)\/?$/;
const DASHBOARD_PATH = /^\/dashboard\/?$/;
/** Page size asked of /athlete/training_activities, and how many pages one page view may read. */
export const ACTIVITIES_PER_PAGE = 50;
export const ACTIVITIES_MAX_PAGES = 12;
/** A week's badge needs the 30 days before it (longest-run baseline; the previous week is inside). */
const LOOKBACK_DAYS = 30;
const ROWS = '[class*="_calendarRowContainer_"][data-timestamp],[data-testid="calendar-row"][data-timestamp]';
const ROW_SIDEBAR = '[class*="_sidebarContainer_"]';
/** The header's link to the signed-in athlete: React pages (Sauce, 2022), server-rendered pages, older markup. */
const ATHLETE_MENU_LINKS = [
  'header nav ul li ul[labeledby="athlete-menu"] a[href^="/athletes/"]',
  '.user-menu a[href^="/athletes/"]',
  '[data-log-category="user-menu"] a[href^="/athletes/"]',
].join(',');
const DASHBOARD_STATS = '#run-goals[data-sport="run"] .weekly-goal .primary-stats';
const DASHBOARD_GOAL = '#progress-goals [data-sport="run"] .weekly-goal';
const PROFILE_BARS = '#interval-graph-columns .interval.selectable a.bar';
const PROFILE_SELECTED = '#interval-graph-columns .interval.selected';
const PROFILE_TOTALS = '#interval-graph #totals';

/** Sources as the popup names them. */
export const STRAVA_SOURCES = {
  page: 'strava:training-log-page',
  activities: 'strava:training-activities',
  feed: 'strava:dashboard-feed',
} as const;

type Rec = Record<string, unknown>;
const rec = (value: unknown): Rec => (typeof value === 'object' && value !== null ? (value as Rec) : {});
const dayOf = (value: unknown): string | null => {
  const day = typeof value === 'string' ? parseDay(value.slice(0, 10)) : null;
  return day === null ? null : formatDay(day);
};
function guard<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
const onStrava = (url: URL, path: RegExp) => url.protocol === 'https:' && STRAVA_HOST.test(url.hostname) && path.test(url.pathname);
const mondayOf = (date: string): string => {
  const day = parseDay(date)!;
  return formatDay(day - ((dayOfWeek(day) + 6) % 7));
};

/** pageProps of the page's __NEXT_DATA__ ({} when absent or broken). */
function nextProps(doc: Document): Rec {
  return guard(() => rec(rec(rec(JSON.parse(doc.getElementById('__NEXT_DATA__')?.textContent ?? '')).props).pageProps), {});
}

/** The signed-in athlete's id: the page header's own profile link, else the Training Log's data. */
export function signedInAthleteId(doc: Document): string | null {
  return guard(() => {
    for (const link of doc.querySelectorAll(ATHLETE_MENU_LINKS)) {
      const match = /^\/athletes\/(\d+)\/?$/.exec(link.getAttribute('href') ?? '');
      if (match) return match[1]!;
    }
    const props = nextProps(doc);
    const id = idString(rec(props.currentAthlete).id ?? props.currentAthleteId);
    return id && /^\d+$/.test(id) ? id : null;
  }, null);
}

/** Is this page about the athlete whose activities /athlete/training_activities returns? */
function ownPage(doc: Document, path: RegExp): boolean {
  const match = path.exec(doc.location?.pathname ?? '');
  return match !== null && match[1] === signedInAthleteId(doc);
}

/** The signed-in athlete's own dashboard, Training Log or profile: runs worth keeping as history. */
export function isOwnStravaPage(doc: Document): boolean {
  return guard(() => DASHBOARD_PATH.test(doc.location?.pathname ?? '') || ownPage(doc, LOG_PATH) || ownPage(doc, PROFILE_PATH), false);
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

interface NextData {
  text: string;
  /** Week start dates the entries list. */
  weeks: Set<string>;
  /** Runs of the covered weeks; null when the entries carry none or something does not add up. */
  runs: Run[] | null;
  /** First and last week start the per-run data covers (consecutive weeks, newest back to a gap). */
  from: string | null;
  to: string | null;
}

/** props.pageProps.entriesResponse.entries: week entries with per-day activities. */
export function readTrainingLogData(text: string): NextData {
  const data: NextData = { text, weeks: new Set(), runs: null, from: null, to: null };
  guard(() => {
    const props = rec(rec(rec(JSON.parse(text)).props).pageProps);
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

/** Complete from the day after `day` ("YYYY-MM-DD" of day number). */
const dayAfter = (day: number) => formatDay(day + 1);

/** The runner's own activities read during this page view, shared by every adapter of a factory. */
export class StravaActivities {
  runs: Run[] = [];
  private seen = new Set<string>();
  private page = 1;
  private oldest = Infinity;
  private done = false;
  /** training_activities failed: the feed instead (from `feedBefore`), or nothing more. */
  private source: 'activities' | 'feed' | 'none' = 'activities';
  private feedBefore: number | null = null;
  private feedPages = 0;
  private feedFrom: string | null = null;
  private readonly serial = createSerialQueue();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Complete from this day on ("0000-01-01" once the whole history is read), null before any read. */
  coveredFrom(): string | null {
    if (this.done) return '0000-01-01';
    // The oldest day seen may continue on the next page: complete from the day after.
    const fromActivities = this.oldest < Infinity ? dayAfter(Math.floor(this.oldest / 86_400)) : null;
    if (fromActivities && this.feedFrom) return fromActivities < this.feedFrom ? fromActivities : this.feedFrom;
    return fromActivities ?? this.feedFrom;
  }

  /**
   * Read pages, one at a time, until they reach `since` ("YYYY-MM-DD"), the end, a failure or the
   * page cap. `athleteId`: the signed-in athlete (their rows of the feed's group activities).
   */
  ensureSince(since: string | null, ctx: AdapterContext, athleteId: string | null = null): Promise<StravaActivities> {
    return this.serial(() => this.fill(parseDay(since), ctx, athleteId));
  }

  private reached(target: number): boolean {
    const from = this.coveredFrom();
    return from !== null && parseDay(from)! <= target;
  }

  private add(runs: Run[]): number {
    const fresh = runs.filter((run) => {
      const key = runKey(run);
      return !this.seen.has(key) && !!this.seen.add(key);
    });
    // A new array when runs were added: the core recomputes badges on a new identity.
    if (fresh.length) this.runs = [...this.runs, ...fresh];
    return fresh.length;
  }

  private async fill(target: number | null, ctx: AdapterContext, athleteId: string | null): Promise<StravaActivities> {
    const read = { activities: 0, feed: 0 };
    const refusals: Refusal[] = [];
    while (target !== null && !this.done && !this.reached(target)) {
      if (this.source === 'activities' && this.page <= ACTIVITIES_MAX_PAGES) {
        const page = this.page;
        let body: Rec | null = null;
        try {
          body = rec(
            await ctx.fetchJson(`/athlete/training_activities?new_activity_only=false&per_page=${ACTIVITIES_PER_PAGE}&page=${page}`),
          );
          if (!Array.isArray(body.models)) {
            refusals.push({ source: STRAVA_SOURCES.activities, reason: 'bad-response' });
            body = null;
          }
        } catch (error) {
          refusals.push({ source: STRAVA_SOURCES.activities, ...refusalOf(error) });
        }
        if (!body) {
          this.source = 'feed'; // the runner's own feed instead (Sauce for Strava's source)
          continue;
        }
        const models = body.models as unknown[];
        this.page++;
        read.activities += this.add(runsFromTrainingActivities(body));
        for (const model of models) {
          const raw = finiteNumber(rec(model).start_date_local_raw);
          if (raw !== null && raw < this.oldest) this.oldest = raw;
        }
        const perPage = finiteNumber(body.perPage) ?? ACTIVITIES_PER_PAGE;
        const total = finiteNumber(body.total);
        if (models.length < perPage || models.length === 0 || (total !== null && page * perPage >= total)) this.done = true;
      } else if (this.source === 'feed' && this.feedPages < ACTIVITIES_MAX_PAGES) {
        const before = this.feedBefore ?? Math.floor(this.now() / 1000);
        let page: FeedPage | null = null;
        try {
          page = runsFromDashboardFeed(await ctx.fetchJson(`/dashboard/feed?feed_type=my_activity&before=${before}`), athleteId);
          if (!page) refusals.push({ source: STRAVA_SOURCES.feed, reason: 'bad-response' });
        } catch (error) {
          refusals.push({ source: STRAVA_SOURCES.feed, ...refusalOf(error) });
        }
        this.feedPages++;
        if (page && page.entries === 0) {
          this.done = true;
          break;
        }
        if (!page || page.unreadable > 0 || page.cursor === null || page.cursor >= before) {
          // Unreadable runs or no way to page on: this page's runs are not all there. Stop here.
          if (page) refusals.push({ source: STRAVA_SOURCES.feed, reason: 'partial-data' });
          this.source = 'none';
          break;
        }
        read.feed += this.add(page.runs);
        this.feedBefore = page.cursor;
        // Every activity that started on or after a day later than the cursor (in any zone) was
        // updated after it, so it was on a page read: complete from two days after the cursor's day.
        this.feedFrom = formatDay(Math.floor(page.cursor / 86_400) + 2);
      } else break;
    }
    const sources = [
      ...(read.activities ? [{ source: STRAVA_SOURCES.activities, runs: read.activities }] : []),
      ...(read.feed ? [{ source: STRAVA_SOURCES.feed, runs: read.feed }] : []),
    ];
    if (sources.length || refusals.length)
      noteTo(ctx, { ...(sources.length ? { sources } : {}), ...(refusals.length ? { refusals } : {}) });
    return this;
  }
}

// --- The adapters ---------------------------------------------------------------------------------

/**
 * The Monday of the ISO week a row shows, from its data-timestamp (s or ms). Strava has used
 * both a week's local midnight and a mid-week time (1710417600, a Thursday noon, for 2024y11w):
 * a day the timestamp falls on that the page's own week list starts a week on, then a Monday
 * it falls on (a local midnight seen from any zone), else the Monday of its ISO week.
 */
export function rowWeekStart(timestamp: string | null, known: ReadonlySet<string>): string | null {
  const value = finiteNumber(timestamp);
  if (value === null || value <= 0 || value > 253_402_300_799_000) return null;
  const ms = value > 1e11 ? value : value * 1000;
  const d = new Date(ms);
  const utc = Math.floor(ms / 86_400_000);
  const local = formatDay(daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()));
  // The next UTC day only for a time a local Monday midnight east of UTC can be (10:00 UTC or later).
  const candidates = [local, formatDay(utc), ...(ms - utc * 86_400_000 >= 10 * 3_600_000 ? [formatDay(utc + 1)] : [])];
  return (
    candidates.find((c) => known.has(c)) ??
    candidates.find((c) => dayOfWeek(parseDay(c)!) === 1) ??
    candidates.map(mondayOf).find((monday) => known.has(monday)) ??
    mondayOf(local)
  );
}

export interface StravaAdapters {
  trainingLog: SiteAdapter;
  dashboard: SiteAdapter;
  profile: SiteAdapter;
  all: readonly SiteAdapter[];
}

export interface StravaAdapterOptions {
  now?: () => number;
}

/** Strava's page adapters, sharing one page view's state (one set per content script). */
export function createStravaAdapters(options: StravaAdapterOptions = {}): StravaAdapters {
  const activities = new StravaActivities(options.now);
  let nextData: NextData | null = null;
  /** The Training Log's last read: complete from `covered`, for rows from `tried` on. */
  let logState = { covered: null as string | null, tried: '9999-12-31', runs: [] as Run[] };
  /**
   * Per adapter, the week whose read did not reach back far enough (a call failed, or the page
   * cap): that week gets no badge ("0 km" from data we could not read would be wrong).
   */
  const incomplete: { dashboard: string | null; profile: string | null } = { dashboard: null, profile: null };

  function readNext(doc: Document): NextData {
    const text = doc.getElementById('__NEXT_DATA__')?.textContent ?? '';
    if (nextData?.text !== text) nextData = readTrainingLogData(text);
    return nextData;
  }

  /** Each week row: where its badge goes (the row's totals sidebar, else the row) and its Monday. */
  function logRows(doc: Document): [Element, string][] {
    const known = readNext(doc).weeks;
    const rows: [Element, string][] = [];
    for (const row of doc.querySelectorAll(ROWS)) {
      const weekStart = rowWeekStart(row.getAttribute('data-timestamp'), known);
      if (weekStart) rows.push([row.querySelector(ROW_SIDEBAR) ?? row, weekStart]);
    }
    return rows;
  }

  /** The runs back to `since`, flagging `which` for `week` when the pages do not get there. */
  async function runsSince(
    which: keyof typeof incomplete,
    week: string,
    since: string | null,
    doc: Document,
    ctx: AdapterContext,
  ): Promise<Run[]> {
    const read = await activities.ensureSince(since, ctx, signedInAthleteId(doc)).catch(() => null);
    const covered = read?.coveredFrom() ?? null;
    incomplete[which] = since === null || covered === null || covered > since ? week : null;
    if (covered) noteTo(ctx, { coveredFrom: covered });
    return read?.runs ?? [];
  }

  const trainingLog: SiteAdapter = {
    id: 'strava-training-log',
    site: 'strava',
    matches: (url) => onStrava(url, LOG_PATH),
    pageKind: () => 'Strava Training Log',
    selectors: [ROWS, ROW_SIDEBAR, ATHLETE_MENU_LINKS, '#__NEXT_DATA__'],
    findAnchors: (doc) =>
      guard(
        () =>
          logRows(doc)
            // A week the last read tried to cover but could not (its 30 days before are missing)
            // gets no badge: a wrong "no runs the week before" is worse than none. Older rows (the
            // page loaded more weeks) are offered, so the core reads again; it asks again after.
            .filter(
              ([, weekStart]) =>
                logState.covered === null || weekStart < logState.tried || addDays(weekStart, -LOOKBACK_DAYS)! >= logState.covered,
            )
            .map(([element, weekStart]) => ({ key: `strava-log:${weekStart}`, element, placement: 'append' as const, weekStart })),
        [] as BadgeAnchor[],
      ),
    async readRuns(doc, ctx) {
      try {
        const { runs, from, to } = readNext(doc);
        const weeks = logRows(doc)
          .map((row) => row[1])
          .sort();
        if (!weeks.length) return [];
        const needed = addDays(weeks[0]!, -LOOKBACK_DAYS)!;
        // A row newer than the page's data: that data is not the whole story, read it all.
        const usable = runs && from && to && weeks.at(-1)! <= to;
        let all = (usable && runs) || [];
        let covered = (usable && from) || '9999-12-31';
        if (usable) noteTo(ctx, { sources: [{ source: STRAVA_SOURCES.page, runs: all.length }] });
        if (covered > needed && ownPage(doc, LOG_PATH)) {
          // The page does not carry enough weeks: the athlete's own activities fill in the older ones.
          const read = await activities.ensureSince(needed, ctx, signedInAthleteId(doc));
          const readFrom = read.coveredFrom();
          if (readFrom !== null && readFrom < covered) {
            const cut = covered;
            all = [...read.runs.filter((run) => run.start < cut), ...all];
            covered = readFrom;
          }
        }
        if (covered !== '9999-12-31') noteTo(ctx, { coveredFrom: covered });
        if (logState.covered !== covered || logState.runs.length !== all.length) logState = { covered, tried: weeks[0]!, runs: all };
        else logState.tried = weeks[0]!;
        return logState.runs;
      } catch {
        return [];
      }
    },
    observeRoot: (doc) => doc.querySelector(ROWS)?.parentElement ?? doc.getElementById('__next'),
  };

  // Dashboard: the weekly widget ("This week" / "Cette semaine" / "이번 주": by structure).
  const dashboard: SiteAdapter = {
    id: 'strava-dashboard',
    site: 'strava',
    matches: (url) => onStrava(url, DASHBOARD_PATH),
    pageKind: () => 'Strava dashboard',
    selectors: [DASHBOARD_STATS, DASHBOARD_GOAL, ATHLETE_MENU_LINKS],
    findAnchors: (doc) =>
      guard(() => {
        if (incomplete.dashboard) return [];
        const stats = doc.querySelector(DASHBOARD_STATS);
        const element = stats ?? doc.querySelector(DASHBOARD_GOAL);
        const anchors: BadgeAnchor[] = element
          ? [{ key: 'strava-dashboard:this-week', element, placement: stats ? 'after' : 'append' }]
          : [];
        return anchors;
      }, [] as BadgeAnchor[]),
    // This week, last week and the 30 days before it.
    readRuns: (doc, ctx) => runsSince('dashboard', 'current', addDays(ctx.today, -44), doc, ctx),
    observeRoot: (doc) => doc.getElementById('js-dashboard-athlete-goals'),
  };

  /** The week whose bar is selected (the totals show it), or undefined for the current week. */
  function selectedWeek(doc: Document): string | undefined {
    const selected = doc.querySelector(PROFILE_SELECTED);
    const match =
      /(\d{4})(\d{2})$/.exec(selected?.id ?? '') ??
      /[?&#]interval=(\d{4})(\d{2})\b/.exec(selected?.querySelector('a.bar')?.getAttribute('href') ?? '');
    return (match && isoWeekMonday(Number(match[1]), Number(match[2]))) || undefined;
  }

  // Athlete profile: the weekly totals of the selected week.
  const profile: SiteAdapter = {
    id: 'strava-profile',
    site: 'strava',
    matches: (url) => onStrava(url, PROFILE_PATH),
    pageKind: () => 'Strava athlete profile',
    selectors: [PROFILE_BARS, PROFILE_SELECTED, PROFILE_TOTALS, '#interval-graph', ATHLETE_MENU_LINKS],
    findAnchors: (doc) =>
      guard(() => {
        // /athlete/training_activities is the signed-in athlete's: never badge someone else's profile.
        if (!ownPage(doc, PROFILE_PATH) || !doc.querySelector(PROFILE_BARS)) return [];
        const totals = doc.querySelector(PROFILE_TOTALS);
        const element = totals ?? doc.getElementById('interval-graph');
        const weekStart = selectedWeek(doc);
        if (incomplete.profile === (weekStart ?? 'current')) return [];
        const anchors: BadgeAnchor[] = element
          ? [{ key: `strava-profile:${weekStart ?? 'current'}`, element, placement: totals ? 'after' : 'append', weekStart }]
          : [];
        return anchors;
      }, [] as BadgeAnchor[]),
    readRuns: (doc, ctx) => {
      const week = guard(() => selectedWeek(doc), undefined);
      return runsSince('profile', week ?? 'current', addDays(week ?? ctx.today, -(7 + LOOKBACK_DAYS)), doc, ctx);
    },
    observeRoot: (doc) => doc.getElementById('interval-graph'),
  };

  return { trainingLog, dashboard, profile, all: [trainingLog, dashboard, profile] };
}

/** The adapters the content script uses. */
const DEFAULT_STRAVA = createStravaAdapters();
export const stravaTrainingLogAdapter = DEFAULT_STRAVA.trainingLog;
export const stravaDashboardAdapter = DEFAULT_STRAVA.dashboard;
export const stravaProfileAdapter = DEFAULT_STRAVA.profile;
/** Every Strava page adapter. */
export const STRAVA_ADAPTERS: readonly SiteAdapter[] = DEFAULT_STRAVA.all;
