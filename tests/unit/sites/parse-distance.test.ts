import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KM_PER_MILE, parseDistance, parseLocaleNumber, unitOf } from '../../../lib/sites/parse-distance';

const NBSP = '\u00a0';
const THIN = '\u2009';
const NARROW_NBSP = '\u202f';

describe('parseDistance: the number formats of sites.md', () => {
  it.each([
    ['12.4 mi', 12.4 * KM_PER_MILE],
    ['12,4 km', 12.4],
    ['12.4mi', 12.4 * KM_PER_MILE],
    ['20 km', 20],
    ['20km', 20],
    ['42 KM', 42],
    ['3 miles', 3 * KM_PER_MILE],
    ['10.5 kilometres', 10.5],
    ['7,2 kilomètres', 7.2],
    ['15 км', 15],
    ['10㎞', 10],
    ['０１２.５ km', 12.5],
    ['距離12.4km', 12.4],
  ])('%j → %f km', (text, km) => {
    expect(parseDistance(text)?.km).toBeCloseTo(km, 9);
  });

  it.each([
    ['1,234.5 km', 1234.5],
    ['1.234,5 km', 1234.5],
    [`1 234,5 km`, 1234.5],
    [`1${NBSP}234,5 km`, 1234.5],
    [`1${THIN}234,5 km`, 1234.5],
    [`1${NARROW_NBSP}234,5 km`, 1234.5],
    ["1'234.5 km", 1234.5],
    ['1’234.5 km', 1234.5],
    ['1,234,567.8 km', 1234567.8],
    [`1.234,56${NBSP}km`, 1234.56],
  ])('grouped %j → %f km (with a yearly limit)', (text, km) => {
    expect(parseDistance(text, { maxKm: 2_000_000 })?.km).toBeCloseTo(km, 9);
  });

  it('rejects what is beyond the plausible weekly range by default', () => {
    expect(parseDistance('1,234.5 km')).toBeNull();
    expect(parseDistance('1001 km')).toBeNull();
    expect(parseDistance('1000 km')?.km).toBe(1000);
    expect(parseDistance('0 km')?.km).toBe(0);
    expect(parseDistance('700 mi')).toBeNull(); // 1,126 km
  });

  it('ignores h:mm[:ss] times and paces next to distances', () => {
    expect(parseDistance('1:05:30')).toBeNull();
    expect(parseDistance('1:05')).toBeNull();
    expect(parseDistance('5:30 /km')).toBeNull();
    expect(parseDistance('5:30/mi')).toBeNull();
    expect(parseDistance('5\'30"/km')).toBeNull();
    expect(parseDistance('4.50 min/km')).toBeNull();
    expect(parseDistance('1:05:30 · 12.4 km · 5:14 /km')?.km).toBe(12.4);
    expect(parseDistance('12.4 km 1:05:30')?.km).toBe(12.4);
    expect(parseDistance('3:45:00 42,2 km')?.km).toBe(42.2);
  });

  it('never reads a speed, a minute count or a sign as a distance', () => {
    expect(parseDistance('12 km/h')).toBeNull();
    expect(parseDistance('12 km / h')).toBeNull();
    expect(parseDistance('8 mi/hr')).toBeNull();
    expect(parseDistance('12 min')).toBeNull();
    expect(parseDistance('12 mins')).toBeNull();
    expect(parseDistance('12 kmh')).toBeNull();
    expect(parseDistance('-5 km')).toBeNull();
    expect(parseDistance('−5 km')).toBeNull();
    expect(parseDistance('+12 km')).toBeNull();
    expect(parseDistance('10–12 km')).toBeNull();
    expect(parseDistance('12 m')).toBeNull();
    expect(parseDistance('KM 12')).toBeNull();
    expect(parseDistance('Z2 run')).toBeNull();
  });

  it('keeps a distance beside a change indicator, a week number or a date', () => {
    expect(parseDistance('42 km (+12 km)')?.km).toBe(42);
    expect(parseDistance('Week 3 12.4 km')?.km).toBe(12.4);
    expect(parseDistance('Week 1 23 km')?.km).toBe(23);
    expect(parseDistance('Week 2 500 km')).toBeNull(); // 2 500 km, implausible: no guess
    expect(parseDistance('Mon 15.02.2026 12,5 km')?.km).toBe(12.5);
    expect(parseDistance('2026-02-15 10 km')?.km).toBe(10);
    expect(parseDistance('Feb 15 12.4 mi')?.km).toBeCloseTo(12.4 * KM_PER_MILE, 9);
  });

  it('accepts agreeing distances and refuses disagreeing ones', () => {
    expect(parseDistance('12.4 mi (20.0 km)')?.unit).toBe('mi');
    expect(parseDistance('This week 42 km, last week 38 km')).toBeNull();
    expect(parseDistance('10 mi 5 km')).toBeNull();
  });

  it('refuses ambiguous thousands unless the page says which separator is decimal', () => {
    expect(parseDistance('1,234 km')).toBeNull();
    expect(parseDistance('1.234 km')).toBeNull();
    expect(parseDistance('1.234 km', { decimal: '.' })?.km).toBe(1.234);
    expect(parseDistance('1,234 km', { decimal: ',' })?.km).toBe(1.234);
    expect(parseDistance('1,234 km', { decimal: '.', maxKm: 5000 })?.km).toBe(1234);
    expect(parseDistance('1.234 km', { decimal: ',', maxKm: 5000 })?.km).toBe(1234);
    // "0,123" and "12,34" cannot be thousands.
    expect(parseDistance('0,123 km')?.km).toBe(0.123);
    expect(parseDistance('12,34 km')?.km).toBe(12.34);
    expect(parseDistance('1234,5 km', { maxKm: 5000 })?.km).toBe(1234.5);
  });

  it('reads a bare number when the unit is shown separately (<abbr class="unit">)', () => {
    expect(parseDistance('12.4', { defaultUnit: 'mi' })?.km).toBeCloseTo(12.4 * KM_PER_MILE, 9);
    expect(parseDistance(` 12,4${NBSP}`, { defaultUnit: 'km' })?.km).toBe(12.4);
    expect(parseDistance('12.4')).toBeNull();
    expect(parseDistance('Total 12.4', { defaultUnit: 'km' })).toBeNull();
    expect(parseDistance('1:05', { defaultUnit: 'km' })).toBeNull();
  });

  it('refuses malformed numbers', () => {
    for (const text of ['1..2 km', '1,,2 km', '1.2.3 km', '1.234.5,6,7 km', '1 234.567,8 km', '']) {
      expect(parseDistance(text, { maxKm: 1e9 }), text).toBeNull();
    }
  });

  it('returns null for non-strings and huge strings', () => {
    expect(parseDistance(undefined)).toBeNull();
    expect(parseDistance(12)).toBeNull();
    expect(parseDistance({ toString: () => '12 km' })).toBeNull();
    expect(parseDistance('12 km '.repeat(200))).toBeNull();
  });
});

describe('unitOf', () => {
  it('names the unit of a label on its own', () => {
    expect(unitOf('km')).toBe('km');
    expect(unitOf(' MI ')).toBe('mi');
    expect(unitOf('miles')).toBe('mi');
    expect(unitOf('kilometers')).toBe('km');
    expect(unitOf('min')).toBeNull();
    expect(unitOf(3)).toBeNull();
  });
});

describe('parseLocaleNumber', () => {
  it('reads group and decimal separators', () => {
    expect(parseLocaleNumber('1,234.5')).toBe(1234.5);
    expect(parseLocaleNumber('1.234,5')).toBe(1234.5);
    expect(parseLocaleNumber('1 234')).toBe(1234);
    expect(parseLocaleNumber('12')).toBe(12);
    expect(parseLocaleNumber('1,234')).toBeNull();
    expect(parseLocaleNumber('abc')).toBeNull();
  });
});

// Locales whose formatted numbers the parser must read back (decimal separator as the hint).
const LOCALES: [string, '.' | ','][] = [
  ['en-US', '.'],
  ['en-GB', '.'],
  ['de-DE', ','],
  ['de-CH', '.'],
  ['fr-FR', ','],
  ['es-ES', ','],
  ['it-IT', ','],
  ['nl-NL', ','],
  ['sv-SE', ','],
  ['pl-PL', ','],
  ['ru-RU', ','],
  ['pt-BR', ','],
  ['ja-JP', '.'],
  ['ko-KR', '.'],
];

describe('properties (fast-check)', () => {
  it('any string gives a plausible distance or null, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(undefined, 'km' as const, 'mi' as const), (text, defaultUnit) => {
        const result = parseDistance(text, { defaultUnit });
        if (result !== null) {
          expect(Number.isFinite(result.km)).toBe(true);
          expect(result.km).toBeGreaterThanOrEqual(0);
          expect(result.km).toBeLessThanOrEqual(1000);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('strings built from digits, separators, spaces and units never throw', () => {
    const piece = fc.constantFrom(
      '1',
      '2',
      '0',
      '9',
      '.',
      ',',
      ' ',
      NBSP,
      THIN,
      NARROW_NBSP,
      "'",
      ':',
      '-',
      'km',
      'mi',
      'h',
      '/',
      'week',
      'min',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const result = parseDistance(pieces.join(''));
        expect(result === null || (Number.isFinite(result.km) && result.km >= 0 && result.km <= 1000)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('formatted numbers round-trip in every locale (given its decimal separator)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom('km', 'mi'),
        fc.constantFrom(' ', NBSP, ''),
        (hundredths, digits, [locale, decimal], unit, gap) => {
          const value = Number((hundredths / 100).toFixed(digits));
          const formatted = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
          const parsed = parseDistance(`${formatted}${gap}${unit}`, { decimal, maxKm: 5000 });
          expect(parsed?.value, `${locale} ${formatted}`).toBe(value);
          expect(parsed?.unit).toBe(unit);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('without a hint, a formatted number is read exactly or not at all (never a wrong value)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...LOCALES),
        (thousandths, digits, [locale]) => {
          const value = Number((thousandths / 1000).toFixed(digits));
          const formatted = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
          const parsed = parseDistance(`${formatted} km`);
          if (parsed !== null) expect(parsed.value, `${locale} ${formatted}`).toBe(value);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
