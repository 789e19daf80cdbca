// intervals.icu's content script: knee-load badges on its calendar (lib/content/start.ts wires the
// core). One script per built-in site, each with only its own adapter (the 10 KB gzip budget,
// `npm run bench content`). No zod, no Preact.
import { siteContentScript } from '../../lib/content/start';
import { intervalsAdapter } from '../../lib/sites/intervals';

export default siteContentScript('intervals', [intervalsAdapter]);
