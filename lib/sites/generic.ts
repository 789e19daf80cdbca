// The generic detector for sites the runner added themselves (settings.customSites). Nothing is
// known about these pages, so it reads visible text as a last resort and stays conservative:
// no badge rather than a wrong one.
//
// - URLs: any https page (or http://localhost) of an origin the runner added; the core decides.
// - Words it looks for (week labels, running and other sports): ./generic-words.ts, as data.
// - Weekly totals: a distance (parse-distance.ts) next to a "week" label in one of several
//   languages, or the distance column of a table whose header names weeks. Each carries what was
//   read (`visible`): its km and, only when the page shows it too, the previous week's km
//   (consecutive dated rows, or "this week" beside "last week"). Nothing is inferred.
// - Runs: only when the page carries dated data: rows (tr, li, [role=row], article) with exactly
//   one machine-readable date (time[datetime], data-date, ISO text), exactly one distance and a
//   running label, and no other sport named.
// - Anchors: a badge from the runs is honest only for weeks those rows fully cover, so
//   findAnchors returns the weekly totals whose week (and the 35 days before it) lies inside
//   the dated runs read; with no dated runs, no anchor, and the core places nothing. The visible
//   totals stay available (findVisibleWeeks / visibleWeekOf) for a badge that only restates
//   what the page shows.
// Pure of zod and Preact: the content script imports this module.
import { SPIKE_LOOKBACK_DAYS } from '../evidence/numbers';
import { addDays, formatDateTime, parseDay, parseWallClockMs } from '../load/dates';
import { isFiniteNumber } from '../guards';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import {
  LAST_WEEK_PHRASES,
  OTHER_SPORT_STEMS,
  RUN_SCRIPT_WORDS,
  RUN_STEMS,
  THIS_WEEK_PHRASES,
  WEEK_SCRIPT_WORDS,
  WEEK_STEMS,
} from './generic-words';
import { parseDistance } from './parse-distance';
import { noteTo } from './notes';
import type { PagePart } from './reading';
import type { AdapterContext, AdapterNotes, BadgeAnchor, SiteAdapter } from './types';
import { dateFromValue, dateOfElement, isShown } from './week-anchors';

/** A weekly total as the page shows it. */
export interface VisibleWeek {
  /** The total as read, km. */
  km: number;
  /** The previous week's total as read on the same page, km; null when the page does not show it. */
  previousKm: number | null;
  /** "this" or "last" when a label says so; null for a dated or unlabelled week. */
  relative: 'this' | 'last' | null;
  /** The visible text it was read from (trimmed, at most 80 characters). */
  text: string;
}

export interface VisibleWeekAnchor extends BadgeAnchor {
  visible: VisibleWeek;
}

/** The visible weekly total an anchor carries, when the generic detector made it. */
export function visibleWeekOf(anchor: BadgeAnchor): VisibleWeek | null {
  const visible = (anchor as Partial<VisibleWeekAnchor>).visible;
  return visible && isFiniteNumber(visible.km) ? visible : null;
}

const LETTER_BEFORE = '(?<![\\p{L}])';
const LETTER_AFTER = '(?![\\p{L}])';
const WEEK_LABEL = new RegExp(`${LETTER_BEFORE}(?:${WEEK_STEMS.join('|')})|${WEEK_SCRIPT_WORDS.join('|')}`, 'iu');
const THIS_WEEK = new RegExp(THIS_WEEK_PHRASES.join('|'), 'iu');
const LAST_WEEK = new RegExp(LAST_WEEK_PHRASES.join('|'), 'iu');
const RUN_LABEL = new RegExp(`${LETTER_BEFORE}(?:${RUN_STEMS.join('|')})${LETTER_AFTER}|${RUN_SCRIPT_WORDS.join('|')}`, 'iu');
const OTHER_SPORT = new RegExp(`${LETTER_BEFORE}(?:${OTHER_SPORT_STEMS.join('|')})${LETTER_AFTER}`, 'iu');
const ISO_TEXT_DATE = /(?<!\d)(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?(?!\d)/g;
const ISO_TEXT_WEEK = /(?<![\d\p{L}])(\d{4}-?W\d{2})(?![\d\p{L}])/u;

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
]);
/** Elements looked at, at most (long pages are scanned from the top). */
const MAX_ELEMENTS = 20_000;
/** A distance label is short; a context that names its week is a little longer. */
const MAX_DISTANCE_TEXT = 60;
const MAX_CONTEXT_TEXT = 160;
const MAX_ROW_TEXT = 400;
const CONTEXT_LEVELS = 3;

// Elements that separate words when rendered: their text is joined with a space ("2026-W05" and
// "25,0 km" in two cells), while inline elements join tightly ("12.4<abbr>mi</abbr>" -> "12.4mi").
const SEPARATING = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);
// Valid for one scan only: pages re-render, so every public entry point starts a fresh cache.
let TEXT_CACHE = new WeakMap<Element, string>();
function freshScan(): void {
  TEXT_CACHE = new WeakMap();
  WEEK_TABLES = new WeakMap();
}

function rawText(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out.push(child.nodeValue ?? '');
    else if (child.nodeType === 1) {
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) && tag !== 'BUTTON') continue;
      const separate = SEPARATING.has(tag);
      if (separate) out.push(' ');
      rawText(child, out);
      if (separate) out.push(' ');
    }
  }
}

/** The element's text as rendered words, whitespace collapsed. Cached for one scan. */
function textOf(el: Element): string {
  const cached = TEXT_CACHE.get(el);
  if (cached !== undefined) return cached;
  const out: string[] = [];
  rawText(el, out);
  const text = out.join('').replace(/\s+/g, ' ').trim();
  TEXT_CACHE.set(el, text);
  return text;
}

function isOurs(el: Element): boolean {
  return el.tagName === 'KNEE-CHECK-BADGE' || el.hasAttribute('data-knee-check-key');
}

/** Elements worth reading: in the body, shown, not ours, not script or form controls. */
function readableElements(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const out: Element[] = [];
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    if (SKIP_TAGS.has(el.tagName.toUpperCase()) || isOurs(el)) continue;
    if (el.closest('script,style,noscript,template,svg,knee-check-badge,[data-knee-check-key]')) continue;
    out.push(el);
  }
  return out;
}

/** Letters every unit parse-distance reads contains one of (a cheap filter before parsing). */
const UNIT_HINT = /km|kil|chil|км|㎞|mi|mei|ｋｍ|ｍｉ/i;

interface DistanceHit {
  element: Element;
  km: number;
  text: string;
}

/** The smallest elements whose own text reads as one distance ("12.4 mi", "12.4<abbr>mi</abbr>"). */
export function distanceElements(doc: Document): DistanceHit[] {
  freshScan();
  const hits: DistanceHit[] = [];
  const parsed = new Map<Element, number | null>();
  const read = (el: Element): number | null => {
    if (parsed.has(el)) return parsed.get(el)!;
    // Native checks first: most elements hold far more text than a distance label, or no digit
    // and no unit at all.
    const raw = el.textContent ?? '';
    if (raw.length > MAX_DISTANCE_TEXT * 4 || !/[\d０-９]/.test(raw) || !UNIT_HINT.test(raw)) {
      parsed.set(el, null);
      return null;
    }
    const text = textOf(el);
    const km = text.length > 0 && text.length <= MAX_DISTANCE_TEXT ? (parseDistance(text)?.km ?? null) : null;
    parsed.set(el, km);
    return km;
  };
  for (const el of readableElements(doc)) {
    const km = read(el);
    if (km === null) continue;
    // Minimal: no child element reads as a distance on its own.
    let childHas = false;
    for (let child = el.firstElementChild; child && !childHas; child = child.nextElementSibling) childHas = read(child) !== null;
    if (childHas) continue;
    hits.push({ element: el, km, text: textOf(el).slice(0, 80) });
  }
  return hits;
}

/** A date (any day of the week shown) from attributes or ISO text around an element, up to `limit`. */
function dateAround(el: Element, limit: Element | null): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const own = dateOfElement(node);
    if (own) return own;
    for (const dated of node.querySelectorAll('[data-date],[data-week],[data-week-start],time[datetime]')) {
      const date = dateOfElement(dated);
      if (date) return date;
    }
    const text = textOf(node);
    if (text.length <= MAX_ROW_TEXT) {
      const iso = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(text);
      if (iso && parseDay(iso[1]) !== null) return iso[1]!;
      const week = ISO_TEXT_WEEK.exec(text);
      if (week) {
        const monday = dateFromValue(week[1]);
        if (monday) return monday;
      }
    }
    if (node === limit) break;
  }
  return null;
}

interface WeeklyHit extends DistanceHit {
  /** The element whose text names the week (or the table row). */
  context: Element;
  relative: 'this' | 'last' | null;
  date: string | null;
}

/** Per scan: does this table's header name its rows as weeks? (Tables are asked once per cell.) */
let WEEK_TABLES = new WeakMap<HTMLTableElement, Element | null>();

function weekHeaderOf(table: HTMLTableElement): Element | null {
  if (WEEK_TABLES.has(table)) return WEEK_TABLES.get(table)!;
  // The header: a row in <thead>, or a first row made of <th> cells only (never a data row).
  const first = table.rows?.[0] ?? null;
  const headerRow =
    table.tHead?.rows?.[0] ?? (first && first.cells.length > 0 && [...first.cells].every((c) => c.tagName === 'TH') ? first : null);
  const weekly = headerRow && [...headerRow.cells].some((h) => WEEK_LABEL.test(textOf(h))) ? headerRow : null;
  WEEK_TABLES.set(table, weekly);
  return weekly;
}

/** The table a cell belongs to names its rows as weeks (a header cell says "Week", "Woche"...). */
function weeklyTableRow(el: Element): Element | null {
  const cell = el.closest('td,th');
  const row = cell?.closest('tr');
  const table = row?.closest('table');
  if (!cell || !row || !table) return null;
  const header = weekHeaderOf(table as HTMLTableElement);
  return header && header !== row ? row : null;
}

function weeklyHits(doc: Document): WeeklyHit[] {
  const distances = distanceElements(doc);
  // How many distances each close ancestor holds (to tell one labelled total from a list).
  const held = new Map<Element, number>();
  for (const { element } of distances) {
    let node: Element | null = element;
    for (let level = 0; node && level <= CONTEXT_LEVELS; level++, node = node.parentElement) {
      held.set(node, (held.get(node) ?? 0) + 1);
    }
  }
  const out: WeeklyHit[] = [];
  for (const hit of distances) {
    let context: Element | null = null;
    // A nearby label: the element itself or a close ancestor whose short text names a week and
    // holds no other distance (so "This week 42 km · Last week 38 km" gives each its own label).
    let node: Element | null = hit.element;
    for (let level = 0; node && level <= CONTEXT_LEVELS; level++, node = node.parentElement) {
      const text = textOf(node);
      if (text.length > MAX_CONTEXT_TEXT) break;
      if ((held.get(node) ?? 0) > 1) break;
      if (WEEK_LABEL.test(text) || THIS_WEEK.test(text) || LAST_WEEK.test(text)) {
        context = node;
        break;
      }
    }
    // Or a table of weeks: its row is the context.
    context ??= weeklyTableRow(hit.element);
    if (!context || !isShown(hit.element)) continue;
    const text = textOf(context);
    const relative = THIS_WEEK.test(text) ? 'this' : LAST_WEEK.test(text) ? 'last' : null;
    const row = context.closest('tr,li,[role="row"]') ?? context;
    out.push({ ...hit, context, relative, date: dateAround(hit.element, row) });
  }
  return out;
}

function dayNumber(date: string | null): number | null {
  return date === null ? null : parseDay(date);
}

/**
 * Every weekly total the page shows, in document order, with what can honestly be compared:
 * the previous week's total only when that week is on the page too.
 */
export function findVisibleWeeks(doc: Document): VisibleWeekAnchor[] {
  try {
    const hits = weeklyHits(doc);
    const byDay = new Map<number, WeeklyHit>();
    for (const hit of hits) {
      const day = dayNumber(hit.date);
      if (day !== null && !byDay.has(day)) byDay.set(day, hit);
    }
    const lastWeek = hits.filter((h) => h.relative === 'last');
    const anchors: VisibleWeekAnchor[] = [];
    const keys = new Set<string>();
    hits.forEach((hit, index) => {
      let previousKm: number | null = null;
      const day = dayNumber(hit.date);
      if (day !== null) previousKm = byDay.get(day - 7)?.km ?? null;
      else if (hit.relative === 'this' && lastWeek.length === 1) previousKm = lastWeek[0]!.km;
      const key = `generic-week:${hit.date ?? hit.relative ?? index}`;
      if (keys.has(key)) return;
      keys.add(key);
      const anchor: VisibleWeekAnchor = {
        key,
        element: hit.element,
        placement: 'after',
        visible: { km: hit.km, previousKm, relative: hit.relative, text: hit.text },
      };
      if (hit.date) anchor.weekStart = hit.date;
      // Without a date only "this week" names a week the core can place ("Woche 3" or "last week" would get this week's numbers).
      if (!hit.date && hit.relative !== 'this') return;
      anchors.push(anchor);
    });
    return anchors;
  } catch {
    return [];
  }
}

/** A row's single machine-readable date and time, or null when it has none or several. */
function rowStart(row: Element): string | null {
  const found = new Set<string>();
  for (const el of [row, ...row.querySelectorAll('time[datetime],[data-date],[data-start],[data-start-date]')]) {
    for (const name of ['datetime', 'data-date', 'data-start', 'data-start-date']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const ms = parseWallClockMs(value.trim().slice(0, 19));
      if (ms !== null) found.add(formatDateTime(Math.floor(ms / 1000)));
    }
  }
  if (found.size === 0) {
    for (const match of textOf(row).matchAll(ISO_TEXT_DATE)) {
      const ms = parseWallClockMs(match[2] ? `${match[1]}T${match[2]}` : match[1]);
      if (ms !== null) found.add(formatDateTime(Math.floor(ms / 1000)));
    }
  }
  // One day only: a row naming two dates is a range or a summary, not a run.
  const days = new Set([...found].map((s) => s.slice(0, 10)));
  if (days.size !== 1) return null;
  // Prefer a value with a time of day.
  return [...found].sort().reverse()[0]!;
}

/** Text that describes the sport: the row's text plus icon titles and labels. */
function sportText(row: Element): string {
  const labels = [...row.querySelectorAll('[title],[aria-label],img[alt]')]
    .map((el) => `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('alt') ?? ''}`)
    .join(' ');
  return `${textOf(row)} ${labels} ${row.getAttribute('title') ?? ''} ${row.getAttribute('aria-label') ?? ''}`;
}

/** Runs the page carries as dated rows (see the file comment). Never throws. */
export function runsFromRows(doc: Document): Run[] {
  try {
    const body = doc.body;
    if (!body) return [];
    const distances = distanceElements(doc);
    const rows = [...body.querySelectorAll('tr,li,[role="row"],article')].slice(0, MAX_ELEMENTS);
    const rowSet = new Set(rows);
    // Each distance belongs to its innermost row.
    const byRow = new Map<Element, DistanceHit[]>();
    for (const hit of distances) {
      const row = hit.element.closest('tr,li,[role="row"],article');
      if (row) byRow.set(row, [...(byRow.get(row) ?? []), hit]);
    }
    const runs: Run[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      // Innermost rows only; a row that is itself a weekly summary is not a run.
      if ([...row.querySelectorAll('tr,li,[role="row"],article')].some((inner) => rowSet.has(inner))) continue;
      if ((row.textContent?.length ?? 0) > MAX_ROW_TEXT * 4) continue;
      const text = textOf(row);
      if (text.length === 0 || text.length > MAX_ROW_TEXT) continue;
      if (WEEK_LABEL.test(text) || THIS_WEEK.test(text) || LAST_WEEK.test(text)) continue;
      if (row.closest('table') && weeklyTableRow(row.querySelector('td') ?? row)) continue;
      const sport = sportText(row);
      if (!RUN_LABEL.test(sport) || OTHER_SPORT.test(sport)) continue;
      const inRow = byRow.get(row) ?? [];
      const kms = new Set(inRow.map((d) => Math.round(d.km * 1000)));
      if (kms.size !== 1) continue;
      const start = rowStart(row);
      if (!start || !isShown(row)) continue;
      const run: Run = { start, km: inRow[0]!.km };
      const key = runKey(run);
      if (seen.has(key)) continue;
      seen.add(key);
      runs.push(run);
    }
    return runs.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  } catch {
    return [];
  }
}

/** A quick 32-bit FNV-1a hash of the page's text, to notice any change of what it shows. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/**
 * Days before a badge's date that the dated rows must cover: the week before it (7 days) and the
 * registry's 30-day spike window (lib/evidence) behind it, plus a 4-day margin, unchanged from the
 * value this adapter was tested with (30 + 7 + 4 = 41).
 */
const GENERIC_COVER_DAYS = SPIKE_LOOKBACK_DAYS + 7 + 4;

export interface GenericAdapter extends SiteAdapter {
  findAnchors(doc: Document): VisibleWeekAnchor[];
  /** The page's dated rows and what they cover, read now (readRuns without the promise). */
  readNow(doc: Document, today: string): { runs: Run[]; notes: AdapterNotes; signature: string };
}

export function createGenericAdapter(): GenericAdapter {
  let earliest: string | null = null;
  let today: string | null = null;
  /** Weeks a read has seen: offered once before it (so the core reads), then only when covered. */
  const tried = new Set<string>();
  /** A read just finished: the next query is the core placing badges (offer nothing unread). */
  let afterRead = false;
  const signatureOf = (doc: Document): string => {
    const body = doc.body;
    return body ? `${body.getElementsByTagName('*').length}|${hashText(body.textContent ?? '')}` : '';
  };
  // The core asks on every re-render: rescan only when the page's elements or text changed, and
  // hand back the same arrays (the core and the history capture compare them by identity).
  let weeksMemo: { signature: string; weeks: VisibleWeekAnchor[] } | null = null;
  let runsMemo: { signature: string; runs: Run[] } | null = null;
  const scan = (doc: Document): VisibleWeekAnchor[] => {
    const signature = signatureOf(doc);
    if (weeksMemo && weeksMemo.signature === signature && weeksMemo.weeks.every((w) => w.element.isConnected)) {
      return weeksMemo.weeks;
    }
    const weeks = findVisibleWeeks(doc);
    weeksMemo = { signature, weeks };
    return weeks;
  };

  const covered = (date: string): boolean => {
    if (earliest === null || today === null) return false;
    const from = addDays(date, -GENERIC_COVER_DAYS);
    // Strictly after the earliest listed day: a list cut by count may miss runs on its first day.
    return from !== null && from > earliest && date <= today;
  };

  const self: GenericAdapter = {
    id: 'generic',
    site: 'custom',
    pageKind: (url: URL) => `your site ${url.hostname}`,
    selectors: ['tr', 'li', '[role="row"]', 'article', 'time[datetime]', '[data-date]', 'table thead'],
    matches(url: URL): boolean {
      // The core decides by settings.customSites; this only refuses non-web pages.
      return url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
    },
    readNow(doc: Document, day: string) {
      today = parseDay(day) === null ? null : day;
      const signature = signatureOf(doc);
      if (!runsMemo || runsMemo.signature !== signature) runsMemo = { signature, runs: runsFromRows(doc) };
      const runs = runsMemo.runs;
      earliest = runs[0]?.start.slice(0, 10) ?? null;
      // Complete from the day after the earliest listed day (a list cut by count may miss runs on it).
      const notes: AdapterNotes =
        earliest === null ? {} : { sources: [{ source: 'page:dated-rows', runs: runs.length }], coveredFrom: addDays(earliest, 1)! };
      for (const week of scan(doc)) tried.add(week.weekStart ?? day);
      afterRead = true;
      return { runs, notes, signature };
    },
    async readRuns(doc: Document, ctx: AdapterContext): Promise<Run[]> {
      try {
        const { runs, notes } = self.readNow(doc, ctx.today);
        if (notes.sources) noteTo(ctx, notes);
        return runs;
      } catch {
        return [];
      }
    },
    findAnchors(doc: Document): VisibleWeekAnchor[] {
      try {
        const weeks = scan(doc);
        if (today === null) return weeks;
        const day = today;
        const offer = !afterRead;
        afterRead = false;
        return weeks.filter((w) => {
          const date = w.weekStart ?? day;
          return covered(date) || (offer && !tried.has(date) && date <= day);
        });
      } catch {
        return [];
      }
    },
  };
  return self;
}

/** The adapter on a user-added site (tests, site-check). */
export const genericAdapter: GenericAdapter = createGenericAdapter();

/**
 * The generic detector as a page half (the user-added sites' content script): its facts are the
 * page's dated rows and what they cover, read in the page (the page is the data; no call is made).
 */
export function createGenericPage(adapter: GenericAdapter = createGenericAdapter()): PagePart {
  return {
    id: adapter.id,
    site: adapter.site,
    pageKind: adapter.pageKind,
    selectors: adapter.selectors,
    matches: adapter.matches,
    findAnchors: (doc) => adapter.findAnchors(doc),
    facts(doc, today) {
      try {
        const { runs, notes, signature } = adapter.readNow(doc, today);
        return { key: signature, data: { runs, notes } };
      } catch {
        return null;
      }
    },
  };
}
