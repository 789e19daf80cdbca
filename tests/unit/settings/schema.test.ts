import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  EXPORT_KIND,
  EXPORT_VERSION,
  NUMBER_LIMITS,
  NUMBER_SETTING_KEYS,
  SETTINGS_FIELD_LABELS,
  THRESHOLD_INFO,
  defaultSettings,
  exportFileName,
  parseImportFile,
  parseSettings,
  toDamagedCopyFile,
  toExportFile,
} from '@/lib/settings';

describe('defaults', () => {
  it('match the issue: km, Monday, 10 %, 10 %, 700 km, every site on, no added sites', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      units: 'km',
      weekStartsOn: 'monday',
      weeklyIncreasePct: 10,
      spikePct: 10,
      shoeKmLimit: 700,
      sites: { strava: true, garmin: true, intervals: true },
      customSites: [],
      fallbackCard: true,
    });
    expect(parseSettings(defaultSettings())).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('hand out independent copies', () => {
    const a = defaultSettings();
    a.sites.strava = false;
    a.customSites.push('https://example.com');
    expect(defaultSettings().sites.strava).toBe(true);
    expect(defaultSettings().customSites).toEqual([]);
  });
});

describe('number limits', () => {
  for (const key of NUMBER_SETTING_KEYS) {
    const { min, max, unit, label } = NUMBER_LIMITS[key];
    const withValue = (value: unknown) => ({ ...defaultSettings(), [key]: value });

    it(`${key}: accepts ${min} and ${max}`, () => {
      expect(parseSettings(withValue(min)).ok).toBe(true);
      expect(parseSettings(withValue(max)).ok).toBe(true);
    });

    it(`${key}: refuses ${min - 1}, ${max + 1}, fractions, text, null and absence, naming the field and range`, () => {
      const message = `${label} must be a whole number from ${min} to ${max} ${unit}.`;
      for (const value of [min - 1, max + 1, min + 0.5, '12', null, undefined, Number.NaN, Infinity]) {
        const result = parseSettings(withValue(value));
        expect(result).toEqual({ ok: false, issues: [{ field: key, message }] });
      }
    });
  }

  it('the visible label of each threshold is the name its messages use', () => {
    for (const key of NUMBER_SETTING_KEYS) {
      expect(THRESHOLD_INFO[key].label).toBe(NUMBER_LIMITS[key].label);
      expect(SETTINGS_FIELD_LABELS[key]).toBe(NUMBER_LIMITS[key].label);
    }
  });
});

describe('parseSettings', () => {
  it('names enum fields and site toggles', () => {
    const result = parseSettings({ ...defaultSettings(), units: 'furlongs', sites: { strava: 'yes', garmin: true, intervals: true } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ field: 'units', message: 'Units must be "km" or "mi".' });
    expect(result.issues).toContainEqual({ field: 'sites.strava', message: 'Strava: choose on or off.' });
  });

  it('names unknown keys instead of dropping them', () => {
    const result = parseSettings({ ...defaultSettings(), colour: 'red' });
    expect(result).toEqual({ ok: false, issues: [{ field: '', message: 'unknown setting "colour".' }] });
  });

  it('refuses non-objects with one clear message', () => {
    for (const value of [null, 3, 'x', [], true]) {
      expect(parseSettings(value)).toEqual({ ok: false, issues: [{ field: '', message: 'Settings must be an object.' }] });
    }
  });

  it('accepts added https origins and refuses anything else', () => {
    expect(parseSettings({ ...defaultSettings(), customSites: ['https://www.runalyze.com'] }).ok).toBe(true);
    const result = parseSettings({ ...defaultSettings(), customSites: ['http://evil.example', 'https://x.com/path'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toEqual(['customSites.0', 'customSites.1']);
  });
});

describe('export and import files', () => {
  const settings = { ...defaultSettings(), units: 'mi' as const, spikePct: 25, sites: { strava: false, garmin: true, intervals: true } };

  it('round-trip', () => {
    const text = toExportFile(settings, new Date('2026-03-04T05:06:07Z'));
    expect(JSON.parse(text)).toMatchObject({ kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: '2026-03-04T05:06:07.000Z' });
    expect(parseImportFile(text)).toEqual({ ok: true, settings });
  });

  it('accept a bare settings object and a byte-order mark', () => {
    expect(parseImportFile(JSON.stringify(settings))).toEqual({ ok: true, settings });
    expect(parseImportFile('\uFEFF' + toExportFile(settings))).toEqual({ ok: true, settings });
  });

  it('refuse bad JSON', () => {
    expect(parseImportFile('{"kind": ')).toEqual({
      ok: false,
      issues: [{ field: '', message: 'This file is not valid JSON, so nothing was imported.' }],
    });
    expect(parseImportFile('').ok).toBe(false);
  });

  it('refuse another kind of file', () => {
    expect(parseImportFile(JSON.stringify({ kind: 'strava-export', settings }))).toEqual({
      ok: false,
      issues: [{ field: 'kind', message: 'This is not a Knee Check settings file.' }],
    });
  });

  it('refuse another version, saying which', () => {
    const result = parseImportFile(JSON.stringify({ kind: EXPORT_KIND, version: 2, settings }));
    expect(result).toEqual({
      ok: false,
      issues: [{ field: 'version', message: 'This settings file is version 2; this Knee Check reads version 1.' }],
    });
  });

  it('refuse a bad field, naming it and its range', () => {
    const text = JSON.stringify({ kind: EXPORT_KIND, version: 1, settings: { ...settings, shoeKmLimit: 5 } });
    expect(parseImportFile(text)).toEqual({
      ok: false,
      issues: [{ field: 'shoeKmLimit', message: 'Shoe distance limit must be a whole number from 100 to 3000 km.' }],
    });
  });

  it('refuse an envelope without settings', () => {
    const result = parseImportFile(JSON.stringify({ kind: EXPORT_KIND, version: 1 }));
    expect(result).toEqual({ ok: false, issues: [{ field: '', message: 'Settings must be an object.' }] });
  });

  it('export a damaged copy in the same envelope, so a fixed copy imports', () => {
    const damaged = { ...settings, spikePct: 999 };
    const copy = { foundAt: '2026-01-01T00:00:00.000Z', value: damaged, issues: [{ field: 'spikePct', message: 'x' }] };
    const text = toDamagedCopyFile(copy, new Date('2026-01-02T00:00:00Z'), [copy]);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ kind: EXPORT_KIND, version: 1, damagedFoundAt: copy.foundAt, problems: copy.issues, settings: damaged });
    expect(file.earlierDamagedCopies).toHaveLength(1);
    const result = parseImportFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.field).toBe('spikePct');
    file.settings.spikePct = 30;
    expect(parseImportFile(JSON.stringify(file))).toEqual({ ok: true, settings: { ...settings, spikePct: 30 } });
  });

  it('are named knee-check-settings-YYYY-MM-DD.json in local time', () => {
    expect(exportFileName(new Date(2026, 0, 5, 23, 59))).toBe('knee-check-settings-2026-01-05.json');
    expect(exportFileName(new Date(2026, 10, 21), 'knee-check-damaged-settings')).toBe('knee-check-damaged-settings-2026-11-21.json');
  });
});
