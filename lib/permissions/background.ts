// Background side of user-added sites: keep the registered content script (CUSTOM_SCRIPT_JS,
// built from entrypoints/knee-badges-custom.content) in step with
// settings.customSites and the browser's granted origins. Runs on every service-worker start
// (and browser startup, install or update), whenever settings change, and whenever the runner
// grants or revokes a site (from options, or in the browser's own extension settings).
import { browser } from '#imports';
import { forgetRemovedSites } from '../history';
import { sanitizeSettings } from '../settings/defaults';
import { settingsItem } from '../settings/storage';
import { createSerialSync, syncCustomSiteRegistration, type PermissionsLike, type ScriptingLike, type SyncOutcome } from './index';

/** Wire the listeners (call synchronously at the top of the background). Returns the sync, for tests. */
export function startCustomSiteSync(): () => Promise<SyncOutcome> {
  const sync = createSerialSync(() =>
    syncCustomSiteRegistration({
      scripting: browser.scripting as unknown as ScriptingLike,
      permissions: browser.permissions as unknown as PermissionsLike,
      loadCustomSites: async () => sanitizeSettings(await settingsItem.getValue()).customSites,
      // The user-added sites' own script (CUSTOM_SCRIPT_JS): built with registration 'runtime', so
      // it is never in the manifest, and it bundles only the generic detector.
    }),
  );
  const run = () => {
    // Removing an added site forgets the runs captured there (lib/history, in its write queue).
    void settingsItem
      .getValue()
      .then((raw) => forgetRemovedSites(sanitizeSettings(raw).customSites))
      .catch(() => undefined);
    void sync().then((outcome) => {
      // The extension's own console only (never a page's).
      if (outcome.action === 'failed') console.warn(`Knee Check: could not update your added sites (${outcome.error}).`);
    });
  };
  settingsItem.watch(run);
  browser.permissions.onAdded.addListener(run);
  browser.permissions.onRemoved.addListener(run);
  browser.runtime.onStartup.addListener(run);
  browser.runtime.onInstalled.addListener(run);
  run();
  return sync;
}
