// The runs an adapter fetched for this page view, and the dates they cover. Shared by the Garmin
// and intervals.icu adapters: one fetch per page view (the core's fetchJson spaces the calls),
// more only when the page shows weeks outside what was fetched, and never a badge for a week
// whose runs were not read.
// Pure of zod and Preact: the content script imports this module.
import { addDays, formatDateTime, parseDay, parseWallClockMs } from '../load/dates';
import { isFiniteNumber } from '../guards';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import { MAX_RUN_KM } from '../history/captured';
import { noteTo } from './notes';
import { calendarPage, covers, LOOKBACK_DAYS, minDate, type CalendarFacts, type DateRange } from './calendar-page';
import { localTransport, readingAdapter, type RunReader } from './reading';
import type { AdapterContext, AdapterNotes, Refusal, SiteAdapter } from './types';
import type { WeekAnchorSpec } from './week-anchors';

export { covers, LOOKBACK_DAYS, type DateRange };

/** A fetch of one date range: the runs, or null when the site gave no usable answer. */
export type RangeFetcher = (range: DateRange) => Promise<Run[] | null>;

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

/** The runs read for a page view and the range they cover (the page half's WeekGate follows `covered`). */
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

/** A calendar site's range fetcher: `facts` are what its page half saw (./calendar-page). */
export type CalendarFetch = (ctx: AdapterContext, range: DateRange, facts: CalendarFacts) => Promise<Run[] | null>;

/**
 * A calendar site's read half: the runs of the weeks shown, read through a RunWindow,
 * `fetchRange` one date range at a time (a run outside the range asked for is not that range's).
 * Notes `coveredFrom` after each read; `fetchRange` notes its sources and refusals. Its state is
 * the range covered. Never throws.
 */
export function calendarReader(fetchRange: CalendarFetch, now?: () => number): RunReader {
  const runWindow = new RunWindow(now);
  // What each fetch noted. Every read restates what is known of the whole window: partial days
  // (intervals.icu's Strava stubs) would otherwise get a number on the next pass.
  const fetches: AdapterNotes[][] = [];
  return {
    async read(facts, ctx) {
      try {
        const data = facts as CalendarFacts;
        if (parseDay(ctx.today) === null || !Array.isArray(data?.weeks)) return [];
        const range = rangeFor(
          data.weeks.filter((w): w is string => typeof w === 'string'),
          ctx.today,
        );
        if (range)
          await runWindow.ensure(range, async (part) => {
            const noted: AdapterNotes[] = [];
            fetches.push(noted);
            const fetchCtx: AdapterContext = { ...ctx, note: (more) => void noted.push(more) };
            const got = await fetchRange(fetchCtx, part, data);
            return got?.filter((r) => r.start.slice(0, 10) >= part.from && r.start.slice(0, 10) <= part.to) ?? null;
          });
        // Complete from the first day read (the RunWindow keeps one contiguous range).
        const covered = runWindow.covered;
        noteTo(ctx, { ...windowNotes(fetches), ...(covered ? { coveredFrom: covered.from } : {}) });
        return runWindow.runs;
      } catch {
        return [];
      }
    },
    state: () => ({ covered: runWindow.covered }),
  };
}

/** A whole calendar adapter, both halves in process (tests, site-check). */
export function calendarAdapter(
  site: Pick<SiteAdapter, 'id' | 'site' | 'matches' | 'pageKind' | 'selectors'>,
  spec: WeekAnchorSpec,
  fetchRange: CalendarFetch,
  now?: () => number,
  extra?: (doc: Document) => Record<string, unknown>,
): SiteAdapter {
  return readingAdapter(calendarPage(site, spec, extra), localTransport({ [site.id]: calendarReader(fetchRange, now) }), now);
}
