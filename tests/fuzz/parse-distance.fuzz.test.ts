// Visible-number parsing boundary: any string gives a plausible distance or null, never a throw,
// and the numbers sites actually print read back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDistance } from '../../lib/sites/parse-distance';
import { FUZZ_RUNS } from './runs';

const distanceLike = fc
  .tuple(
    fc.constantFrom('', ' ', '\u00a0', 'Total ', 'Cette semaine '),
    fc.stringMatching(/^[0-9 .,'\u00a0\u202f]{0,12}$/),
    fc.constantFrom('', ' ', '\u00a0'),
    fc.constantFrom('km', 'mi', 'kilometers', 'miles', 'h', ':', ''),
  )
  .map((parts) => parts.join(''));

describe('fuzz: parseDistance', () => {
  it('any string: a finite, plausible distance or null; never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), distanceLike), (text) => {
        const parsed = parseDistance(text);
        if (parsed !== null) {
          expect(Number.isFinite(parsed.km)).toBe(true);
          expect(parsed.km).toBeGreaterThanOrEqual(0);
          expect(parsed.km).toBeLessThanOrEqual(1000);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('non-string input is null, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (typeof value !== 'string') expect(parseDistance(value)).toBeNull();
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('English- and French-formatted kilometres read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('en-US', 'fr-FR', 'de-DE'), (tenths, locale) => {
        const value = tenths / 10;
        const text = `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} km`;
        const decimal = locale === 'en-US' ? '.' : ',';
        expect(parseDistance(text, { decimal })?.km).toBeCloseTo(value, 6);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
