// The built Firefox extension (.output/firefox-mv3) in Debian Firefox ESR: the popup answered to
// a result, a threshold kept by the options page, badges with the right numbers on the served
// Strava Training Log, a hostile page that cannot read, rewrite or switch off those badges. Each
// test runs in a fresh profile and also fails on any request to another host and on any console
// error of ours (harness.ts). Run: `npm run test:firefox` after `npx wxt build -b firefox --mv3`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { badgeChip, BADGE_CTA, type BadgeChip } from '../../lib/badge/view';
import { weekSummaries } from '../../lib/load/summary';
import { ONSET_CHOICES, SIGN_CHOICES, type Choice } from '../../lib/checker/questions';
import { DEFAULT_SETTINGS, defaultSettings, NUMBER_LIMITS } from '../../lib/settings/defaults';
import { runsFromTrainingActivities } from '../../lib/sites/strava';
import { MOVED_MARKER_KEY } from '../../lib/storage/idb';
import { CARE_LEVEL_INFO } from '../../lib/triage/care';
import { addDays, ATHLETE_ID, LOG_LAST_MONDAY, LOG_ROWS, localToday, recentModels, stravaResponse } from '../e2e/site-server';
import { eventually, inspectBadges, storedAreas, withFirefox, type Inspection } from './harness';

/** Generous for a busy two-core machine; a healthy test takes a few seconds. */
const TIMEOUT = 60_000;

/** What storage.local may still hold: the marker that the values moved (no health data, no settings). */
function assertNothingInStorageLocal(local: Record<string, unknown>): void {
  assert.deepEqual(
    Object.keys(local).filter((key) => key !== MOVED_MARKER_KEY),
    [],
  );
}

/** lib/checker/storage.ts's key (that module imports WXT's runtime, which Node cannot load). */
const CHECKER_STORAGE_KEY = 'checker-answers';

/** Puppeteer's selector for the element with this role and accessible name (exact). */
const aria = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

/**
 * Click what `selector` finds once it is there. (Puppeteer's locators wait for animation frames
 * to prove the element still, which takes seconds per click on a busy machine.)
 */
async function click(page: Page, selector: string): Promise<void> {
  const element = await page.waitForSelector(selector);
  assert.ok(element, `nothing matches ${selector}`);
  await element.click();
}

const heading = (page: Page) => page.$eval('h1', (h) => h.textContent ?? '');

// ------------------------------------------------------------------------------------------------
// Popup

/**
 * The shortest real path from the first screen to a result: a hot, red knee is a warning sign the
 * engine treats as an emergency (WARNING_SIGNS 'hot-swollen-knee'), so Next goes straight to the
 * result. The only place that knows the popup's questions: update it when they change.
 */
async function answerPopupToEmergency(page: Page): Promise<void> {
  const label = <T extends string>(choices: readonly Choice<T>[], value: T) => choices.find((choice) => choice.value === value)!.label;
  await page.waitForSelector(aria('heading', 'First, any warning signs?'));
  await click(page, aria('radio', label(ONSET_CHOICES, 'gradual')));
  await click(page, aria('checkbox', label(SIGN_CHOICES, 'hot-red-knee')));
  await click(page, 'form.step button[type="submit"]');
}

test(
  'popup: a warning sign answered through the popup leads to the emergency result, kept after a reload',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const page = await session.openExtensionPage('popup.html');
      await answerPopupToEmergency(page);

      const banner = await page.waitForSelector('[data-testid="care-banner"]');
      assert.ok(banner);
      assert.match(await banner.evaluate((b) => b.textContent ?? ''), new RegExp(`Care level: ${CARE_LEVEL_INFO.emergency.label}`));
      assert.equal(await page.$eval('.result', (r) => r.getAttribute('data-care')), 'emergency');
      assert.equal(await heading(page), 'Your result');

      // The answers are in the extension's IndexedDB (never in storage.local, which a content
      // script could read, nor in sync) and survive a reload.
      const stored = await storedAreas(page);
      const state = stored.kept[CHECKER_STORAGE_KEY] as { answers?: { onset?: string; signs?: string[] } } | undefined;
      assert.equal(state?.answers?.onset, 'gradual');
      assert.deepEqual(state?.answers?.signs, ['hot-red-knee']);
      assertNothingInStorageLocal(stored.local);
      assert.deepEqual(stored.sync, {});

      await session.reloadExtensionPage(page);
      await page.waitForSelector('[data-testid="care-banner"]');
      assert.equal(await page.$eval('.result', (r) => r.getAttribute('data-care')), 'emergency');
      assert.deepEqual((await storedAreas(page)).kept[CHECKER_STORAGE_KEY], state);
    });
  },
);

// ------------------------------------------------------------------------------------------------
// Options

test(
  "options: a changed spike threshold is saved (in the extension's IndexedDB) and kept after a reload",
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const page = await session.openExtensionPage('options.html');
      const spike = aria('spinbutton', NUMBER_LIMITS.spikePct.label);
      const field = await page.waitForSelector(spike);
      assert.ok(field);
      assert.equal(await field.evaluate((input) => (input as HTMLInputElement).value), String(DEFAULT_SETTINGS.spikePct));

      // Typed like a person: select what is there, type over it.
      await field.click();
      await field.evaluate((input) => (input as HTMLInputElement).select());
      await page.keyboard.type('25');
      await click(page, aria('button', 'Save'));
      await eventually(
        () => page.$eval('#save-status', (s) => s.textContent ?? ''),
        (text) => text === 'Saved.',
        'the save status',
      );

      await session.reloadExtensionPage(page);
      const reloaded = await page.waitForSelector(spike);
      assert.equal(await reloaded?.evaluate((input) => (input as HTMLInputElement).value), '25');

      const stored = await storedAreas(page);
      assert.deepEqual(stored.kept.settings, { ...defaultSettings(), spikePct: 25 });
      assertNothingInStorageLocal(stored.local);
      assert.deepEqual(stored.sync, {});
    });
  },
);

// ------------------------------------------------------------------------------------------------
// Badges on the Strava Training Log

const STRAVA = 'https://www.strava.com';
const LOG = `/athletes/${ATHLETE_ID}/training/log`;

interface BadgeSeen {
  key: string;
  level: string;
  label: string;
  text: string;
  /** The chip's accessible name. */
  name: string;
}

function seenOf(list: Inspection[]): BadgeSeen[] {
  return list.map((b) => ({ key: b.key, level: b.level, label: b.label, text: b.text, name: b.ariaLabel }));
}

/** A badge as the extension must render it: the engine's summary of that week, as the chip shows it. */
function expectedBadge(key: string, chip: BadgeChip): BadgeSeen {
  return { key, level: chip.level, label: chip.label, text: chip.text, name: chip.ariaLabel };
}

test('badges: every week row of the Strava Training Log gets a badge with the load engine’s numbers', { timeout: TIMEOUT }, async () => {
  await withFirefox(async (session) => {
    const served: string[] = [];
    const probe: { page?: Page } = {};
    // An options page open before the capture: the background's write must reach it (Firefox's
    // IndexedDB has no onChanged: lib/storage/idb announces changed keys by runtime message).
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector('#captured-summary');
    assert.equal(await options.$eval('#captured-summary', (p) => p.textContent ?? ''), 'No runs captured yet.');
    const page = await session.openSite(`${STRAVA}${LOG}`, (url) =>
      stravaResponse(url, { activities: 'recent', onRequest: (path) => served.push(path) }),
    );
    const seen = await eventually(
      async () => seenOf(await inspectBadges(session, probe, `${STRAVA}/*`)),
      (list) => list.length === LOG_ROWS && list.every((b) => b.text !== ''),
      `${LOG_ROWS} filled badges`,
    );

    // The same numbers as the engine on the same runs, computed as the Chromium tests do
    // (tests/e2e/badges-strava.spec.ts): the runner's whole history, default settings, today.
    const runs = runsFromTrainingActivities({ models: recentModels() });
    const mondays = Array.from({ length: LOG_ROWS }, (_, i) => addDays(LOG_LAST_MONDAY, -7 * i));
    const today = localToday();
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const summaries = weekSummaries(runs, mondays, DEFAULT_SETTINGS, today, {
      now: `${today}T${pad(now.getHours())}:${pad(now.getMinutes())}`,
    });
    const expected = mondays.map((monday, i) => expectedBadge(`strava-log:${monday}`, badgeChip(summaries[i]!)));
    const byKey = (list: BadgeSeen[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    assert.deepEqual(byKey(seen), byKey(expected));

    // The fixture's weeks worth testing read as in Chromium: a caution, a high load, an ok week.
    const found = Object.fromEntries(seen.map((b) => [b.key, b]));
    assert.equal(found['strava-log:2026-02-23']?.text, '42.1 km · +34% vs last week · single-run spike +45%');
    assert.equal(found['strava-log:2026-02-23']?.level, 'caution');
    assert.equal(found['strava-log:2026-01-12']?.level, 'high');
    assert.equal(found['strava-log:2026-02-16']?.text, '31.4 km · -2% vs last week');

    // The explanation points to the checker and gives the numbers (its opening on focus is
    // tested in Chromium, where the DevTools protocol reaches into closed shadow roots).
    const tip =
      (await inspectBadges(session, probe, `${STRAVA}/*`)).find((b) => b.key === 'strava-log:2026-02-23')?.explanation.join(' ') ?? '';
    assert.ok(tip.includes(BADGE_CTA), tip);
    assert.ok(tip.includes('17.4 km vs 12.0 km'), tip);

    // Page data first: only the weeks the page does not carry were asked for, paged and few.
    const calls = served.filter((p) => p.startsWith('/athlete/training_activities'));
    assert.ok(calls.length > 0 && calls.length <= 3, calls.join(', '));
    // The audit saw the page and the content script's own fetches (so it would see any other).
    assert.ok(session.requests.includes(`${STRAVA}${LOG}`), 'the audit did not see the page load');
    assert.ok(
      session.requests.some((url) => url.startsWith(`${STRAVA}/athlete/training_activities`)),
      "the audit did not see the content script's fetch",
    );
    // The page's own script still works under the badges.
    assert.equal(await page.evaluate(() => (window as unknown as { __trainingLog?: { hydrated: boolean } }).__trainingLog?.hydrated), true);

    // The runs read are kept in the extension's IndexedDB, not in storage.local (which a content
    // script could read), and the options page opened earlier shows them without a reload.
    const kept = await eventually(
      async () => (await storedAreas(options)).kept['captured-runs'] as { runs?: unknown[] } | undefined,
      (store) => (store?.runs?.length ?? 0) > 0,
      'the captured runs in IndexedDB',
    );
    assertNothingInStorageLocal((await storedAreas(options)).local);
    await eventually(
      () => options.$eval('#captured-summary', (p) => p.textContent ?? ''),
      (text) => text.startsWith(`${kept!.runs!.length} runs kept, from `),
      'the options page to show the captured runs',
    );
  });
});

// ------------------------------------------------------------------------------------------------
// A hostile page (issue 14 item 4, in Firefox too)

test(
  'a hostile page: badges in closed shadow roots it cannot read or rewrite, and forged "newer copy started" events do not switch them off',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const probe: { page?: Page } = {};
      const page = await session.openSite(`${STRAVA}${LOG}`, (url) => stravaResponse(url, { activities: 'recent' }));
      const sorted = (list: BadgeSeen[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
      const before = await eventually(
        async () => sorted(seenOf(await inspectBadges(session, probe, `${STRAVA}/*`))),
        (list) => list.length === LOG_ROWS && list.every((b) => b.text !== ''),
        `${LOG_ROWS} filled badges`,
      );

      // The page's own script sees hosts only: no shadow root to read, none to attach, and what it
      // writes into a host is not what the runner sees.
      const seenByPage = await page.evaluate(() => {
        const hosts = [...document.querySelectorAll('[data-knee-check-key]')];
        let attached = 0;
        for (const host of hosts) {
          try {
            host.attachShadow({ mode: 'open' });
            attached++;
          } catch {
            // already has our (closed) root
          }
          host.textContent = 'Knee Check: your account is locked, sign in at evil.example';
        }
        return { hosts: hosts.length, open: hosts.filter((h) => h.shadowRoot !== null).length, attached };
      });
      assert.deepEqual(seenByPage, { hosts: LOG_ROWS, open: 0, attached: 0 });
      assert.deepEqual(sorted(seenOf(await inspectBadges(session, probe, `${STRAVA}/*`))), before);

      // What WXT's content-script context listens for to stop an older copy (wxt-dev/wxt#1752): the
      // exact event and window message, with our extension id and script name.
      await page.evaluate((id) => {
        const type = `${id}:knee-badges-strava-log:wxt:content-script-started`;
        for (let i = 0; i < 3; i++) {
          document.dispatchEvent(
            new CustomEvent(type, { detail: { contentScriptName: 'knee-badges-strava-log', messageId: `forged-${i}` } }),
          );
          window.postMessage({ type, contentScriptName: 'knee-badges-strava-log', messageId: `forged-${i}` }, '*');
        }
      }, session.extensionId);
      // Still alive: the page re-renders every row (dropping our badges) and they come back, right.
      await page.evaluate(() => (window as unknown as { __pageBench(n: number): Promise<unknown> }).__pageBench(1));
      await eventually(
        async () => sorted(seenOf(await inspectBadges(session, probe, `${STRAVA}/*`))),
        (list) => JSON.stringify(list) === JSON.stringify(before),
        `${LOG_ROWS} badges back after the forged events and a re-render`,
      );
    });
  },
);

// ------------------------------------------------------------------------------------------------
// The audits themselves

test('harness: a request to another host, a console error and an uncaught error are all caught', { timeout: TIMEOUT }, async () => {
  await withFirefox(async (session) => {
    const page = await session.openExtensionPage('popup.html');
    await page.evaluate(() => {
      console.error('knee-check harness probe');
      setTimeout(() => {
        throw new Error('knee-check uncaught probe');
      });
      return fetch('https://tracker.example/pixel').catch(() => undefined);
    });
    await eventually(
      () => session.offending(),
      (list) => list.includes('https://tracker.example/pixel'),
      'the audit to record tracker.example',
    );
    const caught = (probe: string) => (list: string[]) => list.some((line) => line.includes(probe));
    await eventually(() => session.consoleErrors(), caught('knee-check harness probe'), 'the console error');
    await eventually(() => session.consoleErrors(), caught('knee-check uncaught probe'), 'the uncaught error');
    // Both were provoked on purpose: forget them so the session's own checks pass.
    session.clearRecords();
  });
});
