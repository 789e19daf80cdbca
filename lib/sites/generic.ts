// The generic detector for sites the runner added themselves (settings.customSites). Nothing is
// known about these pages, so it reads visible text as a last resort and stays conservative:
// no badge rather than a wrong one.
//
// - Where it runs: in the background, on the snapshot the page sends (./generic-page: the page's
//   text, the few attributes read here, whether an element is rendered); it answers which
//   elements get a badge, by index. Tests and site-check run it on a document through the same
//   snapshot (findVisibleWeeks, runsFromRows, createGenericAdapter).
// - URLs: any https page (or http://localhost) of an origin the runner added; the core decides.
// - Words it looks for (week labels, running and other sports): ./generic-words.ts, as data.
// - Weekly totals: a distance (parse-distance.ts) next to a "week" label in one of several
//   languages, or the distance column of a table whose header names weeks. Each carries what was
//   read (`visible`): its km and, only when the page shows it too, the previous week's km
//   (consecutive dated rows, or "this week" beside "last week"). Nothing is inferred.
// - Runs: only when the page carries dated data: rows (tr, li, [role=row], article) with exactly
//   one machine-readable date (time[datetime], data-date, ISO text), exactly one distance and a
//   running label, and no other sport named.
// - Anchors: a badge from the runs is honest only for weeks those rows fully cover, so only the
//   weekly totals whose week (and the 35 days before it) lies inside the dated runs read get one
//   (genericReading); with no dated runs, no anchor, and the core places nothing. The visible
//   totals stay available (findVisibleWeeks / visibleWeekOf) for a badge that only restates
//   what the page shows.
// Pure of zod and Preact.
import { SPIKE_LOOKBACK_DAYS } from '../evidence/numbers';
import { addDays, formatDateTime, parseDay, parseWallClockMs } from '../load/dates';
import { isFiniteNumber } from '../guards';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import {
  CUT,
  DIGIT,
  hashText,
  MAX_ATTRIBUTE,
  MAX_DEPTH,
  MAX_ELEMENTS,
  MAX_TEXT,
  ROW_SHORT,
  SHORT,
  SHOWN,
  snapshotOf,
  UNIT_HINT,
  type SnapshotAnchor,
} from './generic-page';
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
import type { AdapterContext, AdapterNotes, BadgeAnchor, SiteAdapter } from './types';
import { DATE_ATTRIBUTES, dateFromValue } from './week-anchors';

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
/** Elements whose descendants are never read (the rows and labels in them count, their text does not). */
const UNREAD_INSIDE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);
/** A distance label is short; a context that names its week is a little longer. */
const MAX_DISTANCE_TEXT = 60;
const MAX_CONTEXT_TEXT = 160;
const MAX_ROW_TEXT = 400;
const CONTEXT_LEVELS = 3;
/** Snapshot elements accepted, at most: the body and MAX_ELEMENTS in it (the page's caps). */
const MAX_NODES = MAX_ELEMENTS + 1;
/** The text of an element cut by the page's caps: unknown, so longer than any limit and matching no word. */
const CUT_TEXT = ' '.repeat(MAX_ROW_TEXT * 5);

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

/** An element of a snapshot (./generic-page SnapNode), with what the analysis asks of it. */
interface El {
  tag: string;
  flags: number;
  attrs: Map<string, string>;
  /** Text and element children, in order. */
  parts: (string | El)[];
  kids: El[];
  parent: El | null;
  /** Its place in document order (the page maps it back to its element), and its last descendant's. */
  index: number;
  end: number;
  text?: string;
}

const attr = (el: El, name: string): string | null => el.attrs.get(name) ?? null;
/** Script, style, form controls...: their text is not what the page shows (a button's is). */
const skipped = (el: El) => SKIP_TAGS.has(el.tag) && el.tag !== 'BUTTON';
const isRow = (el: El) => el.tag === 'TR' || el.tag === 'LI' || el.tag === 'ARTICLE' || attr(el, 'role') === 'row';
const isShown = (el: El) => (el.flags & SHOWN) !== 0;

function closest(el: El | null, test: (el: El) => boolean): El | null {
  for (; el; el = el.parent) if (test(el)) return el;
  return null;
}

/** A snapshot's elements in document order (index 0: the body); null when it is malformed. */
function readSnapshot(snap: unknown): El[] | null {
  const all: El[] = [];
  let chars = 0;
  const bad = new Error('malformed snapshot');
  const visit = (raw: unknown, parent: El | null, depth: number): El => {
    if (!Array.isArray(raw) || raw.length < 3 || depth > MAX_DEPTH || all.length >= MAX_NODES) throw bad;
    const [tag, flags, attrs] = raw as unknown[];
    if (typeof tag !== 'string' || tag.length > 64 || !Number.isInteger(flags)) throw bad;
    const el: El = {
      tag: tag.toUpperCase(),
      flags: flags as number,
      attrs: new Map(),
      parts: [],
      kids: [],
      parent,
      index: all.length,
      end: 0,
    };
    if (attrs !== 0) {
      if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) throw bad;
      const entries = Object.entries(attrs);
      if (entries.length > 16) throw bad;
      for (const [name, value] of entries) {
        if (typeof value !== 'string' || value.length > MAX_ATTRIBUTE) throw bad;
        chars += value.length;
        el.attrs.set(name, value);
      }
    }
    all.push(el);
    for (let i = 3; i < raw.length; i++) {
      const part: unknown = raw[i];
      if (typeof part === 'string') {
        chars += part.length;
        el.parts.push(part);
      } else {
        const kid = visit(part, el, depth + 1);
        el.kids.push(kid);
        el.parts.push(kid);
      }
      if (chars > MAX_TEXT * 2) throw bad;
    }
    el.end = all.length - 1;
    return el;
  };
  try {
    visit(snap, null, 0);
    return all;
  } catch {
    return null;
  }
}

function rawText(el: El, out: string[]): void {
  for (const part of el.parts) {
    if (typeof part === 'string') out.push(part);
    else if (!skipped(part)) {
      const separate = SEPARATING.has(part.tag);
      if (separate) out.push(' ');
      rawText(part, out);
      if (separate) out.push(' ');
    }
  }
}

/** The element's text as rendered words, whitespace collapsed. Cached for one scan. */
function textOf(el: El): string {
  if (el.text !== undefined) return el.text;
  const out: string[] = [];
  rawText(el, out);
  el.text = el.flags & CUT ? CUT_TEXT : out.join('').replace(/\s+/g, ' ').trim();
  return el.text;
}

/** One snapshot's elements, and what is worked out once per snapshot. */
interface Scan {
  all: El[];
  weekTables: Map<El, El | null>;
  distances?: DistanceHit[];
}

const descendants = (scan: Scan, el: El) => scan.all.slice(el.index + 1, el.end + 1);

interface DistanceHit {
  el: El;
  km: number;
  text: string;
}

/** The smallest elements whose own text reads as one distance ("12.4 mi", "12.4<abbr>mi</abbr>"). */
function distancesOf(scan: Scan): DistanceHit[] {
  if (scan.distances) return scan.distances;
  const hits: DistanceHit[] = [];
  const parsed = new Map<El, number | null>();
  const read = (el: El): number | null => {
    if (parsed.has(el)) return parsed.get(el)!;
    let km: number | null = null;
    // Cheap checks first: most elements hold far more text than a distance label (the page
    // counted), or no digit and no unit at all.
    if (el.flags & SHORT) {
      const text = textOf(el);
      if (text.length > 0 && text.length <= MAX_DISTANCE_TEXT && DIGIT.test(text) && UNIT_HINT.test(text)) {
        km = parseDistance(text)?.km ?? null;
      }
    }
    parsed.set(el, km);
    return km;
  };
  // Readable: in the body (not the body itself; the page left ours out), not script or form controls.
  for (const el of scan.all) {
    if (el.index === 0 || SKIP_TAGS.has(el.tag) || closest(el.parent, (n) => UNREAD_INSIDE.has(n.tag))) continue;
    const km = read(el);
    if (km === null) continue;
    // Minimal: no child element reads as a distance on its own.
    if (el.kids.some((kid) => read(kid) !== null)) continue;
    hits.push({ el, km, text: textOf(el).slice(0, 80) });
  }
  return (scan.distances = hits);
}

/** The first date-like attribute of one element (week-anchors' dateOfElement). */
function dateOf(el: El): string | null {
  for (const name of DATE_ATTRIBUTES) {
    const date = dateFromValue(attr(el, name));
    if (date) return date;
  }
  return null;
}

/** [data-date],[data-week],[data-week-start],time[datetime] */
const dated = (el: El) =>
  el.attrs.has('data-date') ||
  el.attrs.has('data-week') ||
  el.attrs.has('data-week-start') ||
  (el.tag === 'TIME' && el.attrs.has('datetime'));

/** A date (any day of the week shown) from attributes or ISO text around an element, up to `limit`. */
function dateAround(scan: Scan, from: El, limit: El | null): string | null {
  for (let el: El | null = from; el; el = el.parent) {
    // Partly cut by the page's caps: a date further up could be another row's.
    if (el.flags & CUT) return null;
    const own = dateOf(el);
    if (own) return own;
    for (const inner of descendants(scan, el)) {
      const date = dated(inner) ? dateOf(inner) : null;
      if (date) return date;
    }
    const text = textOf(el);
    if (text.length <= MAX_ROW_TEXT) {
      const iso = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(text);
      if (iso && parseDay(iso[1]) !== null) return iso[1]!;
      const week = ISO_TEXT_WEEK.exec(text);
      if (week) {
        const monday = dateFromValue(week[1]);
        if (monday) return monday;
      }
    }
    if (el === limit) break;
  }
  return null;
}

interface WeeklyHit extends DistanceHit {
  /** The element whose text names the week (or the table row). */
  context: El;
  relative: 'this' | 'last' | null;
  date: string | null;
}

const rowsIn = (section: El | null | undefined) => section?.kids.filter((kid) => kid.tag === 'TR') ?? [];
const cellsOf = (row: El) => row.kids.filter((kid) => kid.tag === 'TD' || kid.tag === 'TH');

/** A table's rows in the order of the DOM's table.rows: its head's first, its foot's last. */
function tableRows(table: El): El[] {
  const head: El[] = [];
  const body: El[] = [];
  const foot: El[] = [];
  for (const kid of table.kids) {
    if (kid.tag === 'TR') body.push(kid);
    else if (kid.tag === 'THEAD') head.push(...rowsIn(kid));
    else if (kid.tag === 'TBODY') body.push(...rowsIn(kid));
    else if (kid.tag === 'TFOOT') foot.push(...rowsIn(kid));
  }
  return [...head, ...body, ...foot];
}

/** Does this table's header name its rows as weeks? (Tables are asked once per cell.) */
function weekHeaderOf(scan: Scan, table: El): El | null {
  if (scan.weekTables.has(table)) return scan.weekTables.get(table)!;
  // The header: a row in <thead>, or a first row made of <th> cells only (never a data row).
  const first = tableRows(table)[0] ?? null;
  const headerRow =
    rowsIn(table.kids.find((kid) => kid.tag === 'THEAD'))[0] ??
    (first && cellsOf(first).length > 0 && cellsOf(first).every((c) => c.tag === 'TH') ? first : null);
  const weekly = headerRow && cellsOf(headerRow).some((h) => WEEK_LABEL.test(textOf(h))) ? headerRow : null;
  scan.weekTables.set(table, weekly);
  return weekly;
}

/** The table a cell belongs to names its rows as weeks (a header cell says "Week", "Woche"...). */
function weeklyTableRow(scan: Scan, el: El): El | null {
  const cell = closest(el, (n) => n.tag === 'TD' || n.tag === 'TH');
  const row = closest(cell, (n) => n.tag === 'TR');
  const table = closest(row, (n) => n.tag === 'TABLE');
  if (!cell || !row || !table) return null;
  const header = weekHeaderOf(scan, table);
  return header && header !== row ? row : null;
}

function weeklyHits(scan: Scan): WeeklyHit[] {
  const distances = distancesOf(scan);
  // How many distances each close ancestor holds (to tell one labelled total from a list).
  const held = new Map<El, number>();
  for (const hit of distances) {
    let el: El | null = hit.el;
    for (let level = 0; el && level <= CONTEXT_LEVELS; level++, el = el.parent) held.set(el, (held.get(el) ?? 0) + 1);
  }
  const out: WeeklyHit[] = [];
  for (const hit of distances) {
    let context: El | null = null;
    // A nearby label: the element itself or a close ancestor whose short text names a week and
    // holds no other distance (so "This week 42 km · Last week 38 km" gives each its own label).
    let el: El | null = hit.el;
    for (let level = 0; el && level <= CONTEXT_LEVELS; level++, el = el.parent) {
      const text = textOf(el);
      if (text.length > MAX_CONTEXT_TEXT) break;
      if ((held.get(el) ?? 0) > 1) break;
      if (WEEK_LABEL.test(text) || THIS_WEEK.test(text) || LAST_WEEK.test(text)) {
        context = el;
        break;
      }
    }
    // Or a table of weeks: its row is the context.
    context ??= weeklyTableRow(scan, hit.el);
    if (!context || !isShown(hit.el)) continue;
    const text = textOf(context);
    const relative = THIS_WEEK.test(text) ? 'this' : LAST_WEEK.test(text) ? 'last' : null;
    const row = closest(context, (n) => n.tag === 'TR' || n.tag === 'LI' || attr(n, 'role') === 'row') ?? context;
    out.push({ ...hit, context, relative, date: dateAround(scan, hit.el, row) });
  }
  return out;
}

function dayNumber(date: string | null): number | null {
  return date === null ? null : parseDay(date);
}

/** A weekly total in a snapshot: its element's index, its badge's key and week, what it shows. */
export interface SnapshotWeek {
  index: number;
  key: string;
  weekStart?: string;
  visible: VisibleWeek;
}

/**
 * Every weekly total the page shows, in document order, with what can honestly be compared:
 * the previous week's total only when that week is on the page too.
 */
function visibleWeeks(scan: Scan): SnapshotWeek[] {
  const hits = weeklyHits(scan);
  const byDay = new Map<number, WeeklyHit>();
  for (const hit of hits) {
    const day = dayNumber(hit.date);
    if (day !== null && !byDay.has(day)) byDay.set(day, hit);
  }
  const lastWeek = hits.filter((h) => h.relative === 'last');
  const weeks: SnapshotWeek[] = [];
  const keys = new Set<string>();
  hits.forEach((hit, index) => {
    let previousKm: number | null = null;
    const day = dayNumber(hit.date);
    if (day !== null) previousKm = byDay.get(day - 7)?.km ?? null;
    else if (hit.relative === 'this' && lastWeek.length === 1) previousKm = lastWeek[0]!.km;
    const key = `generic-week:${hit.date ?? hit.relative ?? index}`;
    if (keys.has(key)) return;
    keys.add(key);
    const week: SnapshotWeek = { index: hit.el.index, key, visible: { km: hit.km, previousKm, relative: hit.relative, text: hit.text } };
    if (hit.date) week.weekStart = hit.date;
    // Without a date only "this week" names a week the core can place ("Woche 3" or "last week" would get this week's numbers).
    if (!hit.date && hit.relative !== 'this') return;
    weeks.push(week);
  });
  return weeks;
}

/** time[datetime],[data-date],[data-start],[data-start-date] */
const startDated = (el: El) =>
  (el.tag === 'TIME' && el.attrs.has('datetime')) ||
  el.attrs.has('data-date') ||
  el.attrs.has('data-start') ||
  el.attrs.has('data-start-date');

/** A row's single machine-readable date and time, or null when it has none or several. */
function rowStart(scan: Scan, row: El): string | null {
  const found = new Set<string>();
  for (const el of [row, ...descendants(scan, row).filter(startDated)]) {
    for (const name of ['datetime', 'data-date', 'data-start', 'data-start-date']) {
      const value = attr(el, name);
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
function sportText(scan: Scan, row: El): string {
  const labels = descendants(scan, row)
    .filter((el) => el.attrs.has('title') || el.attrs.has('aria-label') || (el.tag === 'IMG' && el.attrs.has('alt')))
    .map((el) => `${attr(el, 'title') ?? ''} ${attr(el, 'aria-label') ?? ''} ${attr(el, 'alt') ?? ''}`)
    .join(' ');
  return `${textOf(row)} ${labels} ${attr(row, 'title') ?? ''} ${attr(row, 'aria-label') ?? ''}`;
}

/** Runs the page carries as dated rows (see the file comment). */
function runsOf(scan: Scan): Run[] {
  const distances = distancesOf(scan);
  const rows = scan.all.filter((el) => el.index > 0 && isRow(el)).slice(0, MAX_ELEMENTS);
  const rowSet = new Set(rows);
  // Each distance belongs to its innermost row.
  const byRow = new Map<El, DistanceHit[]>();
  for (const hit of distances) {
    const row = closest(hit.el, isRow);
    if (row) byRow.set(row, [...(byRow.get(row) ?? []), hit]);
  }
  const runs: Run[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    // Innermost rows only; a row that is itself a weekly summary is not a run.
    if (descendants(scan, row).some((inner) => rowSet.has(inner))) continue;
    if (!(row.flags & ROW_SHORT)) continue;
    const text = textOf(row);
    if (text.length === 0 || text.length > MAX_ROW_TEXT) continue;
    if (WEEK_LABEL.test(text) || THIS_WEEK.test(text) || LAST_WEEK.test(text)) continue;
    const inTable = closest(row, (n) => n.tag === 'TABLE');
    if (inTable && weeklyTableRow(scan, descendants(scan, row).find((n) => n.tag === 'TD') ?? row)) continue;
    const sport = sportText(scan, row);
    if (!RUN_LABEL.test(sport) || OTHER_SPORT.test(sport)) continue;
    const inRow = byRow.get(row) ?? [];
    const kms = new Set(inRow.map((d) => Math.round(d.km * 1000)));
    if (kms.size !== 1) continue;
    const start = rowStart(scan, row);
    if (!start || !isShown(row)) continue;
    const run: Run = { start, km: inRow[0]!.km };
    const key = runKey(run);
    if (seen.has(key)) continue;
    seen.add(key);
    runs.push(run);
  }
  return runs.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** What the generic detector reads in a snapshot: its weekly totals and its dated runs. */
export interface SnapshotReading {
  weeks: SnapshotWeek[];
  runs: Run[];
}

/** The generic detector on a page's snapshot (untrusted: null when malformed). Never throws. */
export function analyseSnapshot(snap: unknown): SnapshotReading | null {
  try {
    const all = readSnapshot(snap);
    if (!all) return null;
    const scan: Scan = { all, weekTables: new Map() };
    return { weeks: visibleWeeks(scan), runs: runsOf(scan) };
  } catch {
    return null;
  }
}

/**
 * Days before a badge's date that the dated rows must cover: the week before it (7 days) and the
 * registry's 30-day spike window (lib/evidence) behind it, plus a 4-day margin, unchanged from the
 * value this adapter was tested with (30 + 7 + 4 = 41).
 */
const GENERIC_COVER_DAYS = SPIKE_LOOKBACK_DAYS + 7 + 4;

/** Is the week of `date` covered by dated runs from `earliest` on, by `today`? */
function covered(date: string | null, earliest: string | null, today: string | null): boolean {
  if (date === null || earliest === null || today === null) return false;
  const from = addDays(date, -GENERIC_COVER_DAYS);
  // Strictly after the earliest listed day: a list cut by count may miss runs on its first day.
  return from !== null && from > earliest && date <= today;
}

/** The notes of runs read from dated rows: their source, complete from the day after the earliest listed day. */
function rowNotes(runs: Run[]): AdapterNotes {
  const earliest = runs[0]?.start.slice(0, 10);
  return earliest === undefined ? {} : { sources: [{ source: 'page:dated-rows', runs: runs.length }], coveredFrom: addDays(earliest, 1)! };
}

/**
 * What a page's snapshot gives on `today`: its dated runs (none on a page without weekly totals:
 * nothing there to badge), their notes, and the weekly totals they cover (the badges).
 */
export function genericReading(reading: SnapshotReading, today: string): { runs: Run[]; notes: AdapterNotes; anchors: SnapshotAnchor[] } {
  const runs = reading.weeks.length ? reading.runs : [];
  const earliest = runs[0]?.start.slice(0, 10) ?? null;
  const day = parseDay(today) === null ? null : today;
  const anchors = reading.weeks
    .filter((w) => covered(w.weekStart ?? day, earliest, day))
    .map(({ index, key, weekStart }) => (weekStart ? { index, key, weekStart } : { index, key }));
  return { runs, notes: rowNotes(runs), anchors };
}

/** The document as a snapshot, and its elements (the analysis's indices map back to them). */
function scanDoc(doc: Document): { scan: Scan; els: Element[] } | null {
  const body = doc?.body;
  if (!body) return null;
  const { snap, els } = snapshotOf(body);
  const all = readSnapshot(snap);
  return all && { scan: { all, weekTables: new Map() }, els };
}

/** The smallest elements whose own text reads as one distance, in a document (tests, site-check). */
export function distanceElements(doc: Document): { element: Element; km: number; text: string }[] {
  const found = scanDoc(doc);
  return found ? distancesOf(found.scan).map(({ el, km, text }) => ({ element: found.els[el.index]!, km, text })) : [];
}

/** Every weekly total a document shows, in document order (see visibleWeeks). Never throws. */
export function findVisibleWeeks(doc: Document): VisibleWeekAnchor[] {
  try {
    const found = scanDoc(doc);
    if (!found) return [];
    return visibleWeeks(found.scan).map(({ index, key, weekStart, visible }) => {
      const anchor: VisibleWeekAnchor = { key, element: found.els[index]!, placement: 'after', visible };
      if (weekStart) anchor.weekStart = weekStart;
      return anchor;
    });
  } catch {
    return [];
  }
}

/** Runs a document carries as dated rows (see the file comment). Never throws. */
export function runsFromRows(doc: Document): Run[] {
  try {
    const found = scanDoc(doc);
    return found ? runsOf(found.scan) : [];
  } catch {
    return [];
  }
}

/** The page's element count and text hash: any change of what it shows changes it. */
function signatureOf(doc: Document): string {
  const body = doc.body;
  return body ? `${body.getElementsByTagName('*').length}|${hashText(body.textContent ?? '')}` : '';
}

export interface GenericAdapter extends SiteAdapter {
  findAnchors(doc: Document): VisibleWeekAnchor[];
  /** The page's dated rows and what they cover, read now (readRuns without the promise). */
  readNow(doc: Document, today: string): { runs: Run[]; notes: AdapterNotes; signature: string };
}

/**
 * The detector as a whole adapter on a document (tests, site-check, the fuzz suite): what the
 * page half and the background do together, in process.
 */
export function createGenericAdapter(): GenericAdapter {
  let earliest: string | null = null;
  let today: string | null = null;
  /** Weeks a read has seen: offered once before it (so the core reads), then only when covered. */
  const tried = new Set<string>();
  /** A read just finished: the next query is the core placing badges (offer nothing unread). */
  let afterRead = false;
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
      for (const week of scan(doc)) tried.add(week.weekStart ?? day);
      afterRead = true;
      return { runs, notes: rowNotes(runs), signature };
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
          return covered(date, earliest, today) || (offer && !tried.has(date) && date <= day);
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
