// First run (issue 15): the welcome page opens once on install, says what Knee Check is and is
// not, sets units and week start (validated, stored locally), lists the badge sites and leads to
// the checker and the settings. axe-clean in light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// The page's own extension API, inside page.evaluate (typed loosely: only storage is used).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

test('opens once on install, sets units and week start, and leads to the checker', async ({ context, extensionId }) => {
  const welcome = context.pages().find((p) => p.url() === `chrome-extension://${extensionId}/welcome.html`);
  expect(welcome, 'the welcome page opened on install').toBeTruthy();
  const page = welcome!;
  await expect(page.getByRole('heading', { name: 'Welcome to Knee Check' })).toBeVisible();
  await expect(page.getByText('Knee Check gives information, not a diagnosis.')).toBeVisible();
  for (const site of ['Strava', 'Garmin Connect', 'intervals.icu'])
    await expect(page.getByRole('listitem').filter({ hasText: site })).toBeVisible();

  await page.getByRole('radio', { name: 'Miles (mi)' }).check();
  await page.getByRole('radio', { name: 'Sunday' }).check();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  const stored = await page.evaluate(async () => ({
    local: await chrome.storage.local.get('settings'),
    sync: await chrome.storage.sync.get(null),
  }));
  expect(stored.local.settings).toMatchObject({ units: 'mi', weekStartsOn: 'sunday' });
  expect(stored.sync).toEqual({});

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, scheme).toEqual([]);
  }

  const [checker] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open the checker' }).click()]);
  await expect(checker).toHaveURL(`chrome-extension://${extensionId}/popup.html`);
  await expect(checker.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/welcome.png', fullPage: true });
});

test('reachable later from the options page', async ({ openExtensionPage, context, extensionId }) => {
  const options = await openExtensionPage('options.html');
  const [welcome] = await Promise.all([
    context.waitForEvent('page'),
    options.getByRole('link', { name: 'Welcome and first steps' }).click(),
  ]);
  await expect(welcome).toHaveURL(`chrome-extension://${extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Knee Check' })).toBeVisible();
});
