// Settings in WXT storage. Always `local:`: these sit beside health answers, which never sync.
import { defineVersionedItem } from '../storage/versioned';
import { defaultSettings, sanitizeSettings, type Settings } from './defaults';
import { parseSettings, type SettingsIssue } from './schema';
import { localKey, SETTINGS_KEY as STORED_SETTINGS_KEY } from '../storage-keys';

/** Version of the stored settings shape. Bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 1;
const SETTINGS_KEY = localKey(STORED_SETTINGS_KEY);

/**
 * Stored raw (`unknown`): every read is validated, so a corrupt or hand-edited value can never
 * reach the UI unchecked. Version 1 is the first shape; later versions add entries here, keyed by
 * the version they migrate to (WXT runs them in order, before the first read). A migration that
 * throws, or a value written by a newer version, leaves the stored value as it was (WXT logs it);
 * an absurd version (not a whole number from 1 to 1000) is refused before WXT sees it
 * (lib/storage/versioned). Validation below then recovers what it can and keeps the original.
 */
export const settingsItem = defineVersionedItem<unknown>(SETTINGS_KEY, {
  version: SETTINGS_VERSION,
  migrations: {},
});

/** A stored value that failed validation, kept so the runner can export it. */
export interface InvalidSettingsCopy {
  foundAt: string;
  value: unknown;
  issues: SettingsIssue[];
}

/** Damaged values kept, newest first. A handful is plenty; each was shown to the runner. */
export const MAX_INVALID_COPIES = 5;

export const invalidSettingsItem = defineVersionedItem<InvalidSettingsCopy[]>('local:settings-invalid-copies', {
  version: 1,
  migrations: {},
});

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored value was invalid: what was wrong, and the copy that was kept. */
  recovered?: InvalidSettingsCopy;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The damaged copies kept so far, newest first (validated loosely: they are damaged by nature). */
export async function loadInvalidCopies(): Promise<InvalidSettingsCopy[]> {
  const copies = await invalidSettingsItem.getValue();
  return Array.isArray(copies) ? copies.filter((c) => typeof c === 'object' && c !== null && 'value' in c) : [];
}

/** Forget the kept damaged copies (the runner chose to, after being offered an export). */
export async function discardInvalidCopies(): Promise<void> {
  await invalidSettingsItem.removeValue();
}

/**
 * Read and validate. An invalid stored value is recovered field by field (valid fields kept,
 * the rest default), and the invalid original is kept in `settings-invalid-copies` for export.
 * Nothing is written over the original until the runner saves.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const raw = await settingsItem.getValue();
  if (raw === null || raw === undefined) return { settings: defaultSettings() };
  const parsed = parseSettings(raw);
  if (parsed.ok) return { settings: parsed.settings };
  const copies = await loadInvalidCopies();
  // Reading the same damaged value again keeps the first copy (and its date) as it is.
  let recovered = copies.find((copy) => sameValue(copy.value, raw));
  if (!recovered) {
    recovered = { foundAt: new Date().toISOString(), value: raw, issues: parsed.issues };
    await invalidSettingsItem.setValue([recovered, ...copies].slice(0, MAX_INVALID_COPIES));
  }
  return { settings: sanitizeSettings(raw), recovered };
}

/** Validate and save. Returns the issues instead of saving when the value is not valid. */
export async function saveSettings(candidate: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] }> {
  const parsed = parseSettings(candidate);
  if (!parsed.ok) return parsed;
  await settingsItem.setValue(parsed.settings);
  // What was just written is this version's shape, whatever version the meta said before
  // (e.g. after a downgrade), so a later upgrade migrates it from here.
  await settingsItem.setMeta({ v: SETTINGS_VERSION });
  return parsed;
}

/** Call `onChange` with validated settings whenever they change (any context). Returns unwatch. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(raw == null ? defaultSettings() : sanitizeSettings(raw)));
}
