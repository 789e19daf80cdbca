// Garmin Connect's content script: knee-load badges on its calendar (lib/content/start.ts wires
// the core). One script per built-in site, each with only its own page half (the runs are read by the background) (the 10 KB gzip budget,
// `npm run bench content`). No zod, no Preact.
import { siteContentScript } from '../../lib/content/start-site';
import { createGarminPage } from '../../lib/sites/garmin-page';

export default siteContentScript('garmin', () => [createGarminPage()]);
