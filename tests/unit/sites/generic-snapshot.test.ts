// @vitest-environment happy-dom
// The user-added sites' detector split in two: the page half (lib/sites/generic-page) sends a
// snapshot, the background (customRead in lib/background/page-service) runs the detector on it and
// answers which elements get a badge. The same badges as the detector on the document; the
// snapshot sent once per change of the page; a restarted background asks for it again; whatever
// the page sends, nothing thrown and nothing made up.
import { afterEach, describe, expect, it } from 'vitest';
import { createPageService, customRead, forgetCustomPages, passRequestOf } from '../../../lib/background/page-service';
import { startCore, type CoreHandle } from '../../../lib/content/core';
import type { PassRequest } from '../../../lib/content/pass';
import { defaultSettings } from '../../../lib/settings/defaults';
import { analyseSnapshot, createGenericAdapter, findVisibleWeeks } from '../../../lib/sites/generic';
import {
  createGenericPage,
  MAX_DEPTH,
  ROW_SHORT,
  SHORT,
  SHOWN,
  snapshotOf,
  type GenericFacts,
  type GenericState,
  type SnapNode,
} from '../../../lib/sites/generic-page';
import type { PagePart } from '../../../lib/sites/reading';
import { fakeContext, htmlDocument, loadPage } from './other-sites-helpers';

const TODAY = '2026-02-18';
const PAGES = ['custom-activity-log.html', 'custom-weekly-table.html', 'custom-this-last.html', 'custom-no-data.html'];
let n = 0;
const pageKey = () => `1:0:page-${++n}`;

/** One exchange as the core makes it: the facts sent, the state accepted. True: ask again. */
function exchange(part: PagePart, doc: Document, key: string) {
  const facts = part.facts(doc, TODAY)!;
  const data = facts.data as GenericFacts;
  const out = customRead(JSON.parse(JSON.stringify(data)), key, TODAY);
  const again = part.accept?.(out?.state ?? null, facts, TODAY) === true;
  return { data, out, again };
}

describe('the detector on a snapshot', () => {
  it.each(PAGES)('%s: the same badges as the detector on the document after its read', async (page) => {
    const doc = loadPage(page);
    const adapter = createGenericAdapter();
    const runs = await adapter.readRuns(doc, fakeContext({}, TODAY));
    const expected = adapter.findAnchors(doc);

    const part = createGenericPage();
    expect(part.findAnchors(doc)).toEqual([]); // nothing before the background answers
    const { data, out, again } = exchange(part, doc, pageKey());
    expect(data.snap).toBeDefined();
    expect(again).toBe(false);
    expect(out!.runs).toEqual(findVisibleWeeks(doc).length ? runs : []);
    const anchors = part.findAnchors(doc);
    expect(anchors.map((a) => [a.key, a.weekStart, a.placement])).toEqual(expected.map((a) => [a.key, a.weekStart, a.placement]));
    expect(anchors.every((a, i) => a.element === expected[i]!.element)).toBe(true);
  });

  it('the weekly totals and runs read from the snapshot are those read from the document', () => {
    const doc = loadPage('custom-activity-log.html');
    const reading = analyseSnapshot(JSON.parse(JSON.stringify(snapshotOf(doc.body).snap)))!;
    const weeks = findVisibleWeeks(doc);
    expect(reading.weeks.map((w) => [w.key, w.weekStart, w.visible])).toEqual(weeks.map((w) => [w.key, w.weekStart, w.visible]));
    const { els } = snapshotOf(doc.body);
    expect(reading.weeks.map((w) => els[w.index])).toEqual(weeks.map((w) => w.element));
    expect(reading.runs).toHaveLength(34);
  });

  it('the notes: the dated rows as the source, complete from the day after the earliest', () => {
    const part = createGenericPage();
    const { out } = exchange(part, loadPage('custom-activity-log.html'), pageKey());
    expect(out!.notes).toEqual({ sources: [{ source: 'page:dated-rows', runs: 34 }], coveredFrom: '2025-12-03' });
    expect(out!.version).toBe(JSON.stringify(out!.runs));
  });

  it('the snapshot goes once per change of the page; a restarted background asks for it again', () => {
    const doc = loadPage('custom-activity-log.html');
    const part = createGenericPage();
    const key = pageKey();
    expect(exchange(part, doc, key).data.snap).toBeDefined();
    const second = exchange(part, doc, key);
    expect(second.data).toEqual({ sig: expect.any(String) });
    expect((second.out!.state as GenericState).anchors).toHaveLength(5);
    // The background restarted (or forgot the tab): it says it lacks the snapshot; the page half asks again with it.
    forgetCustomPages('1:0:');
    const lost = exchange(part, doc, key);
    expect(lost.data.snap).toBeUndefined();
    expect(lost.out).toMatchObject({ runs: [], state: { needSnapshot: true } });
    expect(lost.again).toBe(true);
    expect(part.findAnchors(doc)).toHaveLength(5); // the last answer still holds for this snapshot
    const resent = exchange(part, doc, key);
    expect(resent.data.snap).toBeDefined();
    expect(resent.again).toBe(false);
    expect(part.findAnchors(doc)).toHaveLength(5);
  });

  it('a changed page: no badge until the background has read its new snapshot', () => {
    const doc = loadPage('custom-activity-log.html');
    const part = createGenericPage();
    const key = pageKey();
    exchange(part, doc, key);
    const before = part.findAnchors(doc);
    expect(before).toHaveLength(5);
    before.at(-1)!.element.textContent = '9,0\u00a0km';
    expect(part.findAnchors(doc)).toEqual([]);
    const { data } = exchange(part, doc, key);
    expect(data.snap).toBeDefined();
    const after = part.findAnchors(doc);
    expect(after).toHaveLength(5);
    expect(after.at(-1)!.element).toBe(before.at(-1)!.element);
  });

  it('our own badges are not part of the snapshot (the page stays the same with them)', () => {
    const doc = loadPage('custom-activity-log.html');
    const part = createGenericPage();
    const key = pageKey();
    exchange(part, doc, key);
    for (const anchor of part.findAnchors(doc)) {
      const badge = doc.createElement('knee-check-badge');
      badge.setAttribute('data-knee-check-key', anchor.key);
      anchor.element.after(badge);
    }
    expect(part.findAnchors(doc)).toHaveLength(5);
    expect(exchange(part, doc, key).data.snap).toBeUndefined();
  });

  it('elements replaced by the same markup: the same snapshot, badges on the new elements', () => {
    const doc = loadPage('custom-activity-log.html');
    const part = createGenericPage();
    const key = pageKey();
    exchange(part, doc, key);
    const old = part.findAnchors(doc)[0]!.element;
    const markup = doc.body.innerHTML;
    doc.body.innerHTML = markup;
    const anchors = part.findAnchors(doc);
    expect(anchors).toHaveLength(5);
    expect(anchors[0]!.element).not.toBe(old);
    expect(anchors[0]!.element.isConnected).toBe(true);
    expect(exchange(part, doc, key).data.snap).toBeUndefined();
  });

  it('a page without weekly totals: no runs, so nothing is captured from it', () => {
    const doc = htmlDocument(`<!doctype html><body><ul>
      <li>Run <time datetime="2026-02-10T07:00">Tue</time> 8 km</li>
      <li>Run <time datetime="2026-02-12T07:00">Thu</time> 10 km</li>
    </ul></body>`);
    const { out } = exchange(createGenericPage(), doc, pageKey());
    expect(out).toMatchObject({ runs: [], notes: {}, state: { has: true, anchors: [] } });
  });
});

describe('what the page sends is untrusted', () => {
  const ok: SnapNode = ['BODY', 0, 0, ['P', SHORT | ROW_SHORT | SHOWN, 0, 'This week ', ['B', SHORT | ROW_SHORT | SHOWN, 0, '12 km']]];
  const deep = (depth: number): SnapNode => (depth === 0 ? ['B', 0, 0] : ['DIV', 0, 0, deep(depth - 1)]);

  it('a well-formed snapshot is read', () => {
    expect(analyseSnapshot(ok)!.weeks).toMatchObject([{ index: 2, key: 'generic-week:this', visible: { km: 12 } }]);
    expect(analyseSnapshot(deep(MAX_DEPTH))).not.toBeNull();
  });

  it('malformed snapshots are refused, never thrown', () => {
    for (const bad of [
      null,
      'BODY',
      [],
      ['BODY', 0],
      [5, 0, 0],
      ['BODY', 'shown', 0],
      ['BODY', 1.5, 0],
      ['BODY', 0, []],
      ['BODY', 0, 'role=row'],
      ['BODY', 0, { title: 5 }],
      ['BODY', 0, { title: 'x'.repeat(401) }],
      ['BODY', 0, 0, 7],
      ['BODY', 0, 0, { tag: 'P' }],
      ['x'.repeat(65), 0, 0],
      ['BODY', 0, 0, ...Array.from({ length: 20_001 }, () => ['I', 0, 0])],
      ['BODY', 0, 0, 'x'.repeat(4_000_001)],
      deep(MAX_DEPTH + 1),
    ])
      expect(analyseSnapshot(bad)).toBeNull();
    const cyclic: unknown[] = ['BODY', 0, 0];
    cyclic.push(cyclic);
    expect(analyseSnapshot(cyclic)).toBeNull();
  });

  it('facts without a key, or a malformed snapshot: no read', () => {
    const key = pageKey();
    expect(customRead(null, key, TODAY)).toBeNull();
    expect(customRead({ snap: ok }, key, TODAY)).toBeNull();
    expect(customRead({ sig: 5, snap: ok }, key, TODAY)).toBeNull();
    expect(customRead({ sig: 'x'.repeat(101), snap: ok }, key, TODAY)).toBeNull();
    expect(customRead({ sig: 'a', snap: ['BODY'] }, key, TODAY)).toBeNull();
    expect(customRead({ sig: 'a', snap: ok }, key, TODAY)).toMatchObject({ state: { sig: 'a', has: true } });
  });

  it('anchors only for weeks with a date or "this week"; the flags the page sent are what counts', () => {
    const hidden: SnapNode = ['BODY', 0, 0, ['P', SHORT | ROW_SHORT, 0, 'This week ', ['B', SHORT | ROW_SHORT, 0, '12 km']]];
    expect(analyseSnapshot(hidden)!.weeks).toEqual([]);
    const woche: SnapNode = ['BODY', 0, 0, ['P', SHORT | ROW_SHORT | SHOWN, 0, 'Woche 3 ', ['B', SHORT | ROW_SHORT | SHOWN, 0, '12 km']]];
    expect(analyseSnapshot(woche)!.weeks).toEqual([]);
  });
});

describe('the core, the page half and the page service together', () => {
  const cores: CoreHandle[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.stop();
  });

  it('badges the weeks the dated rows cover; the snapshot is sent once', async () => {
    const doc = loadPage('custom-activity-log.html');
    const SITE = 'https://log.example';
    const service = createPageService({
      settings: () => ({ ...defaultSettings(), customSites: [SITE] }),
      read: async (request, where) => customRead(request.facts, where.key, request.today),
      locale: 'en-GB',
    });
    const sent: PassRequest[] = [];
    const core = startCore({
      doc,
      win: window as unknown as Window & typeof globalThis,
      clock: { now: () => performance.now(), yieldTask: (fn) => void Promise.resolve().then(fn) },
      currentUrl: () => new URL(`${SITE}/log`),
      parts: [createGenericPage()],
      page: 'tok',
      send: async (m) => {
        const request = passRequestOf(JSON.parse(JSON.stringify(m)))!;
        sent.push(request);
        return service.pass(request, { tabId: 9, frameId: 0, key: `9:0:${request.page}`, origin: SITE, top: true });
      },
      watchChanges: () => () => undefined,
      localNow: () => ({ today: TODAY, now: `${TODAY}T12:00` }),
      onInvalidated: () => undefined,
      onLocationChange: () => undefined,
    });
    cores.push(core);
    await core.started;
    const badges = [...doc.querySelectorAll('[data-knee-check-key]')];
    expect(badges.map((b) => b.getAttribute('data-knee-check-key'))).toEqual([
      'generic-week:2026-01-19',
      'generic-week:2026-01-26',
      'generic-week:2026-02-02',
      'generic-week:2026-02-09',
      'generic-week:2026-02-16',
    ]);
    expect(badges.every((b) => /^\d+\.\d km/.test(core.kit.inspect(b)!.text))).toBe(true);
    expect(sent.filter((r) => (r.facts as GenericFacts).snap !== undefined)).toHaveLength(1);
    await core.refresh();
    expect(sent.filter((r) => (r.facts as GenericFacts).snap !== undefined)).toHaveLength(1);
    expect(doc.querySelectorAll('[data-knee-check-key]')).toHaveLength(5);
  });
});
