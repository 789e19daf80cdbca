// summariesFrom: a site's week row is summarised as the 7 days from its own first day, whatever
// the runner's week-start setting (a Sunday-first calendar with a Monday setting, and vice versa).
import { describe, expect, it } from 'vitest';
import { summariesFrom, weekSummaries } from '../../../lib/load/index';
import type { Run } from '../../../lib/load/types';
import { SETTINGS } from './helpers';

const at = (start: string, km: number): Run => ({ start, km });
const en = { locale: 'en-GB' };
// Sun 3 Mar 2024 12 km, Mon 4 Mar 8 km, Sat 9 Mar 10 km, Sun 10 Mar 5 km; a week before: Sun 25 Feb 10 km, Tue 27 Feb 6 km.
const runs: Run[] = [
  at('2024-02-25T09:00:00', 10),
  at('2024-02-27T07:00:00', 6),
  at('2024-03-03T09:00:00', 12),
  at('2024-03-04T18:00:00', 8),
  at('2024-03-09T09:00:00', 10),
  at('2024-03-10T09:00:00', 5),
];
const TODAY = '2024-03-20';

describe('summariesFrom', () => {
  it('Sunday-first rows with a Monday setting: Sunday to Saturday', () => {
    const [row] = summariesFrom(runs, ['2024-03-03'], { ...SETTINGS, weekStartsOn: 'monday' }, TODAY, en);
    // Sun 3 – Sat 9 Mar: 12 + 8 + 10 = 30 km, against Sun 25 Feb – Sat 2 Mar: 16 km.
    expect(row).toMatchObject({ weekStart: '2024-03-03', weekKm: 30, previousWeekKm: 16, partial: false, comparedDays: 7 });
    expect(row!.text).toBe('30.0 km · +88% vs last week · single-run spike +20%');
    // The runner's own week would have been Mon 26 Feb – Sun 3 Mar: not the row's.
    expect(weekSummaries(runs, ['2024-03-03'], { ...SETTINGS, weekStartsOn: 'monday' }, TODAY, en)[0]).toMatchObject({
      weekStart: '2024-02-26',
      weekKm: 18,
    });
  });

  it('Monday-first rows with a Sunday setting: Monday to Sunday', () => {
    const [row] = summariesFrom(runs, ['2024-03-04'], { ...SETTINGS, weekStartsOn: 'sunday' }, TODAY, en);
    // Mon 4 – Sun 10 Mar: 8 + 10 + 5 = 23 km, against Mon 26 Feb – Sun 3 Mar: 6 + 12 = 18 km.
    expect(row).toMatchObject({ weekStart: '2024-03-04', weekKm: 23, previousWeekKm: 18 });
    expect(weekSummaries(runs, ['2024-03-04'], { ...SETTINGS, weekStartsOn: 'sunday' }, TODAY, en)[0]).toMatchObject({
      weekStart: '2024-03-03',
    });
  });

  it('the same row gives the same summary under either setting, on any weekday; junk gives null', () => {
    for (const first of ['2024-03-02', '2024-03-03', '2024-03-04', '2024-03-06']) {
      const [monday] = summariesFrom(runs, [first], { ...SETTINGS, weekStartsOn: 'monday' }, TODAY, en);
      const [sunday] = summariesFrom(runs, [first], { ...SETTINGS, weekStartsOn: 'sunday' }, TODAY, en);
      expect(monday).toEqual(sunday);
      expect(monday!.weekStart).toBe(first);
    }
    expect(summariesFrom(runs, ['junk'], SETTINGS, TODAY)).toEqual([null]);
    expect(summariesFrom(runs, ['2024-03-03'], SETTINGS, 'not a day')).toEqual([null]);
  });

  it('a Saturday-first week in progress compares its days so far with the same days before', () => {
    const [row] = summariesFrom(runs, ['2024-03-09'], SETTINGS, '2024-03-10', en);
    // Sat 9 – Sun 10 Mar (2 days): 15 km, against Sat 2 – Sun 3 Mar: 12 km.
    expect(row).toMatchObject({ partial: true, comparedDays: 2, weekKm: 15, previousWeekKm: 12 });
    expect(row!.text).toBe('15.0 km so far · +25% vs Sat–Sun last week');
  });
});
