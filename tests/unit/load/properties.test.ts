// Property tests (fast-check): order independence, weekly sums, spikes against the all-pairs
// definition (same-day, same-time and exact 30-day-boundary runs are generated on purpose),
// unit round trips, and junk input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDistance,
  fromDisplay,
  isValidRun,
  loadWarnings,
  runSpikes,
  toDisplay,
  weekSummary,
  weeklyTotals,
} from '../../../lib/load/index';
import type { Run } from '../../../lib/load/types';
import { runsFromTrainingActivities } from '../../../lib/sites/strava';
import { closeRows, refSpikes, refWeekly, SETTINGS } from './helpers';

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 15);

// Few distinct times and small day ranges: many runs share a day, a start, or sit exactly
// 30 × 24 h apart, which is where a sliding window goes wrong.
const timeArb = fc.constantFrom('00:00:00', '06:30:00', '06:30:00', '12:00:01', '23:59:59');
const kmArb = fc.oneof(fc.constantFrom(0, 5, 10, 10, 12.5), fc.double({ min: 0, max: 60, noNaN: true }));
function runArb(maxDay: number): fc.Arbitrary<Run> {
  return fc
    .record({ day: fc.integer({ min: 0, max: maxDay }), time: timeArb, km: kmArb })
    .map(({ day, time, km }) => ({ start: `${new Date(BASE + day * DAY).toISOString().slice(0, 10)}T${time}`, km }));
}
const runsArb = fc.array(runArb(120), { maxLength: 40 });
const junkRunArb = fc.oneof(
  fc.anything(),
  fc.record({ start: fc.string(), km: fc.double() }),
  fc.record({ start: fc.constantFrom('2024-02-30T10:00:00', '2024-01-01T24:00:00', '2024-13-01T10:00:00', ''), km: fc.double() }),
  fc.record({ start: fc.constant('2024-01-20T10:00:00'), km: fc.constantFrom(Number.NaN, -1, Number.POSITIVE_INFINITY, '5') }),
);
const todayArb = fc.integer({ min: -10, max: 140 }).map((d) => new Date(BASE + d * DAY).toISOString().slice(0, 10));

function shuffled<T>(arb: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> {
  return arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
}

describe('properties', () => {
  it('runSpikes equals the all-pairs definition', () => {
    fc.assert(
      fc.property(runsArb, (runs) => {
        expect(runSpikes(runs)).toEqual(refSpikes(runs));
      }),
      { numRuns: 400 },
    );
  });

  it('weeklyTotals equals the reference, Monday and Sunday weeks, over years', () => {
    fc.assert(
      fc.property(fc.array(runArb(1500), { maxLength: 30 }), fc.constantFrom('monday', 'sunday'), (runs, weekStartsOn) => {
        expect(closeRows(weeklyTotals(runs, { weekStartsOn }), refWeekly(runs, weekStartsOn))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('input order does not matter, to the last bit', () => {
    fc.assert(
      fc.property(shuffled(runsArb), todayArb, ([runs, again], today) => {
        expect(weeklyTotals(again, { weekStartsOn: 'monday' })).toEqual(weeklyTotals(runs, { weekStartsOn: 'monday' }));
        expect(runSpikes(again)).toEqual(runSpikes(runs));
        expect(loadWarnings(again, SETTINGS, today, { locale: 'en-GB' })).toEqual(loadWarnings(runs, SETTINGS, today, { locale: 'en-GB' }));
        expect(weekSummary(again, today, SETTINGS, today, { locale: 'en-GB' })).toEqual(
          weekSummary(runs, today, SETTINGS, today, { locale: 'en-GB' }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('weekly km add up to the km of the valid runs, in contiguous weeks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(runArb(400), junkRunArb), { maxLength: 50 }),
        fc.constantFrom('monday', 'sunday'),
        (runs, weekStartsOn) => {
          const valid = runs.filter(isValidRun);
          const rows = weeklyTotals(runs as Run[], { weekStartsOn });
          const total = valid.reduce((s, r) => s + r.km, 0);
          const summed = rows.reduce((s, r) => s + r.km, 0);
          expect(Math.abs(summed - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          expect(rows.reduce((n, r) => n + r.runs, 0)).toBe(valid.length);
          for (let i = 1; i < rows.length; i++) {
            expect(Date.parse(rows[i]!.weekStart) - Date.parse(rows[i - 1]!.weekStart)).toBe(7 * DAY);
          }
          for (const row of rows) expect(new Date(row.weekStart).getUTCDay()).toBe(weekStartsOn === 'monday' ? 1 : 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('junk runs are skipped: the result is that of the valid runs alone', () => {
    fc.assert(
      fc.property(runsArb, fc.array(junkRunArb, { maxLength: 10 }), todayArb, (runs, junk, today) => {
        const mixed = [...junk.slice(0, 5), ...runs, ...junk.slice(5)] as Run[];
        expect(junk.filter(isValidRun)).toEqual([]);
        expect(runSpikes(mixed)).toEqual(runSpikes(runs));
        expect(weeklyTotals(mixed, { weekStartsOn: 'sunday' })).toEqual(weeklyTotals(runs, { weekStartsOn: 'sunday' }));
        expect(loadWarnings(mixed, SETTINGS, today, { locale: 'en' })).toEqual(loadWarnings(runs, SETTINGS, today, { locale: 'en' }));
      }),
      { numRuns: 200 },
    );
  });

  it('nothing throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (a, b, c, d) => {
        const f = (fn: () => unknown) => expect(fn).not.toThrow();
        f(() => runSpikes(a as Run[]));
        f(() => weeklyTotals(a as Run[], b as never));
        f(() => loadWarnings(a as Run[], b as never, c as string, d as never));
        f(() => loadWarnings(a as Run[], SETTINGS, '2024-02-01', d as never));
        f(() => weekSummary(a as Run[], c as string, b as never, c as string));
        f(() => runsFromTrainingActivities(a));
        f(() => runsFromTrainingActivities({ models: a }));
      }),
      { numRuns: 300 },
    );
  });

  it('km → runner units → km round-trips, and what is shown is what was entered', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('km', 'mi'), (km, units) => {
        const back = fromDisplay(toDisplay(km, units), units);
        expect(Math.abs(back - km)).toBeLessThanOrEqual(1e-12 * Math.max(1, km));
      }),
    );
    const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (tenths) => {
        // A distance typed as 12.3 mi is stored in km and shown again as 12.3 mi.
        const miles = tenths / 10;
        expect(formatDistance(fromDisplay(miles, 'mi'), 'mi', 'en-US')).toBe(`${oneDecimal.format(miles)} mi`);
        expect(formatDistance(miles, 'km', 'en-US')).toBe(`${oneDecimal.format(miles)} km`);
      }),
    );
  });
});
