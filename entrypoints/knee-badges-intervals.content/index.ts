// intervals.icu's content script: knee-load badges on its calendar (lib/content/start.ts wires the
// core). One script per built-in site, each with only its own adapter (the 10 KB gzip budget,
// `npm run bench content`). No zod, no Preact.
import { defineContentScript } from '#imports';
import { startBadges } from '../../lib/content/start';
import { siteMatches } from '../../lib/sites/builtin';
import { intervalsAdapter } from '../../lib/sites/intervals';
import { pickFrom } from '../../lib/sites/pick';

const ADAPTERS = [intervalsAdapter];

export default defineContentScript({
  matches: siteMatches('intervals'),
  runAt: 'document_idle',
  main(ctx) {
    startBadges(ctx, { pick: (url, settings) => pickFrom(ADAPTERS, url, settings) });
  },
});
