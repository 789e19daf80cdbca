// Calendar math on wall-clock strings, against the platform's UTC date arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addIsoDays,
  civilFromDays,
  dayOfWeek,
  daysFromCivil,
  formatDateTime,
  formatDay,
  parseDay,
  parseIsoDay,
  parseWallClockMs,
  weekStartOf,
} from '../../../lib/load/dates';
import { isValidRun } from '../../../lib/load/runs';
import { refMs } from './helpers';

describe('dates', () => {
  it('day numbers round-trip and agree with Date for years 1-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const iso = formatDay(days);
        expect(refMs(`${iso}T00:00:00`)).toBe(days * 86_400_000);
        expect(dayOfWeek(days)).toBe(new Date(days * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('parses date-times as the wall clock, the same as Date.UTC arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (seconds) => {
        const text = formatDateTime(seconds);
        expect(parseWallClockMs(text)).toBe(seconds * 1000);
        expect(refMs(text)).toBe(seconds * 1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the spellings real exports use and reads the same wall clock', () => {
    const ms = parseWallClockMs('2024-03-10T07:05:09');
    expect(parseWallClockMs('2024-03-10 07:05:09')).toBe(ms); // histories, Garmin
    expect(parseWallClockMs('2024-03-10T07:05:09Z')).toBe(ms); // Strava API "local" times
    expect(parseWallClockMs('2024-03-10T07:05:09+01:00')).toBe(ms); // digits are the wall clock
    expect(parseWallClockMs('2024-03-10T07:05')).toBe(ms! - 9000);
    expect(parseWallClockMs('2024-03-10T07:05:09.250')).toBe(ms! + 250);
    expect(parseWallClockMs('2024-03-10')).toBe(ms! - (7 * 3600 + 5 * 60 + 9) * 1000);
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of [
      '2023-02-29T10:00:00',
      '2024-02-30T10:00:00',
      '2024-04-31T10:00:00',
      '2024-00-10T10:00:00',
      '2024-13-10T10:00:00',
      '2024-03-10T24:00:00',
      '2024-03-10T10:60:00',
      '2024-03-10T10:00:60',
      '2024-3-10T10:00:00',
      '10/03/2024',
      'dim. 11/12/2016',
      '',
      ' 2024-03-10',
      '2024-03-10T10',
      `2024-03-10T10:00:00${'0'.repeat(50)}`,
    ]) {
      expect(parseWallClockMs(bad), bad).toBeNull();
    }
    for (const bad of [null, undefined, 20240310, {}, ['2024-03-10']]) expect(parseWallClockMs(bad)).toBeNull();
    expect(parseWallClockMs('2024-02-29T10:00:00')).not.toBeNull();
    expect(parseWallClockMs('2000-02-29T10:00:00')).not.toBeNull();
    expect(parseWallClockMs('1900-02-29T10:00:00')).toBeNull();
  });

  it('finds Monday and Sunday week starts', () => {
    // 2024-03-10 is a Sunday.
    expect(weekStartOf('2024-03-10', 'monday')).toBe('2024-03-04');
    expect(weekStartOf('2024-03-10', 'sunday')).toBe('2024-03-10');
    expect(weekStartOf('2024-03-11T06:00:00', 'monday')).toBe('2024-03-11');
    expect(weekStartOf('2024-03-16', 'sunday')).toBe('2024-03-10');
    expect(weekStartOf('1969-12-31', 'monday')).toBe('1969-12-29');
    expect(weekStartOf('nope', 'monday')).toBeNull();
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-02-28', 0.5)).toBeNull();
    expect(parseDay('2024-03-10T23:59:59')).toBe(parseDay('2024-03-10'));
  });

  it('a valid run has a real start and a finite km >= 0', () => {
    expect(isValidRun({ start: '2024-03-10T07:00:00', km: 0 })).toBe(true);
    expect(isValidRun({ start: '2024-03-10T07:00:00', km: 5, id: 'x', gearId: 'g' })).toBe(true);
    for (const bad of [
      { start: '2024-03-10T07:00:00', km: -0.1 },
      { start: '2024-03-10T07:00:00', km: Number.NaN },
      { start: '2024-03-10T07:00:00', km: Number.POSITIVE_INFINITY },
      { start: '2024-03-10T07:00:00', km: '5' },
      { start: '2024-03-10T07:00:00' },
      { start: 1710054000, km: 5 },
      { km: 5 },
      null,
      'run',
    ]) {
      expect(isValidRun(bad)).toBe(false);
    }
  });

  it("parseIsoDay reads exactly what the date-time parser reads of a 10-character string (the pages' halves use it alone)", () => {
    const wallClockDay = (s: string) => {
      const ms = parseWallClockMs(s);
      return ms === null ? null : Math.floor(ms / 86_400_000);
    };
    const nearDates = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const noise = fc.string({ minLength: 10, maxLength: 10, unit: fc.constantFrom('0', '1', '2', '9', '-', 'T', ' ', 'a', '/') });
    fc.assert(
      fc.property(fc.oneof(nearDates, noise), (s) => {
        expect(parseIsoDay(s)).toBe(wallClockDay(s));
        expect(parseDay(s)).toBe(wallClockDay(s));
        expect(addIsoDays(s, 3)).toBe(addDays(s, 3));
      }),
      { numRuns: 3000 },
    );
    // Only days: a time part is for parseDay.
    expect(parseIsoDay('2026-02-16T07:00:00')).toBeNull();
    expect(parseDay('2026-02-16T07:00:00')).toBe(parseDay('2026-02-16'));
    expect(parseIsoDay(20260216)).toBeNull();
  });
});
