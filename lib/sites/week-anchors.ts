// Where badges go on calendar-like pages: a weekly summary element per week, found through a list
// of fallback selectors, and the week it shows read from machine-readable dates in its row
// (data-date, time[datetime], ISO week ids). An element whose week cannot be read gets no badge.
// Pure of zod and Preact: the content script imports this module.
import { dayOfWeek, daysFromCivil, formatDay, parseIsoDay } from '../load/dates';
import type { BadgeAnchor } from './types';

export interface WeekAnchorSpec {
  /** Key prefix, e.g. "garmin-week": keys are "<prefix>:<YYYY-MM-DD>". */
  keyPrefix: string;
  /** Tried in order; the first selector that finds a usable element wins. */
  selectors: readonly string[];
  /** The container of one week (a row), for reading its dates. */
  rowSelectors: readonly string[];
  placement: BadgeAnchor['placement'];
}

/** Week rows of a calendar (Garmin Connect, intervals.icu), most specific first. */
export const CALENDAR_ROWS = [
  '[class*="calendar-week"]',
  '[class*="calendarWeek"]',
  '[class*="week-row"]',
  '[class*="weekRow"]',
  '[role="row"]',
  'tr',
];

/** Attributes that may carry a date or a week on an element. */
export const DATE_ATTRIBUTES = ['data-week-start', 'data-weekstart', 'data-week', 'data-start-date', 'data-date', 'data-day', 'datetime'];
export const DATED = DATE_ATTRIBUTES.map((a) => `[${a}]`).join(',');
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/;
const ISO_WEEK = /^(\d{4})-?W(\d{2})$/;

/** The Monday of ISO week `week` of `year` (also Strava's interval ids: 201649), or null. */
export function isoWeekMonday(year: number, week: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > 53) return null;
  const jan4 = daysFromCivil(year, 1, 4);
  const monday = jan4 - ((dayOfWeek(jan4) + 6) % 7) + (week - 1) * 7;
  // Week 53 only exists in long years: its Thursday must still be in `year`.
  return formatDay(monday + 3).slice(0, 4) === String(year).padStart(4, '0') ? formatDay(monday) : null;
}

/** "YYYY-MM-DD" from an attribute value ("2026-02-16", "2026-02-16T00:00:00", "2026-W08"), or null. */
export function dateFromValue(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const trimmed = value.trim();
  const date = ISO_DATE.exec(trimmed);
  if (date) return parseIsoDay(date[1]) === null ? null : date[1]!;
  const week = ISO_WEEK.exec(trimmed);
  if (week) return isoWeekMonday(Number(week[1]), Number(week[2]));
  return null;
}

/** The first date-like attribute of one element. */
export function dateOfElement(el: Element): string | null {
  for (const name of DATE_ATTRIBUTES) {
    const date = dateFromValue(el.getAttribute(name));
    if (date) return date;
  }
  return null;
}

/** Is the element rendered (not hidden, not display:none, inside the document)? */
export function isShown(el: Element): boolean {
  if (!el.isConnected) return false;
  if (el.closest('[hidden],[aria-hidden="true"],template')) return false;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return check.call(el);
    } catch {
      return true;
    }
  }
  return true;
}

/**
 * The first day of the week an element shows: a week attribute on the element or an ancestor up
 * to its row, else the earliest dated day inside its row. Null when nothing says which week.
 */
function weekStartOfElement(el: Element, rowSelectors: readonly string[]): string | null {
  const row = rowSelectors.length ? el.closest(rowSelectors.join(',')) : null;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const own = dateOfElement(node);
    if (own) return own;
    if (node === row) break;
  }
  if (!row) return null;
  let earliest: string | null = null;
  for (const dated of row.querySelectorAll(DATED)) {
    const date = dateOfElement(dated);
    if (date && (earliest === null || date < earliest)) earliest = date;
  }
  return earliest;
}

/** One anchor per shown week, in document order, from the first selector that finds any. */
export function findWeekAnchors(doc: Document, spec: WeekAnchorSpec): BadgeAnchor[] {
  for (const selector of spec.selectors) {
    let elements: Element[];
    try {
      elements = [...doc.querySelectorAll(selector)];
    } catch {
      continue; // a selector the browser does not support
    }
    const anchors: BadgeAnchor[] = [];
    const seen = new Set<string>();
    for (const element of elements) {
      if (!isShown(element)) continue;
      const weekStart = weekStartOfElement(element, spec.rowSelectors);
      if (!weekStart || seen.has(weekStart)) continue;
      seen.add(weekStart);
      anchors.push({ key: `${spec.keyPrefix}:${weekStart}`, element, placement: spec.placement, weekStart });
    }
    if (anchors.length) return anchors;
  }
  return [];
}
