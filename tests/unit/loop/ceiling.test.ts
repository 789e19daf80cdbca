// The next-run ceiling (Frandsen 2025 spike window; pain-monitoring adjustment) and the what-if.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRunCeiling, whatIf } from '../../../lib/loop';
import { runSpikes } from '../../../lib/load';
import type { Run } from '../../../lib/load/types';

const runs: Run[] = [
  { start: '2026-11-01T08:00:00', km: 20 }, // 33 days before: outside the window
  { start: '2026-11-10T08:00:00', km: 11.5 },
  { start: '2026-11-20T08:00:00', km: 8 },
  { start: '2026-12-02T08:00:00', km: 6 },
];
const now = '2026-12-04T09:00:00';

describe('nextRunCeiling', () => {
  it('is the 30-day longest times (1 + spike %), rounded down to 0.1 km', () => {
    expect(nextRunCeiling(runs, now, 10)).toEqual({ longestKm: 11.5, ceilingKm: 12.6, basis: 'spike-margin', light: undefined });
  });

  it('follows the runner’s own threshold', () => {
    expect(nextRunCeiling(runs, now, 30).ceilingKm).toBe(14.9);
  });

  it('amber holds the tolerated load; red cuts the painful run by a third', () => {
    const amber = [{ date: '2026-12-02', runStart: '2026-12-02T08:00:00', km: 6, painDuring: 4, nextMorning: 'usual' as const }];
    expect(nextRunCeiling(runs, now, 10, amber)).toMatchObject({ ceilingKm: 11.5, basis: 'amber-hold', light: 'amber' });
    const red = [{ date: '2026-12-02', runStart: '2026-12-02T08:00:00', km: 6, painDuring: 7 }];
    expect(nextRunCeiling(runs, now, 10, red)).toMatchObject({ ceilingKm: 4, basis: 'red-cut', light: 'red' });
  });

  it('a check-in older than a week no longer lowers it', () => {
    const old = [{ date: '2026-11-20', km: 8, painDuring: 8 }];
    expect(nextRunCeiling(runs, now, 10, old).basis).toBe('spike-margin');
  });

  it('no run in 30 days: no ceiling, and says so', () => {
    expect(nextRunCeiling([{ start: '2026-10-01T08:00:00', km: 10 }], now, 10)).toMatchObject({ ceilingKm: null, basis: 'no-recent-runs' });
    expect(nextRunCeiling(runs, 'not a date', 10).ceilingKm).toBeNull();
  });

  it('a run at the ceiling never spikes past the threshold by runSpikes’ own measure', () => {
    const arbRun = fc.record({
      start: fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => new Date(Date.UTC(2026, 9, 1) + m * 60_000).toISOString().slice(0, 19)),
      km: fc.double({ min: 0.1, max: 60, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(arbRun, { maxLength: 40 }), fc.integer({ min: 1, max: 200 }), (list, pct) => {
        const c = nextRunCeiling(list, '2026-11-30T12:00:00', pct);
        if (c.ceilingKm === null) return true;
        const spikes = runSpikes([...list, { start: '2026-11-30T12:00:00', km: c.ceilingKm }]);
        const row = spikes.find((r) => r.start === '2026-11-30T12:00:00' && r.km === c.ceilingKm);
        return row !== undefined && (row.spikePct === null || row.spikePct <= pct + 1e-9);
      }),
    );
  });
});

describe('whatIf', () => {
  it('says the band in plain words', () => {
    expect(whatIf(14, 12.6, 10)).toMatchObject({ words: 'a small spike', overThreshold: true });
    expect(whatIf(12, 12.6, 10)).toMatchObject({ words: 'no spike', overThreshold: false });
    expect(whatIf(13, 12.6, 10)).toMatchObject({ words: 'within 10 %: no spike', overThreshold: false });
    expect(whatIf(20, 12.6, 10).words).toBe('a large spike');
    expect(whatIf(30, 12.6, 10).words).toBe('a very large spike');
    expect(whatIf(10, null, 10)).toMatchObject({ spikePct: null, overThreshold: false });
  });
});
