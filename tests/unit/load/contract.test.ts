// docs/contract/load.md (v1): weeklyTotals and runSpikes, on hand-made examples and on both
// real histories (checked against the all-pairs reference in ./helpers).
import { describe, expect, it } from 'vitest';
import { runSpikes, weeklyTotals } from '../../../lib/load/index';
import type { Run } from '../../../lib/load/types';
import { closeRows, historyRuns, refSpikes, refWeekly } from './helpers';

describe('weeklyTotals', () => {
  const runs: Run[] = [
    { start: '2024-03-06T07:00:00', km: 8 }, // Wednesday
    { start: '2024-03-03T09:30:00', km: 12 }, // Sunday
    { start: '2024-03-20T18:00:00', km: 5.5 }, // Wednesday, two weeks later
    { start: '2024-03-04T00:00:00', km: 3 }, // Monday midnight
  ];

  it('gives one row per Monday week, ascending, empty weeks included', () => {
    expect(weeklyTotals(runs, { weekStartsOn: 'monday' })).toEqual([
      { weekStart: '2024-02-26', km: 12, runs: 1 },
      { weekStart: '2024-03-04', km: 11, runs: 2 },
      { weekStart: '2024-03-11', km: 0, runs: 0 },
      { weekStart: '2024-03-18', km: 5.5, runs: 1 },
    ]);
  });

  it('moves Sunday runs into the next week when weeks start on Sunday', () => {
    expect(weeklyTotals(runs, { weekStartsOn: 'sunday' })).toEqual([
      { weekStart: '2024-03-03', km: 23, runs: 3 },
      { weekStart: '2024-03-10', km: 0, runs: 0 },
      { weekStart: '2024-03-17', km: 5.5, runs: 1 },
    ]);
  });

  it('puts a run in the week of its local start date, even a minute before midnight', () => {
    const rows = weeklyTotals(
      [
        { start: '2024-03-10T23:59:59', km: 4 },
        { start: '2024-03-11T00:00:00', km: 6 },
      ],
      { weekStartsOn: 'monday' },
    );
    expect(rows).toEqual([
      { weekStart: '2024-03-04', km: 4, runs: 1 },
      { weekStart: '2024-03-11', km: 6, runs: 1 },
    ]);
  });

  it('extends the rows to the week that holds `until`', () => {
    const rows = weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-04-03' });
    expect(rows.map((r) => r.weekStart)).toEqual(['2024-02-26', '2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25', '2024-04-01']);
    expect(rows.at(-1)).toEqual({ weekStart: '2024-04-01', km: 0, runs: 0 });
  });

  it('ends the range at `until`: later runs are not counted, an earlier `until` gives []', () => {
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-03-05' })).toEqual([
      { weekStart: '2024-02-26', km: 12, runs: 1 },
      { weekStart: '2024-03-04', km: 11, runs: 2 },
    ]);
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-02-25' })).toEqual([]);
    // The same week as the earliest run still gives that week.
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-02-26' })).toEqual([{ weekStart: '2024-02-26', km: 12, runs: 1 }]);
  });

  it('ignores a malformed `until` and a time part in a valid one', () => {
    const plain = weeklyTotals(runs, { weekStartsOn: 'monday' });
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: 'next week' })).toEqual(plain);
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-02-30' })).toEqual(plain);
    expect(weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-04-03T10:00:00' })).toEqual(
      weeklyTotals(runs, { weekStartsOn: 'monday', until: '2024-04-03' }),
    );
  });

  it('gives [] for no runs, even with `until`', () => {
    expect(weeklyTotals([], { weekStartsOn: 'monday' })).toEqual([]);
    expect(weeklyTotals([], { weekStartsOn: 'sunday', until: '2024-01-01' })).toEqual([]);
  });

  it('crosses years and leap days by the calendar', () => {
    const rows = weeklyTotals(
      [
        { start: '2023-12-31T10:00:00', km: 1 },
        { start: '2024-03-01T10:00:00', km: 2 },
      ],
      { weekStartsOn: 'monday' },
    );
    expect(rows[0]!.weekStart).toBe('2023-12-25');
    expect(rows.at(-1)).toEqual({ weekStart: '2024-02-26', km: 2, runs: 1 });
    expect(rows).toHaveLength(10);
  });
});

describe('runSpikes', () => {
  it('compares each run with the longest of the previous 30 × 24 h', () => {
    const spikes = runSpikes([
      { start: '2024-05-20T08:00:00', km: 15 },
      { start: '2024-05-01T08:00:00', km: 10 },
      { start: '2024-05-10T08:00:00', km: 8 },
    ]);
    expect(spikes).toEqual([
      { start: '2024-05-01T08:00:00', km: 10, longestPrior30dKm: null, spikePct: null },
      { start: '2024-05-10T08:00:00', km: 8, longestPrior30dKm: 10, spikePct: (8 / 10 - 1) * 100 },
      { start: '2024-05-20T08:00:00', km: 15, longestPrior30dKm: 10, spikePct: (15 / 10 - 1) * 100 },
    ]);
  });

  it('includes a run exactly 30 × 24 h earlier and drops one a second older', () => {
    const [, , atEdge] = runSpikes([
      { start: '2024-05-01T08:00:00', km: 20 },
      { start: '2024-05-02T08:00:00', km: 10 },
      { start: '2024-05-31T08:00:00', km: 11 },
    ]);
    expect(atEdge!.longestPrior30dKm).toBe(20);
    expect(atEdge!.spikePct).toBeCloseTo(-45, 10);
    const [, , pastEdge] = runSpikes([
      { start: '2024-05-01T07:59:59', km: 20 },
      { start: '2024-05-02T08:00:00', km: 10 },
      { start: '2024-05-31T08:00:00', km: 11 },
    ]);
    expect(pastEdge!.longestPrior30dKm).toBe(10);
    expect(pastEdge!.spikePct).toBeCloseTo(10, 10);
  });

  it('counts earlier runs on the same day, but not a run with the identical start', () => {
    const spikes = runSpikes([
      { start: '2024-05-01T18:00:00', km: 6 },
      { start: '2024-05-01T07:00:00', km: 4 },
      { start: '2024-05-01T18:00:00', km: 9 },
    ]);
    expect(spikes).toEqual([
      { start: '2024-05-01T07:00:00', km: 4, longestPrior30dKm: null, spikePct: null },
      { start: '2024-05-01T18:00:00', km: 6, longestPrior30dKm: 4, spikePct: 50 },
      { start: '2024-05-01T18:00:00', km: 9, longestPrior30dKm: 4, spikePct: 125 },
    ]);
  });

  it('gives null spikePct when the longest prior run is 0 km', () => {
    expect(
      runSpikes([
        { start: '2024-05-01T07:00:00', km: 0 },
        { start: '2024-05-02T07:00:00', km: 5 },
      ])[1],
    ).toEqual({
      start: '2024-05-02T07:00:00',
      km: 5,
      longestPrior30dKm: 0,
      spikePct: null,
    });
  });

  it('gives [] for no runs', () => {
    expect(runSpikes([])).toEqual([]);
  });
});

describe.each(['runner-a', 'runner-c'] as const)('real history %s', (name) => {
  const runs = historyRuns(name);

  it('weekly totals match the reference, Monday and Sunday weeks', () => {
    for (const weekStartsOn of ['monday', 'sunday'] as const) {
      const rows = weeklyTotals(runs, { weekStartsOn });
      expect(closeRows(rows, refWeekly(runs, weekStartsOn))).toBe(true);
      expect(rows.reduce((n, r) => n + r.runs, 0)).toBe(runs.length);
    }
  });

  it('spikes match the all-pairs reference', () => {
    expect(runSpikes(runs)).toEqual(refSpikes(runs));
  });
});

describe('real history runner-a, values read from the file', () => {
  const runs = historyRuns('runner-a');

  it('has 657 runs from 2022-10 to 2026-06', () => {
    expect(runs).toHaveLength(657);
    const rows = weeklyTotals(runs, { weekStartsOn: 'monday' });
    expect(rows[0]!.weekStart <= '2022-10-31').toBe(true);
    expect(rows.at(-1)!.weekStart).toBe('2026-06-29');
  });

  it('the last run (2026-06-30, 7.511 km) follows a 12.938 km run on 2026-06-27', () => {
    // From the file: "2026-06-27 09:11:04" 12938 m is the longest run of the 30 days before
    // "2026-06-30 07:43:12" 7511 m.
    expect(runSpikes(runs).at(-1)).toEqual({
      start: '2026-06-30T07:43:12',
      km: 7.511,
      longestPrior30dKm: 12.938,
      spikePct: (7.511 / 12.938 - 1) * 100,
    });
  });
});
