// The one content script: knee-load badges on running logs. It wires the core (lib/content) to
// the browser: settings from storage.local (zod-free sanitizer), same-origin fetch, WXT's
// invalidation and SPA route events. No zod, no Preact and no WXT storage layer in here: the
// budget is 10 KB gzipped.
import { browser, defineContentScript } from '#imports';
import { startCore } from '../../lib/content/core';
import { createSameOriginFetch } from '../../lib/content/fetch';
import { RECORD_RUNS, type RecordRunsMessage } from '../../lib/content/messages';
import { captureClock } from '../../lib/content/schedule';
import { summariesFrom } from '../../lib/load/summary';
import { sanitizeSettings } from '../../lib/settings/defaults';
import { genericAdapter } from '../../lib/sites/generic';
import { pickAdapter } from '../../lib/sites/registry';
import { isOwnStravaPage } from '../../lib/sites/strava';
import type { SiteAdapter } from '../../lib/sites/types';

/** Release matches: the built-in sites only. User-added sites are registered at runtime. */
const SITE_MATCHES = ['https://www.strava.com/*', 'https://connect.garmin.com/*', 'https://intervals.icu/*'];

/**
 * Demo builds only (`npm run demo`, WXT_KNEE_CHECK_DEMO_ORIGIN=http://localhost:PORT): the saved
 * pages served there are treated as www.strava.com. Empty in release builds, where this is dropped.
 */
const DEMO_ORIGIN: string = import.meta.env.WXT_KNEE_CHECK_DEMO_ORIGIN ?? '';

/** User-added sites (settings.customSites, registered at runtime by the background). */
const GENERIC_ADAPTER: SiteAdapter = genericAdapter;

/** WXT's `local:settings` is the key "settings" in storage.local. */
const SETTINGS = 'settings';

const pad = (n: number) => String(n).padStart(2, '0');

export default defineContentScript({
  matches: DEMO_ORIGIN ? [...SITE_MATCHES, `${DEMO_ORIGIN}/*`] : SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // What the core uses from this world, captured once at start.
    const win = window;
    const doc = document;
    const clock = captureClock(win);
    const origin = win.location.origin;
    const DateNow = Date;
    const { storage, runtime } = browser;
    let recorded: unknown;

    startCore({
      doc,
      win,
      clock,
      currentUrl: () => {
        const url = new URL(win.location.href);
        return DEMO_ORIGIN && url.origin === DEMO_ORIGIN ? new URL(url.pathname + url.search, 'https://www.strava.com') : url;
      },
      pickAdapter: (url, settings) => pickAdapter(url, settings, GENERIC_ADAPTER),
      loadSettings: async () => sanitizeSettings((await storage.local.get(SETTINGS))[SETTINGS]),
      watchSettings: (onChange) => {
        const listener = (changes: Record<string, { newValue?: unknown }>, area: string) =>
          area === 'local' && changes[SETTINGS] && onChange(sanitizeSettings(changes[SETTINGS].newValue));
        storage.onChanged.addListener(listener);
        return () => storage.onChanged.removeListener(listener);
      },
      fetchJson: createSameOriginFetch({ origin, fetch: win.fetch.bind(win), now: clock.now, setTimer: win.setTimeout.bind(win), signal: ctx.signal }),
      localNow: () => {
        const d = new DateNow();
        const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        return { today, now: `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}` };
      },
      summarize: summariesFrom,
      onInvalidated: (cb) => void ctx.onInvalidated(cb),
      isValid: () => ctx.isValid,
      onLocationChange: (cb) => ctx.addEventListener(win, 'wxt:locationchange', cb),
      // After the page has loaded and gone idle: a framework still hydrating would find our badge
      // in its server markup and re-render the whole tree.
      // (A page whose load never ends, e.g. a hanging image, still gets its badges after 3 s.)
      ready: () =>
        new Promise<void>((resolve) => {
          const idle = () => win.requestIdleCallback(() => resolve(), { timeout: 300 });
          if (doc.readyState === 'complete') idle();
          else {
            win.addEventListener('load', idle, { once: true });
            win.setTimeout(idle, 3000);
          }
        }),
      // Captured history (the popup's recent weeks): the runner's own runs, once per new read,
      // recorded by the background (lib/content/messages.ts).
      onRuns: (adapter, runs) => {
        if (runs === recorded || !runs.length || (adapter.site === 'strava' && !isOwnStravaPage(doc))) return;
        recorded = runs;
        const message: RecordRunsMessage = { type: RECORD_RUNS, site: adapter.site === 'custom' ? origin : adapter.site, runs };
        runtime.sendMessage(message).catch(() => undefined);
      },
      debug: console.debug.bind(console),
    });
  },
});
