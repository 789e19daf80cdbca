// Badges on pages in the shapes the live sites are documented to have (docs/research/sites.md,
// 2026-12), in Debian Chromium with the built extension: Strava's Training Log with Strava's own
// documented week data (ids "YYYYyWWw", epoch-second dates, days keyed "1".."7", mid-week row
// timestamps, React athlete menu), where /athlete/training_activities is refused and the runner's
// own feed (/dashboard/feed, answered only with x-requested-with) fills in the history.
// Every test also fails on a console error and (fixtures.ts) on any request to another host.
import type { BrowserContext, Page } from '@playwright/test';
import { summariesFrom } from '../../lib/load/summary';
import { defaultSettings } from '../../lib/settings/defaults';
import { expect, readClosedBadges, test } from './fixtures';
import { localToday, routeStrava, type SiteOptions } from './site-server';
import { adapterRead, DOC_SHAPE_PAGE as PAGE, DOC_SHAPE_WEEKS as WEEKS } from './strava-doc-shape';

const STRAVA = 'https://www.strava.com';
const LOG = '/athletes/123/training/log';

/** Every badge on the page, read through its closed shadow root (from outside the page: fixtures.ts). */
async function badges(page: Page): Promise<{ key: string; text: string }[]> {
  return (await readClosedBadges(page)).filter((b) => !b.inCard).map(({ key, text }) => ({ key, text }));
}

async function open(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  // On install the background opens the options page: let it open before we take a tab.
  for (let i = 0; i < 50 && !context.pages().some((p) => p.url().includes('options')); i++) await new Promise((r) => setTimeout(r, 100));
  const page = await context.newPage();
  const errors: string[] = [];
  // The browser's own lines for refused calls ("Failed to load resource") are not errors of ours.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(STRAVA + LOG);
      if (page.url().startsWith(STRAVA)) break;
    } catch (error) {
      if (attempt >= 2 || !String(error).includes('interrupted by another navigation')) throw error;
    }
  }
  return { page, errors };
}

test.describe('Strava Training Log in its documented shape', () => {
  test("training_activities refused: the feed (with x-requested-with) completes the history, every row badged with the engine's numbers", async ({
    context,
  }) => {
    const site: SiteOptions = { activities: 'error', trainingLog: PAGE, feed: true };
    const served = await routeStrava(context, site);
    const { page, errors } = await open(context);
    const keys = WEEKS.map((w) => `strava-log:${w}`);
    await expect.poll(async () => (await badges(page)).map((b) => b.key).sort()).toEqual([...keys].sort());

    // The numbers the load engine computes on what the adapter reads and the coverage it notes:
    // the page's own week data, and the feed to its end (it added nothing older, so the history
    // before the page holds no runs and every comparison window is covered).
    const { runs, coverage } = await adapterRead(site);
    expect(coverage.coveredFrom).toBe('0000-01-01');
    const expected = summariesFrom(runs, WEEKS, defaultSettings(), localToday(), { coverage });
    const found = Object.fromEntries((await badges(page)).map((b) => [b.key, b.text]));
    WEEKS.forEach((week, i) => expect(found[`strava-log:${week}`], week).toBe(expected[i]?.text));
    // 2024y10w: 46 km after 37 km, and a 24 km long run (19 km the 30 days before).
    expect(found['strava-log:2024-03-04']).toMatch(/^46\.0 km · \+24% vs last week/);

    // The calls: training_activities once (refused), then the feed until its end.
    expect(served.filter((p) => p.startsWith('/athlete/training_activities'))).toHaveLength(1);
    const feed = served.filter((p) => p.startsWith('/dashboard/feed'));
    expect(feed).toHaveLength(2);
    expect(feed[1]).toBe('/dashboard/feed?feed_type=my_activity&before=1709798400');
    expect(errors).toEqual([]);
  });

  test('training_activities and the feed refused: only the weeks whose 30 days the page covers get a badge', async ({ context }) => {
    const site: SiteOptions = { activities: 'error', trainingLog: PAGE };
    await routeStrava(context, site);
    const { page, errors } = await open(context);
    await expect.poll(async () => (await badges(page)).map((b) => b.key)).toEqual(['strava-log:2024-03-11']);
    await page.waitForTimeout(1000);
    expect((await badges(page)).map((b) => b.key)).toEqual(['strava-log:2024-03-11']);
    // Its text: the engine's, on the page's runs judged on the coverage the adapter notes (the page only).
    const { runs, coverage } = await adapterRead(site);
    expect(coverage.coveredFrom).toBe('2024-02-05');
    const [expected] = summariesFrom(runs, ['2024-03-11'], defaultSettings(), localToday(), { coverage });
    expect((await badges(page))[0]?.text).toBe(expected!.text);
    expect(errors).toEqual([]);
  });
});
