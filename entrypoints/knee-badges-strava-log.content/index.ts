// Strava's Training Log script: knee-load badges on its week rows (lib/content/start.ts wires the
// core). The Training Log is its own app (Next.js), reached by loading the page: its script carries
// its page half only, and the dashboard and profile have theirs (knee-badges-strava), so each page
// loads only the code it needs (the 10 KB gzip budget, `npm run bench content`). No zod, no Preact.
import { defineContentScript } from '#imports';
import { startSiteBadges } from '../../lib/content/start-site';
import { createStravaLogPage, STRAVA_LOG_MATCH } from '../../lib/sites/strava-page';
import { demoAlias, demoMatches } from '../../lib/content/demo-origin';

export default defineContentScript({
  matches: demoMatches([STRAVA_LOG_MATCH]),
  runAt: 'document_idle',
  main(ctx) {
    const trainingLog = createStravaLogPage();
    startSiteBadges(ctx, [trainingLog], {
      url: demoAlias,
      // Strava's activities endpoint is the signed-in athlete's: keep runs from their own log only.
      own: (_part, doc) => trainingLog.own(doc),
    });
  },
});
