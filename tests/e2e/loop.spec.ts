// The loop that joins how the knee feels to the runs (issue 13), in real Chromium with the built
// extension: captured runs give the next-run ceiling on the popup's first screen, a red check-in
// lowers it, the what-if says how big a planned run's spike would be, and a return-to-run plan
// started from a result moves up with green check-ins. axe on each new screen.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { defaultSettings } from '../../lib/settings/defaults';
import { expect, test } from './fixtures';
import { localDay, seed } from './loop-helpers';

// The page's own extension API, inside page.evaluate (typed loosely: only storage is used).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs of the last weeks: the longest of the last 30 days is 11.5 km; the latest is today, 6 km. */
const RUNS = [
  { site: 'strava', id: '1', start: `${localDay(-20)}T08:00:00`, km: 11.5 },
  { site: 'strava', id: '2', start: `${localDay(-9)}T08:00:00`, km: 8 },
  // Just after midnight: a run later than "now" does not count yet, and the tests run at any hour.
  { site: 'strava', id: '3', start: `${localDay(0)}T00:01:00`, km: 6 },
];

async function axeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

test('ceiling from captured runs, a red check-in lowers it on the popup and the toolbar icon, what-if in plain words', async ({
  context,
  openExtensionPage,
}) => {
  const page = await openExtensionPage('popup.html');
  await seed(page, { 'captured-runs': { version: 1, runs: RUNS } });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your knee today' });
  await expect(panel).toContainText('Keep your next run under 12.6 km.');
  await expect(panel).toContainText('Your longest run of the last 30 days was 11.5 km');

  await panel.getByText('What if I run further?').click();
  await panel.getByLabel('Planned distance (km)').fill('14');
  await expect(panel).toContainText('14.0 km would be +22 % on your longest run of the last 30 days: a small spike, over your limit.');
  await axeClean(page);

  await panel.getByRole('button', { name: 'Check in after your 6.0 km run' }).click();
  await panel.getByRole('radio', { name: '7' }).check();
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  await expect(panel).toContainText('Red: Too much: 7/10 during the run.');
  await expect(panel).toContainText('Keep your next run under 4.0 km.');
  await page.screenshot({ path: 'test-results/screenshots/loop-red-check-in.png', fullPage: true });
  // The toolbar icon's title follows the ceiling (its text does when no load warning outranks it).
  const [worker] = context.serviceWorkers();
  await expect.poll(() => worker!.evaluate(() => chrome.action.getTitle({}))).toContain('Next run: keep it under 4.0 km.');
  await axeClean(page);

  // Stored locally with the run it belongs to; never in sync.
  const stored = await page.evaluate(async () => ({
    local: await chrome.storage.local.get('knee-diary'),
    sync: await chrome.storage.sync.get(null),
  }));
  expect(stored.sync).toEqual({});
  expect((stored.local['knee-diary'] as { checkIns: unknown[] }).checkIns).toEqual([
    expect.objectContaining({ painDuring: 7, km: 6, runStart: RUNS[2]!.start, date: localDay(0) }),
  ]);
});

test('the load engine\u2019s notes reach the popup: back after a break, shoes past the reminder, in miles', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('popup.html');
  // 100 km in the same shoes (Strava's gear id) before five weeks off, then three runs back in them.
  const before = [-50, -48, -46, -44, -42].map((d, i) => ({ site: 'strava', id: `b${i}`, start: `${localDay(d)}T08:00:00`, km: 20 }));
  const back = [
    { site: 'strava', id: 'r1', start: `${localDay(-5)}T08:00:00`, km: 8 },
    { site: 'strava', id: 'r2', start: `${localDay(-2)}T08:00:00`, km: 8 },
    { site: 'strava', id: 'r3', start: `${localDay(0)}T00:01:00`, km: 6 },
  ];
  await seed(page, {
    'captured-runs': { version: 3, runs: [...before, ...back].map((r) => ({ ...r, gearId: '21907553' })) },
    settings: { ...defaultSettings(), units: 'mi', shoeKmLimit: 100 },
  });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your knee today' });
  await expect(panel).toContainText("You're back after 36 days without a run");
  await expect(panel).toContainText('start shorter and easier than before and add distance over a few weeks');
  await expect(panel).toContainText('have at least 76 mi on them in the runs Knee Check has read, past your 62 mi reminder.');
  // The last 7 days against the last 4 weeks: background, one click away, in plain words.
  await panel.getByText('More about your running').click();
  await expect(panel.getByText(/^Your running of the last 7 days is [\d.]+ times your usual amount of the last 4 weeks\./)).toBeVisible();
  await expect(panel).not.toContainText(/acute|chronic|ratio|EWMA/i);
  await page.screenshot({ path: 'test-results/screenshots/loop-notes.png', fullPage: true });
  await axeClean(page);
});

test('a check-in from yesterday asks the next-morning question; the answer sets the light', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await seed(page, {
    'captured-runs': { version: 1, runs: RUNS.slice(0, 2) },
    'knee-diary': {
      version: 1,
      checkIns: [{ id: 'a', date: localDay(-1), painDuring: 2 }],
      episodes: [],
      results: [],
      profile: { history: [] },
    },
  });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your knee today' });
  await expect(panel.getByRole('group', { name: /This morning/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Not quite settled' }).click();
  await expect(panel).toContainText('Amber: Not settled by the next morning.');
  await expect(panel).toContainText('Keep your next run under 11.5 km.');
});

test('a return-to-run plan moves up after two green check-ins; closing it ends the plan', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  const episode = {
    id: 'e1',
    startedOn: localDay(-6),
    side: 'left',
    locations: ['outside'],
    care: 'modify-load',
    topCause: 'itb-syndrome',
    topCauseName: 'Iliotibial band syndrome',
    boneStress: false,
    ladder: { level: 1, sessions: [], changes: [] },
  };
  await seed(page, {
    'knee-diary': {
      version: 1,
      checkIns: [{ id: 'a', date: localDay(-4), painDuring: 1, nextMorning: 'usual', episodeId: 'e1' }],
      episodes: [{ ...episode, ladder: { level: 1, sessions: [{ date: localDay(-4), level: 1, light: 'green' }], changes: [] } }],
      results: [],
      profile: { history: [] },
    },
  });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your knee today' });
  await expect(panel).toContainText('Level 1 of 8. Today: Brisk walk for 30 minutes, pain-free (30 min).');
  await panel.getByRole('button', { name: 'Check in after a run' }).click();
  await panel.getByRole('radio', { name: '0', exact: true }).check();
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  // Judged on the pain alone until the morning answer: the ladder waits for the morning.
  await expect(panel).toContainText('Green: Safe: 0/10 during the run.');
  const stored = await page.evaluate(
    async () => (await chrome.storage.local.get('knee-diary'))['knee-diary'] as { checkIns: { id: string }[] },
  );
  const id = stored.checkIns.at(-1)!.id;
  await page.evaluate(async (checkInId) => {
    const d = (await chrome.storage.local.get('knee-diary'))['knee-diary'] as { checkIns: { id: string; date: string }[] };
    const yesterday = new Date(Date.now() - 86_400_000);
    const p = (n: number) => String(n).padStart(2, '0');
    for (const c of d.checkIns)
      if (c.id === checkInId) c.date = `${yesterday.getFullYear()}-${p(yesterday.getMonth() + 1)}-${p(yesterday.getDate())}`;
    await chrome.storage.local.set({ 'knee-diary': d });
  }, id);
  await page.reload();
  await panel.getByRole('button', { name: 'Back to usual' }).click();
  await expect(panel).toContainText('Level 2 of 8.');
  await expect(panel).toContainText('Run 3 min, walk 2 min, 1.6 km in all');
  await page.screenshot({ path: 'test-results/screenshots/loop-episode.png', fullPage: true });
  await axeClean(page);

  await panel.getByRole('button', { name: /close this episode/ }).click();
  await panel.getByRole('button', { name: 'Close it' }).click();
  await expect(panel).not.toContainText('Level 1 of 8');
  await expect(panel).toContainText('No run in the last 30 days to build on.');
});

test('the opt-in reminder: an alarm for 8:00 the next morning, kept in step with the answer', async ({ context, openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await seed(page, {
    'captured-runs': { version: 1, runs: RUNS },
    'morning-reminder': { enabled: true },
  });
  await page.reload();
  const panel = page.getByRole('region', { name: 'Your knee today' });
  await panel.getByRole('button', { name: 'Check in after your 6.0 km run' }).click();
  await panel.getByRole('radio', { name: '2', exact: true }).check();
  await panel.getByRole('button', { name: 'Save check-in' }).click();
  await expect(panel).toContainText('You will be asked tomorrow at 8:00 how your knee feels.');

  const [worker] = context.serviceWorkers();
  const expected = await page.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 8, 0, 0, 0).getTime();
  });
  await expect
    .poll(() => worker!.evaluate(async () => (await chrome.alarms.get('morning-check-in'))?.scheduledTime ?? null))
    .toBe(expected);
  // Stopping the reminder clears the alarm.
  await panel.getByRole('button', { name: 'Stop reminders' }).click();
  await expect.poll(() => worker!.evaluate(async () => (await chrome.alarms.get('morning-check-in')) ?? null)).toBeNull();
});
