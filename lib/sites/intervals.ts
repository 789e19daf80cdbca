// intervals.icu: the read half (./reading.ts; the page half, URLs and badges, is ./intervals-page.ts).
// - URLs: every signed-in page of https://intervals.icu (not its API, sign-in or static paths).
// - Data: the same-origin API the page itself uses, `/api/v1/athlete/0/activities?oldest=&newest=`
//   with the session cookie (athlete 0 = the signed-in athlete; OpenAPI v1.0.0). Rate-limited:
//   one call per page view for the weeks shown (plus 35 days before them), more only when the
//   page moves beyond what was read. Activities synced from Strava come back as EMPTY STUBS
//   (`{id, start_date_local, source: "STRAVA", _note}`, no type, no distance): their days are
//   reported as incomplete (ctx.note), so no week total or spike is built on them.
// - Badges: the calendar's weekly totals column (./intervals-page.ts).
// Runs in the background; the tab makes the calls (lib/content/proxy.ts). The JSON is read into
// runs by ctx.parse (lib/sites/parse.ts) with the functions below.
import { addDays, parseDay } from '../load/dates';
import type { Run } from '../load/types';
import { refusalOf } from '../content/fetch';
import { noteTo } from './notes';
import { daysOf, parsed, runsOf } from './parsed';
import { createIntervalsPage, INTERVALS_SITE } from './intervals-page';
import { localTransport, readingAdapter, type RunReader } from './reading';
import { calendarReader, calendarRun, finite, localTime, type DateRange } from './run-window';
import type { SiteAdapter } from './types';

export { INTERVALS_HOST, INTERVALS_WEEK_ANCHORS } from './intervals-page';
export const INTERVALS_RUN_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

/**
 * Runs of an `/api/v1/athlete/0/activities` answer: `[{id, start_date_local, type, distance (m)}]`.
 * Rides, walks, Strava stubs and activities without a distance are skipped (stubs are reported
 * apart: see stubDays). Never throws.
 */
export function runsFromIntervalsActivities(json: unknown): Run[] {
  try {
    if (!Array.isArray(json)) return [];
    const runs: Run[] = [];
    for (const item of json) {
      try {
        if (typeof item !== 'object' || item === null) continue;
        const a = item as Record<string, unknown>;
        if (isIntervalsStub(a)) continue;
        if (typeof a.type !== 'string' || !INTERVALS_RUN_TYPES.has(a.type)) continue;
        const run = calendarRun(a.start_date_local, finite(a.distance) ?? finite(a.icu_distance), a.id);
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
 * Is this item one of the empty stubs the API returns for Strava activities? A `_note`, or a
 * Strava-sourced item with no distance at all (a real activity always has one of the two).
 */
export function isIntervalsStub(item: unknown): boolean {
  try {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
    const a = item as Record<string, unknown>;
    if (typeof a._note === 'string') return true;
    return (
      typeof a.source === 'string' && a.source.toUpperCase() === 'STRAVA' && finite(a.distance) === null && finite(a.icu_distance) === null
    );
  } catch {
    return false;
  }
}

/**
 * The local days ("YYYY-MM-DD") of the stubs in an answer, within `range`. A stub with no
 * readable date could be any day: then every day of the range is incomplete.
 */
export function stubDays(json: unknown, range: DateRange): string[] {
  const days = new Set<string>();
  try {
    if (!Array.isArray(json)) return [];
    for (const item of json) {
      if (!isIntervalsStub(item)) continue;
      const when = localTime((item as Record<string, unknown>).start_date_local);
      const day = when?.slice(0, 10) ?? null;
      if (day === null) return everyDay(range);
      if (day >= range.from && day <= range.to) days.add(day);
    }
  } catch {
    return everyDay(range);
  }
  return [...days].sort();
}

function everyDay(range: DateRange): string[] {
  const out: string[] = [];
  if (parseDay(range.from) === null || parseDay(range.to) === null) return out;
  for (let day = range.from; day <= range.to && out.length < 800; day = addDays(day, 1)!) out.push(day);
  return out;
}

const SOURCE = 'intervals:activities';

export function intervalsActivitiesPath(range: DateRange): string {
  return `/api/v1/athlete/0/activities?oldest=${range.from}&newest=${range.to}`;
}

export interface IntervalsAdapterOptions {
  now?: () => number;
}

/** intervals.icu's read half, with its own per-page state (one per tab's page, in the background). */
export function createIntervalsReader(options: IntervalsAdapterOptions = {}): RunReader {
  return calendarReader(async (ctx, range) => {
    let json: unknown;
    try {
      json = await ctx.fetchJson(intervalsActivitiesPath(range));
    } catch (error) {
      noteTo(ctx, { refusals: [{ source: SOURCE, ...refusalOf(error) }] });
      return null;
    }
    // Read by the background (ctx.parse): the runs, and the days of Strava stubs in the range.
    // A sign-in page or an error object is not an answer.
    const answer = await parsed(ctx, { kind: 'intervals:activities', data: json, range });
    const runs = answer && runsOf(answer.runs);
    const stubs = answer && daysOf(answer.stubs);
    if (!runs || !stubs) {
      noteTo(ctx, { refusals: [{ source: SOURCE, reason: 'bad-response' }] });
      return null;
    }
    noteTo(ctx, {
      sources: [{ source: SOURCE, runs: runs.length }],
      ...(stubs.length ? { incompleteDays: stubs, refusals: [{ source: SOURCE, reason: 'partial-data' as const }] } : {}),
    });
    return runs;
  }, options.now);
}

/** A whole intervals.icu adapter, both halves in process (tests, site-check). */
export function createIntervalsAdapter(options: IntervalsAdapterOptions = {}): SiteAdapter {
  return readingAdapter(createIntervalsPage(), localTransport({ [INTERVALS_SITE.id]: createIntervalsReader(options) }), options.now);
}

/** A whole adapter (tests, site-check; the content script has only ./intervals-page). */
export const intervalsAdapter = createIntervalsAdapter();
