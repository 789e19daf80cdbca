// The page service wired to the browser (lib/background/page-host): only this extension's own
// content scripts in a tab are answered; a user-added site's rows (read here from the snapshot its
// page sent) are recorded as captured history
// only while the site is added, and only for the forget count of the page's first pass; the card
// hidden for a week is answered once kept, so the page's next pass has no card.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageHost } from '../../../lib/background/page-host';
import { HIDE_CARD, PAGE_PASS, type PassReply, type PassRequest } from '../../../lib/content/pass';
import { forgetRuns, loadCapturedRuns, recordRuns } from '../../../lib/history';
import { defaultSettings, saveSettings } from '../../../lib/settings';
import { weekPage } from './custom-snapshot';

const SITE = 'https://log.example';
const runs = [
  // The earliest listed day: the rows are complete from the day after it (lib/sites/generic).
  { start: '2025-12-20T07:00:00', km: 5 },
  { start: '2026-02-10T07:00:00', km: 6 },
  { start: '2026-02-12T07:00:00', km: 8 },
];
// The page's snapshot: the runs and this week's total.
const snap = weekPage(runs, 14);
const request = (over: Partial<PassRequest> = {}): PassRequest => ({
  type: PAGE_PASS,
  page: 'tok-1',
  adapter: 'generic',
  site: 'custom',
  pageKind: 'your site log.example',
  own: true,
  weeks: ['2026-02-09'],
  today: '2026-02-20',
  now: '2026-02-20T12:00',
  read: true,
  card: false,
  facts: { sig: 'page-1', snap },
  selectors: [],
  version: '1.0.0',
  ...over,
});

/** A message from `sender` as the browser delivers it; 'no answer' when no listener answered. */
function deliver(message: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
    setTimeout(() => resolve('no answer'), 300);
  });
}

const fromPage = (url = `${SITE}/weeks`, id = fakeBrowser.runtime.id) => ({ id, url, tab: { id: 4 }, frameId: 0 });

beforeEach(() => {
  fakeBrowser.reset();
  startPageHost();
});

describe('the page host', () => {
  it("answers our content scripts only, and records a user-added site's rows only while it is added", async () => {
    expect(await deliver(request(), fromPage(`${SITE}/weeks`, 'another-extension'))).toBe('no answer');
    expect(await deliver(request(), { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') })).toBe('no answer');
    // Not added: nothing for Knee Check there, nothing kept.
    expect(await deliver(request(), fromPage())).toEqual({ off: true, views: [], card: null });
    expect(await loadCapturedRuns()).toEqual([]);
    await saveSettings({ ...defaultSettings(), customSites: [SITE] });
    const reply = (await deliver(request({ page: 'tok-2' }), fromPage())) as PassReply;
    expect(reply.views).toHaveLength(1);
    expect(reply.views[0]?.text).toMatch(/^14\.0 km/);
    await expect.poll(async () => (await loadCapturedRuns()).length).toBe(runs.length);
    expect((await loadCapturedRuns())[0]!.site).toBe(SITE);
  });

  it('a page that began before a forget records nothing after it; a page loaded after does', async () => {
    await saveSettings({ ...defaultSettings(), customSites: [SITE] });
    await recordRuns('strava', [{ start: '2026-02-01T07:00:00', km: 5, id: 'old' }]);
    // The page's first pass: nothing to read yet, but its forget count is taken.
    await deliver(request({ read: false }), fromPage());
    await forgetRuns();
    await deliver(request(), fromPage());
    await new Promise((r) => setTimeout(r, 50));
    expect(await loadCapturedRuns()).toEqual([]);
    await deliver(request({ page: 'tok-after' }), fromPage());
    await expect.poll(async () => (await loadCapturedRuns()).length).toBe(runs.length);
  });

  it('the card hidden for a week is answered once it is kept', async () => {
    const hide = { type: HIDE_CARD, site: 'intervals', week: '2026-02-16' };
    expect(await deliver(hide, fromPage('https://intervals.icu/calendar'))).toBe(true);
    expect(await deliver({ ...hide, week: 'soon' }, fromPage('https://intervals.icu/calendar'))).toBe(false);
  });
});
