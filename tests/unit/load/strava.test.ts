// runsFromTrainingActivities on the seven real Strava pages (French and English locale strings,
// mostly rides) and on malformed input.
import { describe, expect, it } from 'vitest';
import { runSpikes, weeklyTotals } from '../../../lib/load/index';
import { runsFromTrainingActivities } from '../../../lib/sites/strava';
import { readFixture, refMs } from './helpers';

interface Model {
  id: number;
  sport_type: string;
  start_date_local_raw: number;
  start_time: string;
  distance_raw: number;
  athlete_gear_id: number | null;
  long_unit: string;
}

const pages = [1, 2, 3, 4, 5, 6, 7].map((n) => readFixture(`strava/training_activities/page${n}.json`) as { models: Model[] });

describe('runsFromTrainingActivities on the real pages', () => {
  const perPage = pages.map((page) => runsFromTrainingActivities(page));
  const all = perPage.flat();

  it('finds the 7 runs among 140 activities (rides, virtual rides, hikes, swims, walks, skis)', () => {
    expect(pages.reduce((n, p) => n + p.models.length, 0)).toBe(140);
    expect(perPage.map((runs) => runs.length)).toEqual([4, 1, 0, 0, 0, 1, 1]);
    const sports = new Set(pages.flatMap((p) => p.models.map((m) => m.sport_type)));
    expect([...sports].sort()).toEqual(['AlpineSki', 'Hike', 'InlineSkate', 'Ride', 'Run', 'Swim', 'VirtualRide', 'Walk']);
  });

  it('reads the first run of page 1 (French strings: "4,0", "dim. 11/12/2016")', () => {
    // Model 799672885: start_date_local_raw 1481471150, distance_raw 4014.8, athlete_gear_id 1022094.
    expect(perPage[0]![0]).toEqual({ start: '2016-12-11T15:45:50', km: 4.0148, id: '799672885', gearId: '1022094' });
  });

  it('reads the run of page 2 (English strings: "10.0", "Wed, 7/13/2016")', () => {
    expect(perPage[1]).toEqual([{ start: '2016-07-13T18:33:28', km: 10.0196, id: '639823327', gearId: '1022094' }]);
  });

  it('takes km from distance_raw and the start from the local wall clock, for every run', () => {
    const models = pages.flatMap((p) => p.models).filter((m) => m.sport_type === 'Run');
    expect(models).toHaveLength(7);
    for (const [i, model] of models.entries()) {
      const run = all[i]!;
      expect(run.id).toBe(String(model.id));
      expect(run.km).toBe(model.distance_raw / 1000);
      expect(run.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      // The local start minus the UTC start_time is a real zone offset (Paris, Quebec...).
      const offsetMin = (refMs(run.start) - Date.parse(model.start_time.replace('+0000', 'Z'))) / 60_000;
      expect(Math.abs(offsetMin)).toBeLessThanOrEqual(14 * 60);
      expect(Math.abs(offsetMin) % 15).toBe(0);
    }
    // Chicoutimi, QC (UTC-4 in September): 22:25:25 UTC was 18:25:25 local.
    expect(all.at(-1)!.start).toBe('2015-09-15T18:25:25');
  });

  it('feeds the load functions: 7 runs, weeks from Sept 2015 to Dec 2016', () => {
    const rows = weeklyTotals(all, { weekStartsOn: 'monday' });
    expect(rows[0]!.weekStart).toBe('2015-09-14');
    expect(rows.at(-1)!.weekStart).toBe('2016-12-05');
    expect(rows.reduce((n, r) => n + r.runs, 0)).toBe(7);
    const spikes = runSpikes(all);
    // 2016-09-11 (6.1066 km) had the 2016-09-10 run (6.2231 km) the day before.
    expect(spikes.find((s) => s.start.startsWith('2016-09-11'))).toMatchObject({ longestPrior30dKm: 6.2231000000000005 });
    expect(spikes.filter((s) => s.longestPrior30dKm === null)).toHaveLength(4);
  });
});

describe('runsFromTrainingActivities on other shapes', () => {
  const base = { id: 1, start_date_local_raw: 1_700_000_000, distance_raw: 5000, athlete_gear_id: 'g42' };

  it('accepts the older `type` field and every run sport type', () => {
    const runs = runsFromTrainingActivities({
      models: [
        { ...base, type: 'Run' },
        { ...base, id: 2, sport_type: 'TrailRun' },
        { ...base, id: 3, sport_type: 'VirtualRun' },
        { ...base, id: 4, sport_type: null, type: 'Run' },
        { ...base, id: 5, sport_type: 'Ride', type: 'Run' },
        { ...base, id: 6, sport_type: 'run' },
      ],
    });
    expect(runs.map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    expect(runs[0]).toEqual({ start: '2023-11-14T22:13:20', km: 5, id: '1', gearId: 'g42' });
  });

  it('leaves out id and gearId when the model has none', () => {
    const [run] = runsFromTrainingActivities({
      models: [{ sport_type: 'Run', start_date_local_raw: 0, distance_raw: 1234.5, athlete_gear_id: null }],
    });
    expect(run).toEqual({ start: '1970-01-01T00:00:00', km: 1.2345 });
  });

  it('skips malformed models and keeps the good ones', () => {
    const good = { ...base, sport_type: 'Run' };
    const throwing = Object.defineProperty({ sport_type: 'Run' }, 'distance_raw', {
      get() {
        throw new Error('hostile getter');
      },
    });
    const runs = runsFromTrainingActivities({
      models: [
        null,
        42,
        'Run',
        [],
        { ...good, distance_raw: Number.NaN },
        { ...good, distance_raw: -1 },
        { ...good, distance_raw: '4,0' },
        { ...good, distance_raw: undefined },
        { ...good, start_date_local_raw: 'dim. 11/12/2016' },
        { ...good, start_date_local_raw: Number.POSITIVE_INFINITY },
        { ...good, start_date_local_raw: 1e15 },
        throwing,
        good,
      ],
    });
    expect(runs).toEqual([{ start: '2023-11-14T22:13:20', km: 5, id: '1', gearId: 'g42' }]);
  });

  it('accepts numeric strings for the raw numbers', () => {
    const [run] = runsFromTrainingActivities({
      models: [{ sport_type: 'Run', start_date_local_raw: '1700000000', distance_raw: '5000.5' }],
    });
    expect(run).toEqual({ start: '2023-11-14T22:13:20', km: 5.0005 });
  });

  it('returns [] for anything that is not a page, never throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile proxy');
        },
      },
    );
    for (const junk of [undefined, null, 0, 'models', [], {}, { models: null }, { models: {} }, { models: 'x' }, hostile]) {
      expect(runsFromTrainingActivities(junk)).toEqual([]);
    }
  });
});
