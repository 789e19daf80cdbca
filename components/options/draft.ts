// The options form's working copy. Number fields hold the text as typed, so "abc" or "" can be
// shown with a message that names the field, instead of silently becoming a number.
import {
  NUMBER_SETTING_KEYS,
  parseSettings,
  type NumberSettingKey,
  type Settings,
  type SettingsIssue,
} from '@/lib/settings';

export type SettingsDraft = Omit<Settings, NumberSettingKey> & Record<NumberSettingKey, string>;

/** What a section that edits the draft directly (units, sites) is given. */
export interface DraftSectionProps {
  draft: SettingsDraft;
  onChange: (patch: Partial<SettingsDraft>) => void;
}

export function toDraft(settings: Settings): SettingsDraft {
  return {
    ...settings,
    sites: { ...settings.sites },
    customSites: [...settings.customSites],
    weeklyIncreasePct: String(settings.weeklyIncreasePct),
    spikePct: String(settings.spikePct),
    shoeKmLimit: String(settings.shoeKmLimit),
  };
}

/** "12" -> 12; "" -> undefined; "abc" stays text: the schema names the field and its range. */
function numberFromText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** What the form would save (unvalidated). */
export function fromDraft(draft: SettingsDraft): Record<string, unknown> {
  const candidate: Record<string, unknown> = { ...draft, sites: { ...draft.sites }, customSites: [...draft.customSites] };
  for (const key of NUMBER_SETTING_KEYS) candidate[key] = numberFromText(draft[key]);
  return candidate;
}

export type DraftErrors = Partial<Record<string, string>>;

/** Validation messages by field ("spikePct", "sites.strava", "" for the whole object). */
export function validateDraft(draft: SettingsDraft): { settings: Settings | null; errors: DraftErrors; issues: SettingsIssue[] } {
  const parsed = parseSettings(fromDraft(draft));
  if (parsed.ok) return { settings: parsed.settings, errors: {}, issues: [] };
  const errors: DraftErrors = {};
  for (const issue of parsed.issues) errors[issue.field] ??= issue.message;
  return { settings: null, errors, issues: parsed.issues };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Does the draft differ from the saved settings? */
export function isDirty(draft: SettingsDraft, saved: Settings): boolean {
  return !same(draft, toDraft(saved));
}

/**
 * Settings changed elsewhere (another tab, the popup, a section that saves at once). Field by
 * field: where the runner has not edited the draft, take the new value; keep their edits.
 */
export function rebaseDraft(draft: SettingsDraft, before: Settings, after: Settings): SettingsDraft {
  const base = toDraft(before);
  const next = toDraft(after);
  const result = { ...draft } as Record<string, unknown>;
  for (const key of Object.keys(next) as (keyof SettingsDraft)[]) {
    if (same(draft[key], base[key])) result[key] = next[key];
  }
  // Site toggles one by one: the runner's edit to one site keeps another tab's change to another.
  const sites = { ...draft.sites };
  for (const id of Object.keys(next.sites) as (keyof Settings['sites'])[]) {
    if (draft.sites[id] === base.sites[id]) sites[id] = next.sites[id];
  }
  result.sites = sites;
  return result as SettingsDraft;
}
