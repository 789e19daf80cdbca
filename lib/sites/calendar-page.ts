// The page half of a calendar adapter (Garmin Connect, intervals.icu: ./reading.ts): one anchor
// per week row `spec` finds, and only for weeks whose runs were read with the days before them
// (the reader's RunWindow, ./run-window.ts, says what it covers). Pure of zod and Preact: the
// content script imports this module.
import { SPIKE_LOOKBACK_DAYS } from '../evidence/numbers';
import { addIsoDays, parseIsoDay } from '../load/dates';
import type { PagePart } from './reading';
import type { SiteAdapter } from './types';
import { findWeekAnchors, type WeekAnchorSpec } from './week-anchors';

/**
 * Days before a shown week that must be read too: the registry's 30-day spike window (lib/evidence:
 * the week's first run is compared with the 30 days before it, which also covers the previous
 * week's total) plus a 5-day margin, unchanged from the value the adapters were tested with.
 */
export const LOOKBACK_DAYS = SPIKE_LOOKBACK_DAYS + 5;

export interface DateRange {
  /** Inclusive, "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** Does `outer` hold every day of `inner`? */
export function covers(outer: DateRange | null, inner: DateRange): boolean {
  return outer !== null && outer.from <= inner.from && outer.to >= inner.to;
}

/** The earlier of two "YYYY-MM-DD" dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Which weeks may show a badge, from what the reads covered and tried. */
export class WeekGate {
  /** The dates whose runs were read, or null before the first successful read. */
  covered: DateRange | null = null;
  /** Weeks (their shown dates) a read has already tried to cover. */
  private readonly tried = new Set<string>();
  /** A read just finished: the next anchor query is the core's check after it. */
  private afterRead = false;

  /** Note the weeks a read was asked for (call after the read), covered or not. */
  markTried(weekStarts: readonly (string | undefined | null)[], today: string): void {
    for (const week of weekStarts) this.tried.add(week ?? today);
    this.afterRead = true;
  }

  /**
   * May the week holding `weekStart` (or today's week when absent) have an anchor?
   * - Yes when its days so far and the LOOKBACK_DAYS before them were read: the badge is right.
   * - Yes, once, when no read has tried it yet (a new week on the page, e.g. after SPA
   *   navigation): the core then asks for runs, which covers it, before placing anything. But
   *   never in the first query after a read: that is the core placing badges, and a week that
   *   appeared while the read was under way was not read.
   * - No when a read tried and could not cover it (signed out, rate-limited, beyond the span):
   *   no badge rather than a "0 km" one.
   * - No for a week after today: it holds no runs yet.
   */
  allows(weekStart: string | undefined, today: string): boolean {
    const date = weekStart ?? today;
    if (parseIsoDay(date) === null || parseIsoDay(today) === null) return false;
    if (date > today) return false;
    const from = addIsoDays(date, -LOOKBACK_DAYS)!;
    // Days after today hold no runs yet: a week in progress needs its days so far.
    const to = minDate(addIsoDays(date, 6)!, today);
    if (covers(this.covered, { from, to })) return true;
    return !this.afterRead && !this.tried.has(date);
  }

  /** The anchors that may show now (see `allows`); ends the "just read" state. */
  filter<T extends { weekStart?: string }>(anchors: T[], today: string): T[] {
    const kept = anchors.filter((a) => this.allows(a.weekStart, today));
    this.afterRead = false;
    return kept;
  }
}

/** What a calendar read needs: the weeks on screen (null: the current week), and more per site. */
export interface CalendarFacts {
  weeks: (string | null)[];
  [more: string]: unknown;
}

/**
 * A calendar site's page half. `extra` adds what its reads need from the page (Garmin's CSRF
 * token). The reader's state is the range it covers.
 */
export function calendarPage(
  site: Pick<SiteAdapter, 'id' | 'site' | 'matches' | 'pageKind' | 'selectors'>,
  spec: WeekAnchorSpec,
  extra: (doc: Document) => Record<string, unknown> = () => ({}),
): PagePart {
  const gate = new WeekGate();
  let today: string | null = null;
  return {
    ...site,
    facts(doc) {
      const data: CalendarFacts = { weeks: findWeekAnchors(doc, spec).map((a) => a.weekStart ?? null), ...extra(doc) };
      return { key: JSON.stringify(data), data };
    },
    accept(state, facts, day) {
      today = day;
      const covered = (state as { covered?: DateRange | null } | null)?.covered;
      gate.covered = covered && typeof covered.from === 'string' && typeof covered.to === 'string' ? covered : null;
      gate.markTried((facts.data as CalendarFacts).weeks, day);
    },
    findAnchors(doc) {
      try {
        const anchors = findWeekAnchors(doc, spec);
        // Before the first read every week may ask for runs; after it, only weeks that were read.
        return today === null ? anchors : gate.filter(anchors, today);
      } catch {
        return [];
      }
    },
  };
}
