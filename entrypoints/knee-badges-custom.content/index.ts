// The user-added sites' content script: the same core as the built-in sites' script, with only
// the generic detector (lib/sites/generic.ts). Built but not in the manifest (registration:
// 'runtime', no matches: no host permission at install); the background registers
// content-scripts/knee-badges-custom.js for the sites the runner added and granted
// (lib/permissions). No zod, no Preact.
import { defineContentScript } from '#imports';
import { startBadges } from '../../lib/content/start';
import { genericAdapter } from '../../lib/sites/generic';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    startBadges(ctx, { generic: genericAdapter });
  },
});
