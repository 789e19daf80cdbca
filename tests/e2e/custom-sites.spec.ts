// User-added sites and captured runs in options, in Debian Chromium with the built extension.
//
// What a headless browser cannot do: answer the browser's own permission prompt. So the grant
// itself is never real here. Tests that need a granted origin replace chrome.permissions
// methods from the test (page.evaluate / worker.evaluate) - nothing of that ships in the
// extension. What stays real: the request made from the click, the settings saved, Chrome's
// scripting API accepting our registration, and Chrome refusing to inject without a real grant.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HISTORY_VERSION } from '../../lib/history/captured';
import { CUSTOM_SCRIPT_JS } from '../../lib/permissions';
import { createPageService, customRead, passRequestOf } from '../../lib/background/page-service';
import { defaultSettings } from '../../lib/settings/defaults';
import { EXTENSION_PATH, expect, test } from './fixtures';
import { GARMIN, localToday, routeCustomSite, routeGarmin, shiftDaysTo } from './route-helpers-sites';

// The extension API inside evaluate callbacks (they run in the extension, not here).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SITE = 'https://log.example';
const SCRIPT_ID = 'knee-check-custom-sites';

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function openOptions(context: BrowserContext, openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const page = await openExtensionPage('options.html');
  await expect(page.getByRole('heading', { name: 'Your sites' })).toBeVisible();
  return page;
}

async function storedSettings(context: BrowserContext): Promise<Record<string, unknown> | undefined> {
  const worker = await serviceWorker(context);
  return (await worker.evaluate(() => chrome.storage.local.get('settings'))).settings;
}

async function registered(
  context: BrowserContext,
): Promise<{ id: string; matches: string[]; js: string[]; runAt: string; persistAcrossSessions: boolean }[]> {
  const worker = await serviceWorker(context);
  return worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
}

/** Test-only: make the background believe these origins are granted (the prompt cannot be answered headless). */
async function pretendGrantedInBackground(context: BrowserContext, patterns: string[]): Promise<void> {
  const worker = await serviceWorker(context);
  await worker.evaluate((origins) => {
    chrome.permissions.getAll = async () => ({ origins, permissions: ['storage', 'scripting'] });
  }, patterns);
}

/** Names of the isolated worlds created in a page: "Knee Check" when our content script runs there. */
async function openWatchingWorlds(context: BrowserContext, url: string): Promise<{ page: Page; worlds: string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { name: string; auxData?: { type?: string } } }) => {
    if (event.context.auxData?.type === 'isolated') worlds.push(event.context.name);
  });
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await page.waitForTimeout(1000);
  return { page, worlds };
}

const status = (page: Page) => page.locator('#your-sites-status');
const fieldError = (page: Page) => page.locator('#your-site-address-error');

test.describe('Your sites (options)', () => {
  test('renders, explains, and refuses bad addresses without asking the browser', async ({ context, openExtensionPage }) => {
    const page = await openOptions(context, openExtensionPage);
    const section = page.locator('#your-sites');
    await expect(section).toContainText('Nothing is sent anywhere.');
    await expect(section).toContainText('No sites added.');
    // Count permission requests from the test side (calls pass through to the real API).
    await page.evaluate(() => {
      const w = window as unknown as { __asked: unknown[] };
      w.__asked = [];
      const real = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (p: unknown) => (w.__asked.push(p), real(p));
    });
    const cases: [string, RegExp][] = [
      ['', /Type the address/],
      ['http://runalyze.com', /Only secure \(https\)/],
      ['www.strava.com', /already supported/],
      ['https://*.example.com', /wildcards/],
      ['intranet', /not a full site name/],
    ];
    for (const [text, message] of cases) {
      await page.getByLabel('Site address').fill(text);
      await page.getByRole('button', { name: 'Add' }).click();
      await expect(fieldError(page)).toHaveText(message);
      await expect(page.getByLabel('Site address')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Site address')).toBeFocused();
    }
    expect(await page.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([]);
    // Typing clears the message.
    await page.getByLabel('Site address').fill('runalyze.com');
    await expect(fieldError(page)).toHaveText('');
  });

  test('Add asks the browser for that one origin from the click; nothing is saved while the prompt is open', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await openOptions(context, openExtensionPage);
    await page.evaluate(() => {
      const w = window as unknown as { __asked: unknown[] };
      w.__asked = [];
      const real = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (p: unknown) => (w.__asked.push(p), real(p));
    });
    await page.getByLabel('Site address').fill('Log.Example/weeks?x=1');
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.evaluate(() => (window as unknown as { __asked: unknown[] }).__asked)).toEqual([{ origins: [`${SITE}/*`] }]);
    // The real request is pending on the browser's prompt (headless cannot answer it).
    await expect(status(page)).toHaveText(`Asking your browser for access to ${SITE}… Answer its prompt to continue.`);
    await expect(page.getByRole('button', { name: 'Add' })).toBeDisabled();
    expect((await storedSettings(context))?.customSites ?? []).toEqual([]);
    expect(await registered(context)).toEqual([]);
  });

  test('declined: not saved, and says so', async ({ context, openExtensionPage }) => {
    const page = await openOptions(context, openExtensionPage);
    await page.evaluate(() => {
      chrome.permissions.request = async () => false; // test-only: the runner clicks "Deny"
    });
    await page.getByLabel('Site address').fill('log.example');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(status(page)).toHaveText(`Not added: access to ${SITE} was not granted. Nothing was saved.`);
    expect((await storedSettings(context))?.customSites ?? []).toEqual([]);
  });

  test('granted: saved, listed, registered with Chrome for that origin only; removed: unregistered', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await openOptions(context, openExtensionPage);
    // Test-only: the runner clicks "Allow" (and the browser then reports the origin as granted).
    await page.evaluate((pattern) => {
      chrome.permissions.request = async () => true;
      chrome.permissions.getAll = async () => ({ origins: [pattern], permissions: [] });
      chrome.permissions.remove = async () => true;
    }, `${SITE}/*`);
    await pretendGrantedInBackground(context, [`${SITE}/*`]);

    await page.getByLabel('Site address').fill('https://log.example/dashboard');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(status(page)).toContainText(`Added ${SITE}.`);
    await expect(page.getByLabel('Site address')).toHaveValue('');
    const item = page.locator('.your-sites__item', { hasText: SITE });
    await expect(item).toContainText('Access granted');
    expect((await storedSettings(context))?.customSites).toEqual([SITE]);

    // The background registered the badge script with Chrome's real scripting API.
    await expect
      .poll(() => registered(context))
      .toEqual([
        expect.objectContaining({
          id: SCRIPT_ID,
          matches: [`${SITE}/*`],
          js: ['content-scripts/knee-badges-custom.js'],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        }),
      ]);

    // The other form fields are untouched: the section saved only customSites.
    const saved = await storedSettings(context);
    expect({ ...saved, customSites: [] }).toEqual(defaultSettings());

    await page.getByRole('button', { name: `Remove ${SITE}` }).click();
    await expect(status(page)).toContainText(`Removed ${SITE}`);
    await expect(page.locator('#your-sites')).toContainText('No sites added.');
    expect((await storedSettings(context))?.customSites).toEqual([]);
    await expect.poll(() => registered(context)).toEqual([]);
  });

  test('Chrome never injects the registered script without a real grant', async ({ context }) => {
    await routeCustomSite(context, SITE, { '/weeks': 'custom-weekly-table.html' });
    await routeGarmin(context, { days: shiftDaysTo(localToday()) });
    // The background believes log.example is granted and registers it, but the browser has no grant.
    await pretendGrantedInBackground(context, [`${SITE}/*`]);
    const worker = await serviceWorker(context);
    await worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...defaultSettings(), customSites: [SITE] });
    await expect.poll(async () => (await registered(context)).map((s) => s.id)).toEqual([SCRIPT_ID]);

    const custom = await openWatchingWorlds(context, `${SITE}/weeks`);
    expect(custom.worlds).not.toContain('Knee Check');
    expect(await custom.page.locator('[data-knee-check-key]').count()).toBe(0);
    // Control: on a supported site the same detector sees our content script's world.
    const garmin = await openWatchingWorlds(context, `${GARMIN}/modern/activities`);
    expect(garmin.worlds).toContain('Knee Check');
  });
});

test.describe("The user-added sites' script", () => {
  // Chrome injects it only with a real grant, which a headless browser cannot give (see above).
  // So the very file the background registers runs here in the page's own world, with the few
  // extension APIs it uses replaced from the test: the bundle (the core and the generic page half,
  // which sends its snapshot) and, in node, the background's generic detector (customRead).
  test('the file the background registers badges a user-added log, and nothing throws into the page', async ({ context }) => {
    await routeCustomSite(context, SITE, { '/log': 'custom-activity-log.html' }, shiftDaysTo(localToday()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // Each pass is answered by the background (lib/background/page-service): answered here as it answers.
    const service = createPageService({
      settings: () => ({ ...defaultSettings(), customSites: [SITE] }),
      read: async (request, where) => customRead(request.facts, where.key, request.today),
    });
    let snapshots = 0;
    await page.exposeFunction('__kneeCheckPass', (m: unknown) => {
      const request = passRequestOf(m);
      if ((request?.facts as { snap?: unknown } | undefined)?.snap) snapshots++;
      return request && service.pass(request, { tabId: 1, frameId: 0, key: `1:0:${request.page}`, origin: SITE, top: true });
    });
    await page.addInitScript(() => {
      const pass = (m: unknown) => (globalThis as unknown as { __kneeCheckPass(m: unknown): Promise<unknown> }).__kneeCheckPass(m);
      (globalThis as unknown as { chrome: unknown }).chrome = {
        runtime: {
          id: 'knee-check-test',
          sendMessage: async (m: { type?: string }) => (m?.type === 'knee-check:page-pass' ? pass(m) : undefined),
          onMessage: { addListener() {}, removeListener() {} },
          getManifest: () => ({ version: '0.0.0' }),
        },
      };
    });
    await page.goto(`${SITE}/log`);
    await page.addScriptTag({ content: readFileSync(join(EXTENSION_PATH, CUSTOM_SCRIPT_JS), 'utf8') });
    // The weeks whose 41 days before are inside the dated rows (see tests/unit/sites/generic.test.ts).
    await expect(page.locator('[data-knee-check-key]')).toHaveCount(5);
    const texts = await page.locator('[data-knee-check-key] button > span').allTextContents();
    expect(texts.every((t) => /^\d+\.\d km/.test(t))).toBe(true);
    // The page's snapshot went once: the background kept its reading for the passes after.
    expect(snapshots).toBe(1);
    expect(errors).toEqual([]);
  });
});

test.describe('Captured runs (options)', () => {
  test('shows what the badges kept from Garmin Connect, and forgets it after a confirm step', async ({ context, openExtensionPage }) => {
    await routeGarmin(context, { days: shiftDaysTo(localToday()) });
    const log = await context.newPage();
    await log.goto(`${GARMIN}/modern/calendar`);
    await expect(log.locator('[data-knee-check-key]')).toHaveCount(4);

    const page = await openOptions(context, openExtensionPage);
    const section = page.locator('#captured');
    await expect(section).toContainText('They never leave this device.');
    await expect(page.locator('#captured-summary')).toContainText(/\d+ runs kept, from /);
    await expect(section.getByRole('list', { name: 'Runs by site' })).toContainText(/^Garmin Connect: \d+ runs Forget…$/);

    await page.getByRole('button', { name: 'Forget my captured runs…' }).click();
    await expect(page.locator('#forget-confirm-text')).toContainText('This cannot be undone.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('#captured-summary')).toContainText('runs kept');

    await page.getByRole('button', { name: 'Forget my captured runs…' }).click();
    await page.getByRole('button', { name: 'Forget my captured runs', exact: true }).click();
    await expect(page.locator('#captured-status')).toContainText(/^Forgot \d+ runs\./);
    await expect(page.locator('#captured-summary')).toHaveText('No runs captured yet.');
    const worker = await serviceWorker(context);
    // Nothing left but the forget count (a capture already under way is refused: tests/e2e/attacks.spec.ts).
    expect(await worker.evaluate(() => chrome.storage.local.get('captured-runs'))).toEqual({
      'captured-runs': { version: HISTORY_VERSION, runs: [], forgets: 1 },
    });
  });
});
