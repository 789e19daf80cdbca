// Badges on Garmin Connect and intervals.icu, offline: saved pages and the JSON they call, served by
// context.route (route-helpers-sites.ts) to Debian Chromium with the built extension. The
// fixtures' week of 2026-02-16 is moved to the current week. Every test fails on a page console
// error, and (fixtures.ts) on any request to a host other than the page's own.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Coverage } from '../../lib/load/context';
import { INCOMPLETE_TEXT, weekSummaries } from '../../lib/load/summary';
import { defaultSettings } from '../../lib/settings/defaults';
import { runsFromGarminActivities } from '../../lib/sites/garmin';
import { runsFromIntervalsActivities, stubDays } from '../../lib/sites/intervals';
import { expect, readClosedBadges, test } from './fixtures';
import { GARMIN, INTERVALS, addDays, fixtureJson, localToday, routeGarmin, routeIntervals, shiftDaysTo } from './route-helpers-sites';

// The extension API inside worker.evaluate (runs in the service worker, not here).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = localToday();
const days = shiftDaysTo(today);
/** A fixture date ("2026-02-09") as it is served today. */
const shifted = (date: string) => addDays(date, days);

interface BadgeInfo {
  key: string;
  level: string;
  text: string;
  tip: string;
  parentClass: string;
}

/** Every badge, read through its closed shadow root from outside the page (fixtures.ts). */
async function badges(page: Page): Promise<BadgeInfo[]> {
  return (await readClosedBadges(page))
    .filter((b) => !b.inCard)
    .map(({ key, level, text, tip, parentClass }) => ({ key, level, text, tip, parentClass }));
}

/**
 * Console errors and uncaught page errors. The browser's own network lines ("Failed to load
 * resource: ... 404") for a candidate path that does not answer are not errors thrown into the
 * page, and the live site would log the same for its own failed calls: they are left out.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** A new tab (the fixture has already let the install-time options tab open). */
async function newTab(context: BrowserContext): Promise<Page> {
  return context.newPage();
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function setSettings(context: BrowserContext, settings: Record<string, unknown>): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

async function capturedRuns(context: BrowserContext): Promise<{ site: string; id?: string; start: string; km: number }[]> {
  const worker = await serviceWorker(context);
  const stored = await worker.evaluate(() => chrome.storage.local.get('captured-runs'));
  return (stored['captured-runs']?.runs ?? []) as { site: string; id?: string; start: string; km: number }[];
}

/**
 * The badge text the load engine gives each finished week (the current week is compared up to now).
 * `coverage` is what the adapter noted (lib/content/core.ts passes it to the summary as is): the
 * Garmin adapter notes none, so coverage is judged from the runs read; intervals.icu notes
 * `coveredFrom` (the first day it asked the API for) and the days of its Strava stubs.
 */
function expectedTexts(
  runs: ReturnType<typeof runsFromGarminActivities>,
  weekStarts: string[],
  coverage: Coverage = {},
): Record<string, string> {
  const summaries = weekSummaries(runs, weekStarts, defaultSettings(), today, { coverage });
  return Object.fromEntries(weekStarts.map((w, i) => [w, summaries[i]?.text ?? '']));
}

const FINISHED_WEEKS = ['2026-01-26', '2026-02-02', '2026-02-09'];

test.describe('Garmin Connect', () => {
  test('calendar: a badge per shown week with the engine’s numbers, from /gc-api/ with the page’s CSRF token', async ({ context }) => {
    // As the live site does: /gc-api/ answers 403 to a call without the page's connect-csrf-token.
    const served = await routeGarmin(context, { days, requireCsrf: true });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${GARMIN}/modern/calendar`);
    // (The served site really refuses a call without the header, so the badges below prove it was sent.)
    expect(await page.evaluate(() => fetch('/gc-api/csrf-probe').then((r) => r.status))).toBe(403);

    const keys = [...FINISHED_WEEKS, '2026-02-16'].map((w) => `garmin-week:${shifted(w)}`);
    await expect.poll(async () => (await badges(page)).map((b) => b.key)).toEqual(keys);
    const runs = runsFromGarminActivities(fixtureJson('garmin-activities.json', days));
    const expected = expectedTexts(runs, FINISHED_WEEKS.map(shifted));
    const found = Object.fromEntries((await badges(page)).map((b) => [b.key, b]));
    for (const week of FINISHED_WEEKS) {
      expect(found[`garmin-week:${shifted(week)}`]?.text).toBe(expected[shifted(week)]);
    }
    // The numbers themselves (independent of the engine): 29.5 km then 35.0 km (+19 %), and a
    // 21 km trail run 31 % over the 30-day longest (16 km).
    expect(found[`garmin-week:${shifted('2026-02-09')}`]).toMatchObject({
      level: 'caution',
      text: '35.0 km · +19% vs last week · single-run spike +31%',
    });
    expect(found[`garmin-week:${shifted('2026-02-02')}`]?.text).toMatch(/^29\.5 km · \+18% vs last week/);
    // No badge on next week's row: it holds no runs yet.
    expect(found[`garmin-week:${shifted('2026-02-23')}`]).toBeUndefined();
    // Each badge sits inside its week's summary cell.
    expect(Object.values(found).every((b) => b.parentClass.startsWith('Calendar_weekSummary__'))).toBe(true);

    // Same-origin calls only, under /gc-api/ only (no guessed prefix), one search answered.
    const searches = served.filter((p) => p.includes('activitylist-service'));
    expect(searches.map((p) => p.split('activitylist-service')[0])).toEqual(['/gc-api/']);
    const query = new URL(searches[0]!, GARMIN).searchParams;
    expect(query.get('endDate')).toBe(addDays(shifted('2026-02-23'), 6));

    // Captured history: the runs read were recorded by the background, and nothing else.
    await expect.poll(async () => (await capturedRuns(context)).length).toBeGreaterThanOrEqual(12);
    const kept = await capturedRuns(context);
    expect(new Set(kept.map((r) => r.site))).toEqual(new Set(['garmin']));
    expect(kept.find((r) => r.id === '1013')).toMatchObject({ start: `${shifted('2026-02-14')}T09:00:00`, km: 21 });
    expect(errors).toEqual([]);
  });

  test('SPA navigation to older weeks: they are read (missing dates only) and badged', async ({ context }) => {
    const served = await routeGarmin(context, { days });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${GARMIN}/modern/calendar`);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(4);
    // The SPA shows the same month half a year earlier, without a reload.
    await page.evaluate((weeks) => {
      history.pushState({}, '', '/modern/calendar/older');
      for (const cell of document.querySelectorAll('[data-date]')) {
        const date = new Date(`${cell.getAttribute('data-date')}T00:00:00Z`);
        date.setUTCDate(date.getUTCDate() - weeks * 7);
        cell.setAttribute('data-date', date.toISOString().slice(0, 10));
      }
    }, 26);
    const older = [...FINISHED_WEEKS, '2026-02-16'].map((w) => `garmin-week:${addDays(shifted(w), -26 * 7)}`);
    await expect
      .poll(async () => (await badges(page)).map((b) => b.key))
      .toEqual([...older, `garmin-week:${addDays(shifted('2026-02-23'), -26 * 7)}`]);
    const searches = served.filter((p) => p.includes('/gc-api/activitylist-service'));
    expect(searches).toHaveLength(2);
    // The second call asks only for the dates not read yet.
    const first = new URL(searches[0]!, GARMIN).searchParams;
    const second = new URL(searches[1]!, GARMIN).searchParams;
    expect(second.get('endDate')).toBe(addDays(first.get('startDate')!, -1));
    expect(errors).toEqual([]);
  });

  test('the activity list has no weekly summary: no badge and no data call', async ({ context }) => {
    const served = await routeGarmin(context, { days });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${GARMIN}/modern/activities`);
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    expect(served).toEqual(['/modern/activities']);
    expect(errors).toEqual([]);
  });

  test('signed out (/gc-api/ answers no JSON): no badge rather than "0 km", and the page is untouched', async ({ context }) => {
    const served = await routeGarmin(context, { days, searchPrefix: 'none' });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${GARMIN}/modern/calendar`);
    await expect.poll(() => served.filter((p) => p.includes('calendar-service')).length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(await badges(page)).toEqual([]);
    expect(await capturedRuns(context)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('garbage JSON never reaches the page as an error', async ({ context }) => {
    await routeGarmin(context, { days, activities: { unexpected: [1, 2, { activityType: null }] } });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${GARMIN}/modern/calendar`);
    await page.waitForTimeout(2500);
    expect(await badges(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('switching Garmin off in settings removes its badges', async ({ context }) => {
    await routeGarmin(context, { days });
    const page = await newTab(context);
    await page.goto(`${GARMIN}/modern/calendar`);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(4);
    const settings = defaultSettings();
    await setSettings(context, { ...settings, sites: { ...settings.sites, garmin: false } });
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(0);
    await setSettings(context, { ...settings, units: 'mi' });
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(4);
    await expect
      .poll(async () => (await badges(page)).find((b) => b.key === `garmin-week:${shifted('2026-02-09')}`)?.text)
      .toMatch(/^21\.7 mi/);
  });
});

test.describe('intervals.icu', () => {
  test('calendar: weekly totals column gets a badge per week, from one API call', async ({ context }) => {
    const served = await routeIntervals(context, { days });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${INTERVALS}/calendar`);

    const keys = [...FINISHED_WEEKS, '2026-02-16'].map((w) => `intervals-week:${shifted(w)}`);
    await expect.poll(async () => (await badges(page)).map((b) => b.key)).toEqual(keys);
    // What the adapter read and noted: the one range asked for (coveredFrom is its first day), the
    // runs within it, and the days of the Strava stubs in it (lib/sites/intervals.ts).
    const call = new URL(
      served.find((p) => p.startsWith('/api/'))!,
      INTERVALS,
    ).searchParams;
    const range = { from: call.get('oldest')!, to: call.get('newest')! };
    const answer = fixtureJson('intervals-activities.json', days);
    const runs = runsFromIntervalsActivities(answer).filter((r) => r.start.slice(0, 10) >= range.from && r.start.slice(0, 10) <= range.to);
    const expected = expectedTexts(runs, FINISHED_WEEKS.map(shifted), { coveredFrom: range.from, incompleteDays: stubDays(answer, range) });
    const found = Object.fromEntries((await badges(page)).map((b) => [b.key, b]));
    for (const week of FINISHED_WEEKS) expect(found[`intervals-week:${shifted(week)}`]?.text).toBe(expected[shifted(week)]);
    // 20 km, then 30 km (+50 %, a 16 km run 14 % over the 14 km longest), then 26 km (-13 %).
    expect(found[`intervals-week:${shifted('2026-02-02')}`]).toMatchObject({
      level: 'caution',
      text: '30.0 km · +50% vs last week · single-run spike +14%',
    });
    expect(found[`intervals-week:${shifted('2026-02-09')}`]?.text).toMatch(/^26\.0 km · -13% vs last week/);
    // This week holds a run synced from Strava that intervals.icu serves as an empty stub: no
    // number built on it, and the badge says why.
    expect(stubDays(answer, range)).toEqual([shifted('2026-02-17')]);
    expect(found[`intervals-week:${shifted('2026-02-16')}`]).toMatchObject({ level: 'unknown', text: INCOMPLETE_TEXT });
    expect(Object.values(found).every((b) => b.parentClass === 'week-totals')).toBe(true);

    // Rate limit: exactly one API call for the page view, re-renders included.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      for (let i = 0; i < 5; i++) main.append(document.createElement('span'));
    });
    await page.waitForTimeout(1500);
    const api = served.filter((p) => p.startsWith('/api/'));
    expect(api).toEqual([
      `/api/v1/athlete/0/activities?oldest=${addDays(today, -84) < addDays(shifted('2026-01-26'), -35) ? addDays(today, -84) : addDays(shifted('2026-01-26'), -35)}&newest=${addDays(shifted('2026-02-16'), 6)}`,
    ]);

    await expect.poll(async () => (await capturedRuns(context)).filter((r) => r.site === 'intervals').length).toBeGreaterThanOrEqual(12);
    expect(errors).toEqual([]);
  });

  test('rate-limited (429): no badge, one call, no page error', async ({ context }) => {
    const served = await routeIntervals(context, { days, status: 429 });
    const page = await newTab(context);
    const errors = watchErrors(page);
    await page.goto(`${INTERVALS}/calendar`);
    await expect.poll(() => served.filter((p) => p.startsWith('/api/')).length).toBe(1);
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    expect(served.filter((p) => p.startsWith('/api/'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('an activity page has no weekly totals: no badge, no API call', async ({ context }) => {
    const served = await routeIntervals(context, { days });
    const page = await newTab(context);
    await page.goto(`${INTERVALS}/activities/i114`);
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    expect(served.filter((p) => p.startsWith('/api/'))).toEqual([]);
  });
});
