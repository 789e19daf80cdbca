// The Strava page adapters against the saved pages (tests/fixtures/pages/strava-*.html, built from
// the markup in docs/research/sites.md) and the real and recent training_activities JSON.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ACTIVITIES_MAX_PAGES,
  createStravaAdapters,
  isOwnStravaPage,
  isoWeekMonday,
  rowWeekStart,
  signedInAthleteId,
  StravaActivities,
  STRAVA_ADAPTERS,
  stravaReadersById,
} from '../../../lib/sites/strava';
import { localTransport, readingAdapter } from '../../../lib/sites/reading';
import { createStravaLogPage } from '../../../lib/sites/strava-page';
import type { AdapterContext, SiteAdapter } from '../../../lib/sites/types';
import { parseLocally } from '../../../lib/sites/parse';

const PAGES = resolve(__dirname, '../../fixtures/pages');
const REAL = resolve(__dirname, '../../fixtures/real/strava/training_activities');
const RECENT = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/strava-training-activities-recent.json'), 'utf8')) as {
  models: Record<string, unknown>[];
};
const LOG_URL = 'https://www.strava.com/athletes/123/training/log';

/** A saved page as a document at `url`; the page's own scripts do not run. */
function page(file: string | null, url: string, html?: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html ?? readFileSync(resolve(PAGES, file!), 'utf8'));
  return win.document as unknown as Document;
}

/** Same-origin JSON from the fixtures: the recent runner (paged by per_page) or the real pages. */
function context(source: 'recent' | 'real' | 'fail', today = '2026-03-04'): AdapterContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    today,
    parse: parseLocally,
    async fetchJson(path: string) {
      calls.push(path);
      const url = new URL(path, 'https://www.strava.com');
      const pageNo = Number(url.searchParams.get('page'));
      if (source === 'fail') throw new Error('HTTP 503');
      if (source === 'real') {
        try {
          return JSON.parse(readFileSync(resolve(REAL, `page${pageNo}.json`), 'utf8'));
        } catch {
          return { models: [], page: pageNo, perPage: 20, total: 140 };
        }
      }
      const perPage = Number(url.searchParams.get('per_page'));
      return { models: RECENT.models.slice((pageNo - 1) * perPage, pageNo * perPage), page: pageNo, perPage, total: RECENT.models.length };
    },
  };
}

const url = (href: string) => new URL(href);

// A fresh set of adapters (their own page-view state) for every test, and where a test says so.
let stravaTrainingLogAdapter: SiteAdapter;
let stravaDashboardAdapter: SiteAdapter;
let stravaProfileAdapter: SiteAdapter;
function resetStravaCaches(): void {
  ({ trainingLog: stravaTrainingLogAdapter, dashboard: stravaDashboardAdapter, profile: stravaProfileAdapter } = createStravaAdapters());
}
beforeEach(() => resetStravaCaches());

describe('which URLs each adapter handles', () => {
  const cases: [string, string | null][] = [
    ['https://www.strava.com/athletes/123/training/log', 'strava-training-log'],
    ['https://www.strava.com/athletes/123/training/log/', 'strava-training-log'],
    ['https://www.strava.com/athletes/123/training/log?before=2025-12-01', 'strava-training-log'],
    ['https://strava.com/athletes/9/training/log', 'strava-training-log'],
    ['https://www.strava.com/dashboard', 'strava-dashboard'],
    ['https://www.strava.com/dashboard?num_entries=40', 'strava-dashboard'],
    ['https://www.strava.com/athletes/123', 'strava-profile'],
    ['https://www.strava.com/athletes/123/', 'strava-profile'],
    // Negatives: other Strava pages, other hosts, look-alikes, plain http.
    ['https://www.strava.com/', null],
    ['https://www.strava.com/athletes/123/training', null],
    ['https://www.strava.com/athletes/123/training/log/weeks', null],
    ['https://www.strava.com/athletes/abc', null],
    ['https://www.strava.com/activities/123', null],
    ['https://www.strava.com/athlete/training', null],
    ['https://www.strava.com/dashboard/following/10', null],
    ['http://www.strava.com/dashboard', null],
    ['https://www.strava.com.evil.example/dashboard', null],
    ['https://evilstrava.com/dashboard', null],
    ['https://connect.garmin.com/modern/calendar', null],
    ['http://localhost:5317/athletes/123/training/log', null],
  ];
  it.each(cases)('%s → %s', (href, id) => {
    const matching = STRAVA_ADAPTERS.filter((a) => a.matches(url(href))).map((a) => a.id);
    expect(matching).toEqual(id ? [id] : []);
  });
});

describe('the signed-in athlete', () => {
  it("comes from the header menu; on a Training Log without one, from the page's data as the background reads it", async () => {
    expect(signedInAthleteId(page('strava-dashboard.html', 'https://www.strava.com/dashboard'))).toBe('123');
    expect(signedInAthleteId(page(null, 'https://www.strava.com/dashboard', '<p>logged out</p>'))).toBeNull();
    const headless = readFileSync(resolve(PAGES, 'strava-training-log.html'), 'utf8').replace(/<header[\s\S]*<\/header>/, '');
    const bare = page(null, LOG_URL, headless);
    expect(signedInAthleteId(bare)).toBeNull();
    const log = createStravaLogPage();
    expect(log.own(bare)).toBe(false);
    const ctx = context('recent');
    await readingAdapter(log, localTransport(stravaReadersById())).readRuns(bare, ctx);
    // The data names athlete 123: their own log, read again at once with their activities.
    expect(log.own(bare)).toBe(true);
    expect(ctx.calls.length).toBeGreaterThan(0);
    // Someone else's log names the signed-in athlete too: never theirs.
    const other = page(null, 'https://www.strava.com/athletes/456/training/log', headless);
    const otherLog = createStravaLogPage();
    const otherCtx = context('recent');
    await readingAdapter(otherLog, localTransport(stravaReadersById())).readRuns(other, otherCtx);
    expect(otherLog.own(other)).toBe(false);
    expect(otherCtx.calls).toEqual([]);
  });

  it("own pages are the dashboard and the athlete's own log and profile", () => {
    expect(isOwnStravaPage(page('strava-dashboard.html', 'https://www.strava.com/dashboard'))).toBe(true);
    expect(isOwnStravaPage(page('strava-profile.html', 'https://www.strava.com/athletes/123'))).toBe(true);
    expect(isOwnStravaPage(page('strava-profile.html', 'https://www.strava.com/athletes/456'))).toBe(false);
    expect(isOwnStravaPage(page('strava-training-log.html', LOG_URL))).toBe(true);
  });
});

describe('Training Log', () => {
  it('finds one anchor per week row (Mondays, newest first) in the totals sidebar', () => {
    const doc = page('strava-training-log.html', LOG_URL);
    const anchors = stravaTrainingLogAdapter.findAnchors(doc);
    expect(anchors).toHaveLength(12);
    expect(anchors[0]).toMatchObject({ key: 'strava-log:2026-02-23', weekStart: '2026-02-23', placement: 'append' });
    expect(anchors[11]).toMatchObject({ key: 'strava-log:2025-12-08', weekStart: '2025-12-08' });
    expect(anchors.every((a) => a.element.className.includes('_sidebarContainer_'))).toBe(true);
    expect(stravaTrainingLogAdapter.observeRoot!(doc)?.className).toContain('_calendarContainer_');
  });

  it('reads the runs the page carries, and asks training_activities only for the weeks before them', async () => {
    const doc = page('strava-training-log.html', LOG_URL);
    const ctx = context('recent');
    const runs = await stravaTrainingLogAdapter.readRuns(doc, ctx);
    // Page runs: 12 weeks; fetched runs: the 30 days before the oldest row, and no duplicate.
    expect(ctx.calls).toEqual([
      '/athlete/training_activities?new_activity_only=false&per_page=50&page=1',
      '/athlete/training_activities?new_activity_only=false&per_page=50&page=2',
    ]);
    const starts = runs.map((r) => r.start);
    expect(new Set(starts).size).toBe(starts.length);
    expect(runs.some((r) => r.start === '2026-03-01T09:00:00' && r.km === 17.4)).toBe(true);
    expect(runs.some((r) => r.start.startsWith('2025-11-'))).toBe(true);
    // Rides and walks are not runs; a TrailRun is.
    expect(runs.some((r) => r.km === 30)).toBe(false);
    expect(runs.some((r) => r.start === '2026-02-20T07:00:00' && r.km === 7)).toBe(true);
    // A second read of the same page is the same array: nothing is asked again.
    expect(await stravaTrainingLogAdapter.readRuns(doc, ctx)).toBe(runs);
    expect(ctx.calls).toHaveLength(2);
  });

  it("starts reading the page's own data before its rows are on screen, and reads it once", async () => {
    const doc = page('strava-training-log.html', LOG_URL);
    const ctx = context('recent');
    const asked: string[] = [];
    const parse: AdapterContext['parse'] = (request) => (asked.push(request.kind), parseLocally(request));
    stravaTrainingLogAdapter.prepare!(doc, { ...ctx, parse });
    expect(asked).toEqual(['strava:page']);
    await stravaTrainingLogAdapter.readRuns(doc, { ...ctx, parse });
    // The page's data was read by the head start: not asked for again.
    expect(asked.filter((k) => k === 'strava:page')).toHaveLength(1);
  });

  it('without the activities, only the weeks whose 30 days before the page covers keep an anchor', async () => {
    const doc = page('strava-training-log.html', LOG_URL);
    const ctx = context('fail');
    const runs = await stravaTrainingLogAdapter.readRuns(doc, ctx);
    expect(runs.length).toBeGreaterThan(30);
    const weeks = stravaTrainingLogAdapter.findAnchors(doc).map((a) => a.weekStart);
    // Oldest row 2025-12-08: rows from 2026-01-12 on have their 30 days on the page.
    expect(weeks.at(-1)).toBe('2026-01-12');
    expect(weeks).toHaveLength(7);
  });

  it('older rows loaded later (SPA) are offered, read further back, then badged', async () => {
    const doc = page('strava-training-log.html', LOG_URL);
    const ctx = context('recent');
    await stravaTrainingLogAdapter.readRuns(doc, ctx);
    const calls = ctx.calls.length;
    // The page swaps its rows for weeks far older than anything read so far (rows re-used).
    const rows = [...doc.querySelectorAll('[class*="_calendarRowContainer_"]')];
    rows.forEach((row, i) => row.setAttribute('data-timestamp', String(Date.UTC(2025, 3, 7) / 1000 - 3600 - i * 7 * 86_400)));
    const offered = stravaTrainingLogAdapter.findAnchors(doc).map((a) => a.weekStart);
    expect(offered).toHaveLength(12);
    expect(offered[0]).toBe('2025-04-07');
    const runs = await stravaTrainingLogAdapter.readRuns(doc, ctx);
    expect(ctx.calls.length).toBeGreaterThan(calls);
    expect(runs.some((r) => r.start.startsWith('2025-01-'))).toBe(true);
    expect(stravaTrainingLogAdapter.findAnchors(doc)).toHaveLength(12);
  });

  it("someone else's log: the page's own data only, never the signed-in athlete's activities", async () => {
    const doc = page('strava-training-log.html', 'https://www.strava.com/athletes/456/training/log');
    const ctx = context('recent');
    await stravaTrainingLogAdapter.readRuns(doc, ctx);
    expect(ctx.calls).toEqual([]);
    expect(stravaTrainingLogAdapter.findAnchors(doc)).toHaveLength(7);
  });

  it('falls back to training_activities when __NEXT_DATA__ carries no per-run data', async () => {
    const html = readFileSync(resolve(PAGES, 'strava-training-log.html'), 'utf8').replace(/"by_day_of_week":\[.*?\]\}\]\}/g, '"x":0}');
    const doc = page(null, LOG_URL, html.replaceAll('"by_day_of_week"', '"days"'));
    const ctx = context('recent');
    const runs = await stravaTrainingLogAdapter.readRuns(doc, ctx);
    expect(ctx.calls.length).toBeGreaterThan(0);
    expect(runs.some((r) => r.start === '2026-03-01T09:00:00' && r.km === 17.4)).toBe(true);
    expect(stravaTrainingLogAdapter.findAnchors(doc)).toHaveLength(12);
  });

  it('reads the row week from data-timestamp whatever the browser zone (seconds or ms)', () => {
    const known = new Set(['2026-02-23']);
    // Monday 00:00 in Paris is Sunday 23:00 UTC.
    expect(rowWeekStart('1771801200', known)).toBe('2026-02-23');
    expect(rowWeekStart('1771801200000', known)).toBe('2026-02-23');
    expect(rowWeekStart('1771801200', new Set())).toBe('2026-02-23');
    expect(rowWeekStart('nope', known)).toBeNull();
    expect(rowWeekStart(null, known)).toBeNull();
    expect(rowWeekStart('-5', known)).toBeNull();
  });
});

describe('dashboard', () => {
  it.each([
    ['strava-dashboard.html', 'This week'],
    ['strava-dashboard-fr.html', 'Cette semaine'],
  ])('%s: the run weekly goal, by structure (heading "%s")', (file, heading) => {
    const doc = page(file, 'https://www.strava.com/dashboard');
    expect(doc.querySelector('#run-goals h4')?.textContent).toBe(heading);
    const [anchor, ...rest] = stravaDashboardAdapter.findAnchors(doc);
    expect(rest).toEqual([]);
    expect(anchor).toMatchObject({ key: 'strava-dashboard:this-week', placement: 'after' });
    expect(anchor!.weekStart).toBeUndefined();
    expect(anchor!.element.className).toBe('primary-stats');
    expect(anchor!.element.closest('#run-goals')).not.toBeNull();
    expect(stravaDashboardAdapter.observeRoot!(doc)?.id).toBe('js-dashboard-athlete-goals');
  });

  it('falls back to the weekly goal box when the stats markup changes', () => {
    const html = readFileSync(resolve(PAGES, 'strava-dashboard.html'), 'utf8').replace('class="primary-stats"', 'class="stats-v2"');
    const [anchor] = stravaDashboardAdapter.findAnchors(page(null, 'https://www.strava.com/dashboard', html));
    expect(anchor).toMatchObject({ placement: 'append' });
    expect(anchor!.element.className).toBe('weekly-goal');
  });

  it('reads this week, last week and the 30 days before: one page here', async () => {
    const doc = page('strava-dashboard.html', 'https://www.strava.com/dashboard');
    const ctx = context('recent', '2026-03-04');
    const runs = await stravaDashboardAdapter.readRuns(doc, ctx);
    expect(ctx.calls).toHaveLength(1);
    expect(runs.filter((r) => r.start >= '2026-03-02')).toHaveLength(3);
    expect(stravaDashboardAdapter.findAnchors(doc)).toHaveLength(1);
  });

  it('no anchor after a failed read (no "0 km" from data that was never read)', async () => {
    const doc = page('strava-dashboard.html', 'https://www.strava.com/dashboard');
    expect(await stravaDashboardAdapter.readRuns(doc, context('fail'))).toEqual([]);
    expect(stravaDashboardAdapter.findAnchors(doc)).toEqual([]);
  });
});

describe('athlete profile', () => {
  it("anchors after the totals of the selected week, on the athlete's own profile only", () => {
    const own = page('strava-profile.html', 'https://www.strava.com/athletes/123');
    expect(stravaProfileAdapter.findAnchors(own)).toMatchObject([
      { key: 'strava-profile:2016-09-05', weekStart: '2016-09-05', placement: 'after' },
    ]);
    expect(stravaProfileAdapter.findAnchors(own)[0]!.element.id).toBe('totals');
    expect(stravaProfileAdapter.observeRoot!(own)?.id).toBe('interval-graph');
    expect(stravaProfileAdapter.findAnchors(page('strava-profile.html', 'https://www.strava.com/athletes/456'))).toEqual([]);
  });

  it('follows the selection, and reads the real training_activities back far enough', async () => {
    const doc = page('strava-profile.html', 'https://www.strava.com/athletes/123');
    doc.querySelector('.interval.selected')!.classList.remove('selected');
    doc.getElementById('interval-201637')!.classList.add('selected');
    expect(stravaProfileAdapter.findAnchors(doc)[0]?.weekStart).toBe('2016-09-12');
    const ctx = context('real', '2016-09-21');
    const runs = await stravaProfileAdapter.readRuns(doc, ctx);
    expect(ctx.calls).toHaveLength(1);
    expect(runs.map((r) => r.start)).toEqual(['2016-12-11T15:45:50', '2016-09-18T18:36:41', '2016-09-11T17:57:36', '2016-09-10T18:25:14']);
    // No selection: the current week.
    doc.querySelector('.interval.selected')!.classList.remove('selected');
    expect(stravaProfileAdapter.findAnchors(doc)[0]).toMatchObject({ key: 'strava-profile:current', weekStart: undefined });
  });

  it('ISO week ids to Mondays', () => {
    expect(isoWeekMonday(2016, 36)).toBe('2016-09-05');
    expect(isoWeekMonday(2016, 1)).toBe('2016-01-04');
    expect(isoWeekMonday(2020, 53)).toBe('2020-12-28');
    expect(isoWeekMonday(2021, 53)).toBeNull();
    expect(isoWeekMonday(2021, 0)).toBeNull();
  });
});

describe('training_activities pages', () => {
  it('reads the seven real pages until the history ends, spaced one at a time', async () => {
    const pages = new StravaActivities();
    const ctx = context('real');
    await pages.ensureSince('2000-01-01', ctx);
    expect(ctx.calls).toHaveLength(8);
    expect(pages.runs).toHaveLength(7);
    expect(pages.coveredFrom()).toBe('0000-01-01');
    // Concurrent callers share the same pages.
    await Promise.all([pages.ensureSince('2015-01-01', ctx), pages.ensureSince('2016-01-01', ctx)]);
    expect(ctx.calls).toHaveLength(8);
  });

  it('stops at the date asked for, at the page cap, and after a failure', async () => {
    const near = new StravaActivities();
    const ctx = context('real');
    await near.ensureSince('2016-08-01', ctx);
    expect(ctx.calls).toHaveLength(1);
    expect(near.coveredFrom()).toBe('2016-07-30');

    const endless: AdapterContext & { calls: string[] } = {
      calls: [],
      today: '2026-01-01',
      parse: parseLocally,
      async fetchJson(path) {
        this.calls.push(path);
        const n = this.calls.length;
        return {
          models: Array.from({ length: 50 }, (_, i) => ({
            id: n * 100 + i,
            sport_type: 'Run',
            start_date_local_raw: 1_700_000_000 - n * 1000,
            distance_raw: 5000,
          })),
          perPage: 50,
        };
      },
    };
    await new StravaActivities().ensureSince('1990-01-01', endless);
    expect(endless.calls).toHaveLength(ACTIVITIES_MAX_PAGES);

    // training_activities fails: the runner's own feed is asked once; it fails too: nothing more.
    const failing = new StravaActivities(() => Date.UTC(2026, 2, 4, 12));
    const bad = context('fail');
    await failing.ensureSince('2016-01-01', bad);
    await failing.ensureSince('2016-01-01', bad);
    expect(bad.calls).toEqual([
      '/athlete/training_activities?new_activity_only=false&per_page=50&page=1',
      `/dashboard/feed?feed_type=my_activity&before=${Date.UTC(2026, 2, 4, 12) / 1000}`,
    ]);
    expect(failing.coveredFrom()).toBeNull();
  });
});

describe('never throws into the page', () => {
  const hostile = [
    '',
    '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"entriesResponse":{"entries":[null,1,"x",{"start_date":5},{"start_date":"2026-02-30","by_day_of_week":"no"},{"start_date":"2026-02-23","by_day_of_week":{"0":{"activities":[null,{"type":"Run","distance":"4,0"},{"sport_type":"Run","distance":5000,"start_date_local":"not a date"}]}}}]}}}}</script>',
    '<script id="__NEXT_DATA__" type="application/json">{not json</script><div class="_calendarRowContainer_1" data-timestamp="abc"></div>',
    '<div class="_calendarRowContainer_1x" data-timestamp="1771801200"></div><div id="interval-graph"><div id="interval-graph-columns"><div class="interval selectable selected" id="interval-999999"><a class="bar"></a></div></div></div>',
  ];
  it.each(hostile.map((html, i) => [i, html]))('hostile page %i', async (_i, html) => {
    for (const [href, adapter] of [
      [LOG_URL, stravaTrainingLogAdapter],
      ['https://www.strava.com/dashboard', stravaDashboardAdapter],
      ['https://www.strava.com/athletes/123', stravaProfileAdapter],
    ] as const) {
      resetStravaCaches();
      const doc = page(null, href, `<header><div class="user-menu"><a href="/athletes/123">me</a></div></header>${html}`);
      expect(() => adapter.findAnchors(doc)).not.toThrow();
      await expect(adapter.readRuns(doc, context('fail'))).resolves.toBeInstanceOf(Array);
      await expect(
        adapter.readRuns(doc, { today: 'garbage', parse: parseLocally, fetchJson: () => Promise.resolve({ models: 'no' }) }),
      ).resolves.toBeInstanceOf(Array);
      expect(() => adapter.observeRoot?.(doc)).not.toThrow();
    }
  });

  it('reads odd per-day shapes: an object keyed by day, activities without a time', async () => {
    const html =
      '<div class="user-menu"><a href="/athletes/123">me</a></div><div class="_calendarRowContainer_1x" data-timestamp="1771801200"><div class="_sidebarContainer_1"></div></div>' +
      '<script id="__NEXT_DATA__" type="application/json">' +
      JSON.stringify({
        props: {
          pageProps: {
            entriesResponse: {
              entries: [
                {
                  start_date: '2026-02-23',
                  by_day_of_week: {
                    '0': { activities: [{ id: 1, type: 'Run', distance: 5000 }] },
                    '6': [{ id: 2, sport_type: 'VirtualRun', distance_raw: 8000, start_date_local_raw: 1772355600 }],
                  },
                },
                { start_date: '2026-01-01', by_day_of_week: [] },
              ],
            },
          },
        },
      }) +
      '</script>';
    const doc = page(null, 'https://www.strava.com/athletes/456/training/log', html);
    const runs = await stravaTrainingLogAdapter.readRuns(doc, context('fail'));
    expect(runs).toEqual([
      { start: '2026-02-23T00:00:00', km: 5, id: '1' },
      { start: '2026-03-01T09:00:00', km: 8, id: '2' },
    ]);
  });
});

describe('Training Log __NEXT_DATA__ that does not add up: no badge from it, the own activities instead', () => {
  const LOG = readFileSync(resolve(PAGES, 'strava-training-log.html'), 'utf8');
  const OTHER_URL = 'https://www.strava.com/athletes/456/training/log';
  const km = (runs: { start: string; km: number }[], from: string, to: string) =>
    Math.round(runs.filter((r) => r.start >= from && r.start < to).reduce((sum, r) => sum + r.km, 0) * 10) / 10;

  /** Someone else's log (no fallback) and the own log (training_activities fill in). */
  async function read(html: string) {
    const other = page(null, OTHER_URL, html);
    const otherCtx = context('fail');
    const otherRuns = await stravaTrainingLogAdapter.readRuns(other, otherCtx);
    const otherAnchors = stravaTrainingLogAdapter.findAnchors(other);
    resetStravaCaches();
    const own = page(null, LOG_URL, html);
    const ctx = context('recent');
    const runs = await stravaTrainingLogAdapter.readRuns(own, ctx);
    return {
      otherRuns,
      otherAnchors,
      otherCalls: otherCtx.calls,
      runs,
      calls: ctx.calls,
      anchors: stravaTrainingLogAdapter.findAnchors(own),
    };
  }

  it('the saved page adds up: its own data (a 30 m rounding difference is fine)', async () => {
    const got = await read(LOG.replace('"run":{"distance":42100', '"run":{"distance":42130'));
    expect(got.otherAnchors).toHaveLength(7);
    expect(km(got.otherRuns, '2026-02-23', '2026-03-02')).toBe(42.1);
    expect(got.anchors).toHaveLength(12);
  });

  it('a renamed distance field (distance -> distance_m): null, the fetched runs', async () => {
    const got = await read(LOG.replaceAll('"distance":', '"distance_m":'));
    expect(got.otherRuns).toEqual([]);
    expect(got.otherAnchors).toEqual([]);
    expect(got.calls.length).toBeGreaterThan(0);
    expect(km(got.runs, '2026-02-23', '2026-03-02')).toBe(42.1);
    expect(km(got.runs, '2026-02-16', '2026-02-23')).toBe(31.4);
    expect(got.anchors).toHaveLength(12);
  });

  it('a renamed sport (the week total no longer matches): null, the fetched runs', async () => {
    const got = await read(LOG.replaceAll('"sport_type":"Run","type":"Run"', '"sport_type":"Running","type":"Running"'));
    expect(got.otherRuns).toEqual([]);
    expect(got.calls.length).toBeGreaterThan(0);
    expect(km(got.runs, '2026-02-23', '2026-03-02')).toBe(42.1);
  });

  it("an entry's runs not matching its run total: null, the fetched runs", async () => {
    const got = await read(LOG.replace('"run":{"distance":42100', '"run":{"distance":45100'));
    expect(got.otherRuns).toEqual([]);
    expect(got.otherAnchors).toEqual([]);
    expect(got.calls.length).toBeGreaterThan(0);
    expect(km(got.runs, '2026-02-23', '2026-03-02')).toBe(42.1);
  });

  it('a missing week entry: a gap, not covered (never "0 km" for it), the fetched runs before it', async () => {
    const got = await read(LOG.replace('"id":"2026y6w","start_date":"2026-02-02"', '"id":null,"start_date":null'));
    // Someone else's log: only the weeks after the gap, too few for any row's 30 days before.
    expect(got.otherRuns.length).toBeGreaterThan(0);
    expect(got.otherRuns.every((r) => r.start >= '2026-02-09')).toBe(true);
    expect(got.otherAnchors).toEqual([]);
    expect(got.calls.length).toBeGreaterThan(0);
    expect(km(got.runs, '2026-02-02', '2026-02-09')).toBe(22.5);
    expect(km(got.runs, '2026-02-23', '2026-03-02')).toBe(42.1);
    expect(got.anchors).toHaveLength(12);
  });

  it('a partial days array: placed by its own dates, never by position', async () => {
    const log = (days: unknown[]) =>
      '<div class="_calendarRowContainer_1x" data-timestamp="1771801200"><div class="_sidebarContainer_1"></div></div>' +
      '<script id="__NEXT_DATA__" type="application/json">' +
      JSON.stringify({
        props: {
          pageProps: {
            entriesResponse: {
              entries: [{ start_date: '2026-02-23', totals_by_sport: { run: { distance: 12000 } }, by_day_of_week: days }],
            },
          },
        },
      }) +
      '</script>';
    const days = [
      { activities: [] },
      { activities: [{ id: 1, type: 'Run', distance: 5000 }] },
      { activities: [{ id: 2, type: 'Run', distance: 7000 }] },
    ];
    // Wednesday and Sunday only, without dates: which days? Not guessed.
    expect(await stravaTrainingLogAdapter.readRuns(page(null, OTHER_URL, log(days.slice(1))), context('fail'))).toEqual([]);
    resetStravaCaches();
    const dated = [
      { ...days[1], date: '2026-02-25' },
      { ...days[2], date: '2026-03-01' },
    ];
    expect(await stravaTrainingLogAdapter.readRuns(page(null, OTHER_URL, log(dated)), context('fail'))).toEqual([
      { start: '2026-02-25T00:00:00', km: 5, id: '1' },
      { start: '2026-03-01T00:00:00', km: 7, id: '2' },
    ]);
    resetStravaCaches();
    // A date outside the entry's week: does not add up.
    expect(
      await stravaTrainingLogAdapter.readRuns(page(null, OTHER_URL, log([{ ...days[1], date: '2026-03-02' }, dated[1]])), context('fail')),
    ).toEqual([]);
  });
});
