// Hostile pages: a Strava Training Log (the saved page, served offline by site-server.ts) whose
// own scripts, running before the content script, break the JavaScript built-ins, take our
// custom-element name, hide and garble everything with !important CSS, throw from a
// MutationObserver, or replace document.body again and again. The content script runs in an
// isolated world, so the page's JavaScript cannot reach it; what the page shares with it (the
// DOM, the CSS cascade, the element registry) must not break it either:
// - the badges render, visible and readable, with the numbers of the normal page;
// - no error comes from our code (page errors and console messages are checked for our
//   chrome-extension:// scripts and our "Knee Check:" debug lines); the page's own are allowed;
// - nothing leaves the device (the fixtures' network audit).
import type { BrowserContext, Page } from '@playwright/test';
import { badgeBoxes, expect, openExplanation, readClosedBadges, test } from './fixtures';
import { routeStrava, stravaResponse } from './site-server';

const STRAVA = 'https://www.strava.com';
const LOG = '/athletes/123/training/log';
const BADGES = '[data-knee-check-key]';

/** Everything the page reports: uncaught errors (with stacks) and console messages (with their source). */
interface Reports {
  pageErrors: string[];
  console: { type: string; text: string; url: string }[];
}

function watch(page: Page): Reports {
  const reports: Reports = { pageErrors: [], console: [] };
  page.on('pageerror', (error) => reports.pageErrors.push(`${error.message}\n${error.stack ?? ''}`));
  page.on('console', (message) => reports.console.push({ type: message.type(), text: message.text(), url: message.location().url }));
  return reports;
}

/** Nothing from our code: no error whose stack or source is the extension, no "Knee Check: … failed" line. */
function expectNothingFromUs(reports: Reports): void {
  const ours = (text: string) => text.includes('chrome-extension://') || text.includes('Knee Check');
  expect(reports.pageErrors.filter(ours)).toEqual([]);
  expect(reports.console.filter((m) => ours(m.text) || m.url.startsWith('chrome-extension://'))).toEqual([]);
}

/** The Training Log with `head` inserted first in <head> and `tail` last in <body>. */
async function routeHostileLog(context: BrowserContext, head: string, tail = ''): Promise<void> {
  await routeStrava(context, { activities: 'recent' });
  await context.route(`${STRAVA}${LOG}`, async (route) => {
    const { status, contentType, body } = stravaResponse(new URL(route.request().url()), { activities: 'recent' });
    const hostile = body.replace('<head>', `<head>${head}`).replace('</body>', `${tail}</body>`);
    await route.fulfill({ status, contentType, body: hostile });
  });
}

async function open(context: BrowserContext, path = LOG): Promise<{ page: Page; reports: Reports }> {
  const page = await context.newPage();
  const reports = watch(page);
  await page.goto(STRAVA + path);
  return { page, reports };
}

interface Badge {
  key: string;
  level: string;
  text: string;
}

/**
 * The badges, read through the DevTools protocol (their shadow roots are closed), never through
 * the page's own JavaScript: its built-ins are broken here.
 */
async function readBadges(page: Page): Promise<Badge[]> {
  const found = (await readClosedBadges(page)).filter((b) => !b.inCard);
  return found.map(({ key, level, text }) => ({ key, level, text })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Every badge is on screen at a readable size: a chip at least 60 × 14 px, its text at least 10 px high. */
async function expectReadable(page: Page): Promise<void> {
  for (const { key, chip, text } of await badgeBoxes(page)) {
    expect(chip, `badge ${key} rendered`).not.toBeNull();
    expect(chip!.width, `badge ${key} width`).toBeGreaterThanOrEqual(60);
    expect(chip!.height, `badge ${key} height`).toBeGreaterThanOrEqual(14);
    expect(text!.height, `badge ${key} text height`).toBeGreaterThanOrEqual(10);
  }
}

/** The badges of the same page without any hostility, in another tab of the same browser. */
async function normalBadges(context: BrowserContext): Promise<Badge[]> {
  const page = await context.newPage();
  await page.goto(`${STRAVA}${LOG}?plain=1`);
  await expect(page.locator(BADGES)).toHaveCount(12);
  const badges = await readBadges(page);
  await page.close();
  return badges;
}

/** The page's own script, first in <head>: it breaks everything it can reach in its own world. */
const HOSTILE_SCRIPT = `<script>
(function () {
  'use strict';
  var junk = function () { return 'garbage'; };
  var methods = ['map', 'filter', 'forEach', 'push', 'sort', 'includes', 'reduce', 'some', 'every', 'find', 'findIndex',
    'indexOf', 'slice', 'splice', 'concat', 'join', 'flat', 'flatMap', 'at', 'keys', 'values', 'entries'];
  for (var i = 0; i < methods.length; i++) {
    Object.defineProperty(Array.prototype, methods[i], { value: junk, writable: true, configurable: true });
  }
  Array.from = junk;
  Array.isArray = function () { return true; };
  JSON.parse = function () { return { hostile: true }; };
  JSON.stringify = function () { return '"hostile"'; };
  Object.keys = function () { return ['hostile']; };
  Object.assign = function () { return {}; };
  Object.entries = Object.values = Object.fromEntries = junk;
  Object.defineProperty(Object.prototype, 'models', { value: 'garbage', writable: true, configurable: true });
  Object.defineProperty(Object.prototype, 'weekStart', { value: '1999-01-01', writable: true, configurable: true });
  String.prototype.slice = String.prototype.replace = String.prototype.trim = junk;
  Number.isFinite = function () { return false; };
  Math.round = Math.floor = function () { return NaN; };
  Date.prototype.getDate = function () { return 42; };
  Date.now = function () { return 0; };
  window.fetch = function () {
    return Promise.resolve(new Response('<html>not json', { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  XMLHttpRequest.prototype.open = function () { throw new Error('hostile page: no XHR'); };
  Element.prototype.attachShadow = function () { throw new Error('hostile page: no shadow roots'); };
  Element.prototype.append = Element.prototype.after = Element.prototype.before = junk;
  Node.prototype.appendChild = Node.prototype.insertBefore = function (node) { return node; };
  Document.prototype.querySelectorAll = function () { return []; };
  Document.prototype.getElementById = function () { return null; };
  Document.prototype.createElement = function () { throw new Error('hostile page: no elements'); };
  EventTarget.prototype.addEventListener = junk;
  window.MutationObserver = function () { throw new Error('hostile page: no observers'); };
  window.requestIdleCallback = undefined;
  window.setTimeout = function () { return 0; };
  window.queueMicrotask = junk;
  window.CSSStyleSheet = function () { throw new Error('hostile page: no stylesheets'); };
  window.crypto.getRandomValues = function () { throw new Error('hostile page: no randomness'); };
  window.chrome = { runtime: 'garbage', storage: 'garbage' };
  window.browser = 'garbage';
  console.error('hostile page: built-ins broken on purpose');
})();
</script>`;

/** Our tag name taken by the page: its element would replace our content and remove itself. */
const TAKEN_TAG = `<script>
  customElements.define('knee-check-badge', class extends HTMLElement {
    connectedCallback() { this.textContent = 'PAGE ELEMENT'; this.remove(); }
  });
</script>`;

/** CSS that hides and garbles everything, our host elements by name included. */
const HOSTILE_STYLE = `<style>
  * { all: unset !important; display: none !important; color: red !important; font-size: 2px !important;
      visibility: hidden !important; opacity: 0 !important; width: 0 !important; height: 0 !important;
      overflow: hidden !important; pointer-events: none !important; transform: scale(0) !important; }
  html, body, #__next, main, [class*="_calendar"], [class*="_sidebar"] { display: block !important; visibility: visible !important;
      opacity: 1 !important; width: auto !important; height: auto !important; transform: none !important; }
  [data-knee-check-key], [data-knee-check-key]:not(:defined), knee-check-badge, [data-level] {
      display: none !important; visibility: hidden !important; position: absolute !important; left: -9999px !important; }
  ::slotted(*), :host { display: none !important; }
</style>`;

test.describe('a hostile page cannot break the badges', () => {
  test('broken built-ins, our tag name taken, everything hidden by !important CSS: badges readable, right numbers', async ({ context }) => {
    // The hostile route answers the log's exact URL; "?plain=1" falls through to the unharmed page.
    await routeHostileLog(context, HOSTILE_SCRIPT + TAKEN_TAG + HOSTILE_STYLE);
    const expected = await normalBadges(context);
    // The numbers badges-strava.spec.ts asserts on the normal page.
    expect(expected.find((b) => b.key === 'strava-log:2026-02-23')).toMatchObject({
      level: 'caution',
      text: '42.1 km · +34% vs last week · single-run spike +45%',
    });

    const { page, reports } = await open(context);
    await expect(page.locator(BADGES)).toHaveCount(12, { timeout: 20_000 });
    // The page's own script really ran first and broke what it could (its own rows stay as served).
    expect(reports.console.some((m) => m.text.includes('hostile page: built-ins broken on purpose'))).toBe(true);
    // Ours took another name (knee-check-badge-xxxx): the page's element never got our badges.
    await expect(page.locator(`knee-check-badge${BADGES}`)).toHaveCount(0);
    await expect(page.getByText('PAGE ELEMENT')).toHaveCount(0);
    expect(await readBadges(page)).toEqual(expected);
    await expectReadable(page);
    // The explanation opens too, above the page's styles.
    expect(await openExplanation(page, 'strava-log:2026-02-23')).toContain('42.1 km this week; 31.4 km the week before.');
    expectNothingFromUs(reports);
  });

  test('our tag name taken by an element whose constructor throws: another name, and the page constructor never runs for us', async ({
    context,
  }) => {
    await routeHostileLog(
      context,
      `<script>
        window.__constructed = 0;
        customElements.define('knee-check-badge', class extends HTMLElement {
          constructor() { super(); window.__constructed++; throw new Error('hostile page: constructor'); }
        });
      </script>`,
    );
    const { page, reports } = await open(context);
    await expect(page.locator(BADGES)).toHaveCount(12, { timeout: 20_000 });
    await expect(page.locator(`knee-check-badge${BADGES}`)).toHaveCount(0);
    // Only our one probe may have constructed it; no badge did.
    expect(await page.evaluate(() => (window as unknown as { __constructed: number }).__constructed)).toBeLessThanOrEqual(1);
    expect(reports.pageErrors.filter((e) => e.includes('hostile page: constructor')).length).toBeLessThanOrEqual(1);
    await expectReadable(page);
    expectNothingFromUs(reports);
  });

  test('a page MutationObserver that throws on every change (ours included): badges right, no error from us', async ({ context }) => {
    await routeHostileLog(
      context,
      `<script>
        window.__thrown = 0;
        new MutationObserver(function () { window.__thrown++; throw new Error('hostile page: observer'); })
          .observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      </script>`,
    );
    const { page, reports } = await open(context);
    await expect(page.locator(BADGES)).toHaveCount(12, { timeout: 20_000 });
    const found = await readBadges(page);
    expect(found.find((b) => b.key === 'strava-log:2026-02-23')).toMatchObject({
      level: 'caution',
      text: '42.1 km · +34% vs last week · single-run spike +45%',
    });
    expect(found.find((b) => b.key === 'strava-log:2026-01-12')).toMatchObject({
      level: 'high',
      text: '35.3 km · +53% vs last week · single-run spike +111%',
    });
    // The page's observer saw our insertions and threw each time: its errors, not ours.
    expect(await page.evaluate(() => (window as unknown as { __thrown: number }).__thrown)).toBeGreaterThan(0);
    expect(reports.pageErrors.some((e) => e.includes('hostile page: observer'))).toBe(true);
    await expectReadable(page);
    expectNothingFromUs(reports);
  });

  // The core observes the smallest container holding the rows, plus the children of its parent
  // and of <html>: a page that swaps in a copy of its whole body is seen at once, and the next pass
  // re-finds the container. Promised here: no error from us, no stray or doubled badge, and every
  // row's badge back.
  test('a page that replaces document.body again and again: no error from us, one working badge per row', async ({ context }) => {
    test.slow();
    await routeHostileLog(
      context,
      '',
      `<script>
        window.__replaced = 0;
        // After load, like a framework re-mounting: a deep copy of the body in its place, 15 times.
        window.addEventListener('load', function () {
          var timer = setInterval(function () {
            document.documentElement.replaceChild(document.body.cloneNode(true), document.body);
            if (++window.__replaced >= 15) clearInterval(timer);
          }, 120);
        });
      </script>`,
    );
    const { page, reports } = await open(context);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __replaced: number }).__replaced), { timeout: 20_000 }).toBe(15);
    // Copies of our badges came along with each copied body, without their shadow roots. Without
    // any input, every row ends with exactly one working badge, with the right numbers.
    await expect
      .poll(async () => (await readBadges(page)).filter((b) => b.text !== '').length, { timeout: 20_000, intervals: [500] })
      .toBe(12);
    await expect(page.locator(BADGES)).toHaveCount(12);
    const found = await readBadges(page);
    expect(found.find((b) => b.key === 'strava-log:2026-02-23')).toMatchObject({
      level: 'caution',
      text: '42.1 km · +34% vs last week · single-run spike +45%',
    });
    await expectReadable(page);
    expectNothingFromUs(reports);
  });

  test("forged 'a newer copy started' events (WXT's context invalidation, wxt#1752) cannot switch the badges off", async ({
    context,
    extensionId,
  }) => {
    await routeStrava(context, { activities: 'recent' });
    const { page, reports } = await open(context);
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 20_000 }).toBe(12);
    // What WXT's ContentScriptContext listens for to stop an older copy of a script: the exact
    // event name (extension id, entrypoint) and detail, and the window message it also sends.
    await page.evaluate((id) => {
      const type = `${id}:knee-badges-strava-log:wxt:content-script-started`;
      for (let i = 0; i < 3; i++) {
        document.dispatchEvent(
          new CustomEvent(type, { detail: { contentScriptName: 'knee-badges-strava-log', messageId: `forged-${i}` } }),
        );
        window.postMessage({ type, contentScriptName: 'knee-badges-strava-log', messageId: `forged-${i}` }, '*');
      }
    }, extensionId);
    await page.waitForTimeout(500);
    expect((await readBadges(page)).length).toBe(12);
    // Still alive and working: the page re-renders its rows (dropping our badges) and gets them back.
    await page.evaluate(() => (window as unknown as { __pageBench(n: number): Promise<unknown> }).__pageBench(1));
    await expect.poll(async () => (await readBadges(page)).length, { timeout: 10_000 }).toBe(12);
    expectNothingFromUs(reports);
  });
});
