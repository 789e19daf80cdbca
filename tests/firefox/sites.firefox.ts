// Issue 11's live-site shapes in Debian Firefox ESR, with the built extension (.output/firefox-mv3):
// Garmin Connect answering /gc-api/ 403 without the page's CSRF token, an intervals.icu month
// holding a run synced from Strava (an empty stub), and a calendar whose layout no adapter
// recognises (the fallback card). In each: the badges' numbers, the popup's page status and the
// toolbar icon's badge; and (harness.ts) the network and console audits throughout.
// The same sites are served as in Chromium (tests/e2e/route-helpers-sites.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { toolbarBadge } from '../../lib/badge/toolbar';
import { toHistoryRuns, type CapturedRun } from '../../lib/history/captured';
import { INCOMPLETE_TEXT, weekSummaries } from '../../lib/load/summary';
import { defaultSettings } from '../../lib/settings/defaults';
import { runsFromGarminActivities } from '../../lib/sites/garmin';
import {
  GARMIN,
  INTERVALS,
  addDays,
  fixtureJson,
  garminResponse,
  intervalsResponse,
  localToday,
  shiftDaysTo,
} from '../e2e/route-helpers-sites';
import { stravaResponse, type SiteOptions } from '../e2e/site-server';
import { adapterRead, DOC_SHAPE_PAGE, DOC_SHAPE_WEEKS } from '../e2e/strava-doc-shape';
import { summariesFrom } from '../../lib/load/summary';
import { eventually, inspectBadges, storedAreas, withFirefox, type FirefoxSession, type Inspection } from './harness';

/** Generous for a busy two-core machine; a healthy test takes a few seconds. */
const TIMEOUT = 90_000;

const today = localToday();
const days = shiftDaysTo(today);
/** A fixture date ("2026-02-09") as it is served today. */
const shifted = (date: string) => addDays(date, days);
const FINISHED_WEEKS = ['2026-01-26', '2026-02-02', '2026-02-09'];
const pad = (n: number) => String(n).padStart(2, '0');
const nowMinute = () => {
  const d = new Date();
  return `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

// The extension API inside page.evaluate on an extension page.
declare const browser: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };

/** Badges by key, the card's included (its key is "card"). */
const byKey = (list: Inspection[]) => Object.fromEntries(list.map((b) => [b.key, b]));

/** The badges on the tab matching `urlPattern`, by key, once every one of `keys` shows its words. */
function filledBadges(session: FirefoxSession, probe: { page?: Page }, urlPattern: string, keys: readonly string[]) {
  return eventually(
    async () => byKey(await inspectBadges(session, probe, urlPattern)),
    (found) => keys.every((key) => (found[key]?.text ?? '') !== ''),
    `a filled badge for each of ${keys.join(', ')}`,
  );
}

/**
 * The popup's first screen for `site`: the popup, opened before the site in the same window, is
 * reloaded while the site's tab is the active one (the popup reads the active tab's status).
 */
async function pageStatus(session: FirefoxSession, popup: Page, site: Page): Promise<{ headline: string; details: string[] }> {
  await site.bringToFront();
  await session.reloadExtensionPage(popup);
  await popup.waitForSelector('.page-status');
  return popup.$eval('.page-status', (section) => ({
    headline: section.querySelector('.notice__title')?.textContent?.trim() ?? '',
    details: [...section.querySelectorAll('li')].map((li) => li.textContent?.trim() ?? ''),
  }));
}

/** The toolbar icon's text and title, read from an extension page. */
function toolbarIcon(page: Page): Promise<{ text: string; title: string }> {
  return page.evaluate(async () => ({ text: await browser.action.getBadgeText({}), title: await browser.action.getTitle({}) }));
}

/**
 * The toolbar icon shows this week's status from the runs captured (kept in IndexedDB in Firefox),
 * as lib/badge/toolbar computes it; an "OK" week may show the knee diary's next-run ceiling instead.
 */
async function assertToolbarIcon(page: Page): Promise<void> {
  await eventually(
    async () => {
      const kept = (await storedAreas(page)).kept['captured-runs'] as { runs?: CapturedRun[] } | undefined;
      const want = toolbarBadge(toHistoryRuns(kept?.runs ?? []), defaultSettings(), today, nowMinute());
      const icon = await toolbarIcon(page);
      const textOk = want !== null && (icon.text === want.text || (want.text === 'OK' && /^\d+(\.\d)?$/.test(icon.text)));
      return { textOk, titleOk: want !== null && icon.title.startsWith(want.title), icon, want };
    },
    (seen) => seen.textOk && seen.titleOk,
    'the toolbar icon to show this week from the captured runs',
  );
  const { text } = await toolbarIcon(page);
  assert.match(text, /^(!|[+−]?\d+%|\?|OK|\d+(\.\d)?)$/);
}

test(
  'Garmin Connect: /gc-api/ answers 403 without the page’s CSRF token; the badges, the popup and the toolbar icon',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const answered: string[] = [];
      const popup = await session.openExtensionPage('popup.html');
      const site = await session.openSite(`${GARMIN}/modern/calendar`, (url, headers) => {
        const response = garminResponse(url, headers, { days, requireCsrf: true });
        answered.push(`${response.status} ${url.pathname}`);
        return response;
      });
      // The served site refuses a call without the header (so the badges below prove it was sent).
      assert.equal(await site.evaluate(() => fetch('/gc-api/csrf-probe').then((r) => r.status)), 403);

      const probe: { page?: Page } = {};
      const keys = [...FINISHED_WEEKS, '2026-02-16'].map((w) => `garmin-week:${shifted(w)}`);
      const seen = await filledBadges(session, probe, `${GARMIN}/*`, keys);
      assert.deepEqual(Object.keys(seen).sort(), keys);
      // The engine's numbers on the runs the page's JSON holds (the adapter notes no coverage).
      const runs = runsFromGarminActivities(fixtureJson('garmin-activities.json', days));
      const summaries = weekSummaries(runs, FINISHED_WEEKS.map(shifted), defaultSettings(), today, { coverage: {} });
      FINISHED_WEEKS.forEach((week, i) => assert.equal(seen[`garmin-week:${shifted(week)}`]?.text, summaries[i]!.text));
      assert.equal(seen[`garmin-week:${shifted('2026-02-09')}`]?.text, '35.0 km · +19% vs last week · single-run spike +31%');
      // Every data call was under /gc-api/ and none was refused.
      const calls = answered.filter((line) => line.includes('/gc-api/') && !line.endsWith('/csrf-probe'));
      assert.ok(calls.length > 0, answered.join(', '));
      assert.deepEqual(
        calls.filter((line) => !line.startsWith('200 ')),
        [],
      );

      const status = await pageStatus(session, popup, site);
      assert.match(status.headline, /: 4 weeks annotated from \d+ runs\.$/);
      assert.ok(
        status.details.some((line) => /^Runs read from your Garmin Connect (activities|calendar) \(\d+ runs?\)/.test(line)),
        status.details.join(' | '),
      );
      await assertToolbarIcon(popup);
    });
  },
);

test(
  'intervals.icu: a week holding a Strava stub shows no total and says why, in the badge and the popup',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const popup = await session.openExtensionPage('popup.html');
      const site = await session.openSite(`${INTERVALS}/calendar`, (url) => intervalsResponse(url, { days }));
      const probe: { page?: Page } = {};
      const keys = [...FINISHED_WEEKS, '2026-02-16'].map((w) => `intervals-week:${shifted(w)}`);
      const seen = await filledBadges(session, probe, `${INTERVALS}/*`, keys);
      assert.equal(seen[`intervals-week:${shifted('2026-02-02')}`]?.text, '30.0 km · +50% vs last week · single-run spike +14%');
      assert.match(seen[`intervals-week:${shifted('2026-02-09')}`]?.text ?? '', /^26\.0 km · -13% vs last week/);
      // This week holds the stub (2026-02-17 in the fixture): no number, and the reason.
      const stubWeek = `intervals-week:${shifted('2026-02-16')}`;
      assert.equal(seen[stubWeek]?.level, 'unknown');
      assert.equal(seen[stubWeek]?.text, INCOMPLETE_TEXT);
      assert.ok(
        seen[stubWeek]?.explanation.some((line) => line.includes('Strava')),
        seen[stubWeek]?.explanation.join(' | '),
      );

      // The page re-renders (every pass reads again, from memory): the stub week still has no number.
      await site.evaluate(() => {
        const main = document.querySelector('main') ?? document.body;
        for (let i = 0; i < 5; i++) main.append(document.createElement('span'));
      });
      await new Promise((done) => setTimeout(done, 1500));
      assert.equal(byKey(await inspectBadges(session, probe, `${INTERVALS}/*`))[stubWeek]?.text, INCOMPLETE_TEXT);

      const status = await pageStatus(session, popup, site);
      assert.match(status.headline, /: 4 weeks annotated from \d+ runs\.$/);
      assert.ok(
        status.details.includes('Some runs synced from Strava could not be read here: the weeks holding them show no total.'),
        status.details.join(' | '),
      );
      assert.ok(
        status.details.some((line) => line.endsWith('left some runs without a distance.')),
        status.details.join(' | '),
      );
    });
  },
);

test(
  'Strava Training Log in its documented shape: training_activities refused, the feed (asked with x-requested-with) fills in',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      const site: SiteOptions = { activities: 'error', trainingLog: DOC_SHAPE_PAGE, feed: true };
      const served: string[] = [];
      // One options object for the page view: the served feed pages on from it (site-server.ts).
      const serving: SiteOptions = { ...site, onRequest: (path) => served.push(path) };
      const popup = await session.openExtensionPage('popup.html');
      const page = await session.openSite('https://www.strava.com/athletes/123/training/log', (url, headers) =>
        stravaResponse(url, serving, headers),
      );
      const probe: { page?: Page } = {};
      const keys = DOC_SHAPE_WEEKS.map((w) => `strava-log:${w}`);
      const seen = await filledBadges(session, probe, 'https://www.strava.com/*', keys);
      assert.deepEqual(Object.keys(seen).sort(), [...keys].sort());
      // The engine's numbers on what the adapter reads from the same page and answers.
      const { runs, coverage } = await adapterRead(site);
      const expected = summariesFrom(runs, DOC_SHAPE_WEEKS, defaultSettings(), today, { coverage });
      DOC_SHAPE_WEEKS.forEach((week, i) => assert.equal(seen[`strava-log:${week}`]?.text, expected[i]?.text, week));
      assert.match(seen['strava-log:2024-03-04']?.text ?? '', /^46\.0 km · \+24% vs last week/);
      // training_activities once (refused), then the feed to its end (it answers only with x-requested-with).
      assert.equal(served.filter((p) => p.startsWith('/athlete/training_activities')).length, 1);
      assert.deepEqual(served.filter((p) => p.startsWith('/dashboard/feed')).slice(1), [
        '/dashboard/feed?feed_type=my_activity&before=1709798400',
      ]);

      const status = await pageStatus(session, popup, page);
      assert.match(status.headline, /^Strava Training Log: 6 weeks annotated from \d+ runs\.$/);
      // What was refused and where the runs came from instead.
      assert.ok(
        status.details.some((line) => line.startsWith('Strava ') && line.includes('(HTTP 503)')),
        status.details.join(' | '),
      );
      assert.ok(
        status.details.some((line) => line.includes('your Strava activity feed')),
        status.details.join(' | '),
      );
    });
  },
);

/** A calendar that still shows weekly mileage, in markup no adapter recognises (a redesign). */
const REDESIGNED = `<!doctype html><html><head><title>Calendar - intervals.icu</title></head><body>
<nav style="position:fixed;top:0;left:0;right:0;height:48px;background:#222;color:#fff">intervals.icu</nav>
<main style="padding-top:60px"><section class="cal-v2"><div class="cal-v2__row"><span class="cal-v2__sum">Week · 34 km</span></div></section></main>
</body></html>`;

test(
  'an unrecognised layout: the fallback card with this week’s numbers, the popup says so, the toolbar icon',
  { timeout: TIMEOUT },
  async () => {
    await withFirefox(async (session) => {
      // The API's runs with their distances (no Strava stubs: that week would rightly show no total).
      const served = (fixtureJson('intervals-activities.json', days) as { distance?: unknown }[]).filter(
        (a) => typeof a?.distance === 'number',
      );
      const popup = await session.openExtensionPage('popup.html');
      const site = await session.openSite(`${INTERVALS}/calendar`, (url) =>
        url.pathname === '/calendar'
          ? { status: 200, contentType: 'text/html; charset=utf-8', body: REDESIGNED }
          : intervalsResponse(url, { days, activities: served }),
      );
      const probe: { page?: Page } = {};
      // After the page had time to render its weeks (2.5 s), the runs are read and the card shows.
      const card = await eventually(
        async () => (await inspectBadges(session, probe, `${INTERVALS}/*`)).find((b) => b.inCard),
        (badge) => (badge?.text ?? '') !== '',
        'the fallback card',
        20_000,
      );
      assert.match(card!.text, /^\d+(\.\d)? km so far/);
      const kept = (await storedAreas(popup)).kept['captured-runs'] as { runs?: CapturedRun[] } | undefined;
      assert.ok((kept?.runs?.length ?? 0) > 0, 'the runs read were captured');
      const week = weekSummaries(toHistoryRuns(kept!.runs!), [today], defaultSettings(), today, { now: nowMinute(), coverage: {} })[0]!;
      // This week's total as the engine gives it on the runs read (what follows depends on coverage).
      assert.equal(card!.text.split(' · ')[0], week.text.split(' · ')[0]);
      // No badge on the page itself: nothing was recognised to put one next to.
      assert.deepEqual(
        (await inspectBadges(session, probe, `${INTERVALS}/*`)).filter((b) => !b.inCard),
        [],
      );

      await new Promise((done) => setTimeout(done, 1500)); // the status is sent at most once a second
      const status = await pageStatus(session, popup, site);
      assert.equal(
        status.headline,
        "Your runs were read, but this page's layout was not recognised: see the Knee Check card in a corner of the page.",
      );
      await assertToolbarIcon(popup);
    });
  },
);
