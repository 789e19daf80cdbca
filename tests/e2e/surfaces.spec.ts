// What a runner sees besides the badges, in Chromium with the built extension, offline:
// an intervals.icu calendar whose layout is not recognised gives the fallback card with this
// week's numbers; the toolbar icon's badge text (read from the service worker); the popup's page
// status in each case; and (fixtures.ts) the network audit throughout.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { toolbarBadge } from '../../lib/badge/toolbar';
import { toHistoryRuns, type CapturedRun } from '../../lib/history/captured';
import { weekSummaries } from '../../lib/load/summary';
import { defaultSettings } from '../../lib/settings/defaults';
import { runsFromIntervalsActivities } from '../../lib/sites/intervals';
import { expect, readCard, test } from './fixtures';
import { INTERVALS, fixtureJson, localToday, routeIntervals, shiftDaysTo } from './route-helpers-sites';
import { routeStrava } from './site-server';

// The extension API inside worker.evaluate (runs in the service worker, not here).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = localToday();
const days = shiftDaysTo(today);
const pad = (n: number) => String(n).padStart(2, '0');
const nowMinute = () => {
  const d = new Date();
  return `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A calendar that still shows weekly mileage, in markup no adapter recognises (a redesign). */
const REDESIGNED = `<!doctype html><html><head><title>Calendar - intervals.icu</title></head><body>
<nav style="position:fixed;top:0;left:0;right:0;height:48px;background:#222;color:#fff">intervals.icu</nav>
<main style="padding-top:60px"><section class="cal-v2"><div class="cal-v2__row"><span class="cal-v2__sum">Week · 34 km</span></div></section></main>
</body></html>`;

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The popup's first screen as it reads for `tab` (made the active tab first). */
async function popupFor(context: BrowserContext, extensionId: string, tab: Page): Promise<Page> {
  const popup = await context.newPage();
  await tab.bringToFront();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

async function capturedHistory(worker: Worker) {
  const stored = await worker.evaluate(() => chrome.storage.local.get('captured-runs'));
  return toHistoryRuns((stored['captured-runs']?.runs ?? []) as CapturedRun[]);
}

test.describe('an unrecognised layout', () => {
  test('the fallback card shows this week with the right numbers; hidden per week; the popup and the toolbar say so', async ({
    context,
    extensionId,
  }) => {
    // The API's runs with their distances (no Strava-synced stubs: those weeks show no total, tested elsewhere).
    const served = (fixtureJson('intervals-activities.json', days) as { distance?: unknown }[]).filter(
      (a) => typeof a?.distance === 'number',
    );
    await routeIntervals(context, { days, activities: served });
    // Registered last, so it answers first: the calendar, redesigned.
    await context.route(`${INTERVALS}/calendar`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: REDESIGNED }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${INTERVALS}/calendar`);

    // After the page had time to render its weeks (2.5 s), the runs are read and the card shows.
    await expect.poll(async () => (await readCard(page))?.badge?.text ?? '', { timeout: 15_000 }).not.toBe('');
    const card = (await readCard(page))!;
    expect(card.heading).toMatch(/^Knee Check, this week/);
    expect(card.buttons).toEqual(['Move', 'Hide for this week']);
    expect(card.corner).toBe('bottom-right'); // clear of the site's top navigation
    // The right numbers: this week from the runs the adapter read (the API answer), as the engine gives them.
    const runs = runsFromIntervalsActivities(served);
    // The week's total and change; what follows (a spike, or what history is missing) depends on
    // the coverage the adapter notes, so only the week's own part is compared.
    const expected = (now: string) =>
      weekSummaries(runs, [today], defaultSettings(), today, { now, coverage: {} })[0]!
        .text.split(' · Not enough history')[0]!
        .split(' · single-run')[0]!;
    // (The week so far is compared up to the minute: the minute the card was drawn or the one before.)
    const minute = nowMinute();
    const before = `${today}T${pad(Math.max(0, new Date().getHours()))}:${pad(Math.max(0, new Date().getMinutes() - 1))}`;
    const week = card.badge!.text.split(' · Not enough history')[0]!.split(' · single-run')[0]!;
    expect([expected(minute), expected(before)]).toContain(week);
    expect(card.badge!.text).toMatch(/km so far/);
    // The page's own script cannot open the card.
    expect(await page.evaluate(() => document.querySelector('[data-knee-check-card]')?.shadowRoot ?? null)).toBeNull();

    // The popup says what happened, in words (the status is sent at most once a second).
    await page.waitForTimeout(1500);
    const popup = await popupFor(context, extensionId, page);
    await expect(
      popup.getByText("Your runs were read, but this page's layout was not recognised: see the Knee Check card in a corner of the page."),
    ).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Copy a page report' })).toBeVisible();
    await popup.close();

    // The toolbar icon: this week's status from the captured runs, in text, with the numbers in its title.
    const worker = await serviceWorker(context);
    await expect.poll(async () => (await capturedHistory(worker)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(
        async () => {
          const history = await capturedHistory(worker);
          const want = toolbarBadge(history, defaultSettings(), today, nowMinute());
          const text = await worker.evaluate(() => chrome.action.getBadgeText({}));
          const title = await worker.evaluate(() => chrome.action.getTitle({}));
          // The knee diary joins in (lib/badge/toolbar withLoop): on an "OK" week the next-run
          // ceiling takes the text, and the title adds it after the week's numbers.
          const textOk = want !== null && (text === want.text || (want.text === 'OK' && /^\d+(\.\d)?$/.test(text)));
          return textOk && title.startsWith(want!.title);
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toMatch(/^(!|[+−]?\d+%|\?|OK|\d+(\.\d)?)$/);

    // The setting switches it off, and on again.
    const settings = defaultSettings();
    await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), { ...settings, fallbackCard: false });
    await expect.poll(async () => readCard(page)).toBeNull();
    await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
    await expect.poll(async () => (await readCard(page)) !== null, { timeout: 10_000 }).toBe(true);

    // "Hide for this week" from the keyboard: gone, and still gone after a reload.
    await page.keyboard.press('Tab'); // focus enters the page
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-knee-check-card'))); i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-knee-check-card'))).toBe(true);
    // In the card: its badge, then "Move", then "Hide for this week".
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Move
    await expect.poll(async () => (await readCard(page))?.corner).not.toBe('bottom-right');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Hide for this week
    await expect.poll(async () => readCard(page)).toBeNull();
    await page.reload();
    await page.waitForTimeout(4000);
    expect(await readCard(page)).toBeNull();
    expect(errors).toEqual([]);
  });
});

test.describe('the popup says what each page holds', () => {
  test('a Strava Training Log with badges: weeks annotated from runs; a page that is no running log: nothing', async ({
    context,
    extensionId,
  }) => {
    await routeStrava(context, { activities: 'recent' });
    const page = await context.newPage();
    await page.goto('https://www.strava.com/athletes/123/training/log');
    await expect.poll(async () => page.locator('[data-knee-check-key]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1500); // the status is sent at most once a second
    const popup = await popupFor(context, extensionId, page);
    await expect(popup.getByText(/\d+ weeks? annotated from \d+ runs?\./)).toBeVisible();
    // The copied report: structure only (read back from the clipboard the popup wrote).
    // (A headless tab has no clipboard to grant: the popup's clipboard is replaced by a recorder.)
    await popup.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: async (text: string) => void ((window as unknown as { __copied: string }).__copied = text) },
      });
    });
    await popup.getByRole('button', { name: 'Copy a page report' }).click();
    await expect(popup.getByText(/Page report copied/)).toBeVisible();
    const report = JSON.parse(await popup.evaluate(() => (window as unknown as { __copied: string }).__copied));
    expect(report).toMatchObject({ kind: 'knee-check-page-report', site: 'strava' });
    expect(JSON.stringify(report)).not.toMatch(/\/athletes\/123|"123"/);
    await popup.close();

    // A tab that is not a running log: the popup's first screen says nothing about it.
    const other = await context.newPage();
    await other.goto(`chrome-extension://${extensionId}/options.html`);
    const popup2 = await popupFor(context, extensionId, other);
    await expect(popup2.locator('.page-status')).toHaveCount(0);
  });
});
