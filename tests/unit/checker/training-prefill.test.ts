import { describe, expect, it } from 'vitest';
import { emptyTraining } from '../../../lib/checker/answers';
import { applyPrefill, localToday } from '../../../lib/checker/prefill-apply';
import { trainingFromHistory } from '../../../lib/checker/training-prefill';
import { toTriageInput } from '../../../lib/checker/to-input';
import type { Run } from '../../../lib/load';
import { DEFAULT_SETTINGS } from '../../../lib/settings/defaults';
import { historyRuns } from '../load/helpers';
import { answers } from './helpers';

const KM = { ...DEFAULT_SETTINGS, units: 'km' as const };
const MI = { ...DEFAULT_SETTINGS, units: 'mi' as const };

// Wednesday 2026-03-18. Last 7 days = 03-12..03-18, the 7 before = 03-05..03-11.
const TODAY = '2026-03-18';
const RUNS: Run[] = [
  { start: '2026-02-20T07:00:00', km: 16 }, // longest of the 30 days before the latest run
  { start: '2026-03-05T07:00:00', km: 10 },
  { start: '2026-03-08T07:00:00', km: 12 },
  { start: '2026-03-11T18:30:00', km: 8 },
  { start: '2026-03-12T07:00:00', km: 10 },
  { start: '2026-03-15T08:00:00', km: 20 }, // latest: +25 % on 16 km
  { start: '2026-03-19T07:00:00', km: 30 }, // after today (planned or mis-dated): ignored
];

describe('trainingFromHistory', () => {
  it('fills last-7-days, the 7 days before, the latest run and its 30-day longest, in km', () => {
    expect(trainingFromHistory(RUNS, KM, TODAY)).toEqual({
      units: 'km',
      thisWeek: '30',
      lastWeek: '30',
      latestRun: '20',
      longestBefore: '16',
      flags: [],
      runs: 6,
    });
  });

  it("uses the runner's units", () => {
    expect(trainingFromHistory(RUNS, MI, TODAY)).toMatchObject({ units: 'mi', thisWeek: '18.6', latestRun: '12.4', longestBefore: '9.9' });
  });

  it('feeds the engine the same spike as the contract (latest run vs the 30-day longest)', () => {
    const prefill = trainingFromHistory(RUNS, KM, TODAY);
    const training = applyPrefill(emptyTraining('km'), prefill, TODAY);
    expect(toTriageInput(answers({ training })).training).toEqual({ weeklyChangePct: 0, longestRunSpikePct: 25 });
  });

  it('flags a return after a break of two weeks or more', () => {
    const runs: Run[] = [
      { start: '2026-01-20T07:00:00', km: 10 },
      { start: '2026-02-01T07:00:00', km: 10 },
      { start: '2026-03-10T07:00:00', km: 5 },
      { start: '2026-03-14T07:00:00', km: 6 },
    ];
    expect(trainingFromHistory(runs, KM, TODAY)?.flags).toEqual(['returningFromBreak']);
  });

  it('leaves the latest run blank when it is old or has nothing before it', () => {
    const lone = trainingFromHistory([{ start: '2026-03-16T07:00:00', km: 5 }], KM, TODAY);
    expect(lone).toMatchObject({ latestRun: '5', longestBefore: '' });
    const old = trainingFromHistory([{ start: '2026-03-01T07:00:00', km: 5 }], KM, TODAY);
    expect(old).toMatchObject({ thisWeek: '0', lastWeek: '0', latestRun: '', longestBefore: '' });
  });

  it('says nothing without a run in the last 30 days, or with a bad date', () => {
    expect(trainingFromHistory([], KM, TODAY)).toBeNull();
    expect(trainingFromHistory([{ start: '2025-01-01T07:00:00', km: 5 }], KM, TODAY)).toBeNull();
    expect(trainingFromHistory(RUNS, KM, '18/03/2026')).toBeNull();
  });

  it('skips malformed runs', () => {
    const runs = [...RUNS, { start: 'yesterday', km: 5 }, { start: '2026-03-17T07:00:00', km: Number.NaN }] as Run[];
    expect(trainingFromHistory(runs, KM, TODAY)).toMatchObject({ thisWeek: '30', runs: 6 });
  });

  it('works on a real captured history', () => {
    const runs = historyRuns('runner-a');
    const last = runs
      .map((r) => r.start)
      .sort()
      .at(-1)!
      .slice(0, 10);
    const prefill = trainingFromHistory(runs, KM, last);
    expect(prefill).not.toBeNull();
    expect(Number(prefill!.thisWeek)).toBeGreaterThan(0);
    expect(prefill!.latestRun).not.toBe('');
  });
});

describe('applyPrefill', () => {
  const prefill = trainingFromHistory(RUNS, KM, TODAY);

  it('fills blanks once and records where they came from', () => {
    const filled = applyPrefill(emptyTraining('km'), prefill, TODAY);
    expect(filled).toMatchObject({ thisWeek: '30', latestRun: '20', prefill: { runs: 6, on: TODAY } });
    expect(applyPrefill({ ...filled, thisWeek: '' }, prefill, TODAY).thisWeek).toBe('');
  });

  it('never overwrites what the runner typed', () => {
    const typed = { ...emptyTraining('km'), thisWeek: '55', flags: ['newRunner' as const] };
    expect(applyPrefill(typed, { ...prefill!, flags: ['returningFromBreak'] }, TODAY)).toMatchObject({
      thisWeek: '55',
      lastWeek: '30',
      flags: ['newRunner', 'returningFromBreak'],
    });
  });

  it('does nothing without a prefill or when the units differ', () => {
    const blank = emptyTraining('mi');
    expect(applyPrefill(blank, null, TODAY)).toBe(blank);
    expect(applyPrefill(blank, prefill, TODAY)).toBe(blank);
  });
});

describe('localToday', () => {
  it('is the wall-clock date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('returningFromBreak agrees with lib/load', () => {
  it("matches loadWarnings' break caution on every day of a real history", async () => {
    const { loadWarnings } = await import('../../../lib/load');
    const { addDays } = await import('../../../lib/load');
    const runs = historyRuns('runner-c');
    let day = '2019-10-01';
    let checked = 0;
    while (day <= '2024-12-31') {
      const prefill = trainingFromHistory(runs, KM, day);
      if (prefill) {
        const caution = loadWarnings(runs, KM, day).some((w) => w.kind === 'break' && w.level === 'caution');
        expect(prefill.flags.includes('returningFromBreak'), day).toBe(caution);
        checked++;
      }
      day = addDays(day, 3)!;
    }
    expect(checked).toBeGreaterThan(50);
  });
});
