// Strava, item by item from what maintained extensions and Strava's own docs show
// (docs/research/sites.md, 2026-12): the documented Training Log week shape, a row's week from
// its ISO week, the React athlete menu, and the runner's own feed when training_activities fails.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { FetchRefused } from '../../../lib/content/fetch';
import {
  createStravaAdapters,
  createStravaReaders,
  feedStatKm,
  readTrainingLogData,
  rowWeekStart,
  runsFromDashboardFeed,
  signedInAthleteId,
  StravaActivities,
  weekStartOfEntry,
} from '../../../lib/sites/strava';
import { mergedNotes } from './other-sites-helpers';
import { createStravaPages, type LogFacts, type LogState } from '../../../lib/sites/strava-page';
import { localTransport, readingAdapter, type ReadTransport } from '../../../lib/sites/reading';
import type { AdapterContext, AdapterNotes } from '../../../lib/sites/types';
import { parseLocally } from '../../../lib/sites/parse';

const PAGES = resolve(__dirname, '../../fixtures/pages');
const DOC_LOG = readFileSync(resolve(PAGES, 'strava-training-log-doc-shape.html'), 'utf8');
const FEED = JSON.parse(readFileSync(resolve(PAGES, 'strava-dashboard-feed.json'), 'utf8')) as { entries: Record<string, unknown>[] };
const LOG_URL = 'https://www.strava.com/athletes/123/training/log';
const NOW = Date.UTC(2024, 2, 14, 12); // Thursday 2024-03-14, noon UTC

function page(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  win.document.write(html);
  return win.document as unknown as Document;
}

type Answer = unknown | ((path: string) => unknown);
/** Same-origin answers by path prefix; an Error value rejects; anything else unknown is a 404. */
function context(routes: Record<string, Answer>, today = '2024-03-14'): AdapterContext & { calls: string[]; notes: AdapterNotes[] } {
  const calls: string[] = [];
  const notes: AdapterNotes[] = [];
  return {
    calls,
    notes,
    today,
    note: (n) => void notes.push(n),
    parse: parseLocally,
    async fetchJson(path) {
      calls.push(path);
      const key = Object.keys(routes).find((prefix) => path.startsWith(prefix));
      if (key === undefined) throw new FetchRefused('not-found', 'HTTP 404', 404);
      const answer = routes[key];
      const value = typeof answer === 'function' ? (answer as (p: string) => unknown)(path) : answer;
      if (value instanceof Error) throw value;
      return structuredClone(value);
    },
  };
}
const FORBIDDEN = new FetchRefused('forbidden', 'HTTP 403', 403);
/** The feed: the fixture page first, then the end of the feed. */
const feedRoute = (path: string) =>
  new URL(path, 'https://www.strava.com').searchParams.get('before') === String(NOW / 1000) ? FEED : { entries: [] };

describe('the documented Training Log week shape (Strava developers doc, 2018)', () => {
  it('week ids "YYYYyWWw" are ISO weeks; numeric start_date is epoch seconds of the local Monday', () => {
    expect(weekStartOfEntry({ id: '2016y50w', start_date: 1481500800 })).toBe('2016-12-12');
    expect(weekStartOfEntry({ id: '2024y11w' })).toBe('2024-03-11');
    expect(weekStartOfEntry({ start_date: 1481500800 })).toBe('2016-12-12');
    // Monday 00:00 in UTC-7 is Monday 07:00 UTC; in UTC+2 it is Sunday 22:00 UTC.
    expect(weekStartOfEntry({ start_date: 1710140400 })).toBe('2024-03-11');
    expect(weekStartOfEntry({ start_date: 1710108000 })).toBe('2024-03-11');
    expect(weekStartOfEntry({ start_date: '2024-03-11' })).toBe('2024-03-11');
    for (const bad of [{}, { id: '2021y53w' }, { start_date: 1710417600 }, { start_date: -1 }, { start_date: '2024-02-30' }])
      expect(weekStartOfEntry(bad)).toBeNull();
  });

  it('parses the saved page: days keyed "1".."7" from Monday, start_date + utc_offset, xt_activities not runs, totals checked', () => {
    const data = readTrainingLogData(DOC_LOG.match(/<script id="__NEXT_DATA__" type="application\/json">(.*)<\/script>/)![1]!);
    expect([...data.weeks]).toEqual(['2024-03-11', '2024-03-04', '2024-02-26', '2024-02-19', '2024-02-12', '2024-02-05']);
    expect(data.from).toBe('2024-02-05');
    expect(data.to).toBe('2024-03-11');
    const runs = data.runs!;
    expect(runs).toHaveLength(17);
    // 2024y11w: Tuesday 07:00 and a Wednesday 23:30 local run (Thursday 06:30 UTC): its local day.
    expect(runs.filter((r) => r.start >= '2024-03-11')).toEqual([
      { start: '2024-03-12T07:00:00', km: 8, id: '900001' },
      { start: '2024-03-13T23:30:00', km: 5, id: '900002' },
    ]);
    // Key "1" is Monday (a run on 2024-02-19 18:30), key "7" Sunday; the Ride and the Walk are not runs.
    expect(runs.find((r) => r.id === '900009')).toEqual({ start: '2024-02-19T18:30:00', km: 6, id: '900009' });
    expect(runs.some((r) => r.km === 40 || r.km === 3)).toBe(false);
    expect(runs.find((r) => r.start.startsWith('2024-02-11'))).toMatchObject({ km: 16 });
  });

  it('a future day without lists is an empty day; a past day without them does not add up', () => {
    const entry = (day7: unknown) =>
      JSON.stringify({
        props: {
          pageProps: {
            entriesResponse: {
              entries: [
                {
                  id: '2024y11w',
                  totals_by_sport: { run: { distance: 5000 } },
                  by_day_of_week: {
                    '1': {
                      activities: [{ id: 1, type: 'Run', start_date: 1710140400, utc_offset: -25200, distance: 5000 }],
                      xt_activities: [],
                      date_type: 'past',
                    },
                    '2': { activities: [], date_type: 'past' },
                    '3': { activities: [] },
                    '4': { activities: [] },
                    '5': { activities: [] },
                    '6': { activities: [] },
                    '7': day7,
                  },
                },
              ],
            },
          },
        },
      });
    expect(readTrainingLogData(entry({ date_type: 'future' })).runs).toEqual([{ start: '2024-03-11T00:00:00', km: 5, id: '1' }]);
    expect(readTrainingLogData(entry({ date_type: 'past' })).runs).toBeNull();
  });

  it('a run total that does not match the days: the week is not used (no runs beat wrong ones)', () => {
    const text = DOC_LOG.match(/<script id="__NEXT_DATA__" type="application\/json">(.*)<\/script>/)![1]!.replace(
      '"distance":13000.0',
      '"distance":23000.0',
    );
    expect(readTrainingLogData(text).runs).toBeNull();
  });

  it("a row's week is its ISO week: a mid-week timestamp (1710417600, Thursday noon) is 2024y11w", () => {
    expect(rowWeekStart('1710417600', new Set())).toBe('2024-03-11');
    expect(rowWeekStart('1710417600', new Set(['2024-03-11']))).toBe('2024-03-11');
    expect(rowWeekStart('1710417600000', new Set())).toBe('2024-03-11');
    // Saturday noon and early Sunday rows are still that ISO week's (Monday first), never the next one.
    expect(rowWeekStart(String(Date.UTC(2024, 2, 16, 12) / 1000), new Set())).toBe('2024-03-11');
    expect(rowWeekStart(String(Date.UTC(2024, 2, 17, 6) / 1000), new Set())).toBe('2024-03-11');
    // The old shape, a local Monday midnight east of UTC (Sunday 23:00 UTC), stays that Monday.
    expect(rowWeekStart(String(Date.UTC(2024, 2, 17, 23) / 1000), new Set())).toBe('2024-03-18');
  });

  it('on the saved page: six rows, each anchored to its Monday; the signed-in athlete from the React menu', () => {
    const doc = page(DOC_LOG, LOG_URL);
    expect(doc.querySelector('.user-menu')).toBeNull();
    expect(signedInAthleteId(doc)).toBe('123');
    const { trainingLog } = createStravaAdapters({ now: () => NOW });
    expect(trainingLog.findAnchors(doc).map((a) => a.weekStart)).toEqual([
      '2024-03-11',
      '2024-03-04',
      '2024-02-26',
      '2024-02-19',
      '2024-02-12',
      '2024-02-05',
    ]);
  });

  it("reads the page's runs; with training_activities and the feed refused, only weeks with their 30 days keep a badge", async () => {
    const doc = page(DOC_LOG, LOG_URL);
    const { trainingLog } = createStravaAdapters({ now: () => NOW });
    const ctx = context({ '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': new FetchRefused('redirected', 'redirected') });
    const runs = await trainingLog.readRuns(doc, ctx);
    expect(runs).toHaveLength(17);
    const notes = mergedNotes(ctx.notes);
    expect(notes.sources).toEqual([{ source: 'strava:training-log-page', runs: 17 }]);
    expect(notes.refusals).toEqual([
      { source: 'strava:training-activities', reason: 'forbidden', status: 403 },
      { source: 'strava:dashboard-feed', reason: 'redirected' },
    ]);
    expect(notes.coveredFrom).toBe('2024-02-05');
    expect(trainingLog.findAnchors(doc).map((a) => a.weekStart)).toEqual(['2024-03-11']);
  });

  it('with the feed answering, the history before the page is read from it and every row is badged', async () => {
    const doc = page(DOC_LOG, LOG_URL);
    const { trainingLog } = createStravaAdapters({ now: () => NOW });
    const ctx = context({ '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': feedRoute });
    await trainingLog.readRuns(doc, ctx);
    expect(ctx.calls).toEqual([
      '/athlete/training_activities?new_activity_only=false&per_page=50&page=1',
      `/dashboard/feed?feed_type=my_activity&before=${NOW / 1000}`,
      '/dashboard/feed?feed_type=my_activity&before=1709798400',
    ]);
    expect(mergedNotes(ctx.notes).coveredFrom).toBe('0000-01-01');
    expect(trainingLog.findAnchors(doc)).toHaveLength(6);

    // The next pass on the same page costs nothing: the same runs, no call, nothing new to note
    // (the core keeps the first read's notes, and the popup's page status is built from them).
    const runs = await trainingLog.readRuns(doc, context({}));
    const again = context({});
    expect(await trainingLog.readRuns(doc, again)).toBe(runs);
    expect(again.calls).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  it("the page's data goes to the reader once; a restarted reader asks for it and gets it again", async () => {
    const doc = page(DOC_LOG, LOG_URL);
    const trainingLog = createStravaPages().trainingLog;
    const routes = { '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': feedRoute };
    const sent: Partial<LogFacts>[] = [];
    const via = (readers: ReturnType<typeof createStravaReaders>) => {
      const local = localTransport({ 'strava-training-log': readers.trainingLog });
      const transport: ReadTransport = (id, facts, ctx, prepare) => (sent.push(facts as LogFacts), local(id, facts, ctx, prepare));
      return transport;
    };
    let transport = via(createStravaReaders({ now: () => NOW }));
    const adapter = readingAdapter(trainingLog, (...args) => transport(...args));
    const runs = await adapter.readRuns(doc, context(routes));
    expect(runs.length).toBeGreaterThan(0);
    expect(sent.map((f) => typeof f.text)).toEqual(['string']);
    // More weeks on screen: the same page data, not sent again.
    doc.querySelector('[data-timestamp]')!.remove();
    await adapter.readRuns(doc, context(routes));
    expect(sent.map((f) => typeof f.text)).toEqual(['string', 'undefined']);
    // The background restarted (a new reader without the text): it asks, the page sends it, the runs are read.
    transport = via(createStravaReaders({ now: () => NOW }));
    doc.querySelector('[data-timestamp]')!.remove();
    const again = await adapter.readRuns(doc, context(routes));
    expect(sent.slice(2).map((f) => typeof f.text)).toEqual(['undefined', 'string']);
    expect(again.map((r) => r.start)).toEqual(expect.arrayContaining(runs.slice(-3).map((r) => r.start)));
  });

  it('the reader tells the page the weeks its data lists (they place the rows) and the athlete it names', async () => {
    const doc = page(DOC_LOG, LOG_URL);
    const trainingLog = createStravaPages().trainingLog;
    const reader = createStravaReaders({ now: () => NOW }).trainingLog;
    // The head start, before any row is on screen, already reads them.
    await reader.read(trainingLog.facts(doc, '2024-03-14')!.data, context({}), true);
    const state = reader.state!() as LogState;
    expect(state.weeks).toEqual(['2024-02-05', '2024-02-12', '2024-02-19', '2024-02-26', '2024-03-04', '2024-03-11']);
    // This page's data names no current athlete (the header's menu does).
    expect(state.athleteId).toBeNull();
    expect(trainingLog.accept!(state, trainingLog.facts(doc, '2024-03-14')!, '2024-03-14')).toBe(false);
  });

  it('the read half asked again reads from memory and says the same', async () => {
    const doc = page(DOC_LOG, LOG_URL);
    const pages = createStravaPages();
    const reader = createStravaReaders({ now: () => NOW }).trainingLog;
    const facts = pages.trainingLog.facts(doc, '2024-03-14')!.data;
    const ctx = context({ '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': feedRoute });
    await reader.read(facts, ctx);
    const again = context({});
    await reader.read(facts, again);
    expect(again.calls).toEqual([]);
    expect(mergedNotes(again.notes)).toEqual(mergedNotes(ctx.notes));
  });
});

describe("the runner's own feed, /dashboard/feed?feed_type=my_activity (Sauce for Strava's source)", () => {
  it("reads runs of Activity entries and the runner's own GroupActivity rows; rides, posts and other athletes are not theirs", () => {
    const page1 = runsFromDashboardFeed(FEED, '123')!;
    expect(page1.runs).toEqual([
      { start: '2024-03-12T07:00:00', km: 8, id: '801' },
      { start: '2024-03-09T09:00:00', km: 12, id: '803' },
      { start: '2024-03-07T07:00:00', km: 10.5, id: '805' },
    ]);
    expect(page1.unreadable).toBe(0);
    expect(page1.cursor).toBe(1709798400);
    expect(page1.entries).toBe(5);
    // Without the runner's id a group row could be theirs: the page is partial.
    expect(runsFromDashboardFeed(FEED, null)!.unreadable).toBeGreaterThan(0);
    for (const bad of [null, {}, { entries: 'x' }, []]) expect(runsFromDashboardFeed(bad, '123')).toBeNull();
  });

  it('the distance is the one stat that reads as km or mi; a pace, a time or two distances are not one', () => {
    const unit = (v: string, u: string) => `${v}<abbr class='unit' title='${u}'>${u === 'miles' ? 'mi' : 'km'}</abbr>`;
    expect(feedStatKm([{ key: 'stat_one', value: unit('5.00', 'miles') }])).toBeCloseTo(8.04672, 5);
    expect(
      feedStatKm([
        { key: 'stat_one', value: unit('8,4', 'kilomètres') },
        { key: 'stat_one_subtitle', value: 'Distance' },
      ]),
    ).toBe(8.4);
    expect(feedStatKm([{ key: 'stat_one', value: "5:10<abbr class='unit'>/km</abbr>" }])).toBeNull();
    expect(
      feedStatKm([
        { key: 'a', value: unit('5', 'kilometers') },
        { key: 'b', value: unit('6', 'kilometers') },
      ]),
    ).toBeNull();
    expect(feedStatKm('5 km')).toBeNull();
    expect(feedStatKm([{ key: 'x', value: '12.4mi' }])).toBeCloseTo(19.9559, 3);
    expect(feedStatKm([{ key: 'x', value: '12&nbsp;км' }])).toBe(12);
    for (const odd of ['1.234,5 km', '120 m', '41 m 20 s', '5 km/h', '2000 km'])
      expect(feedStatKm([{ key: 'x', value: odd }]), odd).toBeNull();
  });

  it('a run whose distance cannot be read: that page is not used, the refusal says partial data', async () => {
    const broken = structuredClone(FEED);
    (broken.entries[0]!.activity as { stats: unknown }).stats = [{ key: 'stat_one', value: '—' }];
    const pages = new StravaActivities(() => NOW);
    const ctx = context({ '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': broken });
    await pages.ensureSince('2024-01-01', ctx, '123');
    expect(pages.runs).toEqual([]);
    expect(pages.coveredFrom()).toBeNull();
    expect(mergedNotes(ctx.notes).refusals.at(-1)).toEqual({ source: 'strava:dashboard-feed', reason: 'partial-data' });
  });

  it('coverage from a cursor: complete from two days after its day (activities are updated after they start)', async () => {
    const pages = new StravaActivities(() => NOW);
    const ctx = context({
      '/athlete/training_activities': new FetchRefused('bad-response', 'not JSON'),
      '/dashboard/feed': (p: string) => (p.endsWith(`before=${NOW / 1000}`) ? FEED : new FetchRefused('rate-limited', 'HTTP 429', 429)),
    });
    await pages.ensureSince('2024-01-01', ctx, '123');
    expect(pages.runs.map((r) => r.id)).toEqual(['801', '803', '805']);
    expect(pages.coveredFrom()).toBe('2024-03-09'); // cursor 2024-03-07T08:00Z
    const notes = mergedNotes(ctx.notes);
    expect(notes.sources).toEqual([{ source: 'strava:dashboard-feed', runs: 3 }]);
    expect(notes.refusals).toEqual([
      { source: 'strava:training-activities', reason: 'bad-response' },
      { source: 'strava:dashboard-feed', reason: 'rate-limited', status: 429 },
    ]);
  });

  it('the dashboard badge from the feed when training_activities is refused', async () => {
    const html = readFileSync(resolve(PAGES, 'strava-dashboard.html'), 'utf8');
    const doc = page(html, 'https://www.strava.com/dashboard');
    const { dashboard } = createStravaAdapters({ now: () => NOW });
    const ctx = context({ '/athlete/training_activities': FORBIDDEN, '/dashboard/feed': feedRoute });
    const runs = await dashboard.readRuns(doc, ctx);
    expect(runs.map((r) => r.id)).toEqual(['801', '803', '805']);
    expect(dashboard.findAnchors(doc)).toHaveLength(1);
    expect(ctx.calls.every((c) => c.startsWith('/'))).toBe(true);
  });
});

describe('each Strava adapter names its page and lists its selectors', () => {
  it.each([
    ['trainingLog', 'Strava Training Log'],
    ['dashboard', 'Strava dashboard'],
    ['profile', 'Strava athlete profile'],
  ] as const)('%s', (which, kind) => {
    const adapter = createStravaAdapters()[which];
    expect(adapter.pageKind?.(new URL('https://www.strava.com/'))).toBe(kind);
    expect(adapter.selectors?.some((s) => s.includes('labeledby="athlete-menu"'))).toBe(true);
    const doc = page('<p></p>', 'https://www.strava.com/');
    for (const selector of adapter.selectors ?? []) expect(() => doc.querySelectorAll(selector)).not.toThrow();
  });
});
