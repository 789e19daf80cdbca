// Strava's content script: knee-load badges on the Training Log, the dashboard and the athlete
// profile (lib/content/start.ts wires the core). One script per built-in site, each with only its
// own page halves (the runs are read by the background), so a page loads only the code for its site (the 10 KB gzip budget, `npm run bench
// content`). No zod, no Preact.
import { defineContentScript } from '#imports';
import { startSiteBadges } from '../../lib/content/start-site';
import { siteMatches } from '../../lib/sites/builtin';
import { createStravaPages, isOwnStravaPage } from '../../lib/sites/strava-page';

/**
 * Demo builds only (`npm run demo`, WXT_KNEE_CHECK_DEMO_ORIGIN=http://localhost:PORT): the saved
 * pages served there are treated as www.strava.com. Empty in release builds, where this is dropped.
 */
const DEMO_ORIGIN: string = import.meta.env.WXT_KNEE_CHECK_DEMO_ORIGIN ?? '';
const MATCHES = siteMatches('strava');

export default defineContentScript({
  matches: DEMO_ORIGIN ? [...MATCHES, `${DEMO_ORIGIN}/*`] : MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startSiteBadges(ctx, createStravaPages().all, {
      url: (url) => (DEMO_ORIGIN && url.origin === DEMO_ORIGIN ? new URL(url.pathname + url.search, 'https://www.strava.com') : url),
      // Strava's activities endpoint is the signed-in athlete's: keep runs from their own pages only.
      own: (_part, doc) => isOwnStravaPage(doc),
    });
  },
});
