// The runs an adapter fetched for this page view, and the dates they cover. Shared by the Garmin
// and intervals.icu adapters: one fetch per page view (the core's fetchJson spaces the calls),
// more only when the page shows weeks outside what was fetched, and never a badge for a week
// whose runs were not read.
// Pure of zod and Preact: the content script imports this module.
import { SPIKE_LOOKBACK_DAYS } from '../evidence/numbers';
import { addDays, formatDateTime, parseDay, parseWallClockMs } from '../load/dates';
import { isFiniteNumber } from '../guards';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import { MAX_RUN_KM } from '../history/captured';
import { noteTo } from './notes';
import type { AdapterContext, AdapterNotes, Refusal, SiteAdapter } from './types';
import { findWeekAnchors, type WeekAnchorSpec } from './week-anchors';

export interface DateRange {
  /** Inclusive, "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** A fetch of one date range: the runs, or null when the site gave no usable answer. */
export type RangeFetcher = (range: DateRange) => Promise<Run[] | null>;

/**
 * Days before a shown week that must be read too: the registry's 30-day spike window (lib/evidence:
 * the week's first run is compared with the 30 days before it, which also covers the previous
 * week's total) plus a 5-day margin, unchanged from the value the adapters were tested with.
 */
export const LOOKBACK_DAYS = SPIKE_LOOKBACK_DAYS + 5;
/** A page with no dated week still reads this far back (the badge's week and captured history). */
const DEFAULT_WEEKS_BACK = 12;
/** Never fetch more than this many days at once. */
const MAX_SPAN_DAYS = 400;
/** After a failed fetch, wait this long before trying again on the same page. */
const RETRY_AFTER_MS = 60_000;

export function finite(value: unknown): number | null {
  return isFiniteNumber(value) ? value : null;
}

/** A local date-time as a site spells it, trimmed, as "YYYY-MM-DDTHH:mm:ss"; null when not a real time. */
export function localTime(value: unknown): string | null {
  const ms = parseWallClockMs(typeof value === 'string' ? value.trim() : value);
  return ms === null ? null : formatDateTime(Math.floor(ms / 1000));
}

/**
 * One run of a calendar site's JSON: its local start, metres and id (a number, or a string of at
 * most 100 characters). Null when the start is no real time or the distance is missing, negative
 * or implausible (a treadmill run without a distance cannot count toward a distance total).
 */
export function calendarRun(start: unknown, metres: unknown, id: unknown): Run | null {
  const when = localTime(start);
  const m = finite(metres);
  if (when === null || m === null || m < 0 || m / 1000 > MAX_RUN_KM) return null;
  const run: Run = { start: when, km: m / 1000 };
  if (isFiniteNumber(id)) run.id = String(id);
  else if (typeof id === 'string' && id.trim() !== '' && id.length <= 100) run.id = id.trim();
  return run;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * The range to read for a page showing weeks starting on `weekStarts` (possibly none) on `today`:
 * from LOOKBACK_DAYS before the earliest shown week (or DEFAULT_WEEKS_BACK before today) to the
 * later of today and the end of the last shown week; at most MAX_SPAN_DAYS, keeping the end.
 */
export function rangeFor(weekStarts: readonly string[], today: string): DateRange | null {
  if (parseDay(today) === null) return null;
  let earliest = addDays(today, -7 * DEFAULT_WEEKS_BACK)!;
  let latest = today;
  for (const weekStart of weekStarts) {
    if (parseDay(weekStart) === null) continue;
    earliest = minDate(earliest, addDays(weekStart, -LOOKBACK_DAYS)!);
    latest = maxDate(latest, addDays(weekStart, 6)!);
  }
  const floor = addDays(latest, -MAX_SPAN_DAYS)!;
  return { from: maxDate(earliest, floor), to: latest };
}

/** Does `outer` hold every day of `inner`? */
export function covers(outer: DateRange | null, inner: DateRange): boolean {
  return outer !== null && outer.from <= inner.from && outer.to >= inner.to;
}

export class RunWindow {
  /** The dates whose runs were read, or null before the first successful read. */
  covered: DateRange | null = null;
  /** The runs read, ascending by start; the same array until something new is read. */
  runs: Run[] = [];
  /** The last read failed (the page's session ended, the endpoint moved): no badges until a read works. */
  failed = false;
  private lastFailureAt = -Infinity;
  private inFlight: Promise<Run[]> | null = null;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * Runs covering `wanted`: from memory when already read, otherwise by fetching only the
   * missing part. Never throws. Concurrent calls share one fetch.
   */
  async ensure(wanted: DateRange, fetchRange: RangeFetcher): Promise<Run[]> {
    if (covers(this.covered, wanted)) return this.runs;
    if (this.inFlight) {
      await this.inFlight.catch(() => undefined);
      if (covers(this.covered, wanted)) return this.runs;
    }
    if (this.failed && this.now() - this.lastFailureAt < RETRY_AFTER_MS) return this.runs;
    const task = this.extend(wanted, fetchRange);
    this.inFlight = task;
    try {
      return await task;
    } finally {
      if (this.inFlight === task) this.inFlight = null;
    }
  }

  private async extend(wanted: DateRange, fetchRange: RangeFetcher): Promise<Run[]> {
    // Only what is missing, and always one contiguous covered range.
    const target: DateRange = this.covered
      ? { from: minDate(this.covered.from, wanted.from), to: maxDate(this.covered.to, wanted.to) }
      : wanted;
    const parts: DateRange[] = [];
    if (!this.covered) parts.push(target);
    else {
      if (target.from < this.covered.from) parts.push({ from: target.from, to: addDays(this.covered.from, -1)! });
      if (target.to > this.covered.to) parts.push({ from: addDays(this.covered.to, 1)!, to: target.to });
    }
    const fetched: Run[] = [];
    for (const part of parts) {
      let runs: Run[] | null = null;
      try {
        runs = await fetchRange(part);
      } catch {
        runs = null;
      }
      if (runs === null) {
        this.failed = true;
        this.lastFailureAt = this.now();
        return this.runs;
      }
      fetched.push(...runs);
    }
    const byKey = new Map<string, Run>();
    for (const run of this.runs) byKey.set(runKey(run), run);
    for (const run of fetched) byKey.set(runKey(run), run);
    this.runs = [...byKey.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.covered = target;
    this.failed = false;
    return this.runs;
  }

  /**
   * Read for the weeks the page shows: `scan()` lists them (undefined = the current week). If the
   * page changed while reading (an SPA moving on), the weeks it shows now are read too, once.
   * Then every week seen counts as tried. Never throws.
   */
  async read(scan: () => (string | undefined)[], today: string, fetchRange: RangeFetcher): Promise<Run[]> {
    const seen = new Set<string | undefined>();
    for (let round = 0; round < 2; round++) {
      let shown: (string | undefined)[] = [];
      try {
        shown = scan();
      } catch {
        shown = [];
      }
      const fresh = shown.filter((w) => !seen.has(w));
      if (round > 0 && fresh.length === 0) break;
      for (const week of shown) seen.add(week);
      const range = rangeFor(
        shown.filter((w): w is string => typeof w === 'string'),
        today,
      );
      if (range) await this.ensure(range, fetchRange);
    }
    this.markTried([...seen], today);
    return this.runs;
  }

  /** Weeks (their shown dates) a read has already tried to cover. */
  private readonly tried = new Set<string>();
  /** A read just finished: the next anchor query is the core's check after it. */
  private afterRead = false;

  /** Note the weeks a read was asked for (call after `ensure`), covered or not. */
  markTried(weekStarts: readonly (string | undefined)[], today: string): void {
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
    if (parseDay(date) === null || parseDay(today) === null) return false;
    if (date > today) return false;
    const from = addDays(date, -LOOKBACK_DAYS)!;
    // Days after today hold no runs yet: a week in progress needs its days so far.
    const to = minDate(addDays(date, 6)!, today);
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

/**
 * What the fetches that built a window learned about it: runs per source, every partial day
 * (still in the window), and the refusals of the last fetch plus every partial-data one.
 */
export function windowNotes(fetches: readonly (readonly AdapterNotes[])[]): AdapterNotes {
  const runsBySource = new Map<string, number>();
  const days = new Set<string>();
  const refusals = new Map<string, Refusal>();
  fetches.forEach((notes, i) => {
    for (const noted of notes) {
      for (const { source, runs } of noted.sources ?? []) runsBySource.set(source, (runsBySource.get(source) ?? 0) + runs);
      for (const day of noted.incompleteDays ?? []) days.add(day);
      for (const refusal of noted.refusals ?? [])
        if (i === fetches.length - 1 || refusal.reason === 'partial-data') refusals.set(JSON.stringify(refusal), refusal);
    }
  });
  const sources = [...runsBySource].map(([source, runs]) => ({ source, runs }));
  return {
    ...(sources.length ? { sources } : {}),
    ...(days.size ? { incompleteDays: [...days].sort() } : {}),
    ...(refusals.size ? { refusals: [...refusals.values()] } : {}),
  };
}

/**
 * A calendar adapter (Garmin Connect, intervals.icu): one anchor per week row `spec` finds, and
 * the runs of the weeks shown read through a RunWindow, `fetchRange` one date range at a time (a
 * run outside the range asked for is not that range's). Reports `coveredFrom` after each read;
 * `fetchRange` reports its sources and refusals. Never throws.
 */
export function calendarAdapter(
  site: Pick<SiteAdapter, 'id' | 'site' | 'matches'>,
  spec: WeekAnchorSpec,
  fetchRange: (ctx: AdapterContext, range: DateRange, doc: Document) => Promise<Run[] | null>,
  now?: () => number,
): SiteAdapter {
  const runWindow = new RunWindow(now);
  let today: string | null = null;
  // What each fetch noted. The core keeps what the latest read noted, and a read from memory
  // fetches nothing, so every read restates what is known of the whole window: partial days
  // (intervals.icu's Strava stubs) would otherwise get a number on the next pass.
  const fetches: AdapterNotes[][] = [];
  return {
    ...site,
    async readRuns(doc, ctx) {
      try {
        if (parseDay(ctx.today) === null) return [];
        today = ctx.today;
        const runs = await runWindow.read(
          () => findWeekAnchors(doc, spec).map((a) => a.weekStart),
          ctx.today,
          async (range) => {
            const noted: AdapterNotes[] = [];
            fetches.push(noted);
            const fetchCtx: AdapterContext = {
              fetchJson: ctx.fetchJson,
              parse: ctx.parse,
              today: ctx.today,
              note: (more) => void noted.push(more),
            };
            const got = await fetchRange(fetchCtx, range, doc);
            return got?.filter((r) => r.start.slice(0, 10) >= range.from && r.start.slice(0, 10) <= range.to) ?? null;
          },
        );
        // Complete from the first day read (the RunWindow keeps one contiguous range).
        const covered = runWindow.covered;
        noteTo(ctx, { ...windowNotes(fetches), ...(covered ? { coveredFrom: covered.from } : {}) });
        return runs;
      } catch {
        return [];
      }
    },
    findAnchors(doc) {
      try {
        const anchors = findWeekAnchors(doc, spec);
        // Before the first read every week may ask for runs; after it, only weeks that were read.
        return today === null ? anchors : runWindow.filter(anchors, today);
      } catch {
        return [];
      }
    },
  };
}
