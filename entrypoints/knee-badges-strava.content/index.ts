// Strava's script for the dashboard and the athlete profile (server-rendered pages): knee-load
// badges on the weekly widget and the selected week's totals (lib/content/start.ts wires the core).
// Every Strava page but the Training Log, which has its own script (knee-badges-strava-log): each
// page loads only its own page halves (the runs are read by the background), the 10 KB gzip
// budget (`npm run bench content`). No zod, no Preact.
import { defineContentScript } from '#imports';
import { demoAlias, demoMatches } from '../../lib/content/demo-origin';
import { startSiteBadges } from '../../lib/content/start-site';
import { siteMatches } from '../../lib/sites/builtin';
import { createStravaWeekPages, isOwnStravaPage, STRAVA_LOG_MATCH } from '../../lib/sites/strava-page';

export default defineContentScript({
  matches: demoMatches(siteMatches('strava')),
  excludeMatches: demoMatches([STRAVA_LOG_MATCH]),
  runAt: 'document_idle',
  main(ctx) {
    const { dashboard, profile } = createStravaWeekPages();
    startSiteBadges(ctx, [dashboard, profile], {
      url: demoAlias,
      // Strava's activities endpoint is the signed-in athlete's: keep runs from their own pages only.
      own: (_part, doc) => isOwnStravaPage(doc),
    });
  },
});
