// Properties over arbitrary input: the settings boundary never throws and never lets an invalid
// value through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  NUMBER_LIMITS,
  NUMBER_SETTING_KEYS,
  parseImportFile,
  parseSettings,
  sanitizeSettings,
  settingsSchema,
} from '@/lib/settings';

const RUNS = 500;

/** Objects shaped roughly like settings, with each field sometimes valid and sometimes not. */
const settingsLike = fc.record(
  {
    units: fc.oneof(fc.constantFrom('km', 'mi'), fc.jsonValue()),
    weekStartsOn: fc.oneof(fc.constantFrom('monday', 'sunday'), fc.jsonValue()),
    weeklyIncreasePct: fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double(), fc.jsonValue()),
    spikePct: fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double(), fc.jsonValue()),
    shoeKmLimit: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double(), fc.jsonValue()),
    sites: fc.oneof(fc.record({ strava: fc.boolean(), garmin: fc.boolean(), intervals: fc.boolean() }), fc.jsonValue()),
    customSites: fc.oneof(fc.array(fc.webUrl()), fc.array(fc.constant('https://www.runalyze.com')), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

const anything = fc.oneof(fc.jsonValue(), settingsLike, fc.anything());

describe('settings properties', () => {
  it('parseSettings never throws, and ok results are valid settings', () => {
    fc.assert(
      fc.property(anything, (value) => {
        const result = parseSettings(value);
        if (result.ok) {
          expect(settingsSchema.safeParse(result.settings).success).toBe(true);
          for (const key of NUMBER_SETTING_KEYS) {
            const { min, max } = NUMBER_LIMITS[key];
            expect(Number.isInteger(result.settings[key])).toBe(true);
            expect(result.settings[key]).toBeGreaterThanOrEqual(min);
            expect(result.settings[key]).toBeLessThanOrEqual(max);
          }
        } else {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('sanitizeSettings always returns settings the schema accepts', () => {
    fc.assert(
      fc.property(anything, (value) => {
        expect(parseSettings(sanitizeSettings(value)).ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('an added site listed twice is kept once, by the schema and by sanitizeSettings alike', () => {
    const twice = { ...defaultSettings(), customSites: ['https://www.runalyze.com', 'https://www.runalyze.com'] };
    const parsed = parseSettings(twice);
    expect(parsed.ok && parsed.settings.customSites).toEqual(['https://www.runalyze.com']);
    expect(sanitizeSettings(twice).customSites).toEqual(['https://www.runalyze.com']);
  });

  it('sanitizeSettings leaves valid settings as they are', () => {
    fc.assert(
      fc.property(settingsLike, (value) => {
        const parsed = parseSettings(value);
        if (parsed.ok) expect(sanitizeSettings(value)).toEqual(parsed.settings);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseImportFile never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseImportFile(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
