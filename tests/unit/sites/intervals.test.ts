// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FetchRefused } from '../../../lib/content/fetch';
import {
  createIntervalsAdapter,
  createIntervalsReader,
  intervalsActivitiesPath,
  isIntervalsStub,
  runsFromIntervalsActivities,
  stubDays,
} from '../../../lib/sites/intervals';
import { RunWindow, covers, rangeFor, windowNotes } from '../../../lib/sites/run-window';
import { WeekGate } from '../../../lib/sites/calendar-page';
import { dateFromValue, isoWeekMonday } from '../../../lib/sites/week-anchors';
import { fakeContext, htmlDocument, loadPage, mergedNotes, pageJson } from './other-sites-helpers';

const activities = pageJson('intervals-activities.json');
const API = '/api/v1/athlete/0/activities';

describe('runsFromIntervalsActivities', () => {
  it('reads Run, TrailRun and VirtualRun with distances; skips rides, walks, Strava stubs and broken items', () => {
    expect(runsFromIntervalsActivities(activities)).toEqual([
      { start: '2026-01-05T07:00:00', km: 10, id: 'i101' },
      { start: '2026-01-12T07:00:00', km: 10, id: 'i102' },
      { start: '2026-01-19T07:00:00', km: 12, id: 'i103' },
      { start: '2026-01-24T08:00:00', km: 14, id: 'i104' },
      { start: '2026-01-27T07:00:00', km: 8, id: 'i105' },
      { start: '2026-01-31T08:00:00', km: 12, id: 'i106' },
      { start: '2026-02-03T07:00:00', km: 8, id: 'i108' },
      { start: '2026-02-05T07:00:00', km: 6, id: 'i109' },
      { start: '2026-02-08T08:00:00', km: 16, id: 'i110' },
      { start: '2026-02-10T07:00:00', km: 8, id: 'i111' },
      { start: '2026-02-14T08:00:00', km: 18, id: 'i112' },
      { start: '2026-02-16T07:00:00', km: 7, id: 'i114' },
      { start: '2026-02-17T18:00:00', km: 3, id: '117' },
    ]);
  });

  it('never throws', () => {
    for (const value of [null, {}, 'x', [null, 1, [], { type: 'Run' }]]) expect(runsFromIntervalsActivities(value)).toEqual([]);
    const evil = [
      Object.defineProperty({}, 'type', {
        get: () => {
          throw new Error('boom');
        },
      }),
    ];
    expect(runsFromIntervalsActivities(evil)).toEqual([]);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const run of runsFromIntervalsActivities(value)) expect(Number.isFinite(run.km)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('intervalsAdapter.matches', () => {
  const adapter = createIntervalsAdapter();
  it.each([
    'https://intervals.icu/',
    'https://intervals.icu/calendar',
    'https://intervals.icu/?w=2026-02-09',
    'https://intervals.icu/activities/i114',
    'https://intervals.icu/fitness',
  ])('handles %s', (url) => expect(adapter.matches(new URL(url))).toBe(true));

  it.each([
    'https://intervals.icu/api/v1/athlete/0/activities',
    'https://intervals.icu/login',
    'https://intervals.icu/signup',
    'https://intervals.icu/oauth/authorize',
    'http://intervals.icu/calendar',
    'https://forum.intervals.icu/t/1',
    'https://intervals.icu.evil.example/calendar',
    'https://connect.garmin.com/modern/calendar',
  ])('ignores %s', (url) => expect(adapter.matches(new URL(url))).toBe(false));
});

describe('intervalsAdapter on saved pages', () => {
  it('finds the weekly totals column of each dated week', () => {
    const anchors = createIntervalsAdapter().findAnchors(loadPage('intervals-calendar.html'));
    expect(anchors.map((a) => a.weekStart)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(anchors.every((a) => a.element.className === 'week-totals')).toBe(true);
    expect(anchors[0]!.key).toBe('intervals-week:2026-01-26');
  });

  it('falls back to hashed class names with ISO week ids', () => {
    const anchors = createIntervalsAdapter().findAnchors(loadPage('intervals-calendar-alt.html'));
    expect(anchors.map((a) => a.weekStart)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
  });

  it('no anchor on an activity page or a blank page', () => {
    expect(createIntervalsAdapter().findAnchors(loadPage('intervals-activity.html'))).toEqual([]);
    expect(createIntervalsAdapter().findAnchors(htmlDocument('<p>hello</p>'))).toEqual([]);
  });

  it('makes one API call per page view, for the weeks shown and 35 days before', async () => {
    const doc = loadPage('intervals-calendar.html');
    const adapter = createIntervalsAdapter();
    const ctx = fakeContext({ [API]: activities });
    const runs = await adapter.readRuns(doc, ctx);
    expect(runs).toHaveLength(13);
    expect(ctx.calls).toEqual([`${API}?oldest=2025-11-26&newest=2026-02-22`]);
    // Re-renders and concurrent passes reuse it.
    const [a, b] = await Promise.all([adapter.readRuns(doc, ctx), adapter.readRuns(doc, ctx)]);
    expect(a).toBe(runs);
    expect(b).toBe(runs);
    expect(ctx.calls).toHaveLength(1);
    expect(adapter.findAnchors(doc)).toHaveLength(4);
  });

  it('concurrent first reads share one call', async () => {
    const doc = loadPage('intervals-calendar.html');
    const adapter = createIntervalsAdapter();
    const ctx = fakeContext({ [API]: activities });
    await Promise.all([adapter.readRuns(doc, ctx), adapter.readRuns(doc, ctx), adapter.readRuns(doc, ctx)]);
    expect(ctx.calls).toHaveLength(1);
  });

  it('an error object, a sign-in page or a 429 gives no runs and no anchors (no "0 km" badges)', async () => {
    for (const answer of [{ status: 401, error: 'Unauthorized' }, new Error('429 Too Many Requests'), new Error('Unexpected token <')]) {
      const doc = loadPage('intervals-calendar.html');
      const adapter = createIntervalsAdapter();
      const ctx = fakeContext({ [API]: answer });
      expect(await adapter.readRuns(doc, ctx)).toEqual([]);
      expect(adapter.findAnchors(doc)).toEqual([]);
      await adapter.readRuns(doc, ctx);
      expect(ctx.calls).toHaveLength(1); // rate limit respected: no immediate retry
    }
  });

  it('an empty but valid answer is real: weeks with no runs', async () => {
    const doc = loadPage('intervals-calendar.html');
    const adapter = createIntervalsAdapter();
    expect(await adapter.readRuns(doc, fakeContext({ [API]: [] }))).toEqual([]);
    expect(adapter.findAnchors(doc)).toHaveLength(4);
  });

  it('path builder', () => {
    expect(intervalsActivitiesPath({ from: '2026-01-01', to: '2026-02-01' })).toBe(`${API}?oldest=2026-01-01&newest=2026-02-01`);
  });
});

describe('run window and week helpers', () => {
  it("windowNotes: runs summed per source, every partial day, the last fetch's refusals and every partial-data one", () => {
    const source = 'intervals:activities';
    const notes = windowNotes([
      [{ refusals: [{ source, reason: 'rate-limited', status: 429 }] }],
      [{ sources: [{ source, runs: 4 }], incompleteDays: ['2026-02-17'], refusals: [{ source, reason: 'partial-data' }] }],
      [{ sources: [{ source, runs: 2 }] }, { incompleteDays: ['2026-01-05', '2026-02-17'] }],
    ]);
    expect(notes).toEqual({
      sources: [{ source, runs: 6 }],
      incompleteDays: ['2026-01-05', '2026-02-17'],
      refusals: [{ source, reason: 'partial-data' }],
    });
    // A failure after a good read is what the page shows now.
    expect(
      windowNotes([[{ sources: [{ source, runs: 4 }] }], [{ refusals: [{ source, reason: 'signed-out', status: 401 }] }]]).refusals,
    ).toEqual([{ source, reason: 'signed-out', status: 401 }]);
    expect(windowNotes([])).toEqual({});
  });

  it('rangeFor: default lookback, shown weeks, cap', () => {
    expect(rangeFor([], '2026-02-18')).toEqual({ from: '2025-11-26', to: '2026-02-18' });
    expect(rangeFor(['2026-03-02'], '2026-02-18')).toEqual({ from: '2025-11-26', to: '2026-03-08' });
    expect(rangeFor(['2020-01-06'], '2026-02-18')).toEqual({ from: '2025-01-14', to: '2026-02-18' });
    expect(rangeFor(['garbage'], '2026-02-18')).toEqual({ from: '2025-11-26', to: '2026-02-18' });
    expect(rangeFor([], 'garbage')).toBeNull();
  });

  it('covers', () => {
    expect(covers({ from: '2026-01-01', to: '2026-02-01' }, { from: '2026-01-05', to: '2026-02-01' })).toBe(true);
    expect(covers({ from: '2026-01-01', to: '2026-02-01' }, { from: '2025-12-31', to: '2026-01-05' })).toBe(false);
    expect(covers(null, { from: '2026-01-01', to: '2026-01-01' })).toBe(false);
  });

  it('RunWindow fetches only missing parts on both sides and merges by id', async () => {
    const window = new RunWindow();
    const asked: string[] = [];
    const fetcher = async (r: { from: string; to: string }) => {
      asked.push(`${r.from}..${r.to}`);
      return [{ start: `${r.from}T07:00:00`, km: 5, id: r.from }];
    };
    await window.ensure({ from: '2026-02-01', to: '2026-02-10' }, fetcher);
    await window.ensure({ from: '2026-01-20', to: '2026-02-15' }, fetcher);
    expect(asked).toEqual(['2026-02-01..2026-02-10', '2026-01-20..2026-01-31', '2026-02-11..2026-02-15']);
    expect(window.covered).toEqual({ from: '2026-01-20', to: '2026-02-15' });
    expect(window.runs.map((r) => r.id)).toEqual(['2026-01-20', '2026-02-01', '2026-02-11']);
  });

  it('WeekGate.allows: weeks read with their 35 days before, and a week in progress up to today', async () => {
    const window = new WeekGate();
    expect(window.allows('2026-02-09', '2026-02-18')).toBe(true); // nothing read yet
    const read = new RunWindow();
    await read.ensure({ from: '2026-01-01', to: '2026-02-18' }, async () => []);
    window.covered = read.covered;
    expect(window.allows('2026-02-16', '2026-02-18')).toBe(true);
    expect(window.allows(undefined, '2026-02-18')).toBe(true);
    expect(window.allows('2026-02-09', '2026-02-18')).toBe(true); // needs 2026-01-05 onwards
    // Needs 2025-12-29 onwards: offered while no read has tried it, refused once one has.
    expect(window.allows('2026-02-02', '2026-02-18')).toBe(true);
    window.markTried(['2026-02-02'], '2026-02-18');
    expect(window.allows('2026-02-02', '2026-02-18')).toBe(false);
    expect(window.allows('garbage', '2026-02-18')).toBe(false);
    expect(window.allows('2026-02-23', '2026-02-18')).toBe(false); // next week: nothing to show yet
  });

  it('ISO week ids and date attributes', () => {
    expect(isoWeekMonday(2026, 1)).toBe('2025-12-29');
    expect(isoWeekMonday(2026, 8)).toBe('2026-02-16');
    expect(isoWeekMonday(2020, 53)).toBe('2020-12-28');
    expect(isoWeekMonday(2021, 53)).toBeNull();
    expect(dateFromValue('2026-W08')).toBe('2026-02-16');
    expect(dateFromValue('2026W08')).toBe('2026-02-16');
    expect(dateFromValue('2026-02-16T00:00:00Z')).toBe('2026-02-16');
    expect(dateFromValue('2026-02-30')).toBeNull();
    expect(dateFromValue('16/02/2026')).toBeNull();
    expect(dateFromValue(null)).toBeNull();
  });
});

describe('intervals.icu Strava stubs (OpenAPI: "an empty stub object is returned for Strava activities")', () => {
  const month = pageJson('intervals-activities-strava-stubs.json') as Record<string, unknown>[];

  it('recognises the documented stub shape, and nothing with a distance', () => {
    expect(month.filter(isIntervalsStub).map((a) => a.id)).toEqual(['s302', 's306', 's307', 's308', 's312']);
    expect(isIntervalsStub({ id: 1, source: 'STRAVA', type: 'Run', distance: 5000, start_date_local: '2026-02-03T07:00:00' })).toBe(false);
    expect(isIntervalsStub({ id: 1, source: 'STRAVA', start_date_local: '2026-02-03T07:00:00' })).toBe(true);
    expect(isIntervalsStub({ id: 1, source: 'GARMIN_CONNECT', type: 'Run', start_date_local: '2026-02-03T07:00:00' })).toBe(false);
    for (const odd of [null, [], 'STRAVA', 1]) expect(isIntervalsStub(odd)).toBe(false);
  });

  it("reads the full items, and reports the stubs' days as incomplete (a refusal: partial data)", async () => {
    const doc = loadPage('intervals-calendar.html');
    const adapter = createIntervalsAdapter();
    const ctx = fakeContext({ [API]: month });
    const runs = await adapter.readRuns(doc, ctx);
    expect(runs.map((r) => r.id)).toEqual(['i301', 'i303', 'i304', 'i305', 'i309', 'i310']);
    const notes = mergedNotes(ctx.notes);
    expect(notes.incompleteDays).toEqual(['2026-01-22', '2026-02-03', '2026-02-05', '2026-02-08', '2026-02-17']);
    expect(notes.refusals).toEqual([{ source: 'intervals:activities', reason: 'partial-data' }]);
    expect(notes.sources).toEqual([{ source: 'intervals:activities', runs: 6 }]);
    expect(notes.coveredFrom).toBe(new URL(ctx.calls[0]!, 'https://intervals.icu').searchParams.get('oldest'));
  });

  it('every read states what is known of the runs it returns: a read from memory keeps the partial days (the core keeps the latest read)', async () => {
    // The read half, asked again for weeks it already read: no call, and the same notes.
    const reader = createIntervalsReader();
    const facts = { weeks: ['2026-02-09', '2026-02-16'] };
    const first = fakeContext({ [API]: month });
    await reader.read(facts, first);
    const again = fakeContext({ [API]: month });
    const runs = await reader.read(facts, again);
    expect(again.calls).toEqual([]);
    expect(runs.map((r) => r.id)).toEqual(['i301', 'i303', 'i304', 'i305', 'i309', 'i310']);
    expect(again.notes).toHaveLength(1);
    expect(again.notes[0]).toEqual(first.notes.at(-1));
    expect(again.notes[0]).toMatchObject({
      incompleteDays: ['2026-01-22', '2026-02-03', '2026-02-05', '2026-02-08', '2026-02-17'],
      refusals: [{ source: 'intervals:activities', reason: 'partial-data' }],
      sources: [{ source: 'intervals:activities', runs: 6 }],
    });
  });

  it('the whole adapter asks again only when the page shows other weeks: the same page is the same runs, with nothing new to note', async () => {
    const doc = loadPage('intervals-calendar.html');
    const adapter = createIntervalsAdapter();
    const first = fakeContext({ [API]: month });
    const runs = await adapter.readRuns(doc, first);
    const again = fakeContext({ [API]: month });
    expect(await adapter.readRuns(doc, again)).toBe(runs);
    expect(again.calls).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  it('the saved month with one stub: that day only', async () => {
    const ctx = fakeContext({ [API]: activities });
    await createIntervalsAdapter().readRuns(loadPage('intervals-calendar.html'), ctx);
    expect(mergedNotes(ctx.notes).incompleteDays).toEqual(['2026-02-17']);
  });

  it('a stub whose date cannot be read makes every day asked for incomplete', () => {
    const range = { from: '2026-02-01', to: '2026-02-07' };
    expect(stubDays([{ id: 1, source: 'STRAVA', _note: 'x' }], range)).toHaveLength(7);
    expect(stubDays([{ id: 1, source: 'STRAVA', _note: 'x', start_date_local: '2026-03-01T07:00:00' }], range)).toEqual([]);
    expect(stubDays({ not: 'a list' }, range)).toEqual([]);
  });

  it('refusals carry the fetch reason: signed out, rate limited, not JSON', async () => {
    for (const [answer, expected] of [
      [new FetchRefused('signed-out', 'HTTP 401', 401), { reason: 'signed-out', status: 401 }],
      [new FetchRefused('rate-limited', 'HTTP 429', 429), { reason: 'rate-limited', status: 429 }],
      [{ status: 401, error: 'Unauthorized' }, { reason: 'bad-response' }],
    ] as const) {
      const ctx = fakeContext({ [API]: answer });
      await createIntervalsAdapter().readRuns(loadPage('intervals-calendar.html'), ctx);
      const notes = mergedNotes(ctx.notes);
      expect(notes.refusals).toEqual([{ source: 'intervals:activities', ...expected }]);
      expect(notes.sources).toEqual([]);
      expect(notes.coveredFrom).toBeUndefined();
    }
  });

  it('names its pages and lists its selectors', () => {
    const adapter = createIntervalsAdapter();
    expect(adapter.pageKind?.(new URL('https://intervals.icu/calendar'))).toBe('intervals.icu calendar');
    expect(adapter.pageKind?.(new URL('https://intervals.icu/activities/i123'))).toBe('intervals.icu activity');
    expect(adapter.selectors?.length).toBeGreaterThan(3);
  });
});
