// The whole loop of issue 13 in one flow, in real Chromium with the built extension, offline:
// a served Strava Training Log gives the runs (the content script reads them: nothing is seeded
// into the captured runs); a red check-in from the popup lowers the next-run ceiling on the popup,
// on the toolbar icon and in a site badge's explanation; a return-to-run plan started from a
// checker result moves up a level after two green check-ins, one of them answered from the
// next-morning reminder's notification; the clinician summary prints it; the diary goes through
// export and import on the options page; axe on each screen.
//
// The Training Log reads the runs of the weeks it shows from the page itself, so the page is the
// saved one's markup (site-server.ts) with this runner's last weeks up to today's.
//
// Time travel: a check-in's next-morning answer is asked the day after, so the test moves a
// check-in it has just saved to an earlier day in storage (as loop.spec.ts does). Runs sit at
// times already past today (00:01), whatever the hour the test runs at.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { toolbarBadge } from '../../lib/badge/toolbar';
import { toHistoryRuns, type CapturedRun } from '../../lib/history/captured';
import { defaultSettings } from '../../lib/settings/defaults';
import { expect, openExplanation, readClosedBadges, test } from './fixtures';
import { axeClean, checkerAtResult, ITB_ANSWERS, localDay, seed } from './loop-helpers';
import { mondayOf, recentModels, routeStrava, trainingLogPage, weekEntries } from './site-server';

// The extension API inside evaluate callbacks (they run in the extension, not here).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const STRAVA = 'https://www.strava.com';
const LOG = '/athletes/123/training/log';

/**
 * The runner's runs: one 60 days ago, then back after a break; the longest of the last 30 days is
 * 11.5 km (a ceiling of 12.6 km with the default 10 %), the latest 6 km today just after midnight.
 */
const RUNS = [
  { start: `${localDay(-60)}T08:00:00`, km: 10 },
  { start: `${localDay(-20)}T08:00:00`, km: 11.5 },
  { start: `${localDay(-9)}T08:00:00`, km: 8 },
  { start: `${localDay(0)}T00:01:00`, km: 6 },
];
const ROWS = 6;

/** The runs in the shape of Strava's /athlete/training_activities models (the saved runner's, these dates and distances), newest first. */
function models(): Record<string, unknown>[] {
  const shape = recentModels().find((m) => m.sport_type === 'Run')!;
  return RUNS.map((run, i) => ({
    ...shape,
    id: 18_000_000_000 + i,
    start_date_local_raw: Date.parse(`${run.start}Z`) / 1000,
    start_time: new Date(run.start).toISOString().replace('.000Z', '+0000'),
    distance: run.km.toFixed(1),
    distance_raw: run.km * 1000,
  })).reverse();
}

/** This runner's Training Log (its last weeks up to this one, in the saved page's markup) and activities; the rest as site-server serves it. */
async function routeRunner(context: BrowserContext): Promise<void> {
  await routeStrava(context, { activities: 'recent' });
  const all = models();
  const page = trainingLogPage(weekEntries(mondayOf(localDay(0)), ROWS, all), ROWS);
  await context.route(
    (url) => url.origin === STRAVA && (url.pathname === LOG || url.pathname === '/athlete/training_activities'),
    (route) =>
      new URL(route.request().url()).pathname === LOG
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page })
        : route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ models: all, page: 1, perPage: 50, total: all.length }),
          }),
  );
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function capturedHistory(worker: Worker) {
  const stored = await worker.evaluate(() => chrome.storage.local.get('captured-runs'));
  return toHistoryRuns((stored['captured-runs']?.runs ?? []) as CapturedRun[]);
}

/** The toolbar icon's text and title, read from the service worker. */
async function toolbar(worker: Worker): Promise<{ text: string; title: string }> {
  return worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
}

/** The explanation of the first week's badge on the Training Log (read through its closed shadow root). */
async function siteExplanation(page: Page): Promise<string> {
  const [badge] = (await readClosedBadges(page)).filter((b) => !b.inCard);
  return badge ? openExplanation(page, badge.key) : '';
}

/** Test-only time travel: the diary's latest check-in moved to `date`, and the open episode to have started before it. */
async function moveLastCheckIn(page: Page, date: string, episodeStart: string): Promise<void> {
  await page.evaluate(
    async ({ date, episodeStart }) => {
      const diary = (await chrome.storage.local.get('knee-diary'))['knee-diary'];
      diary.checkIns.at(-1).date = date;
      for (const e of diary.episodes) if (e.closedOn === undefined) e.startedOn = episodeStart;
      await chrome.storage.local.set({ 'knee-diary': diary });
    },
    { date, episodeStart },
  );
}

async function checkInNoPain(panel: ReturnType<Page['getByRole']>): Promise<void> {
  await panel.getByRole('button', { name: 'Check in after a run' }).click();
  await panel.getByRole('radio', { name: '0', exact: true }).check();
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  await expect(panel).toContainText('Green: Safe: 0/10 during the run.');
}

test('the whole loop: runs read from Strava, a red check-in lowers the ceiling everywhere, a plan moves up, reminder, summary, backup', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(150_000);
  const worker = await serviceWorker(context);

  // 1. The Training Log: the content script reads the runs and the background captures them.
  await routeRunner(context);
  const strava = await context.newPage();
  await strava.goto(STRAVA + LOG);
  await expect.poll(async () => (await readClosedBadges(strava)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await expect
    .poll(async () => (await capturedHistory(worker)).filter((r) => RUNS.some((run) => run.start === r.start && run.km === r.km)).length, {
      timeout: 10_000,
    })
    .toBe(RUNS.length);

  // The ceiling everywhere: the site badge's explanation, the toolbar icon, the popup.
  await expect.poll(() => siteExplanation(strava), { timeout: 10_000 }).toContain('Keep your next run under 12.6 km.');
  await expect.poll(async () => (await toolbar(worker)).title).toContain('Next run: keep it under 12.6 km.');
  const popup = await openExtensionPage('popup.html');
  const panel = popup.getByRole('region', { name: 'Your knee today' });
  await expect(panel).toContainText('Keep your next run under 12.6 km.');
  // The load engine's note: back after a break.
  await expect(panel).toContainText("You're back after 39 days without a run");
  await axeClean(popup, 'popup, runs captured');

  // 2. A red check-in from the popup: the ceiling drops to a third under the run that hurt.
  await panel.getByRole('button', { name: 'Check in after your 6.0 km run' }).click();
  await panel.getByRole('radio', { name: '7' }).check();
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  await expect(panel).toContainText('Red: Too much: 7/10 during the run.');
  await expect(panel).toContainText('Keep your next run under 4.0 km.');
  await axeClean(popup, 'popup, red check-in');
  // The toolbar icon: the lowered ceiling in its title, and as its text unless a load warning outranks it.
  await expect
    .poll(async () => {
      // (Every run is in the past, so the week reads the same at any minute of today.)
      const want = toolbarBadge(await capturedHistory(worker), defaultSettings(), localDay(0), `${localDay(0)}T23:59`);
      const { text, title } = await toolbar(worker);
      return title.includes('Next run: keep it under 4.0 km.') && text === (want?.text === 'OK' ? '4.0' : want?.text);
    })
    .toBe(true);
  // The Training Log's badge explains it too (the background pushes the new lines to the tab).
  await expect
    .poll(() => siteExplanation(strava), { timeout: 10_000 })
    .toContain('Keep your next run under 4.0 km. After a red check-in: a third shorter than the run that hurt.');

  // 3. A checker result starts a return-to-run plan: a week off running and no better (see a
  // clinician), so the return starts at the walk (a modify-load result holds and builds: level 8).
  await seed(popup, checkerAtResult({ ...ITB_ANSWERS, rested: 'no-better' }));
  await popup.reload();
  await popup.getByRole('button', { name: 'Start a return-to-run plan for this knee' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Return-to-run plan started' })).toContainText('level 1 of 8');
  await axeClean(popup, 'popup, result with the plan started');
  await popup.getByRole('button', { name: 'Start over' }).first().click();
  await expect(panel).toContainText('Level 1 of 8. Today: Brisk walk for 30 minutes, pain-free (30 min).');
  await expect(panel).not.toContainText('Keep your next run under');
  await expect.poll(async () => (await toolbar(worker)).text).toBe('L1');
  await expect.poll(() => siteExplanation(strava), { timeout: 10_000 }).toContain('Return to running: level 1 of 8.');

  // 4. A green check-in, and the next-morning reminder (asked for from the click; the runner allows it).
  await checkInNoPain(panel);
  await popup.evaluate(() => {
    chrome.permissions.request = async () => true; // test-only: headless Chromium cannot answer the prompt
  });
  await panel.getByRole('button', { name: 'Remind me tomorrow morning' }).click();
  await expect(panel).toContainText('You will be asked tomorrow at 8:00 how your knee feels.');
  const tomorrowAt8 = await popup.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 8, 0, 0, 0).getTime();
  });
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.alarms.get('morning-check-in'))?.scheduledTime ?? null))
    .toBe(tomorrowAt8);

  // The next morning: the check-in was yesterday's; the alarm fires and shows one notification.
  await moveLastCheckIn(popup, localDay(-2), localDay(-3));
  // (The background follows the diary: yesterday's 8:00 is long past, so its own alarm is cleared.)
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('morning-check-in')) ?? null)).toBeNull();
  await worker.evaluate(() => {
    // Test-only: the optional permission granted (headless cannot), and the notifications shown, recorded.
    const w = globalThis as unknown as { browser?: typeof chrome; __notes: unknown[]; __clicks: ((id: string) => void)[] };
    w.__notes = [];
    w.__clicks = [];
    for (const api of new Set([chrome, w.browser ?? chrome])) {
      api.permissions.contains = async () => true;
      api.notifications = {
        create: async (id: string, options: unknown) => (w.__notes.push({ id, options }), id),
        onClicked: { addListener: (fn: (id: string) => void) => w.__clicks.push(fn) },
      };
    }
    // The morning comes: the reminder's alarm fires now.
    chrome.alarms.create('morning-check-in', { when: Date.now() + 200 });
  });
  await expect
    .poll(() => worker.evaluate(() => (globalThis as unknown as { __notes: unknown[] }).__notes), { timeout: 10_000 })
    .toEqual([
      {
        id: 'morning-check-in',
        options: expect.objectContaining({
          title: 'Knee Check',
          message: 'How is your knee this morning? Open Knee Check to answer: it sets your next run.',
        }),
      },
    ]);
  // A click on it opens Knee Check, which asks the morning question.
  const [morning] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().endsWith('/popup.html')),
    worker.evaluate(() =>
      (globalThis as unknown as { __clicks: ((id: string) => void)[] }).__clicks.forEach((fn) => fn('morning-check-in')),
    ),
  ]);
  await popup.close();
  const morningPanel = morning.getByRole('region', { name: 'Your knee today' });
  await expect(morningPanel.getByRole('group', { name: new RegExp(`after your run of ${localDay(-2)}`) })).toBeVisible();
  await axeClean(morning, 'popup, the morning question');
  await morningPanel.getByRole('button', { name: 'Back to usual' }).click();
  await expect(morningPanel).toContainText('Green:');
  await expect(morningPanel).toContainText('Level 1 of 8.');

  // 5. A second green check-in, answered the next morning too: up to level 2.
  await checkInNoPain(morningPanel);
  await moveLastCheckIn(morning, localDay(-1), localDay(-3));
  await morning.reload();
  await morningPanel.getByRole('button', { name: 'Back to usual' }).click();
  await expect(morningPanel).toContainText('Level 2 of 8.');
  await expect(morningPanel).toContainText('Run 3 min, walk 2 min, 1.6 km in all');
  await axeClean(morning, 'popup, level 2');
  await expect.poll(async () => (await toolbar(worker)).text).toBe('L2');
  await expect.poll(() => siteExplanation(strava), { timeout: 10_000 }).toContain('Return to running: level 2 of 8.');
  const diary = await morning.evaluate(async () => (await chrome.storage.local.get('knee-diary'))['knee-diary']);
  expect(diary.checkIns.map((c: { painDuring: number }) => c.painDuring)).toEqual([7, 0, 0]);
  expect(diary.episodes[0].ladder.changes).toEqual([{ date: localDay(-1), from: 1, to: 2 }]);

  // 6. The clinician summary prints the check-ins and the plan.
  const report = await openExtensionPage('report.html');
  await expect(report.getByRole('heading', { name: 'Knee Check: summary for your clinician' })).toBeVisible();
  await expect(report.getByRole('table', { name: /Check-ins since/ }).getByRole('row')).toHaveCount(4);
  await expect(report.getByRole('region', { name: 'Return-to-run plan' })).toContainText(`${localDay(-1)}: level 1 → 2`);
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await axeClean(report, 'clinician summary');

  // 7. Export, forget, import on the options page: the diary comes back whole.
  const options = await openExtensionPage('options.html');
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('region', { name: 'Backup and reset' }).getByRole('button', { name: 'Export settings' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(file).diary).toEqual(diary);
  await options.getByRole('button', { name: 'Forget my knee diary…' }).click();
  await options.getByRole('button', { name: 'Forget my knee diary', exact: true }).click();
  await expect(options.locator('#forget-diary-status')).toContainText('Forgot your knee diary');
  await options
    .getByLabel('Import settings from a file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(options.locator('#backup-status')).toContainText('Its knee diary was added to yours.');
  // (Merged in date order: the time travel above left today's red check-in before the moved ones.)
  const byDate = [...diary.checkIns].sort((a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  expect(await options.evaluate(async () => (await chrome.storage.local.get('knee-diary'))['knee-diary'])).toEqual({
    ...diary,
    checkIns: byDate,
  });
  await expect(options.getByRole('list', { name: 'Return-to-run plans' })).toContainText('Now at Level 2 of 8');
  await axeClean(options, 'options, diary imported');
  // And the loop still holds after the round trip: the plan on the toolbar icon.
  await expect.poll(async () => (await toolbar(worker)).text).toBe('L2');
});
