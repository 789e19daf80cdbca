// intervals.icu. A client-rendered SPA; the runner's own activities come from the same-origin API
// the page itself uses, `/api/v1/athlete/0/activities?oldest=&newest=` with the session cookie
// (athlete 0 = the signed-in athlete). The API is rate-limited: one call per page view for the
// weeks shown (plus 35 days before them), more only when the page moves beyond what was read.
// Anchors: the calendar's weekly totals column, plausible selectors with fallbacks (no public
// DOM notes, VERIFY live): no anchor, no badge.
// Pure of zod and Preact: the content script imports this module.
import type { Run } from '../load/types';
import { calendarAdapter, calendarRun, finite, type DateRange } from './run-window';
import type { SiteAdapter } from './types';
import { CALENDAR_ROWS, type WeekAnchorSpec } from './week-anchors';

export const INTERVALS_HOST = 'intervals.icu';
export const INTERVALS_RUN_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

/** Paths that are not a signed-in page with a calendar or an activity. */
const NOT_PAGES = /^\/(api|login|signup|register|oauth|auth|logout|forgot|reset|static|assets)(\/|$)/;

/**
 * Runs of an `/api/v1/athlete/0/activities` answer: `[{id, start_date_local, type, distance (m)}]`.
 * Rides, walks and activities without a distance (Strava-synced ones come back as stubs with no
 * data) are skipped. Never throws.
 */
export function runsFromIntervalsActivities(json: unknown): Run[] {
  try {
    if (!Array.isArray(json)) return [];
    const runs: Run[] = [];
    for (const item of json) {
      try {
        if (typeof item !== 'object' || item === null) continue;
        const a = item as Record<string, unknown>;
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

export function intervalsActivitiesPath(range: DateRange): string {
  return `/api/v1/athlete/0/activities?oldest=${range.from}&newest=${range.to}`;
}

/** The calendar's weekly totals, most specific first. VERIFY against the live site. */
export const INTERVALS_WEEK_ANCHORS: WeekAnchorSpec = {
  keyPrefix: 'intervals-week',
  selectors: [
    '[data-testid*="week-total" i]',
    '[data-testid*="week-summary" i]',
    '[class*="week-totals"]',
    '[class*="weekTotals"]',
    '[class*="week-summary"]',
    '[class*="weekSummary"]',
    '[class*="calendar-week"] [class*="total"]',
  ],
  rowSelectors: CALENDAR_ROWS,
  placement: 'append',
};

export interface IntervalsAdapterOptions {
  now?: () => number;
}

/** An intervals.icu adapter with its own per-page state (one per content script). */
export function createIntervalsAdapter(options: IntervalsAdapterOptions = {}): SiteAdapter {
  return calendarAdapter(
    {
      id: 'intervals-icu',
      site: 'intervals',
      matches: (url) => url.protocol === 'https:' && url.hostname === INTERVALS_HOST && !NOT_PAGES.test(url.pathname),
    },
    INTERVALS_WEEK_ANCHORS,
    async (ctx, range) => {
      try {
        const json = await ctx.fetchJson(intervalsActivitiesPath(range));
        // A sign-in page or an error object is not an answer.
        return Array.isArray(json) ? runsFromIntervalsActivities(json) : null;
      } catch {
        return null;
      }
    },
    options.now,
  );
}

/** The adapter the content script uses. */
export const intervalsAdapter = createIntervalsAdapter();
