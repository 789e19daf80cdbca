// Garmin Connect (connect.garmin.com): the read half (./reading.ts; the page half, URLs and
// badges, is ./garmin-page.ts).
// - Data: the page's own JSON services under /gc-api/ with the session cookie AND the
//   `connect-csrf-token` header the web app sends, copied from the page's
//   <meta name="csrf-token" content="...">: without it /gc-api/ answers 403
//   (docs/research/sites.md, 2026-12). First the activity search (metres, seconds), else the
//   calendar months (centimetres, milliseconds). No other prefix: /modern/proxy/ has been blank
//   since 2023 and no source shows a bare /proxy/ working.
// Every read reports its sources, refusals and coverage through ctx.note. Runs in the background;
// the tab makes the calls (lib/content/proxy.ts). The JSON is read into runs by ctx.parse
// (lib/sites/parse.ts) with the functions below.
import { isRecord } from '../guards';
import type { Run } from '../load/types';
import { refusalOf } from '../content/fetch';
import type { CalendarFacts } from './calendar-page';
import { createGarminPage, GARMIN_SITE } from './garmin-page';
import { calendarReader, calendarRun, finite, localTime, type DateRange } from './run-window';
import { noteTo } from './notes';
import { num, parsed, runsOf } from './parsed';
import { localTransport, readingAdapter, type RunReader } from './reading';
import type { AdapterContext, SiteAdapter } from './types';

export { GARMIN_CSRF_META, GARMIN_HOST, GARMIN_WEEK_ANCHORS, garminCsrfToken } from './garmin-page';

/** The web app's own prefix for its JSON services (cookie + CSRF header). */
export const GARMIN_API_PREFIX = '/gc-api/';
export const GARMIN_CSRF_HEADER = 'connect-csrf-token';

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
// The running activityTypeIds the API write-ups document: 1 running, 6 trail, 8 track,
// 18 treadmill (others, e.g. a virtual run, count only through a typeKey or parentTypeId 1).
export const RUN_TYPE_IDS: ReadonlySet<number> = new Set([1, 6, 8, 18]);
const RUNNING_PARENT_TYPE_ID = 1;

const ACTIVITIES_PAGE_SIZE = 100;
const MAX_ACTIVITY_PAGES = 10;

function record(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
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
 * (or `date`), `distance` in CENTIMETRES (a 9.34 km run is 933660; `duration` is ms).
 * Workouts, notes and other sports are skipped. Never throws.
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
        const centimetres = finite(c.distance);
        const run = calendarRun(c.startTimestampLocal ?? c.date, centimetres === null ? null : centimetres / 100, c.id ?? c.activityId);
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

/** An activity search answer's list (so the path is the right one), else null. */
export function garminActivityList(json: unknown): unknown[] | null {
  return listOf(json, ACTIVITY_LISTS);
}
/** Is this a calendar answer of the documented shape? */
export function isGarminCalendarAnswer(json: unknown): boolean {
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

export interface GarminAdapterOptions {
  now?: () => number;
}

const SEARCH_SOURCE = 'garmin:activity-search';
const CALENDAR_SOURCE = 'garmin:calendar';

/** Garmin Connect's read half, with its own per-page state (one per tab's page, in the background). */
export function createGarminReader(options: GarminAdapterOptions = {}): RunReader {
  /**
   * GET a /gc-api/ service with the page's CSRF header, its runs read by the background (ctx.parse
   * as `kind`: the answer's runs and how many items it listed); null (and a refusal noted) when unusable.
   */
  async function getRuns(
    ctx: AdapterContext,
    facts: CalendarFacts,
    source: string,
    service: string,
    kind: 'garmin:activities' | 'garmin:calendar',
  ): Promise<{ runs: Run[]; count: number | null } | null> {
    const token = typeof facts.csrf === 'string' ? facts.csrf : null;
    let json: unknown;
    try {
      json = await ctx.fetchJson(`${GARMIN_API_PREFIX}${service}`, token ? { headers: { [GARMIN_CSRF_HEADER]: token } } : undefined);
    } catch (error) {
      noteTo(ctx, { refusals: [{ source, ...refusalOf(error) }] });
      return null;
    }
    const answer = await parsed(ctx, { kind, data: json });
    const runs = answer && runsOf(answer.runs);
    const count = num(answer?.count);
    if (runs && (kind === 'garmin:calendar' || count !== null)) return { runs, count };
    noteTo(ctx, { refusals: [{ source, reason: 'bad-response' }] });
    return null;
  }

  async function activitiesIn(ctx: AdapterContext, facts: CalendarFacts, range: DateRange): Promise<Run[] | null> {
    const runs: Run[] = [];
    for (let page = 0; page < MAX_ACTIVITY_PAGES; page++) {
      const service =
        `activitylist-service/activities/search/activities?limit=${ACTIVITIES_PAGE_SIZE}&start=${page * ACTIVITIES_PAGE_SIZE}` +
        `&startDate=${range.from}&endDate=${range.to}`;
      const got = await getRuns(ctx, facts, SEARCH_SOURCE, service, 'garmin:activities');
      // A missing page would under-count the range: no runs rather than too few.
      if (got === null) return null;
      runs.push(...got.runs);
      if ((got.count ?? 0) < ACTIVITIES_PAGE_SIZE) break;
      if (page === MAX_ACTIVITY_PAGES - 1) {
        noteTo(ctx, { refusals: [{ source: SEARCH_SOURCE, reason: 'partial-data' }] });
        return null;
      }
    }
    return runs;
  }

  async function calendarIn(ctx: AdapterContext, facts: CalendarFacts, range: DateRange): Promise<Run[] | null> {
    const runs: Run[] = [];
    for (const { year, month0 } of monthsOf(range)) {
      const got = await getRuns(ctx, facts, CALENDAR_SOURCE, `calendar-service/year/${year}/month/${month0}`, 'garmin:calendar');
      if (got === null) return null;
      runs.push(...got.runs);
    }
    return runs;
  }

  return calendarReader(async (ctx, range, facts) => {
    // The activity search first (one call for the whole range), the calendar months second.
    const fromSearch = await activitiesIn(ctx, facts, range);
    if (fromSearch !== null) {
      noteTo(ctx, { sources: [{ source: SEARCH_SOURCE, runs: fromSearch.length }] });
      return fromSearch;
    }
    const fromCalendar = await calendarIn(ctx, facts, range);
    if (fromCalendar !== null) noteTo(ctx, { sources: [{ source: CALENDAR_SOURCE, runs: fromCalendar.length }] });
    return fromCalendar;
  }, options.now);
}

/** A whole Garmin Connect adapter, both halves in process (tests, site-check). */
export function createGarminAdapter(options: GarminAdapterOptions = {}): SiteAdapter {
  return readingAdapter(createGarminPage(), localTransport({ [GARMIN_SITE.id]: createGarminReader(options) }), options.now);
}

/** A whole adapter (tests, site-check; the content script has only ./garmin-page). */
export const garminAdapter = createGarminAdapter();
