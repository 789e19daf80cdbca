// History that cannot be poisoned (issue 14, item 1): one validator for every run, a budget per
// site, added sites kept apart, forget per site and final, and each stored shape's migration.
// WXT's fake browser: a real in-memory browser.storage, no mocks.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FASTEST_MIN_PER_KM,
  HISTORY_VERSION,
  MAX_RUNS_PER_SITE,
  MAX_RUN_KM,
  capturedRunsItem,
  forgetRemovedSites,
  forgetRuns,
  latestRunDay,
  loadCapturedRuns,
  loadHistory,
  migrateHistoryV1toV2,
  prefillRunsFrom,
  readStore,
  recordRuns,
  runProblem,
  saveHistoryPrefs,
} from '../../../lib/history';
import { handleForgetMessage } from '../../../lib/history/background';
import { addDays, formatDateTime } from '../../../lib/load/dates';
import { summariesFrom } from '../../../lib/load/summary';
import { defaultSettings } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());

const NOW = new Date(2026, 1, 20, 12, 0, 0); // 20 Feb 2026, noon, local time
const at = (day: string, km: number, id?: string) =>
  id === undefined ? { start: `${day}T07:00:00`, km } : { start: `${day}T07:00:00`, km, id };

describe('one validator for every run', () => {
  it("no start after the page's today, nor after the reader's today + 1 day whatever the page says", () => {
    expect(latestRunDay('2026-02-20')).toBe('2026-02-21');
    expect(latestRunDay('2026-02-20', '2026-02-19')).toBe('2026-02-19'); // a page west of us
    expect(latestRunDay('2026-02-20', '2026-02-21')).toBe('2026-02-21');
    expect(latestRunDay('2026-02-20', '2099-01-01')).toBe('2026-02-21'); // a page cannot move the fence
    expect(latestRunDay('2026-02-20', 'tomorrow')).toBe('2026-02-21');
    expect(runProblem({ start: '2026-02-20T23:59:59', km: 5 }, '2026-02-20')).toBeNull();
    expect(runProblem({ start: '2026-02-21T00:00:00', km: 5 }, '2026-02-20')).toBe('future');
  });

  it(`0 < km <= ${MAX_RUN_KM}, and no faster than ${FASTEST_MIN_PER_KM} min/km when the duration is known`, () => {
    const day = '2026-02-20';
    const start = `${day}T07:00:00`;
    expect(runProblem({ start, km: 0 }, day)).toBe('distance');
    expect(runProblem({ start, km: MAX_RUN_KM }, day)).toBeNull();
    expect(runProblem({ start, km: MAX_RUN_KM + 0.001 }, day)).toBe('distance');
    expect(runProblem({ start, km: 1e9 }, day)).toBe('distance');
    expect(runProblem({ start, km: 10, seconds: 10 * 150 }, day)).toBeNull(); // 2:30/km exactly
    expect(runProblem({ start, km: 10, seconds: 10 * 149 }, day)).toBe('pace');
    expect(runProblem({ start, km: 10, seconds: -1 }, day)).toBe('duration');
    expect(runProblem({ start: '2026-02-30T07:00:00', km: 10 }, day)).toBe('start');
  });

  it("recording refuses future dates and absurd distances (the first round's 1e12 m activity)", async () => {
    const result = await recordRuns(
      'strava',
      [
        at('2026-02-19', 10, '1'),
        at('2026-02-21', 10, '2'),
        at('2026-03-01', 10, '3'),
        at('2026-02-18', 1e9, '4'),
        { ...at('2026-02-18', 10, '5'), seconds: 600 },
      ],
      { now: NOW, pageToday: '2026-02-20' },
    );
    expect(result).toMatchObject({ added: 1, skipped: 4 });
    expect((await loadCapturedRuns()).map((r) => r.id)).toEqual(['1']);
  });

  it('reading drops runs that are no longer plausible (a store written before the rule)', () => {
    const read = readStore(
      {
        version: 1,
        runs: [
          { site: 'strava', start: '2026-02-10T07:00:00', km: 999 },
          { site: 'strava', start: '2026-02-10T07:00:00', km: 9 },
          { site: 'strava', start: '2027-02-10T07:00:00', km: 9 },
        ],
      },
      '2026-02-21',
    );
    expect(read).toMatchObject({ kind: 'ok', dropped: 2 });
    expect(read.runs.map((r) => r.km)).toEqual([9]);
  });
});

describe('a budget per site', () => {
  it("thousands of rows from an added site never evict a built-in site's runs, nor change its last 7 days", async () => {
    const strava = Array.from({ length: 29 }, (_, i) => at(addDays('2026-01-23', i)!, 4 + (i % 5), `s${i}`));
    await recordRuns('strava', strava, { now: NOW });
    const before = await loadHistory();
    const lastWeek = (runs: { start: string; km: number }[]) =>
      runs.filter((r) => r.start >= '2026-02-14').reduce((sum, r) => sum + r.km, 0);
    // The poisoning page: 3 visible runs and 4,990 hidden rows, past and future.
    const hidden = Array.from({ length: 4990 }, (_, i) => ({
      start: formatDateTime(Date.UTC(2026, 1, 20) / 1000 - (i % 2 ? -1 : 1) * (i + 1) * 3600),
      km: 30,
    }));
    const result = await recordRuns('https://poison.example', [at('2026-02-18', 5), at('2026-02-19', 6), at('2026-02-20', 7), ...hidden], {
      now: NOW,
    });
    expect(result.added).toBeLessThanOrEqual(MAX_RUNS_PER_SITE);
    const kept = await loadCapturedRuns();
    expect(kept.filter((r) => r.site === 'strava')).toHaveLength(29);
    expect(kept.filter((r) => r.site === 'https://poison.example').length).toBeLessThanOrEqual(MAX_RUNS_PER_SITE);
    // None of it dated after tomorrow.
    expect(kept.every((r) => r.start.slice(0, 10) <= '2026-02-21')).toBe(true);
    // The popup's prefill and the clinician summary: the added site is kept apart by default.
    const after = await loadHistory();
    expect(after).toEqual(before);
    expect(lastWeek(after)).toBe(lastWeek(before));
    const settings = defaultSettings();
    const weeks = ['2026-02-02', '2026-02-09', '2026-02-16'];
    expect(summariesFrom(after, weeks, settings, '2026-02-20')).toEqual(summariesFrom(before, weeks, settings, '2026-02-20'));
    // Unless the runner chooses to use their added sites' runs.
    await saveHistoryPrefs({ useAddedSites: true });
    expect((await loadHistory()).length).toBeGreaterThan(before.length);
  });

  it('prefillRunsFrom reads the raw values the popup reads', () => {
    const store = {
      version: HISTORY_VERSION,
      forgets: 0,
      runs: [
        { site: 'garmin', start: '2026-02-10T07:00:00', km: 9 },
        { site: 'https://log.example', start: '2026-02-11T07:00:00', km: 4 },
      ],
    };
    expect(prefillRunsFrom(store, undefined)).toEqual([{ start: '2026-02-10T07:00:00', km: 9 }]);
    expect(prefillRunsFrom(store, { useAddedSites: 'yes' })).toHaveLength(1);
    expect(prefillRunsFrom(store, { useAddedSites: true })).toHaveLength(2);
  });
});

describe('forgetting is per site and final', () => {
  it('forgets one site and keeps the others', async () => {
    await recordRuns('garmin', [at('2026-02-10', 9, 'g')], { now: NOW });
    await recordRuns('strava', [at('2026-02-11', 8, 's')], { now: NOW });
    expect(await forgetRuns('garmin')).toBe(1);
    expect((await loadCapturedRuns()).map((r) => r.site)).toEqual(['strava']);
  });

  it('removing an added site forgets its runs, and only those', async () => {
    await recordRuns('https://a.example', [at('2026-02-10', 9)], { now: NOW });
    await recordRuns('https://b.example', [at('2026-02-10', 7)], { now: NOW });
    await recordRuns('strava', [at('2026-02-11', 8, 's')], { now: NOW });
    expect(await forgetRemovedSites(['https://b.example'])).toEqual(['https://a.example']);
    expect((await loadCapturedRuns()).map((r) => r.site).sort()).toEqual(['https://b.example', 'strava']);
    expect(await forgetRemovedSites(['https://b.example'])).toEqual([]);
  });

  it('a capture that began before a forget is refused, even when it arrives while forgetting (raced 50 times)', async () => {
    const OWN = fakeBrowser.runtime.id;
    const options = { id: OWN, url: fakeBrowser.runtime.getURL('/options.html') };
    // As the page service records a page's runs: with the forget count of the page's first pass.
    const capture = (runs: Parameters<typeof recordRuns>[1], forgets: number) =>
      recordRuns('strava', runs, { pageToday: '2026-02-20', forgets, now: NOW });
    for (let trial = 0; trial < 50; trial++) {
      fakeBrowser.reset();
      await recordRuns('strava', [at('2026-02-10', 9, 'old')], { now: NOW });
      // The page started reading with the forget count of its start.
      const forgetsAtStart = ((await capturedRunsItem.getValue()) as { forgets: number }).forgets;
      // Both in flight at once, in either order.
      const racers = [
        () => handleForgetMessage({ type: 'knee-check:forget-runs' }, options, OWN, fakeBrowser.runtime.getURL('/')),
        () => capture([at('2026-02-12', 6, `new${trial}`)], forgetsAtStart),
      ];
      if (trial % 2) racers.reverse();
      const [first, second] = await Promise.all(racers.map((go) => go()));
      const recorded = (trial % 2 ? first : second) as { refused?: string; added: number } | null;
      // Whichever lands first, nothing from before the forget survives it: the capture was either
      // refused as forgotten, or recorded and then forgotten with the rest.
      expect(recorded?.refused === 'forgotten' || recorded?.added === 1).toBe(true);
      expect(await loadCapturedRuns()).toEqual([]);
    }
    // A page loaded after the forget records as usual.
    const forgets = ((await capturedRunsItem.getValue()) as { forgets: number }).forgets;
    const later = await capture([at('2026-02-13', 5, 'after')], forgets);
    expect(later).toMatchObject({ added: 1 });
  });

  it("only the extension's own pages may ask to forget", async () => {
    await recordRuns('strava', [at('2026-02-10', 9, 's')], { now: NOW });
    const OWN = fakeBrowser.runtime.id;
    const origin = fakeBrowser.runtime.getURL('/');
    const message = { type: 'knee-check:forget-runs' };
    expect(await handleForgetMessage(message, { id: OWN, tab: {}, url: 'https://www.strava.com/' }, OWN, origin)).toBeNull();
    expect(await handleForgetMessage(message, { id: 'other', url: origin }, OWN, origin)).toBeNull();
    expect(await handleForgetMessage({ ...message, site: '' }, { id: OWN, url: origin }, OWN, origin)).toBeNull();
    expect(await loadCapturedRuns()).toHaveLength(1);
    expect(await handleForgetMessage(message, { id: OWN, url: `${origin}options.html` }, OWN, origin)).toEqual({ forgot: 1 });
  });
});

describe('captured runs: migrations', () => {
  it('2 → 3: the same runs; a Strava gear id is kept from then on, validated, and reaches the shoe reminder', async () => {
    const { migrateHistoryV2toV3, toCapturedRun, toHistoryRuns } = await import('../../../lib/history/captured');
    const v2 = { version: 2, runs: [{ site: 'strava', id: '1', start: '2026-02-10T07:00:00', km: 5 }], forgets: 1 };
    expect(migrateHistoryV2toV3(v2)).toEqual({ ...v2, version: 3 });
    expect(migrateHistoryV2toV3({ version: 7 })).toEqual({ version: 7 });
    const kept = toCapturedRun('strava', { start: '2026-02-10T07:00:00', km: 5, id: '1', gearId: '21907553' }, '2026-02-11');
    expect(kept).toEqual({ site: 'strava', id: '1', start: '2026-02-10T07:00:00', km: 5, gearId: '21907553' });
    expect(toCapturedRun('strava', { start: '2026-02-10T07:00:00', km: 5, gearId: { evil: 1 } }, '2026-02-11')).not.toHaveProperty(
      'gearId',
    );
    expect(toHistoryRuns([kept!])[0]).toMatchObject({ gearId: 'strava:21907553' });
  });

  const v1 = {
    version: 1,
    runs: [
      { site: 'garmin', id: '1', start: '2026-02-10T07:00:00', km: 9 },
      { site: 'strava', start: '2026-02-10T07:00:00', km: 5000 },
    ],
  };

  it('1 → 2 (pure): the same runs held to the one validator, no forget yet; other shapes left for validation', () => {
    expect(migrateHistoryV1toV2(v1)).toEqual({ version: 2, runs: [v1.runs[0]], forgets: 0 });
    expect(migrateHistoryV1toV2('junk')).toBe('junk');
    expect(migrateHistoryV1toV2({ version: 7, runs: [] })).toEqual({ version: 7, runs: [] });
  });

  it('1 → 2 → 3 in place, when the background first uses the store after an update', async () => {
    await fakeBrowser.storage.local.set({ 'captured-runs': v1 });
    vi.resetModules();
    const fresh = await import('../../../lib/history');
    expect(await fresh.loadCapturedRuns()).toEqual([v1.runs[0]]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      'captured-runs': { version: 3, runs: [v1.runs[0]], forgets: 0 },
      'captured-runs$': { v: 3 },
    });
  });

  it('an absurd stored version is refused before WXT sees it, and the store is read and validated', async () => {
    await fakeBrowser.storage.local.set({ 'captured-runs': { version: 2, runs: [v1.runs[0]], forgets: 3 }, 'captured-runs$': { v: -1e9 } });
    vi.resetModules();
    const fresh = await import('../../../lib/history');
    expect(await fresh.loadCapturedRuns()).toEqual([v1.runs[0]]);
    expect(await fakeBrowser.storage.local.get('captured-runs$')).toEqual({ 'captured-runs$': { v: 3 } });
  });
});
