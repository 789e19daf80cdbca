// Badges on Strava, offline: the saved pages in tests/fixtures/pages and the JSON they call are
// served by context.route (site-server.ts) to Debian Chromium with the built extension. Every test
// also fails on a console error, and (fixtures.ts) on any request to a host other than the page's.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { weekSummaries } from '../../lib/load/summary';
import { runsFromTrainingActivities } from '../../lib/sites/strava';
import { CHROMIUM_ARGS, CHROMIUM_PATH, expect, focusChip, openExplanation, readClosedBadges, test } from './fixtures';
import { localToday, recentModels, routeStrava, shiftDaysTo, type SiteOptions } from './site-server';

// The extension API inside worker.evaluate (runs in the service worker, not here).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STRAVA = 'https://www.strava.com';
const LOG = '/athletes/123/training/log';

interface BadgeInfo {
  tag: string;
  key: string;
  level: string;
  label: string;
  text: string;
}

/** Every badge on the page, read through its closed shadow root (from outside the page: fixtures.ts). */
async function badges(page: Page): Promise<BadgeInfo[]> {
  return (await readClosedBadges(page))
    .filter((b) => !b.inCard)
    .map(({ tag, key, level, label, text }) => ({ tag, key, level, label, text }));
}

/** The explanation of one badge: opened by keyboard focus (it is built on first open), then closed. */
const explanation = (page: Page, key: string): Promise<string> => openExplanation(page, key);

const byKey = (list: BadgeInfo[]) => Object.fromEntries(list.map((b) => [b.key, b]));

/** Console errors and uncaught page errors: there must be none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** On install the background opens the options page: let it open before we take a tab. */
async function afterInstall(context: BrowserContext): Promise<void> {
  await serviceWorker(context);
  for (let i = 0; i < 50 && !context.pages().some((p) => p.url().includes('options')); i++) await new Promise((r) => setTimeout(r, 100));
}

async function openStrava(context: BrowserContext, path: string, opts: SiteOptions = {}) {
  const served = await routeStrava(context, { activities: 'recent', ...opts });
  await afterInstall(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  // On install the background opens the options page, which may take over a fresh blank tab.
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(STRAVA + path);
      if (page.url().startsWith(STRAVA)) break;
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('interrupted by another navigation')) throw error;
    }
  }
  return { page, errors, served };
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function setSettings(context: BrowserContext, settings: Record<string, unknown>): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

const DEFAULTS = {
  units: 'km',
  weekStartsOn: 'monday',
  weeklyIncreasePct: 10,
  spikePct: 10,
  shoeKmLimit: 700,
  sites: { strava: true, garmin: true, intervals: true },
  customSites: [],
};

/** The page's DOM without our badges: what the page itself made of it. */
function pageDom(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll('[data-knee-check-key]').forEach((n) => n.remove());
    return clone.outerHTML;
  });
}

test.describe('Strava Training Log', () => {
  test('a badge per week row with the right numbers, and the page left as it was', async ({ context, extensionId }) => {
    expect(extensionId).toMatch(/^[a-p]{32}$/);
    const { page, errors, served } = await openStrava(context, LOG);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    const list = await badges(page);
    const found = byKey(list);
    expect(list.every((b) => b.tag === 'knee-check-badge')).toBe(true);

    // The week with +34 % on the week before and a long run 45 % over the 30-day longest.
    expect(found['strava-log:2026-02-23']).toMatchObject({
      level: 'caution',
      label: 'Caution',
      text: '42.1 km · +34% vs last week · single-run spike +45%',
    });
    // A long run more than twice the 30-day longest: high.
    expect(found['strava-log:2026-01-12']).toMatchObject({
      level: 'high',
      label: 'High load',
      text: '35.3 km · +53% vs last week · single-run spike +111%',
    });
    expect(found['strava-log:2026-02-16']).toMatchObject({ level: 'ok', label: 'Load OK', text: '31.4 km · -2% vs last week' });
    // The oldest row: its week before came from /athlete/training_activities, not the page.
    expect(found['strava-log:2025-12-08']).toMatchObject({ level: 'ok', text: '24.0 km · -22% vs last week' });
    const tip = await explanation(page, 'strava-log:2026-02-23');
    expect(tip).toContain('Knee hurting? Open Knee Check from the toolbar.');
    expect(tip).toContain('17.4 km vs 12.0 km');
    expect(tip).toContain('above your +10% threshold');

    // Each badge sits in its row's totals sidebar, after the page's own content.
    const placement = await page.evaluate(() =>
      [...document.querySelectorAll('[class*="_calendarRowContainer_"]')].map((row) => {
        const sidebar = row.querySelector('[class*="_sidebarContainer_"]')!;
        return sidebar.lastElementChild?.getAttribute('data-knee-check-key') ?? null;
      }),
    );
    expect(placement.every((key) => key?.startsWith('strava-log:'))).toBe(true);

    // Page data first: only the weeks the page does not carry were asked for, paged and few.
    const calls = served.filter((p) => p.startsWith('/athlete/training_activities'));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls[0]).toBe('/athlete/training_activities?new_activity_only=false&per_page=50&page=1');

    // The page's own script still works, and its DOM is exactly what it is without the extension.
    await page.locator('._activity_3m9p0').first().click();
    const state = await page.evaluate(() => (window as unknown as { __trainingLog: unknown }).__trainingLog);
    expect(state).toMatchObject({ hydrated: true, clicks: 1, errors: [] });
    const withExtension = await pageDom(page);

    const plain = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const plainContext = await plain.newContext();
      await routeStrava(plainContext, { activities: 'recent' });
      const plainPage = await plainContext.newPage();
      await plainPage.goto(STRAVA + LOG);
      await plainPage.waitForFunction(() => (window as unknown as { __trainingLog?: { hydrated: boolean } }).__trainingLog?.hydrated);
      await plainPage.locator('._activity_3m9p0').first().click();
      expect(withExtension).toBe(await pageDom(plainPage));
    } finally {
      await plain.close();
    }
    expect(errors).toEqual([]);
  });

  test('SPA navigation re-annotates, and a key never gets two badges', async ({ context }) => {
    const { page, errors } = await openStrava(context, LOG);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);

    // "Previous weeks": pushState + the page's own fetch + new rows in place of the old ones.
    await page.getByRole('button', { name: 'Previous weeks' }).click();
    await expect(page).toHaveURL(/before=2025-12-08/);
    await expect
      .poll(async () => (await badges(page)).map((b) => b.key).sort())
      .toEqual(['strava-log:2025-11-10', 'strava-log:2025-11-17', 'strava-log:2025-11-24', 'strava-log:2025-12-01']);
    // Further back than anything read so far: read further, then badged.
    await page.getByRole('button', { name: 'Previous weeks' }).click();
    await expect(page).toHaveURL(/before=2025-11-10/);
    await expect
      .poll(async () => (await badges(page)).map((b) => b.key).sort())
      .toEqual(['strava-log:2025-10-13', 'strava-log:2025-10-20', 'strava-log:2025-10-27', 'strava-log:2025-11-03']);
    // Back to the latest weeks (pushState), then the browser's back button (popstate).
    await page.getByRole('button', { name: 'This week' }).click();
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    await page.goBack();
    await expect.poll(async () => (await badges(page)).length).toBe(4);
    await page.goForward();
    await expect.poll(async () => (await badges(page)).length).toBe(12);

    // Re-rendering the same rows many times over (the page's own benchmark) leaves one badge each.
    await page.evaluate(() => (window as unknown as { __pageBench(n: number): Promise<unknown> }).__pageBench(5));
    await expect.poll(async () => (await badges(page)).length).toBe(12);
    const keys = (await badges(page)).map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(errors).toEqual([]);
  });

  test('follows settings: units, thresholds, and the site switch', async ({ context }) => {
    const { page, errors } = await openStrava(context, LOG);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);

    await setSettings(context, { ...DEFAULTS, units: 'mi' });
    await expect
      .poll(async () => byKey(await badges(page))['strava-log:2026-02-23']?.text)
      .toBe('26.2 mi · +34% vs last week · single-run spike +45%');

    // A 50 % weekly threshold and a 50 % spike threshold: the +34 % / +45 % week is within both.
    await setSettings(context, { ...DEFAULTS, weeklyIncreasePct: 50, spikePct: 50 });
    await expect.poll(async () => byKey(await badges(page))['strava-log:2026-02-23']?.level).toBe('ok');
    expect(await explanation(page, 'strava-log:2026-02-23')).toContain('within your +50% threshold');

    await setSettings(context, { ...DEFAULTS, sites: { strava: false, garmin: true, intervals: true } });
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(0);
    await setSettings(context, DEFAULTS);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    expect(errors).toEqual([]);
  });

  test('the explanation opens on focus and hover, with the numbers and the way to the checker', async ({ context }) => {
    const { page, errors } = await openStrava(context, LOG);
    const KEY = 'strava-log:2026-02-23';
    const badge = page.locator(`[data-knee-check-key="${KEY}"]`);
    const state = async () => (await readClosedBadges(page)).find((b) => b.key === KEY)!;
    await expect.poll(async () => (await readClosedBadges(page)).some((b) => b.key === KEY)).toBe(true);
    expect((await state()).expanded).toBe(false);
    // The shadow root is closed: page script (and a locator) sees no button inside.
    expect(await badge.evaluate((host) => host.shadowRoot)).toBeNull();

    await focusChip(page, KEY);
    await expect.poll(async () => (await state()).expanded).toBe(true);
    const tip = (await state()).tip;
    expect(tip).toContain('42.1 km this week; 31.4 km the week before.');
    expect(tip).toContain('Weekly change +34%: above your +10% threshold.');
    expect(tip).toContain('Evidence:');
    expect(tip).toContain('Knee hurting? Open Knee Check from the toolbar.');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await state()).expanded).toBe(false);

    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await badge.hover();
    await expect.poll(async () => (await state()).expanded).toBe(true);
    // A click on the badge never reaches the row under it (the page counts its own clicks).
    await badge.click();
    expect(await page.evaluate(() => (window as unknown as { __trainingLog: { clicks: number } }).__trainingLog.clicks)).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a page that already defined knee-check-badge keeps it; ours take another name', async ({ context }) => {
    await context.addInitScript(() => {
      customElements.define(
        'knee-check-badge',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).textContent = 'page element';
          }
        },
      );
    });
    const { page, errors } = await openStrava(context, LOG);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    const tags = new Set((await badges(page)).map((b) => b.tag));
    expect(tags.size).toBe(1);
    expect([...tags][0]).toMatch(/^knee-check-badge-[0-9a-z]+$/);
    expect(errors).toEqual([]);
  });

  test('page data that breaks the adapter: no throw, no console error, badges from the fallback', async ({ context }) => {
    await context.route(`${STRAVA}${LOG}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '"entriesResponse":{"entries":[',
        '"entriesResponse":{"entries":[{"start_date":{"toString":1}},null,42,',
      );
      await route.fulfill({
        response,
        body: body.replace('<script id="__NEXT_DATA__" type="application/json">{', '<script id="__NEXT_DATA__" type="application/json">{,'),
      });
    });
    const { page, errors } = await openStrava(context, LOG);
    // The page's data is unreadable, so the athlete's own activities fill every week.
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    expect(byKey(await badges(page))['strava-log:2026-02-23']?.text).toBe('42.1 km · +34% vs last week · single-run spike +45%');
    expect(errors).toEqual([]);
  });

  test('removed when the extension goes away (orphaned script)', async ({ context }) => {
    const { page, errors } = await openStrava(context, LOG);
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(12);
    const worker = await serviceWorker(context);
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The orphaned script notices at the next input or change.
    await page.waitForTimeout(500);
    await page.mouse.wheel(0, 200);
    await page.locator('._activity_3m9p0').first().click();
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __trainingLog: { clicks: number } }).__trainingLog.clicks)).toBe(1);
    expect(errors).toEqual([]);
  });
});

test.describe('Strava dashboard', () => {
  for (const locale of ['en', 'fr'] as const) {
    test(`the weekly widget gets this week's badge (${locale === 'en' ? '"This week"' : '"Cette semaine"'})`, async ({ context }) => {
      const today = localToday();
      const { page, errors, served } = await openStrava(context, '/dashboard', { shiftTo: today, locale });
      const badge = page.locator('#run-goals .weekly-goal .primary-stats + [data-knee-check-key]');
      await expect(badge).toHaveCount(1);
      await expect(badge).toHaveAttribute('data-knee-check-key', 'strava-dashboard:this-week');

      // The same numbers as the load engine on the same (moved) runs, today, now.
      const shift = shiftDaysTo(today);
      const runs = runsFromTrainingActivities({
        models: recentModels().map((m) => ({ ...m, start_date_local_raw: (m.start_date_local_raw as number) + shift * 86_400 })),
      });
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const [expected] = weekSummaries(runs, [today], DEFAULTS as never, today, {
        now: `${today}T${pad(now.getHours())}:${pad(now.getMinutes())}`,
      });
      const [info] = await badges(page);
      expect(info?.text).toBe(expected!.text);
      expect(info?.level).toBe(expected!.level);
      expect(info?.text).toContain('so far');
      expect(served.filter((p) => p.startsWith('/athlete/training_activities')).length).toBe(1);

      // The page's own tabs still work.
      await page.locator('[data-sport-tab="ride"]').click();
      await page.locator('[data-sport-tab="run"]').click();
      expect(await page.evaluate(() => (window as unknown as { __dashboard: { tabs: number } }).__dashboard.tabs)).toBe(2);
      expect(errors).toEqual([]);
    });
  }

  test('when the activities cannot be read: no badge, no error', async ({ context }) => {
    // Both sources refused: training_activities, then the runner's own feed it falls back to.
    const { page, errors, served } = await openStrava(context, '/dashboard', { activities: 'error', feed: 'refused' });
    await expect.poll(() => served.filter((p) => p.startsWith('/athlete/training_activities')).length).toBe(1);
    await expect.poll(() => served.filter((p) => p.startsWith('/dashboard/feed?feed_type=my_activity')).length).toBe(1);
    await page.waitForTimeout(500);
    // "0.0 km this week" from data that could not be read would be wrong: no badge at all.
    expect(await badges(page)).toEqual([]);
    // The browser itself logs each failed response (503, both calls); nothing else may appear.
    expect(errors.filter((e) => !e.includes('status of 503'))).toEqual([]);
  });
});

test.describe('Strava athlete profile', () => {
  test("the selected week's totals get a badge; a bar click (XHR, no navigation) updates it", async ({ context }) => {
    const { page, errors, served } = await openStrava(context, '/athletes/123', { activities: 'real' });
    const badge = page.locator('#interval-graph #totals + [data-knee-check-key]');
    await expect(badge).toHaveAttribute('data-knee-check-key', 'strava-profile:2016-09-05');
    // The real fixture: two runs (6.2 + 6.1 km) on 10-11 Sep 2016, the first runs it holds. The
    // page of activities read (rides included) goes back to a ride of 29 Jul 2016, and the adapter
    // notes the coverage, complete from 30 Jul (coveredFrom, lib/sites/strava.ts): the week of Aug 29 was read whole and
    // holds no run, so "no runs the week before" is the truth, not a lack of history.
    expect((await badges(page))[0]).toMatchObject({
      level: 'ok',
      text: '12.3 km · no runs the week before',
    });

    await page.locator('#interval-201637 a.bar').click();
    await expect(page.locator('#interval-201637')).toHaveClass(/selected/);
    await expect
      .poll(async () => (await badges(page)).map((b) => `${b.key} ${b.text}`))
      .toEqual([
        // 3.2 km after 12.3 km; the 30 days before the 18 Sep run are covered (from 30 Jul), and
        // its 3.2 km is no spike over the 6.2 km longest of them.
        'strava-profile:2016-09-12 3.2 km · -74% vs last week',
      ]);
    expect(page.url()).toBe(`${STRAVA}/athletes/123`);
    expect(await page.evaluate(() => (window as unknown as { __profile: { selections: number } }).__profile.selections)).toBe(1);
    // One page of the real JSON reached back far enough for both weeks.
    expect(served.filter((p) => p.startsWith('/athlete/training_activities'))).toEqual([
      '/athlete/training_activities?new_activity_only=false&per_page=50&page=1',
    ]);
    expect(errors).toEqual([]);
  });

  test("someone else's profile: no badge and no request for activities", async ({ context }) => {
    const { page, errors, served } = await openStrava(context, '/athletes/456', { activities: 'real' });
    await page.waitForTimeout(1500);
    expect(await badges(page)).toEqual([]);
    expect(served.some((p) => p.startsWith('/athlete/'))).toBe(false);
    expect(errors).toEqual([]);
  });
});

test('release manifest: narrow matches, no localhost', async ({ context }) => {
  const worker = await serviceWorker(context);
  const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as { content_scripts?: { matches?: string[] }[] };
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
  expect(matches).toContain('https://www.strava.com/*');
  expect(matches.some((m) => /localhost|127\.0\.0\.1|<all_urls>|\*:\/\/\*\//.test(m))).toBe(false);
});
