// The built-in sites' content script: knee-load badges on Strava, Garmin Connect and
// intervals.icu (lib/content/start.ts wires the core). User-added sites get their own script,
// entrypoints/knee-badges-custom.content, registered at runtime: its generic detector is not
// bundled here. No zod, no Preact: the budget is 10 KB gzipped.
import { defineContentScript } from '#imports';
import { startBadges } from '../../lib/content/start';
import { BUILT_IN_SITE_MATCHES } from '../../lib/sites/builtin';
import { pickAdapter } from '../../lib/sites/registry';
import { isOwnStravaPage } from '../../lib/sites/strava';

/** Release matches: the built-in sites only. User-added sites are registered at runtime. */
const SITE_MATCHES = [...BUILT_IN_SITE_MATCHES];

/**
 * Demo builds only (`npm run demo`, WXT_KNEE_CHECK_DEMO_ORIGIN=http://localhost:PORT): the saved
 * pages served there are treated as www.strava.com. Empty in release builds, where this is dropped.
 */
const DEMO_ORIGIN: string = import.meta.env.WXT_KNEE_CHECK_DEMO_ORIGIN ?? '';

export default defineContentScript({
  matches: DEMO_ORIGIN ? [...SITE_MATCHES, `${DEMO_ORIGIN}/*`] : SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startBadges(ctx, {
      pick: (url, settings) => pickAdapter(url, settings),
      url: (url) => (DEMO_ORIGIN && url.origin === DEMO_ORIGIN ? new URL(url.pathname + url.search, 'https://www.strava.com') : url),
      // Strava's activities endpoint is the signed-in athlete's: keep runs from their own pages only.
      own: (adapter, doc) => adapter.site !== 'strava' || isOwnStravaPage(doc),
    });
  },
});
