// The diary chart's data: whole weeks up to today (empty ones included), one pain dot a day (the
// worst), and spike runs over the runner's own threshold, with a text summary in their units.
import { describe, expect, it } from 'vitest';
import { buildPainLoadChart } from '../../../lib/diary/chart';

// 2026-12-04 is a Friday; its Monday week starts 2026-11-30.
const base = { today: '2026-12-04', weeks: 8, weekStartsOn: 'monday' as const, spikePct: 10, units: 'km' as const };
const runs = [
  { start: '2026-09-01T08:00:00', km: 30 }, // before the chart: counts only as a 30-day baseline (too old here)
  { start: '2026-11-02T08:00:00', km: 10 },
  { start: '2026-11-05T08:00:00', km: 8 },
  { start: '2026-11-15T08:00:00', km: 10.5 }, // +5 %: within a 10 % threshold
  { start: '2026-11-22T08:00:00', km: 14 }, // +33 % on 10.5: caution
  { start: '2026-12-03T08:00:00', km: 30 }, // +114 % on 14: high
];

describe('buildPainLoadChart', () => {
  it('has exactly the last N weeks to this week, empty weeks at 0', () => {
    const chart = buildPainLoadChart({ ...base, runs, checkIns: [] });
    expect(chart.weeks.map((w) => w.weekStart)).toEqual([
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(chart.weeks.map((w) => w.km)).toEqual([0, 0, 0, 18, 10.5, 14, 0, 30]);
    expect(chart.days).toBe(56);
    expect(chart.maxKm).toBe(30);
  });

  it('a Sunday week start moves the weeks', () => {
    const chart = buildPainLoadChart({ ...base, weekStartsOn: 'sunday', runs, checkIns: [] });
    expect(chart.weeks.at(-1)!.weekStart).toBe('2026-11-29');
    expect(chart.weeks.find((w) => w.weekStart === '2026-11-15')!.km).toBe(10.5);
  });

  it('marks only runs over the runner threshold, with their level, inside the weeks shown', () => {
    const chart = buildPainLoadChart({ ...base, runs, checkIns: [] });
    expect(chart.spikes.map((s) => [s.date, s.level, Math.round(s.spikePct)])).toEqual([
      ['2026-11-22', 'caution', 33],
      ['2026-12-03', 'high', 114],
    ]);
    expect(chart.spikes[0]!.day).toBe(41);
    // A higher threshold of the runner's own drops the smaller spike.
    expect(buildPainLoadChart({ ...base, spikePct: 40, runs, checkIns: [] }).spikes.map((s) => s.date)).toEqual(['2026-12-03']);
  });

  it('one dot a day, the worst pain that day, with its light; check-ins outside the weeks are left out', () => {
    const checkIns = [
      { id: 'a', date: '2026-11-22', painDuring: 2 },
      { id: 'b', date: '2026-11-22', painDuring: 6 },
      { id: 'c', date: '2026-12-03', painDuring: 3, nextMorning: 'usual' as const },
      { id: 'd', date: '2026-09-01', painDuring: 9 },
      { id: 'e', date: '2026-12-05', painDuring: 9 },
    ];
    const chart = buildPainLoadChart({ ...base, runs, checkIns });
    expect(chart.pain).toEqual([
      { date: '2026-11-22', day: 41, pain: 6, light: 'red' },
      { date: '2026-12-03', day: 52, pain: 3, light: 'amber' },
    ]);
    expect(chart.summary).toContain('Pain during running on 2 days, from 3 to 6 out of 10; latest 3 out of 10 on 2026-12-03.');
  });

  it('says it in the runner units, and an empty diary still has a scale and a summary', () => {
    const chart = buildPainLoadChart({ ...base, units: 'mi', runs, checkIns: [], locale: 'en-GB' });
    expect(chart.summary).toContain('this week 18.6 mi');
    expect(chart.summary).toContain('2 runs were spikes over your 10 % limit.');
    const empty = buildPainLoadChart({ ...base, runs: [], checkIns: [], locale: 'en-GB' });
    expect(empty.maxKm).toBe(1);
    expect(empty.summary).toContain('No pain check-ins in these weeks.');
    expect(empty.summary).toContain('No run was a spike');
  });
});
