// npm run site-check: the offline report of what an adapter reads on a saved page and where its
// badges go, on every saved page and with a HAR of same-origin calls.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPage, formatReport, harEntries } from '../../../scripts/site-check';
import { createGarminAdapter } from '../../../lib/sites/garmin';
import { createIntervalsAdapter } from '../../../lib/sites/intervals';
import { createStravaAdapters } from '../../../lib/sites/strava';
import { PAGES, pageText } from './other-sites-helpers';

const HAR = JSON.parse(pageText('site-check-garmin.har')) as unknown;
const GARMIN_URL = 'https://connect.garmin.com/modern/calendar';

describe('site-check', () => {
  it('Garmin calendar + HAR: the call with its CSRF header, runs per week, sources, and four badges with their paths', async () => {
    const report = await checkPage({ html: pageText('garmin-calendar.html'), har: HAR, url: GARMIN_URL, adapter: createGarminAdapter() });
    expect(report.today).toBe('2026-02-18'); // the HAR's day
    expect(report).toMatchObject({
      adapter: 'garmin-connect',
      pageKind: 'Garmin Connect calendar',
      runs: 13,
      coveredFrom: '2025-11-26',
      anchorsBefore: 5,
    });
    expect(report.calls).toEqual([expect.objectContaining({ status: 200, matched: 'exact', headers: ['connect-csrf-token'] })]);
    expect(report.weeks.find((w) => w.week === '2026-02-09')).toEqual({ week: '2026-02-09', runs: 3, km: 35 });
    expect(report.sources).toEqual([{ source: 'garmin:activity-search', runs: 13 }]);
    expect(report.anchors.map((a) => a.weekStart)).toEqual(['2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(report.anchors[0]!.path).toMatch(/div\.Calendar_calendarWeek__aZ93 > div\.Calendar_weekSummary__k2Lm$/);
    expect(report.selectors.find((s) => s.selector === 'meta[name="csrf-token"]')?.matches).toBe(1);
    const text = formatReport(report);
    expect(text).toContain('Adapter:  garmin-connect (Garmin Connect calendar)');
    expect(text).toContain('extra headers: connect-csrf-token');
    expect(text).toContain('Badges: 4');
  });

  it('a call the HAR does not hold answers 404; a 403 in the HAR is reported as forbidden', async () => {
    // Another day: the search asks other dates (no exact entry, but one entry has its path).
    const later = await checkPage({
      html: pageText('garmin-calendar.html'),
      har: HAR,
      url: GARMIN_URL,
      today: '2026-02-20',
      adapter: createGarminAdapter(),
    });
    expect(later.calls[0]).toMatchObject({ matched: 'path only', status: 200 });
    const withoutSearch = {
      log: {
        entries: (HAR as { log: { entries: { request: { url: string } }[] } }).log.entries.filter(
          (e) => !e.request.url.includes('activitylist'),
        ),
      },
    };
    const report = await checkPage({
      html: pageText('garmin-calendar.html'),
      har: withoutSearch,
      url: GARMIN_URL,
      adapter: createGarminAdapter(),
    });
    expect(report.calls[0]).toMatchObject({ status: 404, matched: 'missing', refused: 'not-found' });
    expect(report.refusals).toContainEqual({ source: 'garmin:calendar', reason: 'forbidden', status: 403 });
    expect(report.runs).toBe(0);
    expect(report.anchors).toEqual([]);
  });

  it('HAR entries: same origin and GET only, base64 bodies decoded', () => {
    const har = {
      log: {
        entries: [
          {
            startedDateTime: '2026-01-02T00:00:00Z',
            request: { method: 'GET', url: 'https://intervals.icu/api/x?a=1' },
            response: { status: 200, content: { text: Buffer.from('[1]').toString('base64'), encoding: 'base64' } },
          },
          { request: { method: 'POST', url: 'https://intervals.icu/api/y' }, response: { status: 200, content: { text: '[]' } } },
          { request: { method: 'GET', url: 'https://evil.example/api/x' }, response: { status: 200, content: { text: '[]' } } },
          { request: { method: 'GET', url: 'not a url' } },
        ],
      },
    };
    expect(harEntries(har, 'https://intervals.icu')).toEqual({
      entries: [{ url: '/api/x?a=1', status: 200, text: '[1]' }],
      lastDay: '2026-01-02',
    });
    expect(harEntries(null, 'https://intervals.icu')).toEqual({ entries: [], lastDay: null });
  });

  it("the address from the page itself (canonical), and Strava's documented-shape log read offline", async () => {
    const report = await checkPage({
      html: pageText('strava-training-log-doc-shape.html'),
      today: '2024-03-14',
      adapter: createStravaAdapters({ now: () => Date.UTC(2024, 2, 14, 12) }).trainingLog,
    });
    expect(report.url).toBe('https://www.strava.com/athletes/123/training/log');
    expect(report).toMatchObject({
      adapter: 'strava-training-log',
      pageKind: 'Strava Training Log',
      runs: 17,
      coveredFrom: '2024-02-05',
      anchorsBefore: 6,
    });
    expect(report.refusals.map((r) => r.reason)).toEqual(['not-found', 'not-found']);
    expect(report.anchors.map((a) => a.weekStart)).toEqual(['2024-03-11']);
    await expect(checkPage({ html: '<p>no address</p>' })).rejects.toThrow(/--url/);
  });

  it('intervals.icu with Strava stubs: the partial days are listed', async () => {
    const har = {
      log: {
        entries: [
          {
            request: { method: 'GET', url: 'https://intervals.icu/api/v1/athlete/0/activities?oldest=x' },
            response: { status: 200, content: { text: pageText('intervals-activities-strava-stubs.json') } },
          },
        ],
      },
    };
    const report = await checkPage({
      html: pageText('intervals-calendar.html'),
      har,
      url: 'https://intervals.icu/calendar',
      today: '2026-02-18',
      adapter: createIntervalsAdapter(),
    });
    expect(report.incompleteDays).toEqual(['2026-01-22', '2026-02-03', '2026-02-05', '2026-02-08', '2026-02-17']);
    expect(formatReport(report)).toContain('Partial days (no number on their weeks): 2026-01-22');
  });

  it.each([
    ['strava-training-log.html', 'https://www.strava.com/athletes/123/training/log', 'strava-training-log'],
    ['strava-training-log-52.html', 'https://www.strava.com/athletes/123/training/log', 'strava-training-log'],
    ['strava-dashboard.html', 'https://www.strava.com/dashboard', 'strava-dashboard'],
    ['strava-dashboard-fr.html', 'https://www.strava.com/dashboard', 'strava-dashboard'],
    ['strava-profile.html', 'https://www.strava.com/athletes/123', 'strava-profile'],
    ['garmin-calendar-testid.html', 'https://connect.garmin.com/app/calendar', 'garmin-connect'],
    ['garmin-activities.html', 'https://connect.garmin.com/modern/activities', 'garmin-connect'],
    ['intervals-calendar.html', 'https://intervals.icu/calendar', 'intervals-icu'],
    ['intervals-calendar-alt.html', 'https://intervals.icu/calendar', 'intervals-icu'],
    ['intervals-activity.html', 'https://intervals.icu/activities/i1', 'intervals-icu'],
    ['custom-weekly-table.html', 'https://runs.example/log', 'generic'],
    ['custom-no-data.html', 'https://runs.example/log', 'generic'],
  ])('every saved page: %s reports its adapter without throwing', async (file, url, id) => {
    const report = await checkPage({ html: pageText(file), url, today: '2026-02-18' });
    expect(report.adapter).toBe(id);
    expect(formatReport(report)).toContain(`Adapter:  ${id}`);
    for (const a of report.anchors) expect(a.path.length).toBeGreaterThan(0);
  });

  it('runs as npm run site-check (tsx), printing the report', () => {
    const out = execFileSync(
      resolve(__dirname, '../../../node_modules/.bin/tsx'),
      ['scripts/site-check.ts', resolve(PAGES, 'garmin-calendar.html'), resolve(PAGES, 'site-check-garmin.har'), '--url', GARMIN_URL],
      { cwd: resolve(__dirname, '../../..'), encoding: 'utf8' },
    );
    expect(out).toContain('Runs read: 13');
    expect(out).toContain('garmin-week:2026-02-16 [append]');
    expect(JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')).scripts['site-check']).toBe(
      'tsx scripts/site-check.ts',
    );
  }, 60_000);
});
