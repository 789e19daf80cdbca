// Every key Knee Check keeps in storage.local, once. Code that reads storage.local directly (the
// content script and the popup's first screen, which stay free of WXT's storage layer) uses the
// bare key; WXT storage items name the same key with its area, `localKey(...)` ("local:settings"
// is the key "settings" in storage.local). Health data and settings never sync: always local.

/** The runner's settings (lib/settings). */
export const SETTINGS_KEY = 'settings';
/** Settings values found damaged, kept for export (lib/settings/storage.ts). */
export const SETTINGS_INVALID_COPIES_KEY = 'settings-invalid-copies';
/** Runs captured from the running logs (lib/history). */
export const CAPTURED_RUNS_KEY = 'captured-runs';
/** An unreadable captured-runs value, kept once for export (lib/history). */
export const CAPTURED_RUNS_CORRUPT_COPY_KEY = 'captured-runs-corrupt-copy';
/** The checker's answers and screen (lib/checker/storage.ts). */
export const CHECKER_STORAGE_KEY = 'checker-answers';

/** The WXT storage item key of a storage.local key. */
export function localKey<K extends string>(key: K): `local:${K}` {
  return `local:${key}`;
}
