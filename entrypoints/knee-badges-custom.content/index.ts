// The user-added sites' content script: the same core as the built-in sites' script, with only
// the generic page half (lib/sites/generic-page.ts), which sends the background a snapshot of the
// page; the generic detector (lib/sites/generic.ts) runs there and says what to badge. Built
// but not in the manifest (registration: 'runtime', no matches: no host permission at install);
// the background registers content-scripts/knee-badges-custom.js for the sites the runner added
// and granted (lib/permissions), and says whether a page's origin is still one of them. No zod,
// no Preact.
import { defineContentScript } from '#imports';
import { startBadges } from '../../lib/content/start';
import { createGenericPage } from '../../lib/sites/generic-page';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const generic = [createGenericPage()];
    startBadges(ctx, { parts: () => generic });
  },
});
