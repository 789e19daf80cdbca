// Settings import boundary: any text (random JSON, mutated exports, junk) either parses into valid
// settings or gives a clear message naming the field; it never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, sanitizeSettings } from '../../lib/settings/defaults';
import { parseImportFile, parseSettings, settingsSchema, toExportFile } from '../../lib/settings/schema';
import { FUZZ_RUNS } from './runs';

const validExport = toExportFile(defaultSettings(), new Date('2026-01-01T00:00:00Z'));

/** A valid export with one value replaced by arbitrary JSON, at a random path. */
const mutatedExport = fc
  .tuple(fc.constantFrom('units', 'weekStartsOn', 'weeklyIncreasePct', 'spikePct', 'shoeKmLimit', 'sites', 'customSites'), fc.jsonValue())
  .map(([key, value]) => {
    const file = JSON.parse(validExport);
    file.settings[key] = value;
    return JSON.stringify(file);
  });

const anyText = fc.oneof(fc.string(), fc.json(), mutatedExport, fc.constant(validExport.slice(0, 40)));

describe('fuzz: settings import', () => {
  it('returns valid settings or named issues, never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseImportFile(text);
        if (parsed.ok) {
          expect(settingsSchema.safeParse(parsed.settings).success).toBe(true);
        } else {
          expect(parsed.issues.length).toBeGreaterThan(0);
          for (const issue of parsed.issues) expect(issue.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a mutated export either keeps the change or names the mutated field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('units', 'weekStartsOn', 'weeklyIncreasePct', 'spikePct', 'shoeKmLimit'),
        fc.jsonValue(),
        (key, value) => {
          const file = JSON.parse(validExport);
          file.settings[key] = value;
          const parsed = parseImportFile(JSON.stringify(file));
          if (parsed.ok) expect(parsed.settings[key as keyof typeof parsed.settings]).toEqual(value);
          else expect(parsed.issues.map((i) => i.field)).toContain(key);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('sanitizing any value yields settings the schema accepts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseSettings(sanitizeSettings(value)).ok).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
