// @vitest-environment happy-dom
// What the core and the background's page service (joined in process) say and show besides
// badges: the adapter's notes reach the summaries (enough history or say so), the page status for
// the popup, the fallback card on a log page whose layout is not recognised, and the
// structure-only page report (no value ever reaches it).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { shadowOf } from '../../../lib/badge/element';
import { startCore, type CoreDeps, type CoreHandle } from '../../../lib/content/core';
import { PAGE_STATUS, readPageStatusMessage, type PageStatus } from '../../../lib/content/messages';
import { coarsePath, shapeOf } from '../../../lib/content/report';
import type { Clock } from '../../../lib/content/schedule';
import type { Run } from '../../../lib/load/types';
import { defaultSettings, type Settings } from '../../../lib/settings/defaults';
import { type AdapterContext, type AdapterNotes, type BadgeAnchor, type SiteAdapter } from '../../../lib/sites/types';
import { createPageService } from '../../../lib/background/page-service';
import { createReadingHost } from '../../../lib/background/reading-host';
import type { PagePart } from '../../../lib/sites/reading';
import { createStravaPages } from '../../../lib/sites/strava-page';
import { inProcess } from './in-process';

const TODAY = '2026-03-12'; // a Thursday
const RUNS: Run[] = [
  { start: '2026-02-24T07:00:00', km: 10 },
  { start: '2026-03-03T07:00:00', km: 10 },
  { start: '2026-03-10T07:00:00', km: 16 },
];
const clock: Clock = { now: () => performance.now(), yieldTask: (fn) => void Promise.resolve().then(fn) };
const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

interface FakeOptions {
  anchors?: boolean;
  notes?: AdapterNotes;
  runs?: Run[];
  fetch?: (ctx: AdapterContext) => Promise<unknown>;
  selectors?: string[];
}

function adapter({ anchors = true, notes, runs = RUNS, fetch, selectors = ['.week'] }: FakeOptions): SiteAdapter {
  return {
    id: 'test-log',
    site: 'strava',
    matches: () => true,
    pageKind: () => 'Test Training Log',
    selectors,
    findAnchors: (doc) =>
      anchors
        ? [...doc.querySelectorAll<HTMLElement>('.week')].map((el): BadgeAnchor => ({
            key: el.dataset.week!,
            element: el,
            placement: 'append',
            weekStart: el.dataset.week,
          }))
        : [],
    async readRuns(_doc, ctx) {
      if (fetch) await fetch(ctx).catch(() => undefined);
      if (notes) ctx.note?.(notes);
      return runs;
    },
  };
}

const cores: CoreHandle[] = [];
const baseDeps = () => ({
  doc: document,
  win: window as unknown as Window & typeof globalThis,
  clock,
  currentUrl: () => new URL('https://www.strava.com/athletes/123/training/log'),
  page: 'page-1',
  watchChanges: () => () => undefined,
  localNow: () => ({ today: TODAY, now: `${TODAY}T12:00` }),
  onInvalidated: () => undefined,
  onLocationChange: () => undefined,
  fallbackDelayMs: 0,
  version: '1.2.3',
});

function run(a: SiteAdapter, over: Partial<CoreDeps> = {}, settings: Settings = defaultSettings()) {
  const dismissed: string[] = [];
  const joined = inProcess([a], {
    settings: () => settings,
    locale: 'en-GB',
    cardHidden: () => Object.fromEntries(dismissed.map((d) => d.split(' '))),
  });
  const core = startCore({
    ...baseDeps(),
    parts: joined.parts,
    send: joined.send,
    hideCard: (site, week) => dismissed.push(`${site} ${week}`),
    ...over,
  });
  cores.push(core);
  return { core, statuses: joined.statuses, dismissed };
}

function weeks(...firstDays: string[]): void {
  document.body.replaceChildren(
    ...firstDays.map((day) => {
      const row = document.createElement('div');
      row.className = 'week';
      row.dataset.week = day;
      return row;
    }),
  );
}
const badgeTexts = (core: CoreHandle) => [...document.querySelectorAll('[data-knee-check-key]')].map((h) => core.kit.inspect(h)!.text);

afterEach(() => {
  for (const core of cores.splice(0)) core.stop();
  document.body.replaceChildren();
});

describe('enough history: the adapter notes reach the badges', () => {
  it('no coveredFrom: the first week holding a run is not compared; it says what is missing', async () => {
    weeks('2026-03-09', '2026-03-02', '2026-02-23');
    const { core } = run(adapter({}));
    await core.started;
    expect(badgeTexts(core)).toEqual([
      '16.0 km so far · +60% vs Mon–Thu last week · Not enough history: need the 30 days before 10 Mar',
      '10.0 km · 0% vs last week · Not enough history: need the 30 days before 3 Mar',
      '10.0 km · Not enough history: need the whole week of 16 Feb',
    ]);
  });
  it('coveredFrom from the adapter: the spike is measured', async () => {
    weeks('2026-03-09');
    const { core } = run(adapter({ notes: { coveredFrom: '2026-01-01' } }));
    await core.started;
    expect(badgeTexts(core)).toEqual(['16.0 km so far · +60% vs Mon–Thu last week · single-run spike +60%']);
  });
  it('a week with days the adapter could not read: no total, and why', async () => {
    weeks('2026-03-09');
    const { core } = run(adapter({ notes: { coveredFrom: '2026-01-01', incompleteDays: ['2026-03-11'] } }));
    await core.started;
    expect(badgeTexts(core)).toEqual(['No total: some runs synced from Strava could not be read here']);
    const host = document.querySelector('[data-knee-check-key]')!;
    expect(core.kit.inspect(host)!.level).toBe('unknown');
  });
});

describe('page status', () => {
  it('says the page kind, runs, sources, weeks badged and refusals; the message validates', async () => {
    weeks('2026-03-09', '2026-03-02');
    const notes: AdapterNotes = {
      sources: [{ source: 'strava:training-activities', runs: 3 }],
      refusals: [{ source: 'strava:feed', reason: 'rate-limited', status: 429 }],
    };
    const { core, statuses } = run(adapter({ notes }));
    await core.started;
    await flush();
    const status = statuses.at(-1)!;
    expect(status).toMatchObject({
      site: 'strava',
      adapter: 'test-log',
      pageKind: 'Test Training Log',
      runs: 3,
      anchors: 2,
      weeksBadged: 2,
      card: false,
      ...notes,
    });
    expect(readPageStatusMessage({ type: PAGE_STATUS, status })).toEqual(status);
    expect(readPageStatusMessage({ type: PAGE_STATUS, status: { ...status, runs: -1 } })).toBeUndefined();
    // The adapter's notes as it wrote them: only well-formed entries are kept, cut to size.
    const noted = {
      ...status,
      sources: [{ source: 'x'.repeat(300), runs: 2.7 }, { runs: 3 }, 'junk', { source: 'y', runs: -5, extra: 'Anna' }],
      refusals: [{ source: 'x', reason: 'hacked' }, { source: 'z', reason: 'signed-out', status: 'no' }, null],
    };
    expect(readPageStatusMessage({ type: PAGE_STATUS, status: noted })).toEqual({
      ...status,
      sources: [
        { source: 'x'.repeat(100), runs: 2 },
        { source: 'y', runs: 0 },
      ],
      refusals: [{ source: 'z', reason: 'signed-out' }],
    });
    expect(readPageStatusMessage({ type: PAGE_STATUS, status: null })).toBeNull();
    expect(readPageStatusMessage({ type: 'other' })).toBeUndefined();
  });
  it('cleared when the page is nothing for Knee Check (no page half matches, or the site is off)', async () => {
    let cleared = 0;
    const core = startCore({ ...baseDeps(), parts: [], send: async () => null, clear: () => void cleared++ });
    cores.push(core);
    await core.started;
    expect(cleared).toBe(1);
    weeks('2026-03-09');
    const off = run(adapter({}), {}, { ...defaultSettings(), sites: { strava: false, garmin: true, intervals: true } });
    await off.core.started;
    expect(off.statuses).toEqual([null]);
    expect(document.querySelectorAll('[data-knee-check-key]')).toHaveLength(0);
  });
});

describe('fallback card', () => {
  it('runs read on a log page without anchors: one card with this week, closed, keyboard reachable, movable, hidden per site and week', async () => {
    document.body.innerHTML =
      '<nav style="position:fixed;bottom:0;right:0;width:100px;height:100px">site nav</nav><main>A log whose layout changed</main>';
    const { core, statuses, dismissed } = run(adapter({ anchors: false, notes: { coveredFrom: '2026-01-01' } }));
    await core.started;
    await flush();
    await core.refresh();
    const host = core.card()!;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed to the page
    const root = shadowOf(host)!;
    const badge = root.querySelector('[data-knee-check-key]')!;
    expect(core.kit.inspect(badge)!.text).toBe('16.0 km so far · +60% vs Mon–Thu last week · single-run spike +60%');
    expect(root.querySelector('p')!.textContent).toMatch(/Test Training Log: layout not recognised/);
    await flush();
    expect(statuses.at(-1)).toMatchObject({ anchors: 0, runs: 3, card: true, weeksBadged: 0 });
    const [move, hide] = [...root.querySelectorAll('button')];
    expect(move!.textContent).toBe('Move');
    const before = host.getAttribute('data-corner');
    move!.click();
    expect(host.getAttribute('data-corner')).not.toBe(before);
    hide!.click();
    expect(core.card()).toBeNull();
    expect(dismissed).toEqual(['strava 2026-03-09']);
    await core.refresh();
    expect(core.card()).toBeNull(); // hidden for this week
  });
  it('switched off in settings, or no runs read: no card', async () => {
    document.body.innerHTML = '<main>no weeks here</main>';
    const off = run(adapter({ anchors: false }), {}, { ...defaultSettings(), fallbackCard: false });
    await off.core.started;
    await flush();
    await off.core.refresh();
    expect(off.core.card()).toBeNull();
    off.core.stop();
    const none = run(adapter({ anchors: false, runs: [] }));
    await none.core.started;
    await flush();
    await none.core.refresh();
    expect(none.core.card()).toBeNull();
  });
  it('never on a user-added site (any of its pages matches)', async () => {
    document.body.innerHTML = '<main>no weeks here</main>';
    const { core } = run({ ...adapter({ anchors: false }), site: 'custom' });
    await core.started;
    await flush();
    await core.refresh();
    expect(core.card()).toBeNull();
  });
});

describe('page report: structure only', () => {
  it('shapes keep field names and types, never values; data-keyed objects collapse', () => {
    expect(shapeOf({ athlete: { firstname: 'Anna', id: 12345 }, weeks: [{ '1': { distance: 5 } }], ok: true, none: null })).toBe(
      '{athlete:{firstname:string,id:number},none:null,ok:boolean,weeks:[{*:{distance:number}}]}',
    );
    expect(shapeOf({ 'anna@example.com': 1, 'Anna Berg': 2 })).toBe('{*:number}');
    expect(coarsePath('/athletes/123456/training/log?name=Anna')).toBe('/athletes/… (4 segments)');
    expect(coarsePath('/Anna-Berg')).toBe('/… (1 segment)');
  });

  // Personal data: names, emails, ids, dates, places: in page text, attributes, JSON values and
  // data keys, the URL's path and query. None of it may reach the report.
  const word = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
  const personal = fc.oneof(
    fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
    fc.tuple(fc.stringMatching(/^[a-z]{4,8}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([a, b]) => `${a}.${b}@mail.example`),
    fc.integer({ min: 100_000, max: 99_999_999 }).map(String),
    fc
      .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 10, max: 12 }), fc.integer({ min: 10, max: 28 }))
      .map(([y, m, d]) => `${y}-${m}-${d}`),
  );
  it('property: random personal data on the page and in its JSON never reaches the report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(personal, { minLength: 3, maxLength: 6 }), async (secrets) => {
        const [name, other, id] = secrets as [string, string, string, ...string[]];
        document.body.replaceChildren();
        const row = document.createElement('div');
        row.className = 'week';
        row.dataset.week = '2026-03-09';
        row.title = name;
        row.textContent = `${name} ran ${other} ${id}`;
        const link = document.createElement('a');
        link.href = `/athletes/${id}?who=${encodeURIComponent(other)}`;
        link.textContent = secrets.join(' ');
        document.body.append(row, link);
        const json = {
          athlete: { name, email: other, id: Number(id) || id },
          byId: Object.fromEntries(secrets.map((s, i) => [s, { km: i, note: s }])),
          list: secrets,
        };
        // The extension's path: the page half here; the read half and the status in the
        // background, whose calls the tab makes (lib/sites/reading, lib/background/reading-host
        // and page-service, lib/content/remote); the status checked as the background keeps it.
        const host = createReadingHost(async () => ({ json: structuredClone(json) }), { minGapMs: 0 });
        const page: PagePart = {
          ...createStravaPages().dashboard,
          matches: () => true,
          selectors: ['.week', 'a[href^="/athletes/"]'],
          findAnchors: (doc) => adapter({}).findAnchors(doc),
        };
        const statuses: (PageStatus | null | undefined)[] = [];
        const service = createPageService({
          settings: () => defaultSettings(),
          read: (r) => host.read({ tabId: 1, frameId: 0, page: r.page, adapter: r.adapter, facts: r.facts, today: r.today }),
          status: (status) => statuses.push(readPageStatusMessage({ type: PAGE_STATUS, status })),
        });
        const core = startCore({
          ...baseDeps(),
          currentUrl: () => new URL(`https://www.strava.com/athletes/${id}/${encodeURIComponent(name)}`),
          parts: [page],
          send: (r) => service.pass(r, { tabId: 1, frameId: 0, key: `1:0:${r.page}`, origin: 'https://www.strava.com', top: true }),
        });
        cores.push(core);
        await core.started;
        await flush();
        core.stop();
        const status = statuses.filter(Boolean).at(-1)!;
        expect(status.report.calls.length).toBeGreaterThan(0);
        for (const call of status.report.calls) expect(call.shape).toBe(shapeOf(json));
        expect(status.report.selectors.find((s) => s.selector === '.week')?.count).toBe(1);
        const report = JSON.stringify(status.report);
        for (const secret of secrets) {
          expect(report).not.toContain(secret);
          expect(report).not.toContain(encodeURIComponent(secret));
        }
      }),
      { numRuns: 40 },
    );
  });
});
