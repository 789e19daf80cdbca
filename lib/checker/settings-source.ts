// The runner's settings, read-only, for the popup: units (km/mi) and the thresholds the training
// prefill uses. Like the content script, it reads storage.local and keeps every valid field
// (lib/settings/defaults sanitizeSettings, zod-free): the popup never writes settings, and the
// options page is where an invalid stored value is reported and recovered. Skipping the settings
// schema and the WXT storage layer keeps the popup inside its size budget.
import { browser } from '#imports';
import { sanitizeSettings, type Settings } from '../settings/defaults';
import { SETTINGS_KEY } from '../storage-keys';

export async function readSettings(): Promise<Settings> {
  try {
    return sanitizeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return sanitizeSettings(undefined);
  }
}
