// The options form's working copy. Number fields hold the text as typed, so "abc" or "" can be
// shown with a message that names the field, instead of silently becoming a number.
// The shoe limit is stored in km but shown and typed in the runner's units: `shoeShown` is the
// text in the box (in `units`), `shoeKmLimit` the km it stands for (whole km, as stored).
import { KM_PER_MILE } from '@/lib/load/units';
import {
  NUMBER_LIMITS,
  NUMBER_SETTING_KEYS,
  kmToWholeMiles,
  parseSettings,
  type NumberSettingKey,
  type Settings,
  type SettingsIssue,
  type Units,
} from '@/lib/settings';

export type SettingsDraft = Omit<Settings, NumberSettingKey> &
  Record<NumberSettingKey, string> & {
    /** The shoe limit as shown and typed, in `units`. */
    shoeShown: string;
  };

/** The shoe limit's km text shown in `units` (text that is not a number is kept as typed). */
function shoeInUnits(kmText: string, units: Units): string {
  if (units === 'km') return kmText;
  const km = Number(kmText.trim());
  return kmText.trim() !== '' && Number.isFinite(km) ? String(kmToWholeMiles(km)) : kmText;
}

/** The whole-mile range whose km values (rounded) fall inside the stored km range. */
export const SHOE_MILES_LIMITS = {
  min: Math.ceil((NUMBER_LIMITS.shoeKmLimit.min - 0.5) / KM_PER_MILE),
  max: Math.floor((NUMBER_LIMITS.shoeKmLimit.max + 0.5) / KM_PER_MILE),
};

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
    shoeShown: shoeInUnits(String(settings.shoeKmLimit), settings.units),
  };
}

/** The runner typed a shoe limit in the draft's units. */
export function withShoeText(draft: SettingsDraft, text: string): SettingsDraft {
  if (draft.units === 'km') return { ...draft, shoeShown: text, shoeKmLimit: text };
  const miles = Number(text.trim());
  const km = text.trim() !== '' && Number.isFinite(miles) ? String(Math.round(miles * KM_PER_MILE)) : text;
  return { ...draft, shoeShown: text, shoeKmLimit: km };
}

/** The runner picked other units: the shoe limit is shown in them (from its km, so nothing drifts). */
export function withUnits(draft: SettingsDraft, units: Units): SettingsDraft {
  return { ...draft, units, shoeShown: shoeInUnits(draft.shoeKmLimit, units) };
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
  const { shoeShown: _shown, ...rest } = draft;
  const candidate: Record<string, unknown> = { ...rest, sites: { ...draft.sites }, customSites: [...draft.customSites] };
  for (const key of NUMBER_SETTING_KEYS) candidate[key] = numberFromText(draft[key]);
  return candidate;
}

export type DraftErrors = Partial<Record<string, string>>;

/** Validation messages by field ("spikePct", "sites.strava", "" for the whole object). */
export function validateDraft(draft: SettingsDraft): { settings: Settings | null; errors: DraftErrors; issues: SettingsIssue[] } {
  const parsed = parseSettings(fromDraft(draft));
  // In miles the shoe limit is checked, and explained, in miles: the box is in miles.
  const miles = draft.units === 'mi' ? shoeMilesIssue(draft.shoeShown) : undefined;
  if (parsed.ok && !miles) return { settings: parsed.settings, errors: {}, issues: [] };
  const issues = (parsed.ok ? [] : parsed.issues).filter((issue) => !(miles && issue.field === 'shoeKmLimit'));
  if (miles) issues.push(miles);
  const errors: DraftErrors = {};
  for (const issue of issues) errors[issue.field] ??= issue.message;
  return { settings: null, errors, issues };
}

function shoeMilesIssue(text: string): SettingsIssue | undefined {
  const { min, max } = SHOE_MILES_LIMITS;
  const miles = Number(text.trim());
  if (text.trim() !== '' && Number.isInteger(miles) && miles >= min && miles <= max) return undefined;
  return { field: 'shoeKmLimit', message: `${NUMBER_LIMITS.shoeKmLimit.label} must be a whole number from ${min} to ${max} mi.` };
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
  const rebased = result as SettingsDraft;
  // Units changed elsewhere: show the shoe limit the form keeps in those units.
  return rebased.units === draft.units ? rebased : withUnits(rebased, rebased.units);
}
