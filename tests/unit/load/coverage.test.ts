// Enough history or say so: with the adapter's coverage notes (or, without them, judged from the
// runs read), a week-over-week change needs the whole compared part of the previous week, a spike
// the 30 days before its run, and a week holding partial days gives no total at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingText, summariesFrom, weekSummary } from '../../../lib/load/summary';
import type { Run } from '../../../lib/load/types';
import { SETTINGS } from './helpers';

const at = (start: string, km: number): Run => ({ start, km });
const en = { locale: 'en-GB' };
// Monday weeks: 2 Mar 2026 is a Monday; "today" is the Sunday 15 Mar, so both weeks are finished.
const TODAY = '2026-03-15';
const RUNS: Run[] = [
  at('2026-02-02T07:00:00', 8),
  at('2026-02-10T07:00:00', 8),
  at('2026-02-17T07:00:00', 8),
  at('2026-02-24T07:00:00', 10),
  at('2026-03-03T07:00:00', 10),
  at('2026-03-12T07:00:00', 16),
];
const week = (first: string, coverage?: object, runs = RUNS) => summariesFrom(runs, [first], SETTINGS, TODAY, { ...en, coverage })[0]!;

describe('coverage: without it, every day counts (the popup and earlier callers are unchanged)', () => {
  it('no coverage option: the week of 9 Mar compares and spikes as before', () => {
    const w = week('2026-03-09');
    expect(w).toMatchObject({
      weekKnown: true,
      previousWeekKnown: true,
      incomplete: false,
      missing: null,
      changePct: expect.closeTo(60, 6),
      level: 'caution',
    });
    expect(w.biggestSpike).toMatchObject({ km: 16, longestPrior30dKm: 10, spikePct: expect.closeTo(60, 6) });
  });
});

describe('coverage stated by the adapter (coveredFrom)', () => {
  it('the previous week not covered: no change, the badge says what is missing instead of a number', () => {
    const w = week('2026-03-09', { coveredFrom: '2026-03-04' });
    expect(w.changePct).toBeNull();
    expect(w.previousWeekKnown).toBe(false);
    expect(w.missing).toEqual({ kind: 'previous-week', day: '2026-03-02' });
    expect(w.text).toBe('16.0 km · Not enough history: need the whole week of 2 Mar');
    // The spike of 12 Mar needs 10 Feb – 12 Mar: not covered either, so no spike level.
    expect(w.biggestSpike).toBeNull();
    expect(w.level).toBe('ok');
  });

  it('a spike is shown only when the 30 days before its run are covered', () => {
    const covered = week('2026-03-09', { coveredFrom: '2026-02-10' });
    expect(covered).toMatchObject({ previousWeekKnown: true, missing: null, changePct: expect.closeTo(60, 6), level: 'caution' });
    expect(covered.text).toBe('16.0 km · +60% vs last week · single-run spike +60%');
    const short = week('2026-03-09', { coveredFrom: '2026-02-11' });
    expect(short.changePct).toBeCloseTo(60, 6);
    expect(short.biggestSpike).toBeNull();
    expect(short.missing).toEqual({ kind: 'spike', day: '2026-03-12' });
    expect(short.text).toBe('16.0 km · +60% vs last week · Not enough history: need the 30 days before 12 Mar');
    expect(short.level).toBe('caution'); // the weekly change alone still warns
  });

  it('coverage starting inside the week: no total for it', () => {
    const w = week('2026-03-02', { coveredFrom: '2026-03-04' });
    expect(w).toMatchObject({ weekKnown: false, changePct: null, missing: { kind: 'week', day: '2026-03-02' }, level: 'ok' });
    expect(w.text).toBe('Not enough history: need all of this week (from 2 Mar)');
    expect(w.text).not.toMatch(/km/);
  });
});

describe('coverage judged from the runs read (coveredFrom unknown)', () => {
  const recent = RUNS.slice(3); // 24 Feb, 3 Mar, 12 Mar: a site that lists its latest runs only
  it('the first week holding a run is not compared; the week after it is', () => {
    expect(week('2026-02-23', {}, recent)).toMatchObject({
      previousWeekKnown: false,
      changePct: null,
      missing: { kind: 'previous-week', day: '2026-02-16' },
    });
    expect(week('2026-03-02', {}, recent)).toMatchObject({ previousWeekKnown: true, changePct: expect.closeTo(0, 6) });
  });
  it('a spike needs its 30 days inside the weeks read', () => {
    const w = week('2026-03-09', {}, recent);
    expect(w.biggestSpike).toBeNull();
    expect(w.missing).toEqual({ kind: 'spike', day: '2026-03-12' });
  });
  it('no runs at all: nothing is known, nothing is compared', () => {
    const w = week('2026-03-09', {}, []);
    expect(w).toMatchObject({ weekKnown: false, changePct: null, level: 'ok' });
  });
});

describe('incomplete days (runs that could not be read)', () => {
  it('a week holding one gives no total at all, and says why', () => {
    const w = week('2026-03-09', { coveredFrom: '2026-01-01', incompleteDays: ['2026-03-10'] });
    expect(w).toMatchObject({ incomplete: true, weekKnown: false, changePct: null });
    expect(w.text).toBe('No total: some runs synced from Strava could not be read here');
    expect(w.text).not.toMatch(/\d/);
    // Nor a spike: the run of 12 Mar is not judged on a week that holds partial days.
    expect(w.biggestSpike).toBeNull();
    expect(w.level).toBe('ok');
  });
  it('one in the previous week: no change for the week after it', () => {
    const w = week('2026-03-09', { coveredFrom: '2026-01-01', incompleteDays: ['2026-03-05'] });
    expect(w).toMatchObject({
      incomplete: false,
      previousWeekKnown: false,
      changePct: null,
      missing: { kind: 'previous-week', day: '2026-03-02' },
    });
    // ... and no spike: the 30 days before 12 Mar hold it.
    expect(w.biggestSpike).toBeNull();
  });
  it('outside every window it changes nothing', () => {
    const w = week('2026-03-09', { coveredFrom: '2026-01-01', incompleteDays: ['2026-01-05', 'not a day'] });
    expect(w).toMatchObject({ missing: null, changePct: expect.closeTo(60, 6), level: 'caution' });
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const runs = fc
    .array(fc.record({ d: day, km: fc.double({ min: 0, max: 40, noNaN: true }) }), { maxLength: 30 })
    .map((rs) => rs.map((r) => at(`${r.d}T08:00:00`, r.km)));
  const coverage = fc.record({ coveredFrom: fc.option(day, { nil: undefined }), incompleteDays: fc.array(day, { maxLength: 3 }) });
  it('a number is given only on known days: a change needs both weeks known, a spike its 30 days known', () => {
    fc.assert(
      fc.property(runs, day, coverage, (rs, first, cov) => {
        const w = summariesFrom(rs, [first], SETTINGS, '2026-05-15', { ...en, coverage: cov })[0]!;
        if (w.changePct !== null) expect(w.weekKnown && w.previousWeekKnown).toBe(true);
        if (w.incomplete) expect(w.text).not.toMatch(/\d/);
        const spike = w.biggestSpike;
        if (spike) {
          const from = new Date(`${spike.start.slice(0, 10)}T00:00:00Z`).getTime() / 86_400_000 - 30;
          const known = cov.coveredFrom ? Date.parse(`${cov.coveredFrom}T00:00:00Z`) / 86_400_000 : -Infinity;
          if (cov.coveredFrom) expect(from).toBeGreaterThanOrEqual(known);
          for (const d of cov.incompleteDays) {
            const n = Date.parse(`${d}T00:00:00Z`) / 86_400_000;
            expect(n >= from && n <= from + 30).toBe(false);
          }
        }
        // The same summary without coverage has every number the covered one has.
        const plain = summariesFrom(rs, [first], SETTINGS, '2026-05-15', en)[0]!;
        expect(w.weekKm).toBe(plain.weekKm);
        if (w.changePct !== null) expect(w.changePct).toBe(plain.changePct);
      }),
    );
  });
  it('weekSummary takes coverage too', () => {
    expect(weekSummary(RUNS, '2026-03-09', SETTINGS, TODAY, { ...en, coverage: { coveredFrom: '2026-03-04' } })?.changePct).toBeNull();
  });
  it('missingText is plain words', () => {
    expect(missingText({ kind: 'spike', day: '2026-03-12' }, 'en-GB')).toBe('Not enough history: need the 30 days before 12 Mar');
  });
});
