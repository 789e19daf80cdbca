// Garmin Connect (connect.garmin.com). A React SPA under /modern/; its weekly numbers come from the
// page's own JSON services, which moved three times since 2023 (docs/research/sites.md). So:
// candidate same-origin paths tried in order, the first that answers with JSON of the documented
// shape is kept for the page's life, calls spaced by the core's fetchJson (cookies, same origin).
// Anchors are plausible guesses with fallbacks (no public DOM notes): no anchor, no badge.
// Pure of zod and Preact: the content script imports this module.
import type { Run } from '../load/types';
import { calendarAdapter, calendarRun, finite, localTime, type DateRange } from './run-window';
import type { AdapterContext, SiteAdapter } from './types';
import { CALENDAR_ROWS, type WeekAnchorSpec } from './week-anchors';

export const GARMIN_HOST = 'connect.garmin.com';

/** Newest first: the cookie-authenticated /gc-api/, the public /proxy/, the old /modern/proxy/, bare. */
export const GARMIN_PREFIXES = ['/gc-api/', '/proxy/', '/modern/proxy/', '/'] as const;

/** Garmin activity types that are runs (typeKey, typeId): running and its sub-types. */
const RUN_TYPE_KEYS = new Set([
  'running',
  'trail_running',
  'street_running',
  'track_running',
  'treadmill_running',
  'indoor_running',
  'virtual_run',
  'obstacle_run',
  'ultra_run',
]);
// From Garmin's activityTypes list: 1 running (parent 17), 6 trail, 7 street, 8 track,
// 18 treadmill, 153 virtual, 154 obstacle, 156 indoor, 181 ultra (parent 1).
const RUN_TYPE_IDS = new Set([1, 6, 7, 8, 18, 153, 154, 156, 181]);
const RUNNING_PARENT_TYPE_ID = 1;

const ACTIVITIES_PAGE_SIZE = 100;
const MAX_ACTIVITY_PAGES = 10;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** "2026-02-15 07:30:00", "2026-02-15T07:30:00.0" → "2026-02-15T07:30:00"; null when not a real time. */
export const garminLocalTime = localTime;

function isRunType(type: Record<string, unknown> | null, key?: unknown, id?: unknown): boolean {
  const typeKey = type?.typeKey ?? key;
  if (typeof typeKey === 'string') return RUN_TYPE_KEYS.has(typeKey);
  const typeId = finite(type?.typeId ?? id);
  if (typeId !== null) return RUN_TYPE_IDS.has(typeId) || finite(type?.parentTypeId) === RUNNING_PARENT_TYPE_ID;
  return false;
}

/** Where an activity search answer keeps its list (also a bare array). */
const ACTIVITY_LISTS = ['activityList', 'activities'];

function listOf(json: unknown, keys: readonly string[]): unknown[] | null {
  if (Array.isArray(json)) return json;
  const obj = record(json);
  if (!obj) return null;
  for (const key of keys) if (Array.isArray(obj[key])) return obj[key] as unknown[];
  return null;
}

/**
 * Runs of an `activitylist-service/activities/search/activities` answer:
 * `[{activityId, startTimeLocal, activityType: {typeKey}, distance (m)}]` (also wrapped as
 * `{activityList: [...]}`). Other sports and malformed items are skipped. Never throws.
 */
export function runsFromGarminActivities(json: unknown): Run[] {
  try {
    const items = listOf(json, ACTIVITY_LISTS);
    if (!items) return [];
    const runs: Run[] = [];
    for (const item of items) {
      try {
        const a = record(item);
        if (!a) continue;
        const type = record(a.activityType) ?? record(a.activityTypeDTO);
        if (!isRunType(type, a.activityTypeKey, a.activityTypeId)) continue;
        const summary = record(a.summaryDTO);
        const run = calendarRun(a.startTimeLocal ?? summary?.startTimeLocal, a.distance ?? summary?.distance, a.activityId);
        if (run) runs.push(run);
      } catch {
        // One odd item never hides the others.
      }
    }
    return runs;
  } catch {
    return [];
  }
}

/**
 * Runs of a `calendar-service/year/{y}/month/{0-based}` answer: `calendarItems[]` with
 * `itemType: "activity"`, `activityTypeId` (or `activityTypeKey`), `startTimestampLocal`
 * (or `date`), `distance` (m). Workouts, notes and other sports are skipped. Never throws.
 */
export function runsFromGarminCalendar(json: unknown): Run[] {
  try {
    const items = listOf(json, ['calendarItems']);
    if (!items || Array.isArray(json)) return [];
    const runs: Run[] = [];
    for (const item of items) {
      try {
        const c = record(item);
        if (!c || c.itemType !== 'activity') continue;
        if (!isRunType(record(c.activityType), c.activityTypeKey, c.activityTypeId)) continue;
        const run = calendarRun(c.startTimestampLocal ?? c.date, c.distance, c.id ?? c.activityId);
        if (run) runs.push(run);
      } catch {
        // skip
      }
    }
    return runs;
  } catch {
    return [];
  }
}

/** Is this an answer of the documented shape (so the path is the right one)? */
function isActivitiesAnswer(json: unknown): boolean {
  return listOf(json, ACTIVITY_LISTS) !== null;
}
function isCalendarAnswer(json: unknown): boolean {
  return !Array.isArray(json) && listOf(json, ['calendarItems']) !== null;
}

/** Year and 0-based month of every month touching `range`. */
export function monthsOf(range: DateRange): { year: number; month0: number }[] {
  const out: { year: number; month0: number }[] = [];
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  const endYear = Number(range.to.slice(0, 4));
  const endMonth = Number(range.to.slice(5, 7));
  while ((year < endYear || (year === endYear && month <= endMonth)) && out.length < 24) {
    out.push({ year, month0: month - 1 });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

/** Weekly summaries on the calendar (and reports), most specific first. VERIFY against the live site. */
export const GARMIN_WEEK_ANCHORS: WeekAnchorSpec = {
  keyPrefix: 'garmin-week',
  selectors: [
    '[data-testid*="week-summary" i]',
    '[data-testid*="weeksummary" i]',
    '[class*="weekSummary"]',
    '[class*="WeekSummary"]',
    '[class*="week-summary"]',
    '[class*="calendar-week"] [class*="summary"]',
  ],
  rowSelectors: CALENDAR_ROWS,
  placement: 'append',
};

export interface GarminAdapterOptions {
  now?: () => number;
}

/** A Garmin Connect adapter with its own per-page state (one per content script). */
export function createGarminAdapter(options: GarminAdapterOptions = {}): SiteAdapter {
  let prefix: string | null = null; // the path prefix that answered, kept for the page's life

  /** GET `service` under the remembered prefix, or each candidate until one answers in shape. */
  async function getJson(ctx: AdapterContext, service: string, valid: (json: unknown) => boolean): Promise<unknown> {
    for (const candidate of prefix ? [prefix] : GARMIN_PREFIXES) {
      try {
        const json = await ctx.fetchJson(`${candidate}${service}`);
        if (valid(json)) {
          prefix = candidate;
          return json;
        }
      } catch {
        // Not JSON, not signed in, moved: try the next candidate.
      }
    }
    return null;
  }

  async function activitiesIn(ctx: AdapterContext, range: DateRange): Promise<Run[] | null> {
    const runs: Run[] = [];
    for (let page = 0; page < MAX_ACTIVITY_PAGES; page++) {
      const service =
        `activitylist-service/activities/search/activities?limit=${ACTIVITIES_PAGE_SIZE}&start=${page * ACTIVITIES_PAGE_SIZE}` +
        `&startDate=${range.from}&endDate=${range.to}`;
      const json = await getJson(ctx, service, isActivitiesAnswer);
      // A missing page would under-count the range: no runs rather than too few.
      if (json === null) return null;
      runs.push(...runsFromGarminActivities(json));
      if ((listOf(json, ACTIVITY_LISTS)?.length ?? 0) < ACTIVITIES_PAGE_SIZE) break;
    }
    return runs;
  }

  async function calendarIn(ctx: AdapterContext, range: DateRange): Promise<Run[] | null> {
    const runs: Run[] = [];
    for (const { year, month0 } of monthsOf(range)) {
      const json = await getJson(ctx, `calendar-service/year/${year}/month/${month0}`, isCalendarAnswer);
      if (json === null) return null;
      runs.push(...runsFromGarminCalendar(json));
    }
    return runs;
  }

  return calendarAdapter(
    {
      id: 'garmin-connect',
      site: 'garmin',
      matches(url: URL): boolean {
        if (url.protocol !== 'https:' || url.hostname !== GARMIN_HOST) return false;
        const path = url.pathname;
        if (/^\/modern\/proxy(\/|$)/.test(path)) return false;
        return path === '/modern' || path.startsWith('/modern/') || path === '/app' || path.startsWith('/app/');
      },
    },
    GARMIN_WEEK_ANCHORS,
    async (ctx, range) => {
      // The activity search first (one call for the whole range), the calendar months second.
      const fromSearch = await activitiesIn(ctx, range);
      if (fromSearch !== null) return fromSearch;
      const previousPrefix = prefix;
      prefix = null; // the calendar may live under another prefix than the (failed) search
      const fromCalendar = await calendarIn(ctx, range);
      if (fromCalendar === null) prefix = previousPrefix;
      return fromCalendar;
    },
    options.now,
  );
}

/** The adapter the content script uses. */
export const garminAdapter = createGarminAdapter();
