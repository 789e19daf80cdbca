// Store screenshots at 1280×800 (Chrome Web Store and addons.mozilla.org sizes), made from the
// real built extension on every e2e run: the welcome page, the checker (popup shown at its real
// size on a plain backdrop with a caption), and the badges on a served Strava Training Log.
// Written to test-results/store/; UPDATE_SCREENSHOTS=1 also refreshes docs/store/screenshots/.
import type { Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { routeStrava } from './site-server';

const SIZE = { width: 1280, height: 800 };
const OUT = 'test-results/store';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

async function save(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, clip: { x: 0, y: 0, ...SIZE } });
  expect(pngSize(path)).toEqual(SIZE);
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, join('docs/store/screenshots', `${name}.png`));
}

/** A popup-sized shot of an extension page, placed on a 1280×800 backdrop with a caption. */
async function framed(page: Page, shot: Buffer, caption: string, detail: string) {
  await page.setViewportSize(SIZE);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:64px;background:#e9eef3;font:18px system-ui,sans-serif;color:#1b1f24">
    <div style="max-width:420px"><h1 style="font-size:34px;margin:0 0 12px"></h1><p style="margin:0;line-height:1.5"></p></div>
    <img alt="" style="border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.25);max-height:740px;max-width:720px" src="data:image/png;base64,${shot.toString('base64')}">
  </body></html>`);
  await page.locator('h1').evaluate((el, text) => (el.textContent = text), caption);
  await page.locator('p').evaluate((el, text) => (el.textContent = text), detail);
}

test('store screenshots at 1280×800', async ({ context, extensionId, openExtensionPage }) => {
  test.setTimeout(60_000);
  const welcome = await openExtensionPage('welcome.html');
  await welcome.setViewportSize(SIZE);
  await welcome.emulateMedia({ colorScheme: 'light' });
  await expect(welcome.getByRole('heading', { name: 'Welcome to Knee Check' })).toBeVisible();
  await save(welcome, '1-welcome');

  const popup = await openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 700 });
  await popup.emulateMedia({ colorScheme: 'light' });
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  const popupShot = await popup.screenshot();
  const canvas = await context.newPage();
  await framed(
    canvas,
    popupShot,
    'Why does my knee hurt?',
    'Warning signs first, then where and when it hurts: how urgent it is, the likely causes with the reasons, and one plan with numbers. Information, not a diagnosis.',
  );
  await save(canvas, '2-checker');

  await routeStrava(context, { activities: 'recent' });
  const log = await context.newPage();
  await log.setViewportSize({ width: 1000, height: 760 });
  await log.goto('https://www.strava.com/athletes/123/training/log');
  await expect(log.locator('[data-knee-check-key]').first()).toBeVisible({ timeout: 15_000 });
  const logShot = await log.screenshot();
  await framed(
    canvas,
    logShot,
    'Knee load, week by week',
    'A badge beside each week on your running log: this week against the last, and any run much longer than your longest of the past 30 days. (Shown on the demo Training Log the tests use.)',
  );
  await save(canvas, '3-badges');
  expect(extensionId).toMatch(/^[a-p]{32}$/);
});
