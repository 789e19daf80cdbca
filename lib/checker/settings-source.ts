// The runner's settings, read-only, for the popup: units (km/mi) and the thresholds the training
// prefill uses. It reads the stored value directly (lib/storage/local-store) and keeps every valid field
// (lib/settings/defaults sanitizeSettings, zod-free): the popup never writes settings, and the
// options page is where an invalid stored value is reported and recovered. Skipping the settings
// schema and the versioned-item layer keeps the popup inside its size budget.
import { sanitizeSettings, type Settings } from '../settings/defaults';
import { SETTINGS_KEY } from '../storage-keys';
import { localStore } from '../storage/local-store';

export async function readSettings(): Promise<Settings> {
  try {
    return sanitizeSettings((await localStore.get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return sanitizeSettings(undefined);
  }
}
