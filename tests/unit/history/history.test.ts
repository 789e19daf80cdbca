import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  HISTORY_VERSION,
  MAX_RUNS_PER_SITE,
  capturedRunsItem,
  corruptHistoryItem,
  forgetRuns,
  historyStats,
  loadCapturedRuns,
  loadHistory,
  mergeRuns,
  readStore,
  recordRuns,
  toHistoryRuns,
  watchHistory,
  type CapturedRun,
} from '../../../lib/history';
import { formatDateTime } from '../../../lib/load/dates';

beforeEach(() => {
  fakeBrowser.reset();
});

const run = (start: string, km: number, id?: string) => (id === undefined ? { start, km } : { start, km, id });

describe('recordRuns', () => {
  it('keeps runs sorted and de-duplicated by site and id', async () => {
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1'), run('2026-02-10T07:30:00', 5, '2')]);
    const again = await recordRuns('garmin', [run('2026-02-15T07:30:00', 10.2, '1'), run('2026-02-17T07:30:00', 8, '3')]);
    expect(again).toEqual({ added: 2, kept: 3, skipped: 0 });
    expect(await loadCapturedRuns()).toEqual([
      { site: 'garmin', id: '2', start: '2026-02-10T07:30:00', km: 5 },
      // The same activity read again replaces its earlier copy (the runner edited the distance).
      { site: 'garmin', id: '1', start: '2026-02-15T07:30:00', km: 10.2 },
      { site: 'garmin', id: '3', start: '2026-02-17T07:30:00', km: 8 },
    ]);
  });

  it('de-duplicates runs without an id by start and distance', async () => {
    await recordRuns('https://log.example', [run('2026-02-15T07:30:00', 10), run('2026-02-15T07:30:00', 10)]);
    await recordRuns('https://log.example', [run('2026-02-15T07:30:00', 10), run('2026-02-15T18:00:00', 4)]);
    expect((await loadCapturedRuns()).map((r) => r.start)).toEqual(['2026-02-15T07:30:00', '2026-02-15T18:00:00']);
  });

  it('keeps the same id from two sites apart', async () => {
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')]);
    await recordRuns('intervals', [run('2026-03-15T07:30:00', 12, '1')]);
    expect(await loadCapturedRuns()).toHaveLength(2);
  });

  it('skips invalid runs and says how many', async () => {
    const result = await recordRuns('strava', [
      run('2026-02-15T07:30:00', 10, '1'),
      run('2026-02-30T07:30:00', 10, '2'), // no such day
      run('2026-02-15 07:30:00', 10, '3'), // not the contract's spelling
      run('2026-02-15T07:30:00', -1, '4'),
      run('2026-02-15T07:30:00', Number.NaN, '5'),
      run('2026-02-15T07:30:00', 5000, '6'),
      run('2026-02-15T07:30:00', 0, '8'), // no distance: not a run to count
      { start: '2026-02-15T07:30:00', km: 3, id: 7 } as never,
      null as never,
    ]);
    expect(result).toEqual({ added: 1, kept: 1, skipped: 8 });
  });

  it('refuses an invalid site key', async () => {
    expect((await recordRuns('', [run('2026-02-15T07:30:00', 10)])).kept).toBe(0);
    expect(await capturedRunsItem.getValue()).toBeNull();
  });

  it('does not write when nothing changed', async () => {
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')]);
    let writes = 0;
    const unwatch = watchHistory(() => writes++);
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')]);
    await recordRuns('garmin', []);
    unwatch();
    expect(writes).toBe(0);
    // And an empty first read writes nothing at all.
    await capturedRunsItem.removeValue();
    await recordRuns('garmin', []);
    expect(await capturedRunsItem.getValue()).toBeNull();
  });

  it(`keeps each site's ${MAX_RUNS_PER_SITE} most recent runs`, async () => {
    const base = Date.UTC(2010, 0, 1) / 1000;
    const many = Array.from({ length: MAX_RUNS_PER_SITE + 50 }, (_, i) => run(formatDateTime(base + i * 86_400), 5, String(i)));
    await recordRuns('strava', many);
    const kept = await loadCapturedRuns();
    expect(kept).toHaveLength(MAX_RUNS_PER_SITE);
    expect(kept[0]!.id).toBe('50');
    expect(kept.at(-1)!.id).toBe(String(MAX_RUNS_PER_SITE + 49));
  });

  it('serialises concurrent writes from one context (no lost update)', async () => {
    await Promise.all([
      recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')]),
      recordRuns('intervals', [run('2026-02-16T07:30:00', 10, 'i1')]),
      recordRuns('strava', [run('2026-02-17T07:30:00', 10, '9')]),
    ]);
    expect(await loadCapturedRuns()).toHaveLength(3);
  });

  it('never throws, even when storage fails', async () => {
    const original = fakeBrowser.storage.local.get;
    fakeBrowser.storage.local.get = () => Promise.reject(new Error('quota'));
    try {
      await expect(recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')])).resolves.toEqual({ added: 0, kept: 0, skipped: 1 });
    } finally {
      fakeBrowser.storage.local.get = original;
    }
  });
});

describe('reading a stored value by hand', () => {
  it('drops invalid entries and keeps the rest', async () => {
    await capturedRunsItem.setValue({
      version: HISTORY_VERSION,
      forgets: 0,
      runs: [
        { site: 'garmin', id: '1', start: '2026-02-15T07:30:00', km: 10 },
        { site: 'garmin', id: '2', start: 'yesterday', km: 10 },
        { site: '', start: '2026-02-15T07:30:00', km: 10 },
        { site: 'garmin', start: '2026-02-15T07:30:00', km: '10' },
        'nonsense',
      ],
    });
    expect(await loadCapturedRuns()).toEqual([{ site: 'garmin', id: '1', start: '2026-02-15T07:30:00', km: 10 }]);
    // The next write cleans the store.
    await recordRuns('garmin', []);
    expect(((await capturedRunsItem.getValue()) as { runs: unknown[] }).runs).toHaveLength(1);
  });

  it.each([
    ['a string', 'garbage'],
    ['a list', [1, 2, 3]],
    ['another version', { version: 4, runs: [] }],
    ['runs not a list', { version: 2, runs: 'x' }],
  ])('a corrupt store (%s) reads as empty, and is kept aside before history starts fresh', async (_label, value) => {
    await capturedRunsItem.setValue(value);
    expect(await loadHistory()).toEqual([]);
    expect(readStore(value).kind).toBe('corrupt');
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1')]);
    expect(await loadCapturedRuns()).toHaveLength(1);
    const copy = await corruptHistoryItem.getValue();
    expect(copy?.value).toEqual(value);
    expect(typeof copy?.reason).toBe('string');
  });

  it('keeps only the first corrupt copy', async () => {
    await capturedRunsItem.setValue('first');
    await recordRuns('garmin', []);
    await capturedRunsItem.setValue('second');
    await recordRuns('garmin', []);
    expect((await corruptHistoryItem.getValue())?.value).toBe('first');
  });

  it('survives a throwing getter in stored data', () => {
    const evil = {
      version: 1,
      runs: [
        Object.defineProperty({}, 'site', {
          get: () => {
            throw new Error('x');
          },
        }),
      ],
    };
    expect(readStore(evil)).toEqual({ kind: 'ok', runs: [], dropped: 1, forgets: 0 });
  });
});

describe('loadHistory', () => {
  it('returns Run[] ascending, ids prefixed by site', async () => {
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1'), run('2026-02-01T07:30:00', 5, '2')]);
    expect(await loadHistory()).toEqual([
      { start: '2026-02-01T07:30:00', km: 5, id: 'garmin:2' },
      { start: '2026-02-15T07:30:00', km: 10, id: 'garmin:1' },
    ]);
  });

  it('counts a run shown by several sites once', async () => {
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10.02, '1'), run('2026-02-16T07:30:00', 6, '2')]);
    await recordRuns('strava', [run('2026-02-15T07:30:00', 10.0, 's1')]);
    await recordRuns('intervals', [run('2026-02-15T07:31:00', 9.98, 'i1'), run('2026-02-16T18:00:00', 6, 'i2')]);
    const runs = await loadHistory();
    expect(runs).toEqual([
      { start: '2026-02-15T07:30:00', km: 10.0, id: 'strava:s1' },
      { start: '2026-02-16T07:30:00', km: 6, id: 'garmin:2' },
      { start: '2026-02-16T18:00:00', km: 6, id: 'intervals:i2' },
    ]);
  });

  it('never merges two runs of the same site, nor different distances', () => {
    const captured: CapturedRun[] = [
      { site: 'garmin', id: '1', start: '2026-02-15T07:30:00', km: 5 },
      { site: 'garmin', id: '2', start: '2026-02-15T07:31:00', km: 5 },
      { site: 'strava', id: '3', start: '2026-02-15T07:30:00', km: 8 },
    ];
    expect(toHistoryRuns(captured)).toHaveLength(3);
  });
});

describe('forgetRuns and historyStats', () => {
  it('reports runs, sites and dates, and forgets everything', async () => {
    expect(await historyStats()).toEqual({ runs: 0, sites: [], oldest: null, newest: null });
    await recordRuns('garmin', [run('2026-02-15T07:30:00', 10, '1'), run('2026-01-01T07:30:00', 5, '2')]);
    await recordRuns('https://log.example', [run('2026-03-01T07:30:00', 7)]);
    await corruptHistoryItem.setValue({ foundAt: 'x', reason: 'y', value: 1 });
    expect(await historyStats()).toEqual({
      runs: 3,
      sites: [
        { site: 'garmin', runs: 2 },
        { site: 'https://log.example', runs: 1 },
      ],
      oldest: '2026-01-01T07:30:00',
      newest: '2026-03-01T07:30:00',
    });
    expect(await forgetRuns()).toBe(3);
    expect(await historyStats()).toEqual({ runs: 0, sites: [], oldest: null, newest: null });
    expect(await corruptHistoryItem.getValue()).toBeNull();
    // Nothing is left but the forget count (and the version metadata).
    expect(await capturedRunsItem.getValue()).toEqual({ version: HISTORY_VERSION, runs: [], forgets: 1 });
  });
});

describe('mergeRuns (pure)', () => {
  it('is idempotent and order-independent', () => {
    const a: CapturedRun[] = [
      { site: 'garmin', id: '1', start: '2026-02-15T07:30:00', km: 10 },
      { site: 'garmin', start: '2026-02-14T07:30:00', km: 3 },
    ];
    const once = mergeRuns([], a);
    expect(mergeRuns(once, a)).toEqual(once);
    expect(mergeRuns([], [...a].reverse())).toEqual(once);
  });
});
