// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createGenericAdapter, distanceElements, findVisibleWeeks, runsFromRows, visibleWeekOf } from '../../../lib/sites/generic';
import * as WORDS from '../../../lib/sites/generic-words';
import { KM_PER_MILE } from '../../../lib/sites/parse-distance';
import { fakeContext, htmlDocument, loadPage, mergedNotes } from './other-sites-helpers';

const ctx = () => fakeContext({}, '2026-02-18');

describe('findVisibleWeeks', () => {
  it('reads a table of weeks; compares a week only with the previous week shown on the page', () => {
    const weeks = findVisibleWeeks(loadPage('custom-weekly-table.html'));
    expect(weeks.map((w) => [w.weekStart, w.visible.km, w.visible.previousKm])).toEqual([
      ['2026-01-26', 25, null],
      ['2026-02-02', 29.5, 25],
      ['2026-02-09', 35, 29.5],
      ['2026-02-23', 5, null], // the week before (W08) is not on the page: no comparison
    ]);
    expect(weeks[0]!.element.tagName).toBe('TD');
    expect(weeks[0]!.visible.text).toBe('25,0 km');
    expect(weeks[0]!.placement).toBe('after');
  });

  it('reads "This week" beside "Last week" (unit in an <abbr>), ignoring longest run, pace and weekend', () => {
    const weeks = findVisibleWeeks(loadPage('custom-this-last.html'));
    expect(weeks).toHaveLength(1);
    const [week] = weeks;
    expect(week!.weekStart).toBeUndefined();
    expect(week!.visible.relative).toBe('this');
    expect(week!.visible.km).toBeCloseTo(12.4 * KM_PER_MILE, 9);
    expect(week!.visible.previousKm).toBeCloseTo(20.1 * KM_PER_MILE, 9);
    expect(visibleWeekOf(week!)).toBe(week!.visible);
  });

  it('reads weekly summary rows of an activity log', () => {
    const weeks = findVisibleWeeks(loadPage('custom-activity-log.html'));
    expect(weeks).toHaveLength(12);
    expect(weeks[0]!.weekStart).toBe('2025-12-01');
    expect(weeks.at(-1)).toMatchObject({ weekStart: '2026-02-16', visible: { km: 8, previousKm: 31 } });
  });

  it('finds nothing on a page without weekly totals (prose, speeds, "weekend", "weekday")', () => {
    expect(findVisibleWeeks(loadPage('custom-no-data.html'))).toEqual([]);
  });

  it('never throws on odd documents', () => {
    expect(findVisibleWeeks(htmlDocument(''))).toEqual([]);
    expect(findVisibleWeeks(null as unknown as Document)).toEqual([]);
    expect(visibleWeekOf({ key: 'k', element: document.body, placement: 'append' })).toBeNull();
  });

  it('skips hidden elements and our own badges', () => {
    const doc = htmlDocument(`<!doctype html><body>
      <div hidden><span>This week</span> <b>10 km</b></div>
      <div style="display:none"><span>This week</span> <b>11 km</b></div>
      <knee-check-badge data-knee-check-key="x"><span>This week</span> <b>12 km</b></knee-check-badge>
      <div aria-hidden="true"><span>This week</span> <b>13 km</b></div>
    </body>`);
    expect(findVisibleWeeks(doc)).toEqual([]);
  });

  it('two different distances under one label are ambiguous: no reading', () => {
    const doc = htmlDocument('<p>This week: <b>10 km</b> run, <b>40 km</b> ride</p>');
    expect(findVisibleWeeks(doc)).toEqual([]);
  });

  it('labels in other languages', () => {
    for (const [label, value] of [
      ['Cette semaine', '12,4 km'],
      ['Esta semana', '12,4 km'],
      ['Diese Woche', '12,4 km'],
      ['Questa settimana', '12,4 km'],
      ['Deze week', '12,4 km'],
      ['Denna vecka', '12,4 km'],
      ['Эта неделя', '12,4 км'],
      ['今週', '12.4 km'],
      ['本周', '12.4 km'],
      ['이번 주', '12.4 km'],
      ['This week', '１２.４ ｋｍ'],
    ]) {
      const weeks = findVisibleWeeks(htmlDocument(`<div><span>${label}</span> <span>${value}</span></div>`));
      expect(
        weeks.map((w) => [w.visible.km, w.visible.relative]),
        label,
      ).toEqual([[12.4, 'this']]);
    }
  });
});

describe('distanceElements', () => {
  it('returns the smallest element holding one distance', () => {
    const doc = htmlDocument('<div id="a"><p id="b"><span id="c">12.4</span><abbr id="d">mi</abbr></p><p id="e">5 km</p></div>');
    expect(distanceElements(doc).map((h) => h.element.id)).toEqual(['b', 'e']);
  });
});

describe('runsFromRows', () => {
  it('reads dated running rows of an activity log; skips rides and weekly summary rows', () => {
    const runs = runsFromRows(loadPage('custom-activity-log.html'));
    expect(runs[0]).toEqual({ start: '2025-12-02T07:00:00', km: 7 });
    expect(runs.every((r) => r.km < 20)).toBe(true); // no 40 km rides, no weekly totals
    const feb9 = runs.filter((r) => r.start >= '2026-02-09' && r.start < '2026-02-16');
    expect(feb9.map((r) => r.km)).toEqual([7.5, 9, 14.5]);
    expect(runs).toHaveLength(12 * 3 - 2); // the last week has only Tuesday so far
  });

  it('needs a date, one distance and a running label', () => {
    const doc = htmlDocument(`<!doctype html><body><ul>
      <li>Run <time datetime="2026-02-10T07:00">Tue</time> 8 km</li>
      <li>Run, no date, 8 km</li>
      <li>Something <time datetime="2026-02-11T07:00">Wed</time> 8 km</li>
      <li>Run <time datetime="2026-02-12T07:00">Thu</time> <time datetime="2026-02-13T07:00">Fri</time> 8 km</li>
      <li>Run <time datetime="2026-02-14T07:00">Sat</time> 8 km and 12 km</li>
      <li>Run + bike <time datetime="2026-02-15T07:00">Sun</time> 8 km</li>
      <li>Morning run 2026-02-16 07:05 · 6,5 km · 35:00</li>
    </ul></body>`);
    expect(runsFromRows(doc)).toEqual([
      { start: '2026-02-10T07:00:00', km: 8 },
      { start: '2026-02-16T07:05:00', km: 6.5 },
    ]);
  });

  it('no rows, no runs', () => {
    expect(runsFromRows(loadPage('custom-this-last.html'))).toEqual([]);
    expect(runsFromRows(loadPage('custom-weekly-table.html'))).toEqual([]);
  });
});

describe('genericAdapter', () => {
  it('matches web pages only (the core picks it by settings.customSites)', () => {
    const adapter = createGenericAdapter();
    expect(adapter.site).toBe('custom');
    expect(adapter.matches(new URL('https://log.example/weeks'))).toBe(true);
    expect(adapter.matches(new URL('http://localhost:8080/'))).toBe(true);
    expect(adapter.matches(new URL('http://log.example/'))).toBe(false);
    expect(adapter.matches(new URL('file:///tmp/x.html'))).toBe(false);
    expect(adapter.matches(new URL('chrome://extensions/'))).toBe(false);
    expect(adapter.matches(new URL('ftp://log.example/'))).toBe(false);
  });

  it('reports what it read: the dated rows as its source, complete from the day after the earliest', async () => {
    const context = ctx();
    const runs = await createGenericAdapter().readRuns(loadPage('custom-activity-log.html'), context);
    const notes = mergedNotes(context.notes);
    expect(notes.sources).toEqual([{ source: 'page:dated-rows', runs: runs.length }]);
    expect(notes.coveredFrom! > runs[0]!.start.slice(0, 10)).toBe(true);
  });

  it('with dated runs: anchors only for weeks the runs fully cover (the week before and 30 days)', async () => {
    const doc = loadPage('custom-activity-log.html');
    const adapter = createGenericAdapter();
    expect(adapter.findAnchors(doc)).toHaveLength(12); // before reading: ask for runs
    const runs = await adapter.readRuns(doc, ctx());
    expect(runs.length).toBeGreaterThan(0);
    const anchors = adapter.findAnchors(doc);
    // Runs start on 2025-12-02: only weeks from 2026-01-19 have 41 days of rows before them.
    expect(anchors.map((a) => a.weekStart)).toEqual(['2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16']);
    expect(anchors.every((a) => visibleWeekOf(a) !== null)).toBe(true);
  });

  it('without dated runs: no anchor (no badge rather than a wrong one)', async () => {
    for (const page of ['custom-weekly-table.html', 'custom-this-last.html', 'custom-no-data.html']) {
      const doc = loadPage(page);
      const adapter = createGenericAdapter();
      expect(await adapter.readRuns(doc, ctx())).toEqual([]);
      expect(adapter.findAnchors(doc), page).toEqual([]);
    }
  });

  it('rescans when the page changes (a re-render), and not otherwise', async () => {
    const doc = loadPage('custom-activity-log.html');
    const adapter = createGenericAdapter();
    await adapter.readRuns(doc, ctx());
    const first = adapter.findAnchors(doc);
    expect(adapter.findAnchors(doc)[0]).toBe(first[0]); // same scan reused
    const last = first.at(-1)!;
    last.element.textContent = '9,0\u00a0km';
    expect(adapter.findAnchors(doc).at(-1)!.visible.km).toBe(9);
  });

  it('hands back the same runs array while the page is unchanged (the core compares by identity)', async () => {
    const doc = loadPage('custom-activity-log.html');
    const adapter = createGenericAdapter();
    const first = await adapter.readRuns(doc, ctx());
    expect(await adapter.readRuns(doc, ctx())).toBe(first);
  });

  it('weeks that appear later are offered once (so the core reads), then kept only if covered', async () => {
    const doc = loadPage('custom-this-last.html');
    const adapter = createGenericAdapter();
    await adapter.readRuns(doc, ctx());
    expect(adapter.findAnchors(doc)).toEqual([]);
    // The page re-renders into the activity log (SPA): its weeks were never read, so they are offered.
    const log = loadPage('custom-activity-log.html');
    expect(adapter.findAnchors(log)).toHaveLength(12);
    await adapter.readRuns(log, ctx());
    expect(adapter.findAnchors(log)).toHaveLength(5);
  });

  it('never throws', async () => {
    const adapter = createGenericAdapter();
    await expect(adapter.readRuns(null as unknown as Document, ctx())).resolves.toEqual([]);
    expect(adapter.findAnchors(null as unknown as Document)).toEqual([]);
  });
});

describe('generic-words: the word lists as data', () => {
  it('every list is non-empty, lower case, without duplicates, and each entry a valid pattern', () => {
    for (const [name, list] of Object.entries(WORDS)) {
      expect(list.length, name).toBeGreaterThan(0);
      expect(new Set(list).size, name).toBe(list.length);
      for (const word of list) {
        const text = word.replaceAll('\\p{L}', '');
        expect(text, name).toBe(text.toLowerCase());
        expect(() => new RegExp(word, 'iu'), `${name}: ${word}`).not.toThrow();
      }
    }
  });

  it('a phrase from the lists is what makes a weekly total readable', () => {
    for (const label of ['Cette semaine', 'Diese Woche', '今週', 'Tämä viikko']) {
      const weeks = findVisibleWeeks(htmlDocument(`<main><div><span>${label}</span> <span>12,5 km</span></div></main>`));
      expect(
        weeks.map((w) => [w.visible.km, w.visible.relative]),
        label,
      ).toEqual([[12.5, 'this']]);
    }
    expect(findVisibleWeeks(htmlDocument('<main><div><span>Weekend long run</span> <span>12,5 km</span></div></main>'))).toEqual([]);
  });
});
