// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSameOriginFetch, FetchRefused } from '../../../lib/content/fetch';
import {
  GARMIN_API_PREFIX,
  createGarminAdapter,
  garminCsrfToken,
  garminLocalTime,
  monthsOf,
  runsFromGarminActivities,
  runsFromGarminCalendar,
} from '../../../lib/sites/garmin';
import { readCassette } from './cassettes';
import { REAL_FIXTURES, fakeContext, htmlDocument, loadPage, mergedNotes, pageJson } from './other-sites-helpers';
import { parseLocally } from '../../../lib/sites/parse';

const activities = pageJson('garmin-activities.json');
const calendarFeb = pageJson('garmin-calendar-2026-1.json');
const calendarJan = pageJson('garmin-calendar-2026-0.json');
const realCalendar = JSON.parse(readFileSync(resolve(REAL_FIXTURES, 'garmin/calendar-month.json'), 'utf8'));

const SEARCH = 'activitylist-service/activities/search/activities';

describe('runsFromGarminActivities', () => {
  it('reads runs (all running sub-types) and skips other sports and broken items', () => {
    const runs = runsFromGarminActivities(activities);
    expect(runs.map((r) => r.id)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
      '1006',
      '1008',
      '1009',
      '1010',
      '1011',
      '1012',
      '1013',
      '1015',
    ]);
    expect(runs[0]).toEqual({ start: '2026-01-03T08:00:00', km: 8, id: '1001' });
    // typeId 6 with parent 1 and no typeKey is a trail run.
    expect(runs.find((r) => r.id === '1013')).toEqual({ start: '2026-02-14T09:00:00', km: 21, id: '1013' });
  });

  it('accepts the wrapped shape and the activity-detail shape', () => {
    expect(runsFromGarminActivities({ activityList: (activities as unknown[]).slice(0, 2) })).toHaveLength(2);
    expect(
      runsFromGarminActivities([
        {
          activityId: 9,
          activityTypeDTO: { typeKey: 'treadmill_running' },
          summaryDTO: { startTimeLocal: '2026-09-11T07:00:00.0', distance: 8000 },
        },
      ]),
    ).toEqual([{ start: '2026-09-11T07:00:00', km: 8, id: '9' }]);
  });

  it('never throws and returns [] for anything else', () => {
    for (const value of [null, undefined, 1, 'x', {}, { activityList: 'x' }, [[]], [{ activityType: null }]]) {
      expect(runsFromGarminActivities(value)).toEqual([]);
    }
    const evil = [
      Object.defineProperty({}, 'activityType', {
        get: () => {
          throw new Error('boom');
        },
      }),
    ];
    expect(runsFromGarminActivities(evil)).toEqual([]);
    const proxy = new Proxy([], {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(runsFromGarminActivities(proxy)).toEqual([]);
  });

  it('property: any JSON value gives valid runs or none, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const run of [...runsFromGarminActivities(value), ...runsFromGarminCalendar(value)]) {
          expect(run.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
          expect(Number.isFinite(run.km) && run.km >= 0).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('runsFromGarminCalendar', () => {
  it('reads the real calendar-service fixture: one pool swim, so no run', () => {
    expect(realCalendar.calendarItems[0].activityTypeId).toBe(27);
    expect(runsFromGarminCalendar(realCalendar)).toEqual([]);
  });

  it('reads the same shape when the item is a run: distance in centimetres', () => {
    const asRun = structuredClone(realCalendar);
    asRun.calendarItems[0].activityTypeId = 1;
    expect(runsFromGarminCalendar(asRun)).toEqual([{ start: '2022-06-16T20:36:37', km: 0.35, id: '3' }]);
    // The write-up's 9.34 km run: 933660 cm (duration in ms), never 933.66 km.
    asRun.calendarItems[0] = { ...asRun.calendarItems[0], id: 9, distance: 933660, duration: 3_120_000 };
    expect(runsFromGarminCalendar(asRun)).toEqual([{ start: '2022-06-16T20:36:37', km: 9.3366, id: '9' }]);
  });

  it('counts the documented running activityTypeIds (1, 6, 8, 18) and no other bare id', () => {
    const item = (id: number, activityTypeId: number) => ({
      id,
      itemType: 'activity',
      activityTypeId,
      date: '2026-02-03',
      distance: 500_000,
      startTimestampLocal: '2026-02-03T07:00:00.0',
    });
    const ids = [1, 6, 8, 18, 2, 7, 9, 27, 153];
    const runs = runsFromGarminCalendar({ calendarItems: ids.map((typeId, i) => item(i, typeId)) });
    expect(runs.map((r) => r.id)).toEqual(['0', '1', '2', '3']);
    expect(runs.every((r) => r.km === 5)).toBe(true);
  });

  it('keeps activities that are runs; skips workouts, notes, rides, walks and runs without distance', () => {
    expect(runsFromGarminCalendar(calendarFeb)).toEqual([
      { start: '2026-02-03T07:00:00', km: 6.5, id: '1008' },
      { start: '2026-02-05T07:00:00', km: 7, id: '1009' },
      { start: '2026-02-07T09:00:00', km: 16, id: '1010' },
      { start: '2026-02-10T07:00:00', km: 6, id: '1011' },
      { start: '2026-02-12T18:30:00', km: 8, id: '1012' },
      { start: '2026-02-14T09:00:00', km: 21, id: '1013' },
      { start: '2026-02-16T07:00:00', km: 5, id: '1015' },
      // Only a date and a typeKey: midnight of that day.
      { start: '2026-02-08T00:00:00', km: 3, id: '5003' },
    ]);
  });

  it('never throws', () => {
    for (const value of [null, [], { calendarItems: null }, { calendarItems: [null, 1, 'x'] }]) {
      expect(runsFromGarminCalendar(value)).toEqual([]);
    }
  });
});

describe('helpers', () => {
  it('garminLocalTime accepts both spellings and refuses impossible times', () => {
    expect(garminLocalTime('2026-02-15 07:30:00')).toBe('2026-02-15T07:30:00');
    expect(garminLocalTime('2026-02-15T07:30:00.0')).toBe('2026-02-15T07:30:00');
    expect(garminLocalTime('2026-02-15')).toBe('2026-02-15T00:00:00');
    expect(garminLocalTime('2026-02-30 07:30:00')).toBeNull();
    expect(garminLocalTime(20260215)).toBeNull();
  });

  it('monthsOf lists 0-based months across a year end', () => {
    expect(monthsOf({ from: '2025-12-20', to: '2026-02-18' })).toEqual([
      { year: 2025, month0: 11 },
      { year: 2026, month0: 0 },
      { year: 2026, month0: 1 },
    ]);
  });
});

describe('garminAdapter.matches', () => {
  const adapter = createGarminAdapter();
  it.each([
    'https://connect.garmin.com/modern/',
    'https://connect.garmin.com/modern',
    'https://connect.garmin.com/modern/calendar',
    'https://connect.garmin.com/modern/calendar/2026/1',
    'https://connect.garmin.com/modern/report/17/running/last_four_weeks',
    'https://connect.garmin.com/modern/activities?activityType=running',
    'https://connect.garmin.com/app/calendar',
  ])('handles %s', (url) => {
    expect(adapter.matches(new URL(url))).toBe(true);
  });

  it.each([
    'https://connect.garmin.com/',
    'https://connect.garmin.com/signin',
    'https://connect.garmin.com/modern/proxy/activitylist-service/activities/search/activities',
    'https://connect.garmin.com/gc-api/activitylist-service/activities',
    'https://connect.garmin.com.evil.example/modern/calendar',
    'http://connect.garmin.com/modern/calendar',
    'https://sso.garmin.com/modern/calendar',
    'https://connect.garmin.cn/modern/calendar',
    'https://www.strava.com/modern/calendar',
    'https://intervals.icu/modern/',
  ])('ignores %s', (url) => {
    expect(adapter.matches(new URL(url))).toBe(false);
  });
});

describe('garminAdapter on saved pages', () => {
  it('finds one anchor per dated week on the calendar (hashed class names)', () => {
    const doc = loadPage('garmin-calendar.html');
    const anchors = createGarminAdapter().findAnchors(doc);
    expect(anchors.map((a) => a.weekStart)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    expect(anchors.map((a) => a.key)).toEqual(anchors.map((a) => `garmin-week:${a.weekStart}`));
    for (const anchor of anchors) {
      expect(anchor.element.className).toMatch(/^Calendar_weekSummary__/);
      expect(anchor.placement).toBe('append');
    }
  });

  it('falls back to data-testid cells with <time datetime>, skipping a hidden row and an undated summary', () => {
    const doc = loadPage('garmin-calendar-testid.html');
    const anchors = createGarminAdapter().findAnchors(doc);
    expect(anchors.map((a) => a.weekStart)).toEqual(['2026-02-02', '2026-02-09', '2026-02-16']);
    expect(anchors.every((a) => a.element.getAttribute('data-testid') === 'Week-Summary-Cell')).toBe(true);
  });

  it('finds no anchor on the activity list and no anchor on an empty page (degrades quietly)', () => {
    expect(createGarminAdapter().findAnchors(loadPage('garmin-activities.html'))).toEqual([]);
    expect(createGarminAdapter().findAnchors(htmlDocument('<!doctype html><title>x</title>'))).toEqual([]);
  });

  it("reads runs from /gc-api/ with the page's CSRF header, and says where they came from", async () => {
    const doc = loadPage('garmin-calendar.html');
    const adapter = createGarminAdapter();
    const ctx = fakeContext({ [`/gc-api/${SEARCH}`]: activities });
    const runs = await adapter.readRuns(doc, ctx);
    expect(runs.map((r) => r.id)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
      '1006',
      '1008',
      '1009',
      '1010',
      '1011',
      '1012',
      '1013',
      '1015',
    ]);
    expect(ctx.calls.map((c) => c.split('activitylist')[0])).toEqual(['/gc-api/']);
    expect(ctx.headers).toEqual([{ 'connect-csrf-token': 'test-csrf-7f3a9c' }]);
    const notes = mergedNotes(ctx.notes);
    expect(notes.sources).toEqual([{ source: 'garmin:activity-search', runs: 13 }]);
    expect(notes.refusals).toEqual([]);
    expect(notes.coveredFrom).toBe('2025-11-26');
    // The range: 12 weeks back or 35 days before the earliest week shown, to the end of the last week shown.
    const url = new URL(ctx.calls[0]!, 'https://connect.garmin.com');
    expect(url.searchParams.get('startDate')).toBe('2025-11-26'); // 12 weeks before today (earlier than 35 days before 26 Jan)
    expect(url.searchParams.get('endDate')).toBe('2026-03-01');
    expect(url.searchParams.get('limit')).toBe('100');

    // A second pass (the core reads on every re-render) calls nothing and returns the same array.
    const again = await adapter.readRuns(doc, ctx);
    expect(again).toBe(runs);
    expect(ctx.calls).toHaveLength(1);
    // Every shown week was read and keeps its anchor, except next week's row (no runs yet: no "0 km" badge).
    expect(adapter.findAnchors(doc).map((a) => a.weekStart)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
  });

  it('pages through long activity lists', async () => {
    const doc = loadPage('garmin-calendar.html');
    const many = Array.from({ length: 150 }, (_, i) => ({
      activityId: 5000 + i,
      startTimeLocal: `2026-02-${String(1 + (i % 17)).padStart(2, '0')} 06:${String(i % 60).padStart(2, '0')}:00`,
      activityType: { typeKey: 'running' },
      distance: 1000,
    }));
    const ctx = fakeContext({
      [`/gc-api/${SEARCH}`]: (path: string) => {
        const start = Number(new URL(path, 'https://x').searchParams.get('start'));
        return many.slice(start, start + 100);
      },
    });
    const runs = await createGarminAdapter().readRuns(doc, ctx);
    expect(runs).toHaveLength(150);
    expect(ctx.calls).toHaveLength(2);
  });

  it('falls back to the calendar service, month by month, when the search answers nowhere', async () => {
    const doc = loadPage('garmin-calendar.html');
    const adapter = createGarminAdapter();
    const ctx = fakeContext({
      '/gc-api/calendar-service/year/2025/month/10': { calendarItems: [] },
      '/gc-api/calendar-service/year/2025/month/11': pageJson('garmin-calendar-2025-11.json'),
      '/gc-api/calendar-service/year/2026/month/0': calendarJan,
      '/gc-api/calendar-service/year/2026/month/1': calendarFeb,
      '/gc-api/calendar-service/year/2026/month/2': { calendarItems: [] },
    });
    const runs = await adapter.readRuns(doc, ctx);
    expect(runs.map((r) => r.id)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
      '1006',
      '1008',
      '1009',
      '1010',
      '5003',
      '1011',
      '1012',
      '1013',
      '1015',
    ]);
    const searches = ctx.calls.filter((c) => c.includes(SEARCH));
    expect(searches.map((c) => c.split('activitylist')[0])).toEqual([GARMIN_API_PREFIX]);
    // Every call carries the header; the search's 404 is reported, the calendar as the source.
    expect(ctx.headers.every((h) => h?.['connect-csrf-token'] === 'test-csrf-7f3a9c')).toBe(true);
    const notes = mergedNotes(ctx.notes);
    expect(notes.refusals).toEqual([{ source: 'garmin:activity-search', reason: 'not-found', status: 404 }]);
    expect(notes.sources).toEqual([{ source: 'garmin:calendar', runs: 14 }]);
    expect(ctx.calls.filter((c) => c.includes('calendar-service'))).toEqual([
      '/gc-api/calendar-service/year/2025/month/10',
      '/gc-api/calendar-service/year/2025/month/11',
      '/gc-api/calendar-service/year/2026/month/0',
      '/gc-api/calendar-service/year/2026/month/1',
      '/gc-api/calendar-service/year/2026/month/2',
    ]);
  });

  it('signed out (nothing answers): no runs, then no anchors, and no retry storm', async () => {
    const doc = loadPage('garmin-calendar.html');
    let now = 0;
    const adapter = createGarminAdapter({ now: () => now });
    const ctx = fakeContext({});
    expect(adapter.findAnchors(doc)).toHaveLength(5); // before reading: ask for runs
    expect(await adapter.readRuns(doc, ctx)).toEqual([]);
    expect(adapter.findAnchors(doc)).toEqual([]); // no badge rather than a "0 km" one
    const calls = ctx.calls.length;
    await adapter.readRuns(doc, ctx);
    expect(ctx.calls.length).toBe(calls); // no retry within a minute
    now += 61_000;
    await adapter.readRuns(doc, ctx);
    expect(ctx.calls.length).toBeGreaterThan(calls);
  });

  it('a week shown later (SPA navigation) is offered once, read, then badged; unreadable ones get none', async () => {
    const adapter = createGarminAdapter();
    let failOlder = false;
    const ctx = fakeContext({
      [`/gc-api/${SEARCH}`]: (path: string) =>
        failOlder && new URL(path, 'https://x').searchParams.get('startDate')!.startsWith('2025-0') ? new Error('401') : activities,
    });
    const feb = loadPage('garmin-calendar.html');
    await adapter.readRuns(feb, ctx);
    expect(adapter.findAnchors(feb)).toHaveLength(4); // the core's query right after the read
    // The runner moves the SPA calendar to an older month: the rows now show 2025 weeks.
    const older = feb.body.innerHTML.replaceAll('2026-01-', '2025-06-').replaceAll('2026-02-', '2025-07-');
    const doc = htmlDocument(`<!doctype html><body>${older}</body>`);
    // Not tried yet: offered, so the core asks for runs before placing anything.
    expect(adapter.findAnchors(doc).length).toBe(5);
    await adapter.readRuns(doc, ctx);
    expect(adapter.findAnchors(doc).map((a) => a.weekStart)).toEqual([
      '2025-06-26',
      '2025-07-02',
      '2025-07-09',
      '2025-07-16',
      '2025-07-23',
    ]);
    // Only the missing dates were asked for.
    const last = new URL(ctx.calls.at(-1)!, 'https://x');
    expect(last.searchParams.get('endDate')).toBe('2025-11-25');

    // Another adapter whose read of the older weeks fails: offered once, then no anchors.
    // (The test documents share happy-dom's one global document: load February again.)
    const failing = createGarminAdapter();
    await failing.readRuns(loadPage('garmin-calendar.html'), ctx);
    failing.findAnchors(loadPage('garmin-calendar.html'));
    failOlder = true;
    const doc2 = htmlDocument(`<!doctype html><body>${older}</body>`);
    expect(failing.findAnchors(doc2).length).toBe(5);
    await failing.readRuns(doc2, ctx);
    expect(failing.findAnchors(doc2)).toEqual([]);
    // The February weeks read before still have theirs.
    expect(failing.findAnchors(loadPage('garmin-calendar.html'))).toHaveLength(4);
  });

  it('weeks that appear while a read is under way are read too, and never badged unread', async () => {
    const adapter = createGarminAdapter();
    const feb = loadPage('garmin-calendar.html');
    const older = feb.body.innerHTML.replaceAll('2026-01-', '2025-06-').replaceAll('2026-02-', '2025-07-');
    let switchDuringRead = true;
    const ctx = fakeContext({
      [`/gc-api/${SEARCH}`]: () => {
        // The SPA moves to the older month while our first call is in flight.
        if (switchDuringRead) {
          switchDuringRead = false;
          htmlDocument(`<!doctype html><body>${older}</body>`);
        }
        return activities;
      },
    });
    await adapter.readRuns(feb, ctx);
    // The read noticed the new weeks and read them as well (a second call for the missing dates).
    expect(ctx.calls).toHaveLength(2);
    expect(adapter.findAnchors(document).map((a) => a.weekStart)).toEqual([
      '2025-06-26',
      '2025-07-02',
      '2025-07-09',
      '2025-07-16',
      '2025-07-23',
    ]);
  });

  it('the query right after a read never offers a week that read did not see', async () => {
    const adapter = createGarminAdapter();
    const ctx = fakeContext({ [`/gc-api/${SEARCH}`]: activities });
    const feb = loadPage('garmin-calendar.html');
    await adapter.readRuns(feb, ctx);
    const older = feb.body.innerHTML.replaceAll('2026-01-', '2025-06-').replaceAll('2026-02-', '2025-07-');
    const doc = htmlDocument(`<!doctype html><body>${older}</body>`);
    expect(adapter.findAnchors(doc)).toEqual([]); // the core would place these with unread data
    expect(adapter.findAnchors(doc)).toHaveLength(5); // the next pass offers them, to be read
  });

  it('never throws into the page, whatever fetchJson does', async () => {
    const doc = loadPage('garmin-calendar.html');
    const adapter = createGarminAdapter();
    const ctx = {
      today: '2026-02-18',
      fetchJson: () => {
        throw new Error('sync throw');
      },
    };
    await expect(adapter.readRuns(doc, ctx)).resolves.toEqual([]);
    await expect(adapter.readRuns(doc, { today: 'garbage', parse: parseLocally, fetchJson: async () => activities })).resolves.toEqual([]);
    expect(() => adapter.findAnchors(null as unknown as Document)).not.toThrow();
  });
});

describe('Garmin: what maintained extensions and the API write-ups show (docs/research/sites.md, 2026-12)', () => {
  it('reads the real recorded activity search answers (garth cassettes, January 2026): the trail run only', () => {
    const [limit3] = readCassette('garth-activities-search-limit3.yaml');
    expect(limit3!.status).toBe(200);
    expect(runsFromGarminActivities(limit3!.json)).toEqual([{ start: '2026-01-08T08:10:21', km: 4.26118994140625, id: '21482825013' }]);
    const pages = readCassette('garth-activities-search-pagination.yaml');
    expect(pages.map((p) => new URL(p.uri).searchParams.get('start'))).toEqual(['0', '2']);
    // Trail run, hike, stand-up paddle, open-water swim: one run across both pages.
    expect(pages.flatMap((p) => runsFromGarminActivities(p.json)).map((r) => r.id)).toEqual(['21482825013']);
  });

  it('pages through the recorded answers the way the web app asks (/gc-api/, start and limit)', async () => {
    const pages = readCassette('garth-activities-search-pagination.yaml').map((p) => p.json as unknown[]);
    const all = pages.flat();
    const ctx = fakeContext(
      {
        [`/gc-api/${SEARCH}`]: (path: string) => {
          const q = new URL(path, 'https://connect.garmin.com').searchParams;
          return all.slice(Number(q.get('start')), Number(q.get('start')) + Number(q.get('limit')));
        },
      },
      '2026-01-14',
    );
    const runs = await createGarminAdapter().readRuns(loadPage('garmin-calendar.html'), ctx);
    expect(runs.map((r) => [r.id, r.start, r.km])).toEqual([['21482825013', '2026-01-08T08:10:21', 4.26118994140625]]);
  });

  it('without the header /gc-api/ answers 403: the adapter sends it, and says "forbidden" when the page has none', async () => {
    // The server of the write-ups: 403 unless connect-csrf-token matches the page's meta tag.
    const guarded = (path: string, init?: { headers?: Record<string, string> }) =>
      init?.headers?.['connect-csrf-token'] === 'test-csrf-7f3a9c' ? activities : new FetchRefused('forbidden', 'HTTP 403', 403);
    const routes = { [`/gc-api/${SEARCH}`]: guarded, '/gc-api/calendar-service/': guarded };
    const withMeta = fakeContext(routes);
    expect(await createGarminAdapter().readRuns(loadPage('garmin-calendar.html'), withMeta)).toHaveLength(13);

    const page = loadPage('garmin-calendar.html');
    page.querySelector('meta[name="csrf-token"]')!.remove();
    expect(garminCsrfToken(page)).toBeNull();
    const without = fakeContext(routes);
    const adapter = createGarminAdapter();
    expect(await adapter.readRuns(page, without)).toEqual([]);
    expect(without.headers.every((h) => h === undefined)).toBe(true);
    const notes = mergedNotes(without.notes);
    expect(notes.refusals[0]).toEqual({ source: 'garmin:activity-search', reason: 'forbidden', status: 403 });
    expect(notes.refusals.at(-1)).toEqual({ source: 'garmin:calendar', reason: 'forbidden', status: 403 });
    expect(notes.sources).toEqual([]);
    expect(notes.coveredFrom).toBeUndefined();
    expect(adapter.findAnchors(page)).toEqual([]);
  });

  it('through the real same-origin fetch: the header reaches the request, and a 403 without it says "forbidden"', async () => {
    // A Garmin-like server: /gc-api/ answers 403 unless connect-csrf-token matches the page's meta tag.
    const server = async (href: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      if (headers.get('x-requested-with') !== 'XMLHttpRequest' || init.redirect !== 'manual') return new Response('{}', { status: 400 });
      if (headers.get('connect-csrf-token') !== 'test-csrf-7f3a9c') return new Response('{"message":"Forbidden"}', { status: 403 });
      return new URL(href).pathname.endsWith('/search/activities') ? Response.json(activities) : new Response('nope', { status: 404 });
    };
    const fetchJson = createSameOriginFetch({
      origin: 'https://connect.garmin.com',
      fetch: server as typeof fetch,
    });
    const notes: unknown[] = [];
    const ctx = { today: '2026-02-18', fetchJson, parse: parseLocally, note: (n: unknown) => void notes.push(n) };
    expect(await createGarminAdapter().readRuns(loadPage('garmin-calendar.html'), ctx)).toHaveLength(13);

    const page = loadPage('garmin-calendar.html');
    page.querySelector('meta[name="csrf-token"]')!.setAttribute('content', 'stale-token');
    notes.length = 0;
    expect(await createGarminAdapter().readRuns(page, ctx)).toEqual([]);
    // One note per read: both of Garmin's sources were refused.
    expect(notes).toEqual([
      {
        refusals: [
          { source: 'garmin:activity-search', reason: 'forbidden', status: 403 },
          { source: 'garmin:calendar', reason: 'forbidden', status: 403 },
        ],
      },
    ]);
  });

  it('never guesses another prefix: no /proxy/, no /modern/proxy/, no bare path', async () => {
    const ctx = fakeContext({});
    await createGarminAdapter().readRuns(loadPage('garmin-calendar.html'), ctx);
    expect(ctx.calls.length).toBeGreaterThan(0);
    expect(ctx.calls.every((c) => c.startsWith('/gc-api/'))).toBe(true);
  });

  it('a CSRF meta tag with line breaks or an absurd length is not sent', () => {
    expect(garminCsrfToken(htmlDocument('<meta name="csrf-token" content="  abc  ">'))).toBe('abc');
    expect(garminCsrfToken(htmlDocument('<meta name="csrf-token" content="">'))).toBeNull();
    expect(garminCsrfToken(htmlDocument(`<meta name="csrf-token" content="${'x'.repeat(600)}">`))).toBeNull();
    expect(garminCsrfToken(htmlDocument('<meta name="csrf-token" content="a&#10;b">'))).toBeNull();
  });

  it('names its pages under /modern/ and /app/, and lists the selectors it queries', () => {
    const adapter = createGarminAdapter();
    expect(adapter.pageKind?.(new URL('https://connect.garmin.com/modern/calendar'))).toBe('Garmin Connect calendar');
    expect(adapter.pageKind?.(new URL('https://connect.garmin.com/app/calendar/2026/1'))).toBe('Garmin Connect calendar');
    expect(adapter.pageKind?.(new URL('https://connect.garmin.com/app/activities'))).toBe('Garmin Connect activities');
    expect(adapter.matches(new URL('https://connect.garmin.com/app/activities'))).toBe(true);
    expect(adapter.matches(new URL('https://connect.garmin.com/application'))).toBe(false);
    expect(adapter.selectors).toContain('meta[name="csrf-token"]');
    expect(adapter.selectors).toContain('[class*="weekSummary"]');
  });
});
