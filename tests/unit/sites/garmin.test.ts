// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GARMIN_PREFIXES,
  createGarminAdapter,
  garminLocalTime,
  monthsOf,
  runsFromGarminActivities,
  runsFromGarminCalendar,
} from '../../../lib/sites/garmin';
import { REAL_FIXTURES, fakeContext, htmlDocument, loadPage, pageJson } from './other-sites-helpers';

const activities = pageJson('garmin-activities.json');
const calendarFeb = pageJson('garmin-calendar-2026-1.json');
const calendarJan = pageJson('garmin-calendar-2026-0.json');
const realCalendar = JSON.parse(readFileSync(resolve(REAL_FIXTURES, 'garmin/calendar-month.json'), 'utf8'));

const SEARCH = 'activitylist-service/activities/search/activities';

describe('runsFromGarminActivities', () => {
  it('reads runs (all running sub-types) and skips other sports and broken items', () => {
    const runs = runsFromGarminActivities(activities);
    expect(runs.map((r) => r.id)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1008', '1009', '1010', '1011', '1012', '1013', '1015']);
    expect(runs[0]).toEqual({ start: '2026-01-03T08:00:00', km: 8, id: '1001' });
    // typeId 6 with parent 1 and no typeKey is a trail run.
    expect(runs.find((r) => r.id === '1013')).toEqual({ start: '2026-02-14T09:00:00', km: 21, id: '1013' });
  });

  it('accepts the wrapped shape and the activity-detail shape', () => {
    expect(runsFromGarminActivities({ activityList: (activities as unknown[]).slice(0, 2) })).toHaveLength(2);
    expect(
      runsFromGarminActivities([
        { activityId: 9, activityTypeDTO: { typeKey: 'treadmill_running' }, summaryDTO: { startTimeLocal: '2026-09-11T07:00:00.0', distance: 8000 } },
      ]),
    ).toEqual([{ start: '2026-09-11T07:00:00', km: 8, id: '9' }]);
  });

  it('never throws and returns [] for anything else', () => {
    for (const value of [null, undefined, 1, 'x', {}, { activityList: 'x' }, [[]], [{ activityType: null }]]) {
      expect(runsFromGarminActivities(value)).toEqual([]);
    }
    const evil = [Object.defineProperty({}, 'activityType', { get: () => { throw new Error('boom'); } })];
    expect(runsFromGarminActivities(evil)).toEqual([]);
    const proxy = new Proxy([], { get: () => { throw new Error('boom'); } });
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

  it('reads the same shape when the item is a run', () => {
    const asRun = structuredClone(realCalendar);
    asRun.calendarItems[0].activityTypeId = 1;
    expect(runsFromGarminCalendar(asRun)).toEqual([{ start: '2022-06-16T20:36:37', km: 35, id: '3' }]);
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

  it('reads runs from the first candidate path that answers with the documented shape', async () => {
    const doc = loadPage('garmin-calendar.html');
    const adapter = createGarminAdapter();
    // /gc-api/ answers with an HTML sign-in page (not JSON), /proxy/ with the activity list.
    const ctx = fakeContext({
      [`/gc-api/${SEARCH}`]: new Error('Unexpected token < in JSON'),
      [`/proxy/${SEARCH}`]: activities,
    });
    const runs = await adapter.readRuns(doc, ctx);
    expect(runs.map((r) => r.id)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1008', '1009', '1010', '1011', '1012', '1013', '1015']);
    expect(ctx.calls.map((c) => c.split('activitylist')[0])).toEqual(['/gc-api/', '/proxy/']);
    // The range: 12 weeks back or 35 days before the earliest week shown, to the end of the last week shown.
    const url = new URL(ctx.calls[1]!, 'https://connect.garmin.com');
    expect(url.searchParams.get('startDate')).toBe('2025-11-26'); // 12 weeks before today (earlier than 35 days before 26 Jan)
    expect(url.searchParams.get('endDate')).toBe('2026-03-01');
    expect(url.searchParams.get('limit')).toBe('100');

    // A second pass (the core reads on every re-render) calls nothing and returns the same array.
    const again = await adapter.readRuns(doc, ctx);
    expect(again).toBe(runs);
    expect(ctx.calls).toHaveLength(2);
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
    expect(runs.map((r) => r.id)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1008', '1009', '1010', '5003', '1011', '1012', '1013', '1015']);
    const searches = ctx.calls.filter((c) => c.includes(SEARCH));
    expect(searches.map((c) => c.split('activitylist')[0])).toEqual([...GARMIN_PREFIXES]);
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
    expect(adapter.findAnchors(doc).map((a) => a.weekStart)).toEqual(['2025-06-26', '2025-07-02', '2025-07-09', '2025-07-16', '2025-07-23']);
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
    expect(adapter.findAnchors(document).map((a) => a.weekStart)).toEqual(['2025-06-26', '2025-07-02', '2025-07-09', '2025-07-16', '2025-07-23']);
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
    await expect(adapter.readRuns(doc, { today: 'garbage', fetchJson: async () => activities })).resolves.toEqual([]);
    expect(() => adapter.findAnchors(null as unknown as Document)).not.toThrow();
  });
});
