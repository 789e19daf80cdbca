// Strava (www.strava.com): the read half (./reading.ts; the page half, URLs and badges, is
// ./strava-page.ts). Reads the data the page itself carries or calls, never the rendered numbers
// (docs/research/sites.md: scraped Strava markup keeps breaking).
// - Data: the Training Log's __NEXT_DATA__ week entries (Strava's documented week shape: ids
//   "YYYYyWWw", epoch-second dates, days keyed "1".."7"); then the signed-in athlete's own
//   /athlete/training_activities pages; when that fails, their own activity feed
//   /dashboard/feed?feed_type=my_activity&before=<epoch s> (what Sauce for Strava reads).
//   The athlete's own data is read on their own pages only.
// Every read reports its sources, refusals and coverage through ctx.note. Nothing here throws.
// Runs in the background; the tab makes the calls (lib/content/proxy.ts). The JSON is read into
// runs by ./strava-parse (ctx.parse, lib/sites/parse.ts): this module fetches it, pages on, and
// checks what comes back.
import { addDays, formatDay, parseDay } from '../load/dates';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import { createSerialQueue } from '../serial';
import { refusalOf } from '../content/fetch';
import { noteTo } from './notes';
import { dayOrNull, daysOf, num, parsed, runsOf } from './parsed';
import { localTransport, readingAdapter, type RunReader } from './reading';
import {
  createStravaPages,
  LOOKBACK_DAYS,
  MAX_NEXT_DATA_CHARS,
  textKey,
  type LogFacts,
  type LogState,
  type WeekFacts,
} from './strava-page';
import { MAX_LOG_WEEKS, type ActivitiesPage, type FeedPage } from './strava-parse';
import type { AdapterContext, Refusal, SiteAdapter } from './types';

export { isoWeekMonday } from './week-anchors';
export { isOwnStravaPage, rowWeekStart, signedInAthleteId } from './strava-page';
export {
  feedStatKm,
  readActivitiesPage,
  readTrainingLogData,
  runsFromDashboardFeed,
  runsFromTrainingActivities,
  weekStartOfEntry,
  type FeedPage,
} from './strava-parse';

/** Page size asked of /athlete/training_activities, and how many pages one page view may read. */
export const ACTIVITIES_PER_PAGE = 50;
export const ACTIVITIES_MAX_PAGES = 12;

/** Sources as the popup names them. */
export const STRAVA_SOURCES = {
  page: 'strava:training-log-page',
  activities: 'strava:training-activities',
  feed: 'strava:dashboard-feed',
} as const;

// --- The parser's readings (ctx.parse), checked on return like any message ---------------

async function activitiesPage(ctx: AdapterContext, json: unknown): Promise<ActivitiesPage | null> {
  const a = await parsed(ctx, { kind: 'strava:activities', data: json });
  const runs = a && runsOf(a.runs);
  const count = num(a?.count);
  if (!a || !runs || count === null || count < 0) return null;
  return { runs, count, oldest: num(a.oldest), perPage: num(a.perPage), total: num(a.total) };
}

async function feedPage(ctx: AdapterContext, json: unknown, athleteId: string | null): Promise<FeedPage | null> {
  const a = await parsed(ctx, { kind: 'strava:feed', data: json, athleteId });
  const runs = a && runsOf(a.runs);
  const unreadable = num(a?.unreadable);
  const entries = num(a?.entries);
  if (!a || !runs || unreadable === null || entries === null) return null;
  return { runs, unreadable, cursor: num(a.cursor), entries };
}

/** Complete from the day after `day` ("YYYY-MM-DD" of day number). */
const dayAfter = (day: number) => formatDay(day + 1);

/** The runner's own activities read during this page view, shared by every adapter of a factory. */
export class StravaActivities {
  runs: Run[] = [];
  private seen = new Set<string>();
  private page = 1;
  private oldest = Infinity;
  private done = false;
  /** training_activities failed: the feed instead (from `feedBefore`), or nothing more. */
  private source: 'activities' | 'feed' | 'none' = 'activities';
  private feedBefore: number | null = null;
  private feedPages = 0;
  private feedFrom: string | null = null;
  private readonly serial = createSerialQueue();
  /** Runs added per source and every refusal met in this page view, restated by every read. */
  private readonly read = { activities: 0, feed: 0 };
  private readonly refusals = new Map<string, Refusal>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Complete from this day on ("0000-01-01" once the whole history is read), null before any read. */
  coveredFrom(): string | null {
    if (this.done) return '0000-01-01';
    // The oldest day seen may continue on the next page: complete from the day after.
    const fromActivities = this.oldest < Infinity ? dayAfter(Math.floor(this.oldest / 86_400)) : null;
    if (fromActivities && this.feedFrom) return fromActivities < this.feedFrom ? fromActivities : this.feedFrom;
    return fromActivities ?? this.feedFrom;
  }

  /**
   * Read pages, one at a time, until they reach `since` ("YYYY-MM-DD"), the end, a failure or the
   * page cap. `athleteId`: the signed-in athlete (their rows of the feed's group activities).
   */
  ensureSince(since: string | null, ctx: AdapterContext, athleteId: string | null = null): Promise<StravaActivities> {
    return this.serial(() => this.fill(parseDay(since), ctx, athleteId));
  }

  private reached(target: number): boolean {
    const from = this.coveredFrom();
    return from !== null && parseDay(from)! <= target;
  }

  private add(runs: Run[]): number {
    const fresh = runs.filter((run) => {
      const key = runKey(run);
      return !this.seen.has(key) && !!this.seen.add(key);
    });
    // A new array when runs were added: the core recomputes badges on a new identity.
    if (fresh.length) this.runs = [...this.runs, ...fresh];
    return fresh.length;
  }

  private async fill(target: number | null, ctx: AdapterContext, athleteId: string | null): Promise<StravaActivities> {
    const { read } = this;
    const refusals: Refusal[] = [];
    while (target !== null && !this.done && !this.reached(target)) {
      if (this.source === 'activities' && this.page <= ACTIVITIES_MAX_PAGES) {
        const page = this.page;
        let body: ActivitiesPage | null = null;
        try {
          const json = await ctx.fetchJson(
            `/athlete/training_activities?new_activity_only=false&per_page=${ACTIVITIES_PER_PAGE}&page=${page}`,
          );
          body = await activitiesPage(ctx, json);
          if (!body) refusals.push({ source: STRAVA_SOURCES.activities, reason: 'bad-response' });
        } catch (error) {
          refusals.push({ source: STRAVA_SOURCES.activities, ...refusalOf(error) });
        }
        if (!body) {
          this.source = 'feed'; // the runner's own feed instead (Sauce for Strava's source)
          continue;
        }
        const { count, oldest, total } = body;
        this.page++;
        read.activities += this.add(body.runs);
        if (oldest !== null && oldest < this.oldest) this.oldest = oldest;
        const perPage = body.perPage ?? ACTIVITIES_PER_PAGE;
        if (count < perPage || count === 0 || (total !== null && page * perPage >= total)) this.done = true;
      } else if (this.source === 'feed' && this.feedPages < ACTIVITIES_MAX_PAGES) {
        const before = this.feedBefore ?? Math.floor(this.now() / 1000);
        let page: FeedPage | null = null;
        try {
          page = await feedPage(ctx, await ctx.fetchJson(`/dashboard/feed?feed_type=my_activity&before=${before}`), athleteId);
          if (!page) refusals.push({ source: STRAVA_SOURCES.feed, reason: 'bad-response' });
        } catch (error) {
          refusals.push({ source: STRAVA_SOURCES.feed, ...refusalOf(error) });
        }
        this.feedPages++;
        if (page && page.entries === 0) {
          this.done = true;
          break;
        }
        if (!page || page.unreadable > 0 || page.cursor === null || page.cursor >= before) {
          // Unreadable runs or no way to page on: this page's runs are not all there. Stop here.
          if (page) refusals.push({ source: STRAVA_SOURCES.feed, reason: 'partial-data' });
          this.source = 'none';
          break;
        }
        read.feed += this.add(page.runs);
        this.feedBefore = page.cursor;
        // Every activity that started on or after a day later than the cursor (in any zone) was
        // updated after it, so it was on a page read: complete from two days after the cursor's day.
        this.feedFrom = formatDay(Math.floor(page.cursor / 86_400) + 2);
      } else break;
    }
    // The core keeps what the latest read noted: a read from memory restates the page view's.
    for (const refusal of refusals) this.refusals.set(JSON.stringify(refusal), refusal);
    const sources = [
      ...(read.activities ? [{ source: STRAVA_SOURCES.activities, runs: read.activities }] : []),
      ...(read.feed ? [{ source: STRAVA_SOURCES.feed, runs: read.feed }] : []),
    ];
    const all = [...this.refusals.values()];
    if (sources.length || all.length) noteTo(ctx, { ...(sources.length ? { sources } : {}), ...(all.length ? { refusals: all } : {}) });
    return this;
  }
}

// --- The readers ---------------------------------------------------------------------------------

/** The runs of the Training Log's own week entries (./strava-parse readTrainingLogData). */
interface LogRuns {
  runs: Run[] | null;
  from: string | null;
  to: string | null;
  /** The week starts the entries list, and the signed-in athlete the data names (told to the page). */
  weeks: string[];
  athleteId: string | null;
}

export interface StravaReaders {
  trainingLog: RunReader;
  dashboard: RunReader;
  profile: RunReader;
}

/** Strava's read halves, sharing one page view's state (one set per tab's page, in the background). */
export function createStravaReaders(options: StravaAdapterOptions = {}): StravaReaders {
  const activities = new StravaActivities(options.now);
  let nextData: { text: string; key: string; read?: Promise<LogRuns | null> } | null = null;
  /** The Training Log's last read: complete from `covered`, for rows from `tried` on. */
  let logState = { covered: null as string | null, tried: '9999-12-31', runs: [] as Run[] };
  /** The last facts left the page text out, and this reader does not have it. */
  let needText = false;
  /** The page's data as the parser read it (the last read's). */
  let known: LogRuns = { runs: null, from: null, to: null, weeks: [], athleteId: null };
  const incomplete: { dashboard: string | null; profile: string | null } = { dashboard: null, profile: null };

  /** The parser's reading of the page's week entries' runs (kept per text once it answered). */
  async function logRuns(ctx: AdapterContext): Promise<LogRuns> {
    const none: LogRuns = { runs: null, from: null, to: null, weeks: [], athleteId: null };
    const next = nextData;
    if (!next?.text || next.text.length > MAX_NEXT_DATA_CHARS) return none;
    const read = (next.read ??= parsed(ctx, { kind: 'strava:page', data: next.text }).then((a) => {
      const runs = a?.runs === null ? null : runsOf(a?.runs);
      const weeks = daysOf(a?.weeks, MAX_LOG_WEEKS) ?? [];
      const athleteId = typeof a?.athleteId === 'string' && /^\d{1,20}$/.test(a.athleteId) ? a.athleteId : null;
      return a && (a.runs === null || runs) ? { runs, from: dayOrNull(a.from), to: dayOrNull(a.to), weeks, athleteId } : null;
    }));
    const got = await read;
    // No answer (the parser was away): asked again on the next read.
    if (!got && next.read === read) next.read = undefined;
    return got ?? none;
  }

  /** The runs back to `since`, flagging `which` for `week` when the pages do not get there. */
  async function runsSince(
    which: keyof typeof incomplete,
    week: string,
    since: string | null,
    athleteId: string | null,
    ctx: AdapterContext,
  ): Promise<Run[]> {
    const read = await activities.ensureSince(since, ctx, athleteId).catch(() => null);
    const covered = read?.coveredFrom() ?? null;
    incomplete[which] = since === null || covered === null || covered > since ? week : null;
    if (covered) noteTo(ctx, { coveredFrom: covered });
    return read?.runs ?? [];
  }

  const athleteOf = (facts: unknown) => {
    const id = (facts as Partial<WeekFacts> | null)?.athleteId;
    return typeof id === 'string' && /^\d{1,20}$/.test(id) ? id : null;
  };
  const dayOf = (value: unknown) => (typeof value === 'string' && parseDay(value) !== null ? value : null);

  const trainingLog: RunReader = {
    async read(facts, ctx, prepare) {
      try {
        const f = facts as Partial<LogFacts> | null;
        const key = typeof f?.textKey === 'string' ? f.textKey : '';
        // The page's text comes once (and again only if asked for): it is kept with its key.
        if (typeof f?.text === 'string') {
          if (nextData?.text !== f.text) nextData = { text: f.text, key: textKey(f.text) };
        } else if (nextData?.key !== key) {
          needText = true;
          return [];
        }
        needText = false;
        // Read at once (a prepare too): the weeks and the athlete it finds go back to the page.
        known = await logRuns(ctx);
        if (prepare) return [];
        const weeks = (Array.isArray(f?.weeks) ? f.weeks : [])
          .map(dayOf)
          .filter((w): w is string => w !== null)
          .sort();
        if (!weeks.length) return [];
        const { runs, from, to } = known;
        const needed = addDays(weeks[0]!, -LOOKBACK_DAYS)!;
        // A row newer than the page's data: that data is not the whole story, read it all.
        const usable = runs && from && to && weeks.at(-1)! <= to;
        let all = (usable && runs) || [];
        let covered = (usable && from) || '9999-12-31';
        if (usable) noteTo(ctx, { sources: [{ source: STRAVA_SOURCES.page, runs: all.length }] });
        if (covered > needed && f?.own === true) {
          // The page does not carry enough weeks: the athlete's own activities fill in the older ones.
          const read = await activities.ensureSince(needed, ctx, athleteOf(facts));
          const readFrom = read.coveredFrom();
          if (readFrom !== null && readFrom < covered) {
            const cut = covered;
            all = [...read.runs.filter((run) => run.start < cut), ...all];
            covered = readFrom;
          }
        }
        if (covered !== '9999-12-31') noteTo(ctx, { coveredFrom: covered });
        if (logState.covered !== covered || logState.runs.length !== all.length) logState = { covered, tried: weeks[0]!, runs: all };
        else logState.tried = weeks[0]!;
        return logState.runs;
      } catch {
        return [];
      }
    },
    state: (): LogState => ({
      covered: logState.covered,
      tried: logState.tried,
      textKey: nextData?.key ?? null,
      ...(needText && { needText }),
      weeks: known.weeks,
      athleteId: known.athleteId,
    }),
  };

  const dashboard: RunReader = {
    // This week, last week and the 30 days before it.
    read: (facts, ctx) => runsSince('dashboard', 'current', addDays(ctx.today, -44), athleteOf(facts), ctx),
    state: () => ({ incomplete: incomplete.dashboard }),
  };

  const profile: RunReader = {
    read: (facts, ctx) => {
      const week = dayOf((facts as Partial<WeekFacts> | null)?.week) ?? undefined;
      return runsSince('profile', week ?? 'current', addDays(week ?? ctx.today, -(7 + LOOKBACK_DAYS)), athleteOf(facts), ctx);
    },
    state: () => ({ incomplete: incomplete.profile }),
  };

  return { trainingLog, dashboard, profile };
}

/** Strava's readers by page adapter id (the background's registry). */
export function stravaReadersById(options: StravaAdapterOptions = {}): Record<string, RunReader> {
  const readers = createStravaReaders(options);
  return { 'strava-training-log': readers.trainingLog, 'strava-dashboard': readers.dashboard, 'strava-profile': readers.profile };
}

export interface StravaAdapters {
  trainingLog: SiteAdapter;
  dashboard: SiteAdapter;
  profile: SiteAdapter;
  all: readonly SiteAdapter[];
}

export interface StravaAdapterOptions {
  now?: () => number;
}

/** Strava's whole adapters, both halves in process, sharing one page view's state (tests, site-check). */
export function createStravaAdapters(options: StravaAdapterOptions = {}): StravaAdapters {
  const pages = createStravaPages();
  const transport = localTransport(stravaReadersById(options));
  const [trainingLog, dashboard, profile] = pages.all.map((page) => readingAdapter(page, transport, options.now)) as [
    SiteAdapter,
    SiteAdapter,
    SiteAdapter,
  ];
  return { trainingLog, dashboard, profile, all: [trainingLog, dashboard, profile] };
}

/** Whole adapters (tests, site-check; the content script has only ./strava-page). */
const DEFAULT_STRAVA = createStravaAdapters();
export const stravaTrainingLogAdapter = DEFAULT_STRAVA.trainingLog;
export const stravaDashboardAdapter = DEFAULT_STRAVA.dashboard;
export const stravaProfileAdapter = DEFAULT_STRAVA.profile;
/** Every Strava adapter. */
export const STRAVA_ADAPTERS: readonly SiteAdapter[] = DEFAULT_STRAVA.all;
