// The page status in the runner's words (the popup's first screen), and where the background
// keeps it (storage.session, per tab). Pure: no browser API, so it is tested without one.
import { SITE_LABELS, type SiteId } from '../settings/defaults';
import type { PageReport, PageStatus } from './messages';

/** storage.session key of a tab's status. */
export const statusKey = (tabId: number) => `page-status:${tabId}`;

export interface StatusWords {
  /** One sentence: what Knee Check did on this page. */
  headline: string;
  /** What else the runner should know (refusals, partial data). */
  details: string[];
  tone: 'ok' | 'info' | 'warn';
}

const REASON_WORDS: Record<string, string> = {
  'signed-out': 'said you are signed out',
  forbidden: 'refused access',
  'rate-limited': 'asked us to slow down (too many requests)',
  'not-found': 'did not find the data',
  'bad-response': 'sent data we could not read',
  'too-large': 'sent more data than we read',
  redirected: 'redirected the request (often a sign-in page)',
  network: 'could not be reached',
  'partial-data': 'left some runs without a distance',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where runs were read, as a runner knows it (the readers' source ids: lib/sites/strava, garmin, intervals, generic). */
const SOURCE_WORDS: Record<string, string> = {
  'strava:training-log-page': 'the Training Log page',
  'strava:training-activities': 'your Strava activities',
  'strava:dashboard-feed': 'your Strava activity feed',
  'garmin:activity-search': 'your Garmin Connect activities',
  'garmin:calendar': 'your Garmin Connect calendar',
  'intervals:activities': 'your intervals.icu activities',
  'page:dated-rows': "this page's dated rows",
};

/** "a, b and c". */
const listed = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));

/** The site's name as a runner knows it. */
function siteName(site: string): string {
  return SITE_LABELS[site as SiteId] ?? 'This site';
}

/** What to tell the runner about this tab; null when it is not a running log Knee Check reads. */
export function statusWords(status: PageStatus | null | undefined): StatusWords | null {
  if (!status) return null;
  const name = siteName(status.site);
  const where = status.pageKind || name;
  const refusals = status.refusals.map((r) => `${name} ${REASON_WORDS[r.reason] ?? 'refused'}${r.status ? ` (HTTP ${r.status})` : ''}.`);
  const details = [...new Set(refusals)];
  if (status.incompleteDays > 0) details.push(`Some runs synced from Strava could not be read here: the weeks holding them show no total.`);
  if (status.sources.length)
    details.push(
      `Runs read from ${listed(status.sources.map((s) => `${SOURCE_WORDS[s.source] ?? s.source} (${plural(s.runs, 'run')})`))}.`,
    );

  if (status.weeksBadged > 0) {
    return {
      headline: `${where}: ${plural(status.weeksBadged, 'week')} annotated from ${plural(status.runs, 'run')}.`,
      details,
      tone: 'ok',
    };
  }
  if (status.card) {
    return {
      headline: "Your runs were read, but this page's layout was not recognised: see the Knee Check card in a corner of the page.",
      details,
      tone: 'info',
    };
  }
  if (status.refusals.some((r) => r.reason === 'signed-out') && status.runs === 0) {
    return {
      headline: `${name} said you are signed out: sign in to see your knee-load badges.`,
      details: details.filter((d) => !d.includes('signed out')),
      tone: 'warn',
    };
  }
  if (status.runs > 0 && status.anchors === 0) {
    return {
      headline: `Your runs were read (${plural(status.runs, 'run')}), but this page's layout was not recognised, so no badge could be placed.`,
      details,
      tone: 'info',
    };
  }
  if (status.refusals.length) return { headline: `${where}: your runs could not be read.`, details, tone: 'warn' };
  if (status.anchors > 0) return { headline: `${where}: no runs were read, so its weeks have no badge.`, details, tone: 'info' };
  // A page of the site without weekly figures (or a user-added site's other pages): say nothing.
  return null;
}

/** The text "Copy a page report" puts on the clipboard: structure only (see lib/content/report.ts). */
export function reportText(
  report: PageReport,
  status: Pick<PageStatus, 'site' | 'runs' | 'anchors' | 'weeksBadged' | 'card' | 'incompleteDays' | 'refusals'>,
): string {
  return JSON.stringify(
    {
      kind: 'knee-check-page-report',
      note: 'Structure only: no runs, names, ids, dates or addresses.',
      ...report,
      counts: {
        runs: status.runs,
        anchors: status.anchors,
        weeksBadged: status.weeksBadged,
        card: status.card,
        incompleteDays: status.incompleteDays,
      },
      refusals: status.refusals.map((r) => ({ reason: r.reason, status: r.status ?? null })),
      site: status.site,
    },
    null,
    2,
  );
}
