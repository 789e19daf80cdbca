// The background's answer to a page's pass (lib/background/page-service): the request checked, the
// site's switch, the runs' words with the loop's lines, the fallback card, the captured history
// once per new read (own runs only), and the page status. The core's side is in
// tests/unit/content/core.test.ts and surfaces.test.ts, joined to this in process.
import { describe, expect, it } from 'vitest';
import { createPageService, customRead, passRequestOf, type PageServiceDeps, type ReadOutcome } from '../../../lib/background/page-service';
import type { PageStatus } from '../../../lib/content/messages';
import { PAGE_PASS, type PassRequest } from '../../../lib/content/pass';
import type { Run } from '../../../lib/load/types';
import { defaultSettings } from '../../../lib/settings/defaults';
import { siteOn } from '../../../lib/sites/custom';
import { weekPage } from './custom-snapshot';

const RUNS: Run[] = [
  { start: '2026-02-24T07:00:00', km: 10 },
  { start: '2026-03-03T07:00:00', km: 10 },
  { start: '2026-03-10T07:00:00', km: 16 },
];
const STRAVA = { tabId: 1, frameId: 0, key: '1:0:tok', origin: 'https://www.strava.com', top: true };

function request(over: Partial<PassRequest> = {}): PassRequest {
  return {
    type: PAGE_PASS,
    page: 'tok',
    adapter: 'strava-training-log',
    site: 'strava',
    pageKind: 'Strava Training Log',
    own: true,
    weeks: ['2026-03-09', null],
    today: '2026-03-12',
    now: '2026-03-12T12:00',
    read: true,
    card: false,
    selectors: [{ selector: '.week', count: 2 }],
    version: '1.2.3',
    ...over,
  };
}

function service(
  over: Partial<PageServiceDeps> = {},
  outcome: ReadOutcome = { runs: RUNS, version: 'v1', notes: { coveredFrom: '2026-01-01' } },
) {
  const statuses: (PageStatus | null)[] = [];
  const recorded: { site: string; runs: number; today: string; forgets: number | undefined }[] = [];
  let reads = 0;
  const s = createPageService({
    settings: () => defaultSettings(),
    read: async () => (reads++, outcome),
    status: (status) => statuses.push(status),
    record: (site, runs, today, forgets) => recorded.push({ site, runs: runs.length, today, forgets }),
    forgets: () => 3,
    locale: 'en-GB',
    ...over,
  });
  return { s, statuses, recorded, reads: () => reads };
}

describe('the page service', () => {
  it('checks the request: known sites, real days, bounded lists; facts are left to their reader', () => {
    expect(passRequestOf({ ...request(), facts: { a: 1 } })).toEqual({ ...request(), facts: { a: 1 } });
    expect(passRequestOf({ ...request(), own: 'yes', card: 1 })).toMatchObject({ own: false, card: false });
    for (const bad of [
      { type: 'other' },
      { site: 'facebook' },
      { site: '__proto__' },
      { today: '12/03/2026' },
      { weeks: ['next week'] },
      { weeks: Array.from({ length: 501 }, () => null) },
      { page: 'x'.repeat(65) },
      { selectors: 'all' },
      { now: 5 },
    ])
      expect(passRequestOf({ ...request(), ...bad })).toBeNull();
    expect(passRequestOf(null)).toBeNull();
  });

  it("each week's words with the loop's lines first; an anchor without a week is the current week in the runner's setting", async () => {
    const { s, statuses } = service({ loop: () => ['Next run: keep it under 12.0 km.'] });
    const reply = await s.pass(request(), STRAVA);
    expect(reply.views.map((v) => v?.text)).toEqual([
      '16.0 km so far · +60% vs Mon–Thu last week · single-run spike +60%',
      '16.0 km so far · +60% vs Mon–Thu last week · single-run spike +60%',
    ]);
    expect(reply.views[0]!.lines[0]).toBe('Next run: keep it under 12.0 km.');
    expect(reply.card).toBeNull();
    expect(statuses.at(-1)).toMatchObject({ site: 'strava', runs: 3, anchors: 2, weeksBadged: 2, card: false });
    expect(statuses.at(-1)!.report).toMatchObject({ version: '1.2.3', selectors: [{ selector: '.week', count: 2 }] });
  });

  it('a site switched off: nothing, and the status goes', async () => {
    const { s, statuses, reads } = service({
      settings: () => ({ ...defaultSettings(), sites: { strava: false, garmin: true, intervals: true } }),
    });
    expect(await s.pass(request(), STRAVA)).toEqual({ off: true, views: [], card: null });
    expect(statuses).toEqual([null]);
    expect(reads()).toBe(0);
  });

  it("a user-added site only while its origin is in the runner's list, and never a built-in host", () => {
    const settings = { ...defaultSettings(), customSites: ['https://log.example', 'https://www.strava.com'] };
    const custom = request({ site: 'custom', adapter: 'generic' });
    expect(siteOn(custom.site, 'https://log.example', settings)).toBe(true);
    expect(siteOn(custom.site, 'https://other.example', settings)).toBe(false);
    expect(siteOn(custom.site, 'https://www.strava.com', settings)).toBe(false);
    expect(siteOn(request().site, 'https://www.strava.com', settings)).toBe(true);
  });

  it("a user-added site's page: its snapshot read here, its reading kept per page, a key alone asks for the snapshot", () => {
    // A weekly total and two dated runs.
    const snap = weekPage(
      [
        { start: '2026-02-10T07:00', km: 6 },
        { start: '2026-02-12T07:00', km: 8 },
      ],
      14,
    );
    const read = customRead({ sig: 's1', snap }, '1:0:tok', '2026-02-20');
    expect(read).toMatchObject({
      runs: [
        { start: '2026-02-10T07:00:00', km: 6 },
        { start: '2026-02-12T07:00:00', km: 8 },
      ],
      notes: { sources: [{ source: 'page:dated-rows', runs: 2 }], coveredFrom: '2026-02-11' },
      // Two weeks of rows do not cover the 41 days before this week: no badge.
      state: { sig: 's1', has: true, anchors: [] },
    });
    expect(customRead({ sig: 's1' }, '1:0:tok', '2026-02-20')).toEqual(read);
    expect(customRead({ sig: 's1' }, '1:0:other', '2026-02-20')).toEqual({
      runs: [],
      version: '',
      notes: {},
      state: { sig: 's1', needSnapshot: true },
    });
    expect(customRead({ sig: 's2' }, '1:0:tok', '2026-02-20')!.state).toEqual({ sig: 's2', needSnapshot: true });
    expect(customRead({ runs: RUNS, notes: {} }, '1:0:tok', '2026-02-20')).toBeNull();
    expect(customRead('runs', '1:0:tok', '2026-02-20')).toBeNull();
    expect(customRead({ sig: 's3', snap: ['BODY', 0, 0, 5] }, '1:0:tok', '2026-02-20')).toBeNull();
  });

  it('captured history: the runner’s own runs, once per new read, with the forget count of the page’s first pass', async () => {
    const { s, recorded } = service();
    await s.pass(request(), STRAVA);
    await s.pass(request(), STRAVA);
    expect(recorded).toEqual([{ site: 'strava', runs: 3, today: '2026-03-12', forgets: 3 }]);
    const other = service();
    await other.s.pass(request({ own: false }), STRAVA);
    expect(other.recorded).toEqual([]);
    // The forget count unreadable: badges all the same, nothing recorded (no count to check it against).
    let kept = 0;
    const failing = createPageService({
      settings: () => defaultSettings(),
      read: async () => ({ runs: RUNS, version: 'v', notes: {} }),
      forgets: () => Promise.reject(new Error('storage gone')),
      record: (_site, _runs, _today, forgets) => void (forgets !== undefined && kept++),
    });
    expect((await failing.pass(request(), STRAVA)).views).toHaveLength(2);
    expect(kept).toBe(0);
    const custom = service({ settings: () => ({ ...defaultSettings(), customSites: ['https://log.example'] }) });
    await custom.s.pass(request({ site: 'custom', adapter: 'generic' }), { ...STRAVA, origin: 'https://log.example' });
    expect(custom.recorded[0]!.site).toBe('https://log.example');
  });

  it('the fallback card: a log page without anchors, runs read, not switched off, not hidden for this week', async () => {
    const card = request({ weeks: [], card: true });
    const shown = await service().s.pass(card, STRAVA);
    expect(shown.card).toMatchObject({
      site: 'strava',
      week: '2026-03-09',
      title: 'Knee Check, this week (Strava Training Log: layout not recognised)',
    });
    expect(shown.card!.view.text).toMatch(/^16\.0 km so far/);
    expect((await service({ cardHidden: () => ({ strava: '2026-03-09' }) }).s.pass(card, STRAVA)).card).toBeNull();
    expect((await service({ settings: () => ({ ...defaultSettings(), fallbackCard: false }) }).s.pass(card, STRAVA)).card).toBeNull();
    expect((await service({}, { runs: [], version: 'v', notes: {} }).s.pass(card, STRAVA)).card).toBeNull();
  });

  it("a head start reads and answers the reader's state only; a refusal asks for a retry; a frame keeps no status", async () => {
    const { s, statuses, recorded } = service(
      {},
      { runs: RUNS, version: 'v', notes: { refusals: [{ source: 'strava:feed', reason: 'rate-limited' }] }, state: { textKey: 'k' } },
    );
    expect(await s.pass(request({ prepare: true }), STRAVA)).toEqual({ views: [], card: null, state: { textKey: 'k' } });
    expect(statuses).toEqual([]);
    expect(recorded).toEqual([]);
    const reply = await s.pass(request(), { ...STRAVA, top: false });
    expect(reply.retry).toBe(true);
    expect(statuses).toEqual([]);
  });
});
