// Settings in WXT storage. Always `local:`: these sit beside health answers, which never sync.
import { storage } from '#imports';
import { defaultSettings, sanitizeSettings, type Settings } from './defaults';
import { parseSettings, type SettingsIssue } from './schema';

/** Version of the stored settings shape. Bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 1;

/**
 * Stored raw (`unknown`): every read is validated, so a corrupt or hand-edited value can never
 * reach the UI unchecked. Version 1 is the first shape; later versions add entries here, keyed by
 * the version they migrate to (WXT runs them in order).
 */
export const settingsItem = storage.defineItem<unknown>('local:settings', {
  version: SETTINGS_VERSION,
  migrations: {},
});

/** A stored value that failed validation, kept so the runner can export it. */
export interface InvalidSettingsCopy {
  foundAt: string;
  value: unknown;
  issues: SettingsIssue[];
}

export const invalidSettingsItem = storage.defineItem<InvalidSettingsCopy | null>('local:settings-invalid-copy', {
  fallback: null,
});

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was invalid: what was wrong, and the copy that was kept. */
  recovered?: InvalidSettingsCopy;
}

/**
 * Read and validate. An invalid stored value is recovered field by field (valid fields kept,
 * the rest default), and the invalid original is kept in `settings-invalid-copy` for export.
 * Nothing is written over the original until the runner saves.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const raw = await settingsItem.getValue();
  if (raw === null || raw === undefined) return { settings: defaultSettings() };
  const parsed = parseSettings(raw);
  if (parsed.ok) return { settings: parsed.settings };
  const recovered: InvalidSettingsCopy = { foundAt: new Date().toISOString(), value: raw, issues: parsed.issues };
  await invalidSettingsItem.setValue(recovered);
  return { settings: sanitizeSettings(raw), recovered };
}

/** Validate and save. Returns the issues instead of saving when the value is not valid. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] }> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) return parsed;
  await settingsItem.setValue(parsed.settings);
  return parsed;
}

/** Call `onChange` with validated settings whenever they change (any context). Returns unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(raw == null ? defaultSettings() : sanitizeSettings(raw)));
}
