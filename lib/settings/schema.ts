// Validation at every settings boundary (stored data, the options form, imported files).
// zod/mini: classic zod carries a Function("") probe that web-ext lint flags (toolchain.md).
import * as z from 'zod/mini';
import { isRecord } from '../guards';
import { localToday } from '../load/dates';
import { MAX_CUSTOM_SITES, NUMBER_LIMITS, SITE_LABELS, isSiteOrigin, type NumberSettingKey, type Settings } from './defaults';

export const SETTINGS_FIELD_LABELS: Record<string, string> = {
  units: 'Units',
  weekStartsOn: 'Week starts on',
  weeklyIncreasePct: NUMBER_LIMITS.weeklyIncreasePct.label,
  spikePct: NUMBER_LIMITS.spikePct.label,
  shoeKmLimit: NUMBER_LIMITS.shoeKmLimit.label,
  sites: 'Sites to annotate',
  customSites: 'Your added sites',
  fallbackCard: 'Card when a page is not recognised',
  ...Object.fromEntries(Object.entries(SITE_LABELS).map(([id, label]) => [`sites.${id}`, label])),
};

function wholeNumber(key: NumberSettingKey) {
  const { min, max, unit } = NUMBER_LIMITS[key];
  const message = `${SETTINGS_FIELD_LABELS[key]} must be a whole number from ${min} to ${max} ${unit}.`;
  return z.int({ error: message }).check(z.minimum(min, { error: message }), z.maximum(max, { error: message }));
}

const siteToggle = (label: string) => z.boolean({ error: `${label}: choose on or off.` });

export const settingsSchema = z.strictObject(
  {
    units: z.enum(['km', 'mi'], { error: 'Units must be "km" or "mi".' }),
    weekStartsOn: z.enum(['monday', 'sunday'], { error: 'Week starts on must be "monday" or "sunday".' }),
    weeklyIncreasePct: wholeNumber('weeklyIncreasePct'),
    spikePct: wholeNumber('spikePct'),
    shoeKmLimit: wholeNumber('shoeKmLimit'),
    sites: z.strictObject(
      {
        strava: siteToggle(SITE_LABELS.strava),
        garmin: siteToggle(SITE_LABELS.garmin),
        intervals: siteToggle(SITE_LABELS.intervals),
      },
      { error: 'Sites to annotate must list Strava, Garmin Connect and intervals.icu as on or off.' },
    ),
    customSites: z
      .array(z.string().check(z.refine(isSiteOrigin, { error: 'Each added site must be an https address such as https://example.com.' })), {
        error: 'Your added sites must be a list of addresses.',
      })
      .check(z.maxLength(MAX_CUSTOM_SITES, { error: `You can add at most ${MAX_CUSTOM_SITES} sites.` })),
    // Added later: settings stored before it read as on.
    fallbackCard: z._default(z.boolean({ error: 'Card when a page is not recognised: choose on or off.' }), true),
  },
  { error: 'Settings must be an object.' },
);

export interface SettingsIssue {
  /** Dotted path, e.g. "spikePct" or "sites.strava"; "" for the whole object. */
  field: string;
  message: string;
}

export type SettingsParse = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

export function parseSettings(raw: unknown): SettingsParse {
  const result = settingsSchema.safeParse(raw);
  // The same site twice is no error, and kept once (as sanitizeSettings keeps it).
  if (result.success) return { ok: true, settings: { ...result.data, customSites: [...new Set(result.data.customSites)] } };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      const label = SETTINGS_FIELD_LABELS[field];
      // Unknown keys are reported by zod on the parent; name them.
      if (issue.code === 'unrecognized_keys') {
        const where = field ? `${SETTINGS_FIELD_LABELS[field] ?? field}: ` : '';
        return { field, message: `${where}unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')}.` };
      }
      const message =
        issue.message && issue.message !== 'Invalid input' ? issue.message : `${label ?? (field || 'Settings')} is not valid.`;
      return { field, message };
    }),
  };
}

/** The envelope written by "Export" and accepted by "Import". */
export const EXPORT_KIND = 'knee-check-settings';
export const EXPORT_VERSION = 1;

export function toExportFile(settings: Settings, exportedAt = new Date()): string {
  return JSON.stringify({ kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), settings }, null, 2);
}

/**
 * A damaged stored value, exported in the same envelope so the runner can fix the listed fields
 * in a text editor and import the file again. Import reads only `settings`.
 */
export interface DamagedCopy {
  foundAt: string;
  value: unknown;
  issues: SettingsIssue[];
}

export function toDamagedCopyFile(copy: DamagedCopy, exportedAt = new Date(), earlier: DamagedCopy[] = []): string {
  return JSON.stringify(
    {
      kind: EXPORT_KIND,
      version: EXPORT_VERSION,
      exportedAt: exportedAt.toISOString(),
      note: 'Damaged settings kept by Knee Check. Fix the fields listed under "problems", then import this file.',
      damagedFoundAt: copy.foundAt,
      problems: copy.issues,
      settings: copy.value ?? null,
      ...(earlier.length ? { earlierDamagedCopies: earlier } : {}),
    },
    null,
    2,
  );
}

/** "knee-check-settings-2026-11-21.json", dated in the runner's own time zone. */
export function exportFileName(date = new Date(), stem = 'knee-check-settings'): string {
  return `${stem}-${localToday(date)}.json`;
}

/** Files larger than this are refused before parsing (an export is well under 2 KB). */
export const MAX_IMPORT_BYTES = 256 * 1024;

/**
 * Parse an imported file's text. Accepts our export envelope or a bare settings object.
 * Returns clear messages naming the field; never throws.
 */
export function parseImportFile(text: string): SettingsParse {
  let data: unknown;
  try {
    // Some editors save JSON with a byte-order mark, which JSON.parse rejects.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, issues: [{ field: '', message: 'This file is not valid JSON, so nothing was imported.' }] };
  }
  if (isRecord(data) && 'kind' in data) {
    const envelope = data as { kind?: unknown; version?: unknown; settings?: unknown };
    if (envelope.kind !== EXPORT_KIND) {
      return { ok: false, issues: [{ field: 'kind', message: 'This is not a Knee Check settings file.' }] };
    }
    if (envelope.version !== EXPORT_VERSION) {
      return {
        ok: false,
        issues: [
          {
            field: 'version',
            message: `This settings file is version ${String(envelope.version)}; this Knee Check reads version ${EXPORT_VERSION}.`,
          },
        ],
      };
    }
    return parseSettings(envelope.settings);
  }
  return parseSettings(data);
}
