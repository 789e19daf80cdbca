// loadWarnings and weekSummary: levels, numbers and sentences on hand-made weeks (the Monday
// morning case among them) and on every day of both real histories.
import { describe, expect, it } from 'vitest';
import { loadWarnings, weekSummary, weekSummaries, kmByGear, spikeLevel } from '../../../lib/load/index';
import type { LoadSettings, LoadWarning, Run } from '../../../lib/load/types';
import { historyRuns, refMs, SETTINGS } from './helpers';

const at = (start: string, km: number): Run => ({ start, km });
const en = { locale: 'en-GB' };
const find = (warnings: LoadWarning[], kind: LoadWarning['kind']) => warnings.find((w) => w.kind === kind);

// Week of Mon 26 Feb 2024: 30 km. Week of Mon 4 Mar: 30 km, with 8 km on Monday evening.
const twoWeeks: Run[] = [
  at('2024-02-27T07:00:00', 10),
  at('2024-02-29T07:00:00', 8),
  at('2024-03-03T09:00:00', 12),
  at('2024-03-04T18:00:00', 8),
  at('2024-03-06T07:00:00', 10),
  at('2024-03-09T09:00:00', 12),
];

describe('weekly change, like for like', () => {
  it('Monday morning before a run does not read as a fall', () => {
    const weekly = find(loadWarnings(twoWeeks, SETTINGS, '2024-03-11', en), 'weekly')!;
    expect(weekly.level).toBe('ok');
    expect(weekly.numbers).toMatchObject({
      week: 'current',
      comparedDays: 1,
      weekKm: 0,
      previousWeekKm: 8,
      changePct: null,
      compared: 'same days',
    });
    expect(weekly.message).toBe(
      "No runs yet this week (Mon), against 8.0 km on the same days last week; the week isn't over, so there is no change to report yet.",
    );
    expect(weekly.message).not.toMatch(/[-−]\s?\d/);
    const summary = weekSummary(twoWeeks, '2024-03-11', SETTINGS, '2024-03-11', en)!;
    expect(summary).toMatchObject({
      weekStart: '2024-03-11',
      partial: true,
      comparedDays: 1,
      weekKm: 0,
      previousWeekKm: 8,
      previousWeekFullKm: 30,
      changePct: null,
    });
    expect(summary.text).toBe('0.0 km so far · Mon last week: 8.0 km');
  });

  it('with the time known, compares up to the same time last week', () => {
    const opts = { ...en, now: '2024-03-11T07:00:00' };
    const weekly = find(loadWarnings(twoWeeks, SETTINGS, '2024-03-11', opts), 'weekly')!;
    // Last Monday's run was at 18:00: by 07:00 last week nothing had been run either.
    expect(weekly.numbers).toMatchObject({ previousWeekKm: 0, compared: 'same days, up to the same time' });
    expect(weekly.message).toBe(
      "No runs yet this week (Mon), and none on the same days last week, up to the same time; last week's total was 30.0 km.",
    );
    // A `now` on another day than today is ignored.
    const ignored = find(loadWarnings(twoWeeks, SETTINGS, '2024-03-11', { ...en, now: '2024-03-10T07:00:00' }), 'weekly')!;
    expect(ignored.numbers.previousWeekKm).toBe(8);
  });

  it("Monday evening, 5 km against last Monday's 8 km: no percentage while the week runs", () => {
    const runs = [...twoWeeks, at('2024-03-11T17:00:00', 5)];
    const weekly = find(loadWarnings(runs, SETTINGS, '2024-03-11', en), 'weekly')!;
    expect(weekly.numbers.changePct).toBeNull();
    expect(weekly.message).toBe(
      "So far this week (Mon) you ran 5.0 km, against 8.0 km on the same days last week; the week isn't over, so there is no change to report yet.",
    );
  });

  it('Wednesday, Mon–Wed against Mon–Wed: +50 % is a caution, labelled as a weak rule of thumb', () => {
    const runs = [...twoWeeks, at('2024-03-11T17:00:00', 5), at('2024-03-12T07:00:00', 10), at('2024-03-13T07:00:00', 12)];
    const weekly = find(loadWarnings(runs, SETTINGS, '2024-03-13', en), 'weekly')!;
    expect(weekly).toMatchObject({ level: 'caution', evidence: 'weak' });
    expect(weekly.numbers).toMatchObject({ comparedDays: 3, weekKm: 27, previousWeekKm: 18, changePct: 50, previousWeekFullKm: 30 });
    expect(weekly.message).toBe(
      'So far this week (Mon–Wed) you ran 27.0 km, 50% more than on the same days last week (18.0 km), above your 10% weekly threshold, a rule of thumb with weak evidence.',
    );
    expect(weekly.source).toMatch(/Buist/);
    expect(weekly.source).toMatch(/Nielsen/);
    expect(weekSummary(runs, '2024-03-13', SETTINGS, '2024-03-13', en)!.text).toBe('27.0 km so far · +50% vs Mon–Wed last week');
    // The runner's own threshold decides.
    expect(find(loadWarnings(runs, { ...SETTINGS, weeklyIncreasePct: 60 }, '2024-03-13', en), 'weekly')!.message).toMatch(
      /within your 60% weekly threshold\.$/,
    );
  });

  it('a finished week is compared whole, decreases in plain words', () => {
    const weekly = find(loadWarnings([...twoWeeks.slice(0, 3), at('2024-03-05T07:00:00', 20)], SETTINGS, '2024-03-10', en), 'weekly')!;
    expect(weekly.numbers).toMatchObject({ compared: 'full weeks', comparedDays: 7, weekKm: 20, previousWeekKm: 30 });
    expect(weekly.message).toBe('This week you ran 20.0 km, 33% less than last week (30.0 km).');
    const summary = weekSummary(twoWeeks, '2024-03-04', SETTINGS, '2024-03-20', en)!;
    expect(summary).toMatchObject({ partial: false, comparedDays: 7, weekKm: 30, previousWeekKm: 30, changePct: 0 });
    expect(summary.text).toBe('30.0 km · 0% vs last week');
  });

  it('after a week with no runs, says so instead of an infinite percentage', () => {
    const runs = [at('2024-02-20T07:00:00', 10), at('2024-03-05T07:00:00', 10), at('2024-03-07T07:00:00', 10)];
    const warnings = loadWarnings(runs, SETTINGS, '2024-03-10', en);
    const weekly = find(warnings, 'weekly')!;
    expect(weekly.numbers.changePct).toBeNull();
    expect(weekly.message).toBe('This week you ran 20.0 km after a week with no runs, so there is no change to compare.');
    expect(weekSummary(runs, '2024-03-04', SETTINGS, '2024-03-10', en)!.text).toBe('20.0 km · no runs the week before');
    for (const w of warnings) expect(w.message).not.toMatch(/Infinity|NaN|∞/);
  });

  it('early in a week, reports the finished week when it crossed the threshold', () => {
    const runs = [...twoWeeks, at('2024-03-08T07:00:00', 15), at('2024-03-12T07:00:00', 6)];
    const weekly = find(loadWarnings(runs, SETTINGS, '2024-03-12', en), 'weekly')!;
    expect(weekly.level).toBe('caution');
    expect(weekly.numbers).toMatchObject({ week: 'last', weekStart: '2024-03-04', weekKm: 45, previousWeekKm: 30, changePct: 50 });
    expect(weekly.message).toBe(
      'Last week you ran 45.0 km, 50% more than the week before (30.0 km), above your 10% weekly threshold, a rule of thumb with weak evidence.',
    );
    // From Thursday on, the week in progress speaks for itself.
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-14', en), 'weekly')!.numbers.week).toBe('current');
  });

  it('Sunday weeks and miles', () => {
    const settings: LoadSettings = { ...SETTINGS, weekStartsOn: 'sunday', units: 'mi' };
    const summary = weekSummary(twoWeeks, '2024-03-05', settings, '2024-03-05', en)!;
    // Sun 3 Mar - Tue 5 Mar: 12 + 8 km; Sun 25 Feb - Tue 27 Feb: 10 km.
    expect(summary).toMatchObject({ weekStart: '2024-03-03', comparedDays: 3, weekKm: 20, previousWeekKm: 10, changePct: 100 });
    // ...and the 12 km run on Sunday was 20 % over the 10 km of 27 Feb.
    expect(summary.text).toBe('12.4 mi so far · +100% vs Sun–Tue last week · single-run spike +20%');
  });

  it('weekSummaries answers several weeks at once, null for a malformed date', () => {
    const rows = weekSummaries(twoWeeks, ['2024-02-28', 'junk', '2024-03-09', '2024-04-01'], SETTINGS, '2024-03-20', en);
    expect(rows.map((r) => r?.weekStart ?? null)).toEqual(['2024-02-26', null, '2024-03-04', '2024-04-01']);
    expect(rows[3]).toMatchObject({ comparedDays: 0, weekKm: 0, changePct: null, text: '' });
    expect(weekSummary(twoWeeks, '2024-03-04', SETTINGS, 'not a day')).toBeNull();
  });
});

describe('single-run spike (Frandsen 2025)', () => {
  const base = [at('2024-04-01T08:00:00', 10), at('2024-04-08T08:00:00', 8)];
  const spike = (km: number, settings: LoadSettings = SETTINGS, today = '2024-04-15') =>
    find(loadWarnings([...base, at('2024-04-15T08:00:00', km)], settings, today, en), 'spike')!;

  it('bands: within the threshold ok, above it caution, above 100 % high', () => {
    expect(spike(10.5)).toMatchObject({ level: 'ok', evidence: 'strongest-running-signal' });
    expect(spike(10.5).message).toBe(
      'Your 10.5 km run on 15 Apr was 5% longer than your longest run in the previous 30 days (10.0 km), within your 10% threshold.',
    );
    const caution = spike(12);
    expect(caution.level).toBe('caution');
    expect(caution.numbers).toMatchObject({ runKm: 12, longestPrior30dKm: 10, band: '>10-30 %', hrr: 1.64, thresholdPct: 10 });
    expect(caution.message).toBe(
      'Your 12.0 km run on 15 Apr was 20% longer than your longest run in the previous 30 days (10.0 km), above your 10% threshold.',
    );
    expect(spike(18).numbers).toMatchObject({ band: '>30-100 %', hrr: 1.52 });
    expect(spike(18).level).toBe('caution');
    const high = spike(25);
    expect(high).toMatchObject({ level: 'high', numbers: { spikePct: 150, band: '>100 %', hrr: 2.28 } });
    expect(high.source).toMatch(/Frandsen/);
  });

  it("uses the runner's threshold", () => {
    expect(spike(12, { ...SETTINGS, spikePct: 25 }).level).toBe('ok');
    expect(spike(25, { ...SETTINGS, spikePct: 150 }).level).toBe('ok');
    expect(spike(26, { ...SETTINGS, spikePct: 150 }).level).toBe('high');
    expect(spikeLevel(10, 10)).toBe('ok');
    expect(spikeLevel(10.01, 10)).toBe('caution');
    expect(spikeLevel(100, 10)).toBe('caution');
    expect(spikeLevel(100.01, 10)).toBe('high');
    expect(spikeLevel(null, 10)).toBe('ok');
  });

  it('speaks in miles when the runner does', () => {
    expect(spike(12, { ...SETTINGS, units: 'mi' }).message).toBe(
      'Your 7.5 mi run on 15 Apr was 20% longer than your longest run in the previous 30 days (6.2 mi), above your 10% threshold.',
    );
    expect(spike(12, { ...SETTINGS, units: 'mi' }).numbers.runKm).toBe(12);
  });

  it('formats for the locale', () => {
    const fr = find(loadWarnings([...base, at('2024-04-15T08:00:00', 12)], SETTINGS, '2024-04-15', { locale: 'fr-FR' }), 'spike')!;
    expect(fr.message).toContain('12,0');
    expect(fr.message).toContain('15 avr');
  });

  it('picks the largest spike of the last 7 days, not just the latest run', () => {
    const runs = [...base, at('2024-04-15T08:00:00', 25), at('2024-04-17T08:00:00', 5)];
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-18', en), 'spike')!.numbers.runStart).toBe('2024-04-15T08:00:00');
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-21', en), 'spike')!.level).toBe('high');
    // Eight days later the spike has left the window.
    const later = find(loadWarnings(runs, SETTINGS, '2024-04-22', en), 'spike')!;
    expect(later).toMatchObject({ level: 'ok', numbers: { runStart: '2024-04-17T08:00:00' } });
    expect(later.message).toBe('None of your runs in the last 7 days was longer than the longest run of the 30 days before it.');
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-30', en), 'spike')).toBeUndefined();
  });

  it('says when there is nothing to compare with', () => {
    const first = find(loadWarnings([at('2024-04-15T08:00:00', 6)], SETTINGS, '2024-04-16', en), 'spike')!;
    expect(first).toMatchObject({ level: 'ok', numbers: { spikePct: null, longestPrior30dKm: null } });
    expect(first.message).toBe('Your 6.0 km run on 15 Apr had no run in the 30 days before it to compare with.');
  });

  it('ignores runs after today and, with `now`, later today', () => {
    const runs = [...base, at('2024-04-15T18:00:00', 25)];
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-14', en), 'spike')!.numbers.runStart).toBe('2024-04-08T08:00:00');
    // At noon the 18:00 run has not happened, and 8 Apr is out of the 7-day window.
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-15', { ...en, now: '2024-04-15T12:00' }), 'spike')).toBeUndefined();
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-15', { ...en, now: '2024-04-15T19:00' }), 'spike')!.level).toBe('high');
  });
});

describe('back after a break', () => {
  it('14 full days without a run, then a run: a caution with a gentle-return note', () => {
    const runs = [at('2024-03-01T08:00:00', 10), at('2024-03-16T08:00:00', 4), at('2024-03-18T08:00:00', 5)];
    const pause = find(loadWarnings(runs, SETTINGS, '2024-03-20', en), 'break')!;
    expect(pause).toMatchObject({
      level: 'caution',
      evidence: 'weak',
      numbers: { daysWithoutRun: 14, lastRunBeforeBreak: '2024-03-01', firstRunBack: '2024-03-16', runsSinceReturn: 2, kmSinceReturn: 9 },
    });
    expect(pause.message).toBe(
      "You're back after 14 days without a run (1 Mar to 16 Mar): start shorter and easier than before and add distance over a few weeks.",
    );
  });

  it('13 days is not a break', () => {
    const runs = [at('2024-03-01T08:00:00', 10), at('2024-03-15T08:00:00', 4)];
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-20', en), 'break')).toBeUndefined();
  });

  it('the note lasts four weeks after the return', () => {
    const back = ['03-16', '03-20', '03-25', '03-30', '04-04', '04-08'].map((d) => at(`2024-${d}T08:00:00`, 5));
    const runs = [at('2024-03-01T08:00:00', 10), ...back];
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-12', en), 'break')!.numbers.runsSinceReturn).toBe(6); // back 27 days ago
    expect(find(loadWarnings(runs, SETTINGS, '2024-04-13', en), 'break')).toBeUndefined(); // 28 days ago
  });

  it('no run for 14 days now: an ok note for later', () => {
    const runs = [at('2024-03-01T08:00:00', 10)];
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-14', en), 'break')).toBeUndefined();
    const idle = find(loadWarnings(runs, SETTINGS, '2024-03-15', en), 'break')!;
    expect(idle).toMatchObject({ level: 'ok', numbers: { daysWithoutRun: 14, lastRun: '2024-03-01' } });
    expect(idle.message).toBe(
      "You haven't run for 14 days (last run 1 Mar); when you go back, start shorter and easier than before and add distance over a few weeks.",
    );
  });
});

describe('EWMA acute:chronic ratio, context only', () => {
  // Williams 2017, computed naively over the whole history, every day from the first run.
  function naiveAcwr(runs: Run[], today: string): number {
    const DAY = 86_400_000;
    const first = Math.floor(Math.min(...runs.map((r) => refMs(r.start))) / DAY);
    const last = Math.floor(refMs(`${today}T00:00:00`) / DAY);
    let acute = 0;
    let chronic = 0;
    for (let d = first; d <= last; d++) {
      const km = runs.filter((r) => Math.floor(refMs(r.start) / DAY) === d).reduce((s, r) => s + r.km, 0);
      acute = 0.25 * km + 0.75 * acute;
      chronic = (2 / 29) * km + (1 - 2 / 29) * chronic;
    }
    return acute / chronic;
  }

  it('matches the EWMA definition on the real history', () => {
    const runs = historyRuns('runner-c');
    const acwr = find(loadWarnings(runs, SETTINGS, '2024-08-05', en), 'acwr')!;
    expect(acwr.numbers.ratio as number).toBeCloseTo(naiveAcwr(runs, '2024-08-05'), 9);
    expect(acwr).toMatchObject({ level: 'ok', evidence: 'not-validated', numbers: { acuteDays: 7, chronicDays: 28 } });
    expect(acwr.message).toContain('not validated for runners');
    expect(acwr.message).toContain('not an injury threshold');
    expect(acwr.source).toMatch(/Williams/);
    expect(acwr.source).toMatch(/Impellizzeri/);
  });

  it('stays level ok even at a ratio that team-sport charts call danger', () => {
    const runs = [
      ...Array.from({ length: 40 }, (_, i) => at(`2024-01-${String((i % 28) + 1).padStart(2, '0')}T07:00:00`, 1)),
      at('2024-02-01T07:00:00', 40),
    ];
    const acwr = find(loadWarnings(runs, SETTINGS, '2024-02-01', en), 'acwr')!;
    expect(acwr.numbers.ratio as number).toBeGreaterThan(1.5);
    expect(acwr.level).toBe('ok');
  });

  it('is left out with less than 28 days of history', () => {
    const runs = [at('2024-01-05T07:00:00', 5), at('2024-01-20T07:00:00', 5)];
    expect(find(loadWarnings(runs, SETTINGS, '2024-01-31', en), 'acwr')).toBeUndefined(); // 27 days
    expect(find(loadWarnings(runs, SETTINGS, '2024-02-01', en), 'acwr')).toBeDefined(); // 28 days
  });
});

describe('shoe distance, a low-confidence reminder', () => {
  const runs = [at('2024-03-01T08:00:00', 10)];
  it('over the limit is a caution, under it ok, absent without shoe km', () => {
    const over = find(loadWarnings(runs, SETTINGS, '2024-03-02', { ...en, shoeKm: 750 }), 'shoe')!;
    expect(over).toMatchObject({ level: 'caution', evidence: 'low-confidence', numbers: { shoeKm: 750, limitKm: 700 } });
    expect(over.message).toBe(
      'Your shoes have 750 km on them, past your 700 km reminder; a rule of thumb, as no study has linked shoe mileage to injury.',
    );
    expect(over.source).toMatch(/Kong/);
    expect(find(loadWarnings(runs, { ...SETTINGS, units: 'mi' }, '2024-03-02', { ...en, shoeKm: 750 }), 'shoe')!.message).toContain(
      '466 mi on them, past your 435 mi',
    );
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-02', { ...en, shoeKm: 700 }), 'shoe')!.level).toBe('ok');
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-02', en), 'shoe')).toBeUndefined();
    expect(find(loadWarnings(runs, SETTINGS, '2024-03-02', { shoeKm: Number.NaN }), 'shoe')).toBeUndefined();
  });

  it('kmByGear sums valid runs per gear id', () => {
    const totals = kmByGear([
      { ...at('2024-03-01T08:00:00', 10), gearId: 'a' },
      { ...at('2024-03-02T08:00:00', 5), gearId: 'a' },
      { ...at('2024-03-03T08:00:00', 7), gearId: 'b' },
      at('2024-03-04T08:00:00', 3),
      { ...at('bad', 9), gearId: 'a' },
    ]);
    expect([...totals]).toEqual([
      ['a', 15],
      ['b', 7],
    ]);
  });
});

describe('inputs', () => {
  it('a malformed today gives no warnings; odd settings fall back to the defaults', () => {
    expect(loadWarnings(twoWeeks, SETTINGS, '11/03/2024')).toEqual([]);
    const odd = {
      units: 'furlongs',
      weekStartsOn: 'friday',
      weeklyIncreasePct: Number.NaN,
      spikePct: -5,
      shoeKmLimit: '700',
    } as unknown as LoadSettings;
    expect(loadWarnings(twoWeeks, odd, '2024-03-13', en)).toEqual(loadWarnings(twoWeeks, SETTINGS, '2024-03-13', en));
  });

  it('returns kinds in evidence order', () => {
    const runs = historyRuns('runner-a');
    const kinds = loadWarnings(runs, SETTINGS, '2026-06-30', { ...en, shoeKm: 800 }).map((w) => w.kind);
    expect(kinds).toEqual(['spike', 'weekly', 'acwr', 'shoe']);
  });
});

describe.each(['runner-a', 'runner-c'] as const)('every day of real history %s', (name) => {
  it('gives honest, finite, one-sentence warnings', () => {
    const runs = historyRuns(name);
    const first = Math.floor(refMs(runs.reduce((a, b) => (a.start < b.start ? a : b)).start) / 86_400_000);
    const last = Math.floor(refMs(runs.reduce((a, b) => (a.start > b.start ? a : b)).start) / 86_400_000);
    const seen = new Map<string, number>();
    for (let d = first; d <= last + 20; d += name === 'runner-a' ? 1 : 2) {
      const today = new Date(d * 86_400_000).toISOString().slice(0, 10);
      for (const w of loadWarnings(runs, SETTINGS, today, en)) {
        seen.set(`${w.kind}:${w.level}`, (seen.get(`${w.kind}:${w.level}`) ?? 0) + 1);
        expect(w.message).toMatch(/^[A-Z].*\.$/);
        expect(w.message).not.toMatch(/\.\s+[A-Z]/); // one sentence
        expect(w.message).not.toMatch(/NaN|Infinity|∞|undefined|null/);
        expect(w.message).not.toMatch(/[-−]\d/); // no negative percentages anywhere
        for (const value of Object.values(w.numbers)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        if (w.kind === 'acwr') expect(w.level).toBe('ok');
        if (w.kind === 'weekly') {
          expect(w.level).not.toBe('high');
          if (w.numbers.compared !== 'full weeks' && w.numbers.changePct !== null) expect(w.numbers.changePct).toBeGreaterThanOrEqual(0);
        }
      }
    }
    // The real histories exercise every kind and level that their data allows.
    expect(seen.get('spike:caution')).toBeGreaterThan(0);
    expect(seen.get('weekly:caution')).toBeGreaterThan(0);
    expect(seen.get('weekly:ok')).toBeGreaterThan(0);
    expect(seen.get('acwr:ok')).toBeGreaterThan(0);
    expect((seen.get('break:caution') ?? 0) + (seen.get('break:ok') ?? 0)).toBeGreaterThan(0);
  });
});
