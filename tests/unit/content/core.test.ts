// @vitest-environment happy-dom
// The content-script core with a fake adapter (and the background's page service in process): one
// badge per key, re-keyed re-used rows, removal, settings, route changes, invalidation, adapters
// that throw (never into the page), and no message while the page shows the same.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore as realStartCore, type CoreDeps, type CoreHandle, type PassInfo } from '../../../lib/content/core';
import type { Clock } from '../../../lib/content/schedule';
import type { BadgeView } from '../../../lib/badge/view';
import type { PassReply, PassRequest } from '../../../lib/content/pass';
import type { Run } from '../../../lib/load/types';
import type { PagePart } from '../../../lib/sites/reading';
import { defaultSettings } from '../../../lib/settings/defaults';
import type { BadgeAnchor, SiteAdapter } from '../../../lib/sites/types';
import { inProcess, type InProcessOptions } from './in-process';

const RUNS: Run[] = [
  { start: '2026-02-10T07:00:00', km: 6 },
  { start: '2026-02-15T09:00:00', km: 12 },
  { start: '2026-02-17T07:00:00', km: 8 },
  { start: '2026-02-22T09:00:00', km: 10 },
  { start: '2026-02-24T07:00:00', km: 9 },
  { start: '2026-03-01T09:00:00', km: 17.4 },
];

/** A page with week rows; the adapter anchors a badge in each row. */
function setupRows(weeks: string[]): HTMLElement {
  const list = document.createElement('div');
  list.id = 'rows';
  for (const week of weeks) {
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.week = week;
    list.append(row);
  }
  document.body.replaceChildren(list);
  return list;
}

function rowAdapter(over: Partial<SiteAdapter> = {}): SiteAdapter & { reads: number } {
  const adapter = {
    id: 'test-rows',
    site: 'strava' as const,
    reads: 0,
    matches: (url: URL) => url.hostname === 'www.strava.com',
    findAnchors: (doc: Document): BadgeAnchor[] =>
      [...doc.querySelectorAll<HTMLElement>('.row')].map((row) => ({
        key: `w:${row.dataset.week}`,
        element: row,
        placement: 'append' as const,
        weekStart: row.dataset.week,
      })),
    async readRuns(_doc: Document, ctx: { note?(n: object): void }) {
      adapter.reads++;
      // Complete history from 1 Jan: every comparison below has its window.
      ctx.note?.({ coveredFrom: '2026-01-01' });
      return RUNS;
    },
    observeRoot: (doc: Document) => doc.getElementById('rows'),
    ...over,
  };
  return adapter;
}

/** A clock whose yields run at once (in a microtask): passes finish within `await flush()`. */
const clock: Clock = { now: () => performance.now(), yieldTask: (fn) => void Promise.resolve().then(fn) };
const flush = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

function deps(adapter: SiteAdapter | null, over: Partial<CoreDeps> = {}, service: InProcessOptions = {}) {
  const joined = inProcess(adapter ? [adapter] : [], service);
  let onLocation: (() => void) | null = null;
  let onInvalid: (() => void) | null = null;
  const passes: PassInfo[] = [];
  const debug = vi.fn();
  const d: CoreDeps = {
    doc: document,
    win: window as unknown as Window & typeof globalThis,
    clock,
    currentUrl: () => new URL('https://www.strava.com/athletes/1/training/log'),
    parts: joined.parts,
    page: 'page-1',
    send: joined.send,
    watchChanges: joined.watchChanges,
    localNow: () => ({ today: '2026-03-04', now: '2026-03-04T12:00' }),
    onInvalidated: (cb) => (onInvalid = cb),
    onLocationChange: (cb) => (onLocation = cb),
    onPass: (info) => passes.push(info),
    debug,
    ...over,
  };
  return {
    d,
    passes,
    debug,
    joined,
    setSettings: joined.setSettings,
    navigate: () => onLocation?.(),
    invalidate: () => onInvalid?.(),
    watching: joined.watching,
  };
}

const hosts = () => [...document.querySelectorAll<HTMLElement>('[data-knee-check-key]')];
/** Every core a test starts, stopped after it (a failed test must not leave a live core behind). */
const cores: CoreHandle[] = [];
const startCore = (d: CoreDeps): CoreHandle => {
  const core = realStartCore(d);
  cores.push(core);
  return core;
};
/** Badge text through the kit's isolated-world hook: the shadow roots are closed to the page. */
const texts = () => hosts().map((h) => `${h.getAttribute('data-knee-check-key')} ${cores.at(-1)!.kit.inspect(h)!.text}`);

afterEach(() => {
  for (const core of cores.splice(0)) core.stop();
  document.body.replaceChildren();
});

describe('core', () => {
  it("one badge per anchor, with the engine's numbers, and nothing twice however often it runs", async () => {
    setupRows(['2026-02-23', '2026-02-16']);
    const adapter = rowAdapter();
    const t = deps(adapter);
    const core = startCore(t.d);
    await core.started;
    expect(texts()).toEqual(['w:2026-02-23 26.4 km · +47% vs last week · single-run spike +45%', 'w:2026-02-16 18.0 km · 0% vs last week']);
    await core.refresh();
    await core.refresh();
    expect(hosts()).toHaveLength(2);
    // Nothing changed: nothing re-rendered.
    expect(t.passes.at(-1)).toMatchObject({ anchors: 2, badges: 2, rendered: 0 });
    expect(document.querySelectorAll('.row > [data-knee-check-key]')).toHaveLength(2);
    core.stop();
  });

  it("gives the adapter its head start once while the page's weeks are not on screen, and never into the page when it throws", async () => {
    const list = setupRows([]);
    const prepare = vi.fn(() => {
      throw new Error('adapter bug');
    });
    const t = deps(rowAdapter({ prepare }));
    const core = startCore(t.d);
    await core.started;
    await flush();
    expect(prepare).toHaveBeenCalledTimes(1);
    await core.refresh();
    await flush();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(t.joined.requests.filter((r) => r.prepare)).toHaveLength(1);
    // The rows arrive: badges as ever.
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.week = '2026-02-23';
    list.append(row);
    await core.refresh();
    expect(hosts()).toHaveLength(1);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('a re-used row (now another week) gets its badge re-keyed, not a second one', async () => {
    const list = setupRows(['2026-02-23', '2026-02-16']);
    const core = startCore(deps(rowAdapter()).d);
    await core.started;
    const first = hosts()[0];
    (list.firstElementChild as HTMLElement).dataset.week = '2026-02-09';
    await core.refresh();
    expect(hosts()).toHaveLength(2);
    expect(hosts()[0]).toBe(first);
    expect(first!.getAttribute('data-knee-check-key')).toBe('w:2026-02-09');
    expect(texts()[0]).toBe('w:2026-02-09 18.0 km · no runs the week before · single-run spike +100%');
    core.stop();
  });

  it('removes badges whose anchor is gone, and adds them for new rows (via the observer)', async () => {
    const list = setupRows(['2026-02-23', '2026-02-16']);
    const core = startCore(deps(rowAdapter()).d);
    await core.started;
    list.lastElementChild!.remove();
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.week = '2026-02-09';
    list.append(row);
    await flush();
    await core.refresh();
    expect(texts().map((t) => t.split(' ')[0])).toEqual(['w:2026-02-23', 'w:2026-02-09']);
    core.stop();
  });

  it('follows settings: units, the site switch', async () => {
    setupRows(['2026-02-23']);
    const t = deps(rowAdapter());
    const core = startCore(t.d);
    await core.started;
    t.setSettings({ ...defaultSettings(), units: 'mi' });
    await core.refresh();
    expect(texts()[0]).toMatch(/^w:2026-02-23 16\.4 mi · \+47% vs last week/);
    t.setSettings({ ...defaultSettings(), sites: { strava: false, garmin: true, intervals: true } });
    await core.refresh();
    expect(hosts()).toHaveLength(0);
    t.setSettings(defaultSettings());
    await core.refresh();
    expect(hosts()).toHaveLength(1);
    core.stop();
  });

  it("a row showing the site's Monday week stays that week for a runner whose weeks start on Sunday", async () => {
    setupRows(['2026-02-23']);
    const t = deps(rowAdapter());
    const core = startCore(t.d);
    await core.started;
    t.setSettings({ ...defaultSettings(), weekStartsOn: 'sunday' });
    await core.refresh();
    expect(texts()[0]).toMatch(/^w:2026-02-23 26\.4 km · \+47% vs last week/);
    core.stop();
  });

  it("a row summarises the 7 days from its own first day (Sunday, Saturday or Monday), whatever the runner's setting", async () => {
    // Sun 22 Feb, Sat 28 Feb (a week in progress on Wed 4 Mar, 12:00) and Mon 23 Feb rows.
    const expected = [
      'w:2026-02-22 19.0 km · -5% vs last week',
      'w:2026-02-28 17.4 km so far · Sat–Wed last week: 19.0 km · single-run spike +45%',
      'w:2026-02-23 26.4 km · +47% vs last week · single-run spike +45%',
    ];
    for (const weekStartsOn of ['monday', 'sunday'] as const) {
      setupRows(['2026-02-22', '2026-02-28', '2026-02-23']);
      const t = deps(rowAdapter());
      const core = startCore(t.d);
      await core.started;
      t.setSettings({ ...defaultSettings(), weekStartsOn });
      await core.refresh();
      expect(texts()).toEqual(expected);
      core.stop();
    }
  });

  it("an anchor without a week (a current-week widget) is the current week in the runner's setting", async () => {
    document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'rows' }));
    const widget = rowAdapter({
      findAnchors: (doc) => [{ key: 'this-week', element: doc.getElementById('rows')!, placement: 'append' }],
    });
    const t = deps(widget);
    const core = startCore(t.d);
    await core.started;
    // Monday setting: Mon 2 – Wed 4 Mar, nothing yet.
    expect(texts()).toEqual(['this-week 0.0 km so far · Mon–Wed last week: 9.0 km']);
    t.setSettings({ ...defaultSettings(), weekStartsOn: 'sunday' });
    await core.refresh();
    // Sunday setting: Sun 1 – Wed 4 Mar, with Sunday's 17.4 km.
    expect(texts()).toEqual(['this-week 17.4 km so far · Sun–Wed last week: 19.0 km · single-run spike +45%']);
    core.stop();
  });

  it('invalidation removes every badge and stops listening', async () => {
    setupRows(['2026-02-23', '2026-02-16']);
    const t = deps(rowAdapter());
    const core = startCore(t.d);
    await core.started;
    expect(hosts()).toHaveLength(2);
    t.invalidate();
    expect(hosts()).toHaveLength(0);
    expect(t.watching()).toBe(false);
    await core.refresh();
    expect(hosts()).toHaveLength(0);
  });

  it('an orphaned script (isValid false) removes its badges at the next pass', async () => {
    setupRows(['2026-02-23']);
    let valid = true;
    const core = startCore(deps(rowAdapter(), { isValid: () => valid }).d);
    await core.started;
    expect(hosts()).toHaveLength(1);
    valid = false;
    await core.refresh();
    expect(hosts()).toHaveLength(0);
  });

  it("route change: picks again, drops the old page's badges", async () => {
    setupRows(['2026-02-23']);
    let href = 'https://www.strava.com/athletes/1/training/log';
    const t = deps(rowAdapter(), { currentUrl: () => new URL(href) });
    const core = startCore(t.d);
    await core.started;
    expect(hosts()).toHaveLength(1);
    href = 'https://example.com/elsewhere';
    t.navigate();
    await flush();
    await core.refresh();
    expect(hosts()).toHaveLength(0);
    // Nothing to watch there: new rows do not bring badges back.
    setupRows(['2026-02-16']);
    await flush();
    expect(hosts()).toHaveLength(0);
    core.stop();
  });

  it('leftovers of an older copy of the script are removed at start', async () => {
    const list = setupRows(['2026-02-23']);
    const stale = document.createElement('knee-check-badge');
    stale.setAttribute('data-knee-check-key', 'w:2026-02-23');
    list.firstElementChild!.append(stale);
    const core = startCore(deps(rowAdapter()).d);
    await core.started;
    expect(stale.isConnected).toBe(false);
    expect(hosts()).toHaveLength(1);
    core.stop();
  });

  it('no summary for an anchor: no badge; no runs at all: weeks with nothing', async () => {
    setupRows(['2026-02-23', 'not-a-date']);
    const core = startCore(deps(rowAdapter()).d);
    await core.started;
    expect(texts().map((t) => t.split(' ')[0])).toEqual(['w:2026-02-23']);
    core.stop();
  });

  describe('adapters that break never throw into the page', () => {
    const breakers: [string, Partial<SiteAdapter>][] = [
      [
        'findAnchors throws',
        {
          findAnchors: () => {
            throw new Error('boom');
          },
        },
      ],
      ['findAnchors returns junk', { findAnchors: () => [null, 1, { key: 5 }, { key: 'x', element: {} }] as unknown as BadgeAnchor[] }],
      ['readRuns rejects', { readRuns: () => Promise.reject(new Error('boom')) }],
      [
        'readRuns throws',
        {
          readRuns: () => {
            throw new Error('boom');
          },
        },
      ],
      ['readRuns returns junk', { readRuns: async () => 'nope' as unknown as Run[] }],
      [
        'pageKind throws',
        {
          pageKind: () => {
            throw new Error('boom');
          },
        },
      ],
      [
        'observeRoot throws',
        {
          observeRoot: () => {
            throw new Error('boom');
          },
        },
      ],
      [
        'matches throws',
        {
          matches: () => {
            throw new Error('boom');
          },
        },
      ],
    ];
    it.each(breakers)('%s', async (_name, over) => {
      setupRows(['2026-02-23']);
      const t = deps(rowAdapter(over));
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      const core = startCore(t.d);
      await expect(core.started).resolves.toBeUndefined();
      await expect(core.refresh()).resolves.toBeUndefined();
      await flush();
      window.removeEventListener('error', onError);
      expect(errors).toEqual([]);
      // At most one debug line per kind of failure, never console.error.
      const kinds = t.debug.mock.calls.map((c) => c[0]);
      expect(new Set(kinds).size).toBe(kinds.length);
      core.stop();
    });

    it('a throwing settings read in the background: no badges, nothing escapes', async () => {
      setupRows(['2026-02-23']);
      const core = startCore(deps(rowAdapter(), {}, { settings: () => Promise.reject(new Error('storage gone')) }).d);
      await expect(core.started).resolves.toBeUndefined();
      expect(hosts()).toHaveLength(0);
    });
  });

  it('asks the background only when what the page shows changed, a refused read again after a minute, at once when the reader lacked something', async () => {
    const list = setupRows(['2026-02-23']);
    const view: BadgeView = {
      level: 'ok',
      label: 'Load OK',
      text: '10 km',
      ariaLabel: 'x',
      title: 't',
      lines: [],
      evidence: 'e',
      cta: 'c',
    };
    const requests: PassRequest[] = [];
    let reply: Omit<PassReply, 'views'> = { card: null };
    let onChange = () => {};
    let t = 0;
    const ticking: Clock = { now: () => t, yieldTask: (fn) => void Promise.resolve().then(fn) };
    const part: PagePart = {
      id: 'page-half',
      site: 'strava',
      matches: () => true,
      findAnchors: rowAdapter().findAnchors,
      facts: () => ({ key: 'same facts', data: { weeks: 1 } }),
      accept: (state) => state === 'send the text',
    };
    const core = startCore({
      ...deps(null).d,
      clock: ticking,
      parts: [part],
      send: async (request) => {
        requests.push(request);
        const out = { views: request.weeks.map(() => view), ...reply };
        // The reader lacks the text once: the next request carries it.
        if (reply.state) reply = { card: null };
        return out;
      },
      watchChanges: (cb) => ((onChange = cb), () => {}),
    });
    await core.started;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ adapter: 'page-half', site: 'strava', weeks: ['2026-02-23'], read: true, facts: { weeks: 1 } });
    await core.refresh();
    await core.refresh();
    expect(requests).toHaveLength(1);
    expect(hosts()).toHaveLength(1);
    // A new row: its week is asked for.
    const row = document.createElement('div');
    row.className = 'row';
    row.dataset.week = '2026-02-16';
    list.append(row);
    await core.refresh();
    expect(requests).toHaveLength(2);
    expect(hosts()).toHaveLength(2);
    // Settings changed (the background says so): asked again.
    onChange();
    await core.refresh();
    expect(requests).toHaveLength(3);
    // A refused read: the same page is asked again after a minute, not before.
    reply = { card: null, retry: true };
    onChange();
    await core.refresh();
    expect(requests).toHaveLength(4);
    t += 30_000;
    await core.refresh();
    expect(requests).toHaveLength(4);
    t += 30_001;
    await core.refresh();
    expect(requests).toHaveLength(5);
    // The reader lacked what the facts left out (a restarted background): at once, in the same pass.
    reply = { card: null, state: 'send the text' };
    onChange();
    await core.refresh();
    expect(requests).toHaveLength(7);
    core.stop();
  });

  it('places 52 badges in slices that end before the budget (a clock that ticks per reading)', async () => {
    const weeks = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2026, 1, 23) - i * 7 * 86_400_000).toISOString().slice(0, 10));
    setupRows(weeks);
    let t = 0;
    const ticking: Clock = { now: () => (t += 0.25), yieldTask: (fn) => void Promise.resolve().then(fn) };
    const run = deps(rowAdapter(), { clock: ticking, sliceBudgetMs: 4 });
    const core = startCore(run.d);
    await core.started;
    expect(hosts()).toHaveLength(52);
    const pass = run.passes.find((p) => p.rendered === 52)!;
    expect(pass.slices.length).toBeGreaterThan(3);
    // Each slice stops while one more item would still fit (+ the clock reading that measures it).
    expect(Math.max(...pass.slices)).toBeLessThanOrEqual(4 + 0.25);
    // All 52 go in together, after the last slice: one layout for the page, not one per slice.
    expect(document.querySelectorAll('.row > [data-knee-check-key]')).toHaveLength(52);
    core.stop();
  });
});
