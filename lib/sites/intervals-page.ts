// intervals.icu's page half (./reading.ts; the reads are in ./intervals.ts, in the background):
// which pages, and the calendar's weekly totals as anchors (guessed selectors with fallbacks: no
// anchor, no badge). Pure of zod and Preact: the content script imports this module.
import { calendarPage } from './calendar-page';
import type { PagePart } from './reading';
import { CALENDAR_ROWS, DATED, type WeekAnchorSpec } from './week-anchors';

export const INTERVALS_HOST = 'intervals.icu';

/** Paths that are not a signed-in page with a calendar or an activity. */
const NOT_PAGES = /^\/(api|login|signup|register|oauth|auth|logout|forgot|reset|static|assets)(\/|$)/;

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

/** intervals.icu's pages. */
export const INTERVALS_SITE = {
  id: 'intervals-icu',
  site: 'intervals',
  matches: (url: URL) => url.protocol === 'https:' && url.hostname === INTERVALS_HOST && !NOT_PAGES.test(url.pathname),
  pageKind: (url: URL) =>
    url.pathname.startsWith('/activities')
      ? 'intervals.icu activity'
      : url.pathname.startsWith('/calendar') || url.pathname === '/'
        ? 'intervals.icu calendar'
        : 'intervals.icu',
  selectors: [...INTERVALS_WEEK_ANCHORS.selectors, ...INTERVALS_WEEK_ANCHORS.rowSelectors, DATED],
} as const;

/** The page half of an intervals.icu adapter (one per content script). */
export function createIntervalsPage(): PagePart {
  return calendarPage(INTERVALS_SITE, INTERVALS_WEEK_ANCHORS);
}
