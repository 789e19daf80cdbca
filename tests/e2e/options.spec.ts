// The options page in Debian Chromium with the built extension: edit, validate, save, reload,
// export, import, reset, recover damaged settings, keyboard-only use, accessibility, width.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const DEFAULTS = {
  units: 'km',
  weekStartsOn: 'monday',
  weeklyIncreasePct: 10,
  spikePct: 10,
  shoeKmLimit: 700,
  sites: { strava: true, garmin: true, intervals: true },
  customSites: [],
  fallbackCard: true,
};

type StorageArea = { get(key: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
declare const chrome: { storage: { local: StorageArea } };

/** What the extension has in storage.local under `key` (read inside the extension page). */
function stored(page: Page, key = 'settings'): Promise<unknown> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);
}

/** The options page, ready (the fixture has already let the install-time options tab open). */
async function openOptions({
  openExtensionPage,
}: {
  context?: BrowserContext;
  openExtensionPage: (path: string) => Promise<Page>;
}): Promise<Page> {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  return page;
}

const spike = (page: Page) => page.getByLabel('Single-run spike threshold');
const weekly = (page: Page) => page.getByLabel('Weekly increase threshold');
const shoe = (page: Page) => page.getByLabel('Shoe distance limit');
const saveStatus = (page: Page) => page.locator('#save-status');
const backupStatus = (page: Page) => page.locator('#backup-status');

test('change a threshold, save, reload: the change is kept', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await expect(spike(page)).toHaveValue('10');
  await spike(page).fill('25');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');
  await expect(page.getByText('Unsaved changes')).toBeHidden();

  await page.reload();
  await expect(spike(page)).toHaveValue('25');
  expect(await stored(page)).toEqual({ ...DEFAULTS, spikePct: 25 });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('No changes to save.');
});

test('keyboard only: Tab to a field, type, Tab to Save, Enter', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

  // The header's welcome link first, then Tab into the units radio group and arrow to miles.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Welcome and first steps' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Kilometres (km)' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();

  for (let i = 0; i < 20 && (await focusedId()) !== 'threshold-weeklyIncreasePct'; i++) await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('threshold-weeklyIncreasePct');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('15');

  for (let i = 0; i < 20 && (await focusedText()) !== 'Save'; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(saveStatus(page)).toHaveText('Saved.');
  expect(await stored(page)).toEqual({ ...DEFAULTS, units: 'mi', weeklyIncreasePct: 15 });
  // In miles, the shoe limit (kept in km) is shown in miles, with what it is in km.
  await expect(shoe(page)).toHaveValue('435');
  await expect(page.getByText('\u2248 700 km')).toBeVisible();
});

test('inline validation names the field and its allowed range, and blocks the save', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await spike(page).fill('500');
  await spike(page).press('Tab');
  const message = 'Single-run spike threshold must be a whole number from 1 to 200 %.';
  await expect(page.locator('#threshold-spikePct-error')).toHaveText(message);
  await expect(spike(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(spike(page)).toHaveAccessibleDescription(new RegExp(message.replace(/[.%]/g, '\\$&')));

  await shoe(page).fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Not saved: 2 fields need fixing (listed at the top of the page).');
  await expect(page.locator('#threshold-shoeKmLimit-error')).toHaveText('Shoe distance limit must be a whole number from 100 to 3000 km.');
  expect(await stored(page)).toBeUndefined();

  // The summary at the top names every field to fix, each a link that focuses it.
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading')).toHaveText('2 fields need fixing before you save');
  await expect(summary.getByRole('link')).toHaveText([message, 'Shoe distance limit must be a whole number from 100 to 3000 km.']);
  await summary.getByRole('link').nth(1).click();
  await expect(shoe(page)).toBeFocused();
  await summary.getByRole('link').first().click();
  await expect(spike(page)).toBeFocused();

  // The message follows the typing and goes once the value is fixed.
  await spike(page).fill('50');
  await expect(page.locator('#threshold-spikePct-error')).toHaveText('');
  await expect(spike(page)).toHaveAttribute('aria-invalid', 'false');
  await expect(summary.getByRole('link')).toHaveCount(1);
  await shoe(page).fill('800');
  await expect(summary).toHaveCount(0);
});

test('the shoe limit in miles: typed in miles, saved in km', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await page.getByRole('radio', { name: 'Miles (mi)' }).check();
  await expect(shoe(page)).toHaveValue('435');
  await expect(page.locator('#threshold-shoeKmLimit-range')).toHaveText('Whole number from 62 to 1864 mi.');
  await shoe(page).fill('2000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#error-summary').getByRole('link')).toHaveText([
    'Shoe distance limit must be a whole number from 62 to 1864 mi.',
  ]);
  await shoe(page).fill('300');
  await expect(page.getByText('\u2248 483 km')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');
  expect(await stored(page)).toEqual({ ...DEFAULTS, units: 'mi', shoeKmLimit: 483 });
  await page.getByRole('radio', { name: 'Kilometres (km)' }).check();
  await expect(shoe(page)).toHaveValue('483');
});

test('unsaved edits: leaving asks first, and an import over them asks first', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await spike(page).fill('30');
  await expect(page.getByText('Unsaved changes')).toBeVisible();

  // Leaving the page (closing the tab or the dialog) with unsaved edits: the browser asks.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  await expect.poll(() => page.isClosed()).toBe(false);

  // Importing a file would replace the edits: asked first; Cancel keeps them.
  const file = {
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ kind: 'knee-check-settings', version: 1, settings: { ...DEFAULTS, spikePct: 50 } })),
  };
  await page.getByLabel('Import settings from a file').setInputFiles(file);
  await expect(page.locator('#import-confirm-text')).toContainText('You have unsaved changes on this page');
  await expect(page.getByRole('button', { name: 'Import and drop my changes' })).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, `${colorScheme}: ${results.violations.map((v) => v.id).join(', ')}`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(spike(page)).toHaveValue('30');
  expect(await stored(page)).toBeUndefined();
  await page.getByLabel('Import settings from a file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import and drop my changes' }).click();
  await expect(backupStatus(page)).toHaveText('Imported \u201cbackup.json\u201d and saved it.');
  await expect(spike(page)).toHaveValue('50');

  // Saved: nothing to lose, so leaving no longer asks.
  let dialogs = 0;
  page.on('dialog', () => void dialogs++);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
});

test('import a bad file: a clear message, and nothing changes', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await weekly(page).fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');
  const before = await stored(page);

  const importInput = page.getByLabel('Import settings from a file');
  const files = [
    { name: 'broken.json', body: '{"kind": "knee-check-settings", ', says: 'This file is not valid JSON' },
    { name: 'other.json', body: JSON.stringify({ kind: 'strava-export', version: 1 }), says: 'This is not a Knee Check settings file.' },
    {
      name: 'bad-field.json',
      body: JSON.stringify({ kind: 'knee-check-settings', version: 1, settings: { ...DEFAULTS, shoeKmLimit: 5 } }),
      says: 'Shoe distance limit must be a whole number from 100 to 3000 km.',
    },
  ];
  for (const file of files) {
    await importInput.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.body) });
    await expect(backupStatus(page)).toContainText(`Could not import \u201c${file.name}\u201d`);
    await expect(backupStatus(page)).toContainText(file.says);
    await expect(backupStatus(page)).toContainText('Your settings were not changed.');
    expect(await stored(page)).toEqual(before);
    await expect(weekly(page)).toHaveValue('20');
    await expect(shoe(page)).toHaveValue('700');
  }
});

test('export then import round-trips', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await page.getByRole('radio', { name: 'Miles (mi)' }).check();
  await page.getByRole('radio', { name: 'Sunday' }).check();
  await weekly(page).fill('20');
  await spike(page).fill('30');
  await shoe(page).fill('559'); // miles: 559 mi is 900 km
  await page.getByRole('checkbox', { name: /Garmin Connect/ }).uncheck();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');
  const mine = {
    units: 'mi',
    weekStartsOn: 'sunday',
    weeklyIncreasePct: 20,
    spikePct: 30,
    shoeKmLimit: 900,
    sites: { strava: true, garmin: false, intervals: true },
    customSites: [],
    fallbackCard: true,
  };
  expect(await stored(page)).toEqual(mine);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^knee-check-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ kind: 'knee-check-settings', version: 1, settings: mine });
  await expect(backupStatus(page)).toContainText(`Exported your saved settings as ${download.suggestedFilename()}.`);

  await page.getByRole('button', { name: 'Reset to defaults…' }).click();
  await page.getByRole('button', { name: 'Reset and save' }).click();
  expect(await stored(page)).toEqual(DEFAULTS);
  await expect(shoe(page)).toHaveValue('700');

  await page
    .getByLabel('Import settings from a file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(backupStatus(page)).toHaveText('Imported \u201cbackup.json\u201d and saved it.');
  expect(await stored(page)).toEqual(mine);
  await expect(shoe(page)).toHaveValue('559');
  await expect(spike(page)).toHaveValue('30');
  await expect(page.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Garmin Connect/ })).not.toBeChecked();

  await page.reload();
  await expect(weekly(page)).toHaveValue('20');
});

test('reset to defaults asks first, can be cancelled, then saves the defaults', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  await spike(page).fill('40');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');

  const reset = page.getByRole('button', { name: 'Reset to defaults…' });
  await reset.click();
  await expect(page.getByText('To undo it later, import a settings file you exported earlier.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset and save' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(reset).toBeFocused();
  expect(await stored(page)).toMatchObject({ spikePct: 40 });

  await reset.click();
  await expect(page.getByRole('button', { name: 'Reset and save' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reset).toBeFocused();

  await reset.click();
  await page.getByRole('button', { name: 'Reset and save' }).click();
  await expect(backupStatus(page)).toHaveText('Reset to defaults and saved. To undo, import a settings file you exported earlier.');
  await expect(spike(page)).toHaveValue('10');
  expect(await stored(page)).toEqual(DEFAULTS);
});

test('damaged stored settings: explained, the original kept and exportable until discarded', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  const damaged = { ...DEFAULTS, units: 'mi', spikePct: 'a lot', sites: { strava: false } };
  await page.evaluate(async (value) => chrome.storage.local.set({ settings: value }), damaged);
  await page.reload();

  const notice = page.locator('#recovered-notice');
  await expect(notice).toContainText('Your saved settings were damaged');
  await expect(notice).toContainText('Single-run spike threshold must be a whole number from 1 to 200 %.');
  // What could be read is kept; the rest shows its default.
  await expect(page.getByRole('radio', { name: 'Miles (mi)' })).toBeChecked();
  await expect(spike(page)).toHaveValue('10');
  expect(await stored(page)).toEqual(damaged);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    notice.getByRole('button', { name: 'Export damaged copy' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^knee-check-damaged-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.settings).toEqual(damaged);
  expect(file.problems.map((p: { field: string }) => p.field)).toContain('spikePct');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saveStatus(page)).toHaveText('Saved.');
  expect(await stored(page)).toMatchObject({ units: 'mi', spikePct: 10 });

  await page.reload();
  await expect(notice).toContainText('A damaged copy of your settings is kept');
  await notice.getByRole('button', { name: 'Discard kept copy' }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
  await expect(notice).toBeHidden();
});

test('no axe violations, light and dark, with an error and the reset step showing', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const clean = await new AxeBuilder({ page }).analyze();
    expect(clean.passes.length).toBeGreaterThan(10);
    expect(clean.violations, `${colorScheme}: ${clean.violations.map((v) => v.id).join(', ')}`).toEqual([]);
  }
  await weekly(page).fill('0');
  await weekly(page).press('Tab');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#error-summary')).toBeVisible();
  await page.getByRole('button', { name: 'Reset to defaults…' }).click();
  await expect(page.getByText('Your unsaved changes above are dropped too.')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const busy = await new AxeBuilder({ page }).analyze();
    expect(busy.violations, `${colorScheme}: ${busy.violations.map((v) => v.id).join(', ')}`).toEqual([]);
  }
});

test('fits the embedded options dialog (400-600 px) without sideways scrolling', async ({ context, openExtensionPage }) => {
  const page = await openOptions({ context, openExtensionPage });
  for (const width of [400, 480, 600]) {
    await page.setViewportSize({ width, height: 700 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `at ${width} px`).toBeLessThanOrEqual(clientWidth);
  }
});

test('fits the real embedded options dialog on chrome://extensions', async ({ context, openExtensionPage }) => {
  // Opening the options page first settles the install-time tab (see openOptions).
  const page = await openOptions({ context, openExtensionPage });
  // Close the install-time dialog tab, so the only options guest view is the one measured here.
  for (const other of context.pages()) if (other !== page && other.url().startsWith('chrome://extensions')) await other.close();
  // The dialog's page is a guest view, invisible to Playwright's frames: measure it over CDP.
  const cdp = await context.newCDPSession(page);
  // Playwright's viewport emulation would also be applied to the guest view: use the real window.
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await page.goto('chrome://extensions/?options=' + new URL(page.url()).host);
  type Target = { type: string; url: string; targetId: string };
  let guest: Target | undefined;
  await expect
    .poll(async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Target[] };
      guest = targetInfos.find((t) => t.type === 'webview' && t.url.endsWith('/options.html'));
      return Boolean(guest);
    })
    .toBe(true);
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: guest!.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  /** Evaluate in the guest; undefined while it is not ready (navigating, or not rendered yet). */
  const measure = async (): Promise<{ ready: boolean; width: number; scrollWidth: number }> => {
    const id = nextId++;
    const reply = new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), 3_000);
      const onMessage = (event: unknown) => {
        const message = JSON.parse((event as { message: string }).message) as { id?: number; result?: { result?: { value?: string } } };
        if (message.id !== id) return; // events and older replies
        clearTimeout(timer);
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(message.result?.result?.value);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    const expression = `JSON.stringify({ ready: !!document.querySelector('button[type="submit"]'), width: innerWidth, scrollWidth: document.documentElement.scrollWidth })`;
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    const value = await reply;
    return value ? JSON.parse(value) : { ready: false, width: 0, scrollWidth: 0 };
  };

  // The dialog sizes itself from the page's preferred size (Chromium: at least 400 px) and says so
  // in its --dialog-width style; the guest starts at a default size and follows a moment later.
  // Measure once both agree on a dialog's width: on a busy machine both can first say the
  // guest's default (the window's width) for a moment.
  const dialogWidth = () =>
    page.evaluate(`(() => {
      const find = (root) => {
        for (const el of root.querySelectorAll('*')) {
          const width = el.style && el.style.getPropertyValue('--dialog-width');
          if (width) return parseFloat(width);
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return 0;
      };
      return Math.round(find(document));
    })()`) as Promise<number>;
  // (Measured then: on a busy machine the guest may go back to the default once the window loses focus.)
  let settled = { width: 0, scrollWidth: 0 };
  await expect
    .poll(
      async () => {
        const guestNow = await measure();
        const agreed = guestNow.ready && guestNow.width <= 600 && guestNow.width === (await dialogWidth());
        if (agreed) settled = guestNow;
        return agreed;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const { width, scrollWidth } = settled;
  expect(width).toBeGreaterThanOrEqual(400);
  expect(width).toBeLessThanOrEqual(600);
  expect(scrollWidth).toBeLessThanOrEqual(width);
});
