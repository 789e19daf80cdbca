// The knee diary on the options page and the clinician summary (issue 13, items 4 and 5), in real
// Chromium with the built extension: "Your knee" is validated by lib/triage's schema and prefills
// the popup; the diary lists a plan and check-ins with its chart and table; export then import
// carries the diary; the report page prints the weeks, check-ins and plan; axe in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyAnswers } from '../../lib/checker/answers';
import { expect, test } from './fixtures';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function seed(page: Page, values: Record<string, unknown>) {
  await page.evaluate(async (v) => chrome.storage.local.set(v), values);
}

async function storedDiary(page: Page) {
  return page.evaluate(async () => (await chrome.storage.local.get('knee-diary'))['knee-diary']);
}

async function axeClean(page: Page, what: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations,
      `${what}, ${colorScheme}: ${results.violations.map((v) => `${v.id} ${v.nodes[0]?.target}`).join('; ')}`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// Runs: the longest of the 30 days before the last run is 8 km; the last run (12 km) is a +50 % spike.
const RUNS = [
  { site: 'strava', id: '1', start: `${localDay(-24)}T08:00:00`, km: 8 },
  { site: 'strava', id: '2', start: `${localDay(-17)}T08:00:00`, km: 6 },
  { site: 'strava', id: '3', start: `${localDay(-10)}T08:00:00`, km: 7 },
  { site: 'strava', id: '4', start: `${localDay(-3)}T08:00:00`, km: 12 },
];

const EPISODE = {
  id: 'e1',
  startedOn: localDay(-12),
  side: 'left',
  locations: ['outside'],
  care: 'modify-load',
  topCause: 'itb-syndrome',
  topCauseName: 'Iliotibial band syndrome',
  boneStress: false,
  ladder: {
    level: 2,
    sessions: [
      { date: localDay(-10), level: 1, light: 'green' },
      { date: localDay(-8), level: 1, light: 'green' },
      { date: localDay(-3), level: 2, light: 'amber' },
    ],
    changes: [{ date: localDay(-8), from: 1, to: 2 }],
  },
};

const DIARY = {
  version: 1,
  checkIns: [
    { id: 'a', date: localDay(-10), painDuring: 1, nextMorning: 'usual', episodeId: 'e1', km: 7 },
    { id: 'b', date: localDay(-8), painDuring: 2, nextMorning: 'usual', episodeId: 'e1' },
    { id: 'c', date: localDay(-3), painDuring: 4, nextMorning: 'not-settled', episodeId: 'e1', km: 12 },
  ],
  episodes: [EPISODE],
  results: [{ savedOn: localDay(-12), care: 'modify-load', topCause: 'itb-syndrome', topCauseName: 'Iliotibial band syndrome' }],
  profile: { history: [] },
};

function answers(overrides: Record<string, unknown> = {}) {
  return { ...emptyAnswers(), ...overrides };
}

test('"Your knee" saves and validates with the triage schema; the popup then prefills it', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const section = page.getByRole('region', { name: 'Your knee', exact: true });
  const age = section.getByLabel('Age');
  await age.fill('7');
  await section.getByRole('button', { name: 'Keep these for the checker' }).click();
  await expect(age).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#knee-age-error')).toContainText('Age: must be from 8 to 100 years');
  await expect(age).toBeFocused();
  expect(await storedDiary(page)).toBeUndefined();

  await age.fill('42');
  await section.getByRole('radio', { name: 'Female' }).check();
  await section.getByRole('radio', { name: 'Left' }).check();
  await section.getByRole('checkbox', { name: /risk of a blood clot/ }).check();
  await section.getByRole('button', { name: 'Keep these for the checker' }).click();
  await expect(page.locator('#your-knee-status')).toContainText('Saved.');
  await expect(age).toHaveAttribute('aria-invalid', 'false');
  expect((await storedDiary(page)).profile).toEqual({ age: 42, sex: 'female', side: 'left', history: ['clot-risk'] });
  await axeClean(page, 'options with Your knee');

  // The popup, on the "about you" screen with nothing typed yet, starts with the profile.
  const popup = await openExtensionPage('popup.html');
  await seed(popup, {
    // This version's shape: the state alone, its version in WXT's meta (lib/checker/storage.ts).
    'checker-answers$': { v: 2 },
    'checker-answers': {
      screen: 'about',
      shortcut: false,
      updatedAt: new Date().toISOString(),
      answers: answers({ onset: 'gradual', locations: ['outside'] }),
    },
  });
  await popup.reload();
  await expect(popup.getByLabel('Your age')).toHaveValue('42');
  await expect(popup.getByRole('radio', { name: 'Female' })).toBeChecked();
});

test('the diary lists the plan, check-ins and kept results with its chart and table; closing a plan', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await seed(page, { 'captured-runs': { version: 1, runs: RUNS }, 'knee-diary': DIARY });
  await page.reload();
  const diary = page.getByRole('region', { name: 'Your knee diary' });

  const chart = diary.getByRole('img');
  await expect(chart).toHaveAccessibleName(
    /Last 12 weeks from .*Pain during running on 3 days, from 1 to 4 out of 10; latest 4 out of 10 on .*1 run was a spike over your 10 % limit\./,
  );
  await expect(diary.locator('.pain-chart__bar')).toHaveCount(12);
  await expect(diary.locator('.pain-chart__dot')).toHaveCount(3);
  await expect(diary.locator('.pain-chart__spike')).toHaveCount(1);

  await diary.getByText('Show as a table').click();
  const weeks = diary.getByRole('table', { name: 'Weekly distance (km)' });
  await expect(weeks.getByRole('row')).toHaveCount(13);
  const spikes = diary.getByRole('table', { name: /Spike runs/ });
  await expect(spikes.getByRole('row', { name: new RegExp(localDay(-3)) })).toContainText('12.0 km');
  await expect(spikes).toContainText('+50%');

  const plans = diary.getByRole('list', { name: 'Return-to-run plans' });
  await expect(plans).toContainText('Iliotibial band syndrome, left knee');
  await expect(plans).toContainText(`Started ${localDay(-12)} (current)`);
  await expect(plans).toContainText('Now at Level 2 of 8: Run 3 min, walk 2 min.');
  await expect(plans).toContainText(`${localDay(-8)}: level 1 → 2`);
  const checkIns = diary.getByRole('table', { name: 'Pain check-ins, newest first' });
  await expect(checkIns.getByRole('row')).toHaveCount(4);
  await expect(checkIns.getByRole('row').nth(1)).toContainText(`${localDay(-3)}12.0 km4 / 10Not quite settledAmber: hold`);
  await expect(diary.getByRole('list', { name: 'Checker results kept' })).toContainText('Iliotibial band syndrome');
  await diary.screenshot({ path: 'test-results/screenshots/diary-options.png' });
  await axeClean(page, 'options diary');
  // Fits the browser's embedded options dialog (400 px) without sideways scrolling, tables open.
  await page.setViewportSize({ width: 400, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

  // Miles from the settings.
  await page.getByRole('radio', { name: 'Miles (mi)' }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(diary.getByRole('table', { name: 'Weekly distance (mi)' })).toBeVisible();
  await expect(checkIns).toContainText('7.5 mi');

  await plans.getByRole('button', { name: 'Close this plan' }).click();
  await expect(plans).toContainText(`closed ${localDay(0)}`);
  expect((await storedDiary(page)).episodes[0].closedOn).toBe(localDay(0));
});

test('export then import carries the diary; a bad diary in the file changes nothing; forget asks first', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await seed(page, { 'knee-diary': DIARY });
  await page.reload();
  const backup = page.getByRole('region', { name: 'Backup and reset' });
  const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Export settings' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text).diary).toEqual(DIARY);
  await expect(page.locator('#backup-status')).toContainText('Your knee diary is in it too.');

  // Forget the diary (confirm step), then bring it back from the file.
  await page.getByRole('button', { name: 'Forget my knee diary…' }).click();
  await expect(page.getByRole('button', { name: 'Forget my knee diary', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Forget my knee diary', exact: true }).click();
  await expect(page.locator('#forget-diary-status')).toContainText('Forgot your knee diary');
  expect(await storedDiary(page)).toBeUndefined();
  await expect(page.getByRole('region', { name: 'Your knee diary' })).toContainText('No plan yet.');

  // A file whose diary is damaged: nothing changes, and the field is named.
  const bad = JSON.parse(text);
  bad.diary.checkIns[0].painDuring = 12;
  bad.settings.units = 'mi';
  await page
    .getByLabel('Import settings from a file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.locator('#backup-status')).toContainText('its knee diary cannot be used (checkIns.0.painDuring');
  expect(await storedDiary(page)).toBeUndefined();
  await expect(page.getByRole('radio', { name: 'Kilometres (km)' })).toBeChecked();

  await page
    .getByLabel('Import settings from a file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.locator('#backup-status')).toContainText('Its knee diary was added to yours.');
  expect(await storedDiary(page)).toEqual(DIARY);
  await expect(page.getByRole('list', { name: 'Return-to-run plans' })).toContainText('Iliotibial band syndrome');

  // An older file without a diary still imports and leaves the diary alone.
  const old = JSON.parse(text);
  delete old.diary;
  old.settings.spikePct = 25;
  await page
    .getByLabel('Import settings from a file')
    .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(old)) });
  await expect(page.locator('#backup-status')).toHaveText('Imported \u201cold.json\u201d and saved it.');
  expect(await storedDiary(page)).toEqual(DIARY);
});

test('the clinician summary shows the check, eight weeks and spikes, the check-ins and the plan; print CSS hides the button', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('report.html');
  await seed(page, {
    'captured-runs': { version: 1, runs: RUNS },
    'knee-diary': DIARY,
    // This version's shape: the state alone, its version in WXT's meta (lib/checker/storage.ts).
    'checker-answers$': { v: 2 },
    'checker-answers': {
      screen: 'result',
      shortcut: false,
      updatedAt: new Date().toISOString(),
      answers: answers({
        onset: 'gradual',
        locations: ['outside'],
        swelling: 'none',
        age: '35',
        timing: ['late-in-run'],
        worseWith: ['downhill', 'long-runs'],
      }),
    },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Knee Check: summary for your clinician' })).toBeVisible();
  await expect(page.locator('.report__summary')).toContainText('Care level:');
  await expect(page.locator('.report__summary')).toContainText('Answers:');
  await expect(page.getByRole('img')).toHaveAccessibleName(/Last 8 weeks from .*1 run was a spike over your 10 % limit\./);
  const weeks = page.getByRole('table', { name: /Weekly distance \(km\)/ });
  await expect(weeks.getByRole('row')).toHaveCount(9);
  await expect(page.getByRole('table', { name: /Spike runs/ })).toContainText('+50%');
  await expect(page.getByRole('table', { name: /Check-ins since/ }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Return-to-run plan' })).toContainText('Iliotibial band syndrome, left knee');
  await expect(page.getByRole('region', { name: 'Return-to-run plan' })).toContainText(`${localDay(-8)}: level 1 → 2`);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/diary-report.png', fullPage: true });
  await axeClean(page, 'report');

  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const colours = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.pdf({ path: 'test-results/clinician-summary.pdf' }).catch(() => undefined);
});

test('the popup result links to the printable summary', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  await seed(page, {
    // This version's shape: the state alone, its version in WXT's meta (lib/checker/storage.ts).
    'checker-answers$': { v: 2 },
    'checker-answers': {
      screen: 'result',
      shortcut: false,
      updatedAt: new Date().toISOString(),
      answers: answers({ onset: 'gradual', locations: ['front'], swelling: 'none', age: '30' }),
    },
  });
  await page.reload();
  const link = page.getByRole('link', { name: 'Printable summary (print or save as PDF)' });
  await expect(link).toHaveAttribute('href', /\/report\.html$/);
});
