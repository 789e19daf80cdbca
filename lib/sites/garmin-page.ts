// Garmin Connect's page half (./reading.ts; the reads are in ./garmin.ts, in the background).
// - URLs: the React SPA's pages under /modern/ and (since 2026) /app/; never its JSON paths.
// - What a read needs from the page: the weeks on screen and the CSRF token the page's own calls
//   send (<meta name="csrf-token" content="...">: without it /gc-api/ answers 403;
//   docs/research/sites.md, 2026-12).
// - Badges: on the calendar's weekly summaries, found through guessed selectors with fallbacks
//   (no public source documents that DOM): no anchor, no badge.
// Pure of zod and Preact: the content script imports this module.
import { calendarPage } from './calendar-page';
import type { PagePart } from './reading';
import { CALENDAR_ROWS, DATED, type WeekAnchorSpec } from './week-anchors';

export const GARMIN_HOST = 'connect.garmin.com';
/** Where the page keeps the CSRF token its own calls send. */
export const GARMIN_CSRF_META = 'meta[name="csrf-token"]';

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

/** The CSRF token the page's own calls send, or null (a signed-out or changed page). */
export function garminCsrfToken(doc: Document): string | null {
  try {
    const token = doc.querySelector(GARMIN_CSRF_META)?.getAttribute('content')?.trim() ?? '';
    return token && token.length <= 512 && !/[\r\n\0]/.test(token) ? token : null;
  } catch {
    return null;
  }
}

/** Garmin Connect's pages. */
export const GARMIN_SITE = {
  id: 'garmin-connect',
  site: 'garmin',
  matches(url: URL): boolean {
    if (url.protocol !== 'https:' || url.hostname !== GARMIN_HOST) return false;
    const path = url.pathname;
    if (/^\/modern\/proxy(\/|$)/.test(path)) return false;
    return path === '/modern' || path.startsWith('/modern/') || path === '/app' || path.startsWith('/app/');
  },
  pageKind(url: URL): string {
    const path = url.pathname.replace(/^\/(modern|app)/, '');
    if (path.startsWith('/calendar')) return 'Garmin Connect calendar';
    if (path.startsWith('/activities')) return 'Garmin Connect activities';
    if (path.startsWith('/report')) return 'Garmin Connect report';
    return 'Garmin Connect';
  },
  selectors: [GARMIN_CSRF_META, ...GARMIN_WEEK_ANCHORS.selectors, ...GARMIN_WEEK_ANCHORS.rowSelectors, DATED],
} as const;

/** What a Garmin read needs besides the weeks: the page's CSRF token. */
const garminFacts = (doc: Document) => ({ csrf: garminCsrfToken(doc) });

/** The page half of a Garmin Connect adapter (one per content script). */
export function createGarminPage(): PagePart {
  return calendarPage(GARMIN_SITE, GARMIN_WEEK_ANCHORS, garminFacts);
}
