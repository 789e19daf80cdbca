// Strava (www.strava.com). Reads the data the page itself carries or calls, never the rendered
// numbers (docs/research/sites.md: scraped Strava markup keeps breaking).
// - URLs: the Training Log /athletes/{id}/training/log, the dashboard /dashboard, an athlete's
//   profile /athletes/{id} (https, www.strava.com or strava.com).
// - Data: the Training Log's __NEXT_DATA__ week entries (Strava's documented week shape: ids
//   "YYYYyWWw", epoch-second dates, days keyed "1".."7"); then the signed-in athlete's own
//   /athlete/training_activities pages; when that fails, their own activity feed
//   /dashboard/feed?feed_type=my_activity&before=<epoch s> (what Sauce for Strava reads).
//   The athlete's own data is read on their own pages only (header athlete menu: React's
//   `ul[labeledby="athlete-menu"]` or the server-rendered `.user-menu`).
// - Badges: Training Log week rows (`_calendarRowContainer_` + data-timestamp, week = its ISO
//   week), the dashboard's weekly run goal, the profile's selected week totals.
// Every read reports its sources, refusals and coverage through ctx.note. Nothing here throws.
// The JSON itself is read into runs by ./strava-parse, in the background (ctx.parse, lib/sites/
// parse.ts): this module finds the data, fetches it, pages on, and checks what comes back.
import { addDays, dayOfWeek, daysFromCivil, formatDay, parseDay } from '../load/dates';
import { runKey } from '../load/runs';
import type { Run } from '../load/types';
import { createSerialQueue } from '../serial';
import { refusalOf } from '../content/fetch';
import { noteTo } from './notes';
import { dayOrNull, num, parsed, runsOf } from './parsed';
import { finiteNumber, guard, idString, rec, weekStartOfEntry, type ActivitiesPage, type FeedPage, type Rec } from './strava-parse';
import type { AdapterContext, BadgeAnchor, Refusal, SiteAdapter } from './types';
import { isoWeekMonday } from './week-anchors';

export { isoWeekMonday };
export {
  feedStatKm,
  readActivitiesPage,
  readTrainingLogData,
  runsFromDashboardFeed,
  runsFromTrainingActivities,
  weekStartOfEntry,
  type FeedPage,
} from './strava-parse';

// ---------------------------------------------------------------------------------------------
// Page adapters: which Strava pages get badges, where their runs are, where badges go. Anchors by
// structure (ids, data attributes, hashed-class substrings), never by localized text.

const STRAVA_HOST = /^(www\.)?strava\.com$/;
const LOG_PATH = /^\/athletes\/(\d+)\/training\/log\/?$/;
const PROFILE_PATH = /^\/athletes\/(\d+)\/?$/;
const DASHBOARD_PATH = /^\/dashboard\/?$/;
/** Page size asked of /athlete/training_activities, and how many pages one page view may read. */
export const ACTIVITIES_PER_PAGE = 50;
export const ACTIVITIES_MAX_PAGES = 12;
/** A week's badge needs the 30 days before it (longest-run baseline; the previous week is inside). */
const LOOKBACK_DAYS = 30;
const ROWS = '[class*="_calendarRowContainer_"][data-timestamp],[data-testid="calendar-row"][data-timestamp]';
const ROW_SIDEBAR = '[class*="_sidebarContainer_"]';
/** The header's link to the signed-in athlete: React pages (Sauce, 2022), server-rendered pages, older markup. */
const ATHLETE_MENU_LINKS = [
  'header nav ul li ul[labeledby="athlete-menu"] a[href^="/athletes/"]',
  '.user-menu a[href^="/athletes/"]',
  '[data-log-category="user-menu"] a[href^="/athletes/"]',
].join(',');
const DASHBOARD_STATS = '#run-goals[data-sport="run"] .weekly-goal .primary-stats';
const DASHBOARD_GOAL = '#progress-goals [data-sport="run"] .weekly-goal';
const PROFILE_BARS = '#interval-graph-columns .interval.selectable a.bar';
const PROFILE_SELECTED = '#interval-graph-columns .interval.selected';
const PROFILE_TOTALS = '#interval-graph #totals';

/** Sources as the popup names them. */
export const STRAVA_SOURCES = {
  page: 'strava:training-log-page',
  activities: 'strava:training-activities',
  feed: 'strava:dashboard-feed',
} as const;

// --- The background's readings (ctx.parse), checked on return like any message ---------------

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

const onStrava = (url: URL, path: RegExp) => url.protocol === 'https:' && STRAVA_HOST.test(url.hostname) && path.test(url.pathname);
const mondayOf = (date: string): string => {
  const day = parseDay(date)!;
  return formatDay(day - ((dayOfWeek(day) + 6) % 7));
};

/** pageProps of the page's __NEXT_DATA__ ({} when absent or broken). */
function nextProps(doc: Document): Rec {
  return guard(() => rec(rec(rec(JSON.parse(doc.getElementById('__NEXT_DATA__')?.textContent ?? '')).props).pageProps), {});
}

/** The signed-in athlete's id: the page header's own profile link, else the Training Log's data. */
export function signedInAthleteId(doc: Document): string | null {
  return guard(() => {
    for (const link of doc.querySelectorAll(ATHLETE_MENU_LINKS)) {
      const match = /^\/athletes\/(\d+)\/?$/.exec(link.getAttribute('href') ?? '');
      if (match) return match[1]!;
    }
    const props = nextProps(doc);
    const id = idString(rec(props.currentAthlete).id ?? props.currentAthleteId);
    return id && /^\d+$/.test(id) ? id : null;
  }, null);
}

/** Is this page about the athlete whose activities /athlete/training_activities returns? */
function ownPage(doc: Document, path: RegExp): boolean {
  const match = path.exec(doc.location?.pathname ?? '');
  return match !== null && match[1] === signedInAthleteId(doc);
}

/** The signed-in athlete's own dashboard, Training Log or profile: runs worth keeping as history. */
export function isOwnStravaPage(doc: Document): boolean {
  return guard(() => DASHBOARD_PATH.test(doc.location?.pathname ?? '') || ownPage(doc, LOG_PATH) || ownPage(doc, PROFILE_PATH), false);
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

// --- The adapters ---------------------------------------------------------------------------------

/**
 * The Monday of the ISO week a row shows, from its data-timestamp (s or ms). Strava has used
 * both a week's local midnight and a mid-week time (1710417600, a Thursday noon, for 2024y11w):
 * a day the timestamp falls on that the page's own week list starts a week on, then a Monday
 * it falls on (a local midnight seen from any zone), else the Monday of its ISO week.
 */
export function rowWeekStart(timestamp: string | null, known: ReadonlySet<string>): string | null {
  const value = finiteNumber(timestamp);
  if (value === null || value <= 0 || value > 253_402_300_799_000) return null;
  const ms = value > 1e11 ? value : value * 1000;
  const d = new Date(ms);
  const utc = Math.floor(ms / 86_400_000);
  const local = formatDay(daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()));
  // The next UTC day only for a time a local Monday midnight east of UTC can be (10:00 UTC or later).
  const candidates = [local, formatDay(utc), ...(ms - utc * 86_400_000 >= 10 * 3_600_000 ? [formatDay(utc + 1)] : [])];
  return (
    candidates.find((c) => known.has(c)) ??
    candidates.find((c) => dayOfWeek(parseDay(c)!) === 1) ??
    candidates.map(mondayOf).find((monday) => known.has(monday)) ??
    mondayOf(local)
  );
}

/** Most __NEXT_DATA__ text sent to be read (lib/sites/parse MAX_PARSE_CHARS). */
const MAX_NEXT_DATA_CHARS = 5 * 1024 * 1024;

/** The runs of the Training Log's own week entries (./strava-parse readTrainingLogData). */
interface LogRuns {
  runs: Run[] | null;
  from: string | null;
  to: string | null;
}

/** The Training Log's __NEXT_DATA__: its text, the weeks it lists, and the background's reading. */
interface NextData {
  text: string;
  weeks: Set<string>;
  read?: Promise<LogRuns | null>;
}

/** The week starts the page's entries list (props.pageProps.entriesResponse.entries). */
function logWeeks(text: string): Set<string> {
  const weeks = new Set<string>();
  guard(() => {
    const entries = rec(rec(rec(rec(JSON.parse(text)).props).pageProps).entriesResponse).entries;
    for (const entry of Array.isArray(entries) ? entries : []) {
      const start = weekStartOfEntry(entry);
      if (start) weeks.add(start);
    }
  }, undefined);
  return weeks;
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

/** Strava's page adapters, sharing one page view's state (one set per content script). */
export function createStravaAdapters(options: StravaAdapterOptions = {}): StravaAdapters {
  const activities = new StravaActivities(options.now);
  let nextData: NextData | null = null;
  /** The Training Log's last read: complete from `covered`, for rows from `tried` on. */
  let logState = { covered: null as string | null, tried: '9999-12-31', runs: [] as Run[] };
  /**
   * Per adapter, the week whose read did not reach back far enough (a call failed, or the page
   * cap): that week gets no badge ("0 km" from data we could not read would be wrong).
   */
  const incomplete: { dashboard: string | null; profile: string | null } = { dashboard: null, profile: null };

  function readNext(doc: Document): NextData {
    const text = doc.getElementById('__NEXT_DATA__')?.textContent ?? '';
    if (nextData?.text !== text) nextData = { text, weeks: logWeeks(text) };
    return nextData;
  }

  /** The background's reading of the page's week entries' runs (kept per text once it answered). */
  async function logRuns(ctx: AdapterContext, next: NextData): Promise<LogRuns> {
    const none: LogRuns = { runs: null, from: null, to: null };
    if (!next.text || next.text.length > MAX_NEXT_DATA_CHARS) return none;
    const read = (next.read ??= parsed(ctx, { kind: 'strava:page', data: next.text }).then((a) => {
      const runs = a?.runs === null ? null : runsOf(a?.runs);
      return a && (a.runs === null || runs) ? { runs, from: dayOrNull(a.from), to: dayOrNull(a.to) } : null;
    }));
    const got = await read;
    // No answer (the background was away): asked again on the next read.
    if (!got && next.read === read) next.read = undefined;
    return got ?? none;
  }

  /** Each week row: where its badge goes (the row's totals sidebar, else the row) and its Monday. */
  function logRows(doc: Document): [Element, string][] {
    const known = readNext(doc).weeks;
    const rows: [Element, string][] = [];
    for (const row of doc.querySelectorAll(ROWS)) {
      const weekStart = rowWeekStart(row.getAttribute('data-timestamp'), known);
      if (weekStart) rows.push([row.querySelector(ROW_SIDEBAR) ?? row, weekStart]);
    }
    return rows;
  }

  /** The runs back to `since`, flagging `which` for `week` when the pages do not get there. */
  async function runsSince(
    which: keyof typeof incomplete,
    week: string,
    since: string | null,
    doc: Document,
    ctx: AdapterContext,
  ): Promise<Run[]> {
    const read = await activities.ensureSince(since, ctx, signedInAthleteId(doc)).catch(() => null);
    const covered = read?.coveredFrom() ?? null;
    incomplete[which] = since === null || covered === null || covered > since ? week : null;
    if (covered) noteTo(ctx, { coveredFrom: covered });
    return read?.runs ?? [];
  }

  const trainingLog: SiteAdapter = {
    id: 'strava-training-log',
    site: 'strava',
    matches: (url) => onStrava(url, LOG_PATH),
    pageKind: () => 'Strava Training Log',
    selectors: [ROWS, ROW_SIDEBAR, ATHLETE_MENU_LINKS, '#__NEXT_DATA__'],
    findAnchors: (doc) =>
      guard(
        () =>
          logRows(doc)
            // A week the last read tried to cover but could not (its 30 days before are missing)
            // gets no badge: a wrong "no runs the week before" is worse than none. Older rows (the
            // page loaded more weeks) are offered, so the core reads again; it asks again after.
            .filter(
              ([, weekStart]) =>
                logState.covered === null || weekStart < logState.tried || addDays(weekStart, -LOOKBACK_DAYS)! >= logState.covered,
            )
            .map(([element, weekStart]) => ({ key: `strava-log:${weekStart}`, element, placement: 'append' as const, weekStart })),
        [] as BadgeAnchor[],
      ),
    async readRuns(doc, ctx) {
      try {
        const next = readNext(doc);
        const weeks = logRows(doc)
          .map((row) => row[1])
          .sort();
        if (!weeks.length) return [];
        const { runs, from, to } = await logRuns(ctx, next);
        const needed = addDays(weeks[0]!, -LOOKBACK_DAYS)!;
        // A row newer than the page's data: that data is not the whole story, read it all.
        const usable = runs && from && to && weeks.at(-1)! <= to;
        let all = (usable && runs) || [];
        let covered = (usable && from) || '9999-12-31';
        if (usable) noteTo(ctx, { sources: [{ source: STRAVA_SOURCES.page, runs: all.length }] });
        if (covered > needed && ownPage(doc, LOG_PATH)) {
          // The page does not carry enough weeks: the athlete's own activities fill in the older ones.
          const read = await activities.ensureSince(needed, ctx, signedInAthleteId(doc));
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
    observeRoot: (doc) => doc.querySelector(ROWS)?.parentElement ?? doc.getElementById('__next'),
    // The page's own data is there before its rows render: have the background read it now.
    prepare: (doc, ctx) => void logRuns(ctx, readNext(doc)).catch(() => undefined),
  };

  // Dashboard: the weekly widget ("This week" / "Cette semaine" / "이번 주": by structure).
  const dashboard: SiteAdapter = {
    id: 'strava-dashboard',
    site: 'strava',
    matches: (url) => onStrava(url, DASHBOARD_PATH),
    pageKind: () => 'Strava dashboard',
    selectors: [DASHBOARD_STATS, DASHBOARD_GOAL, ATHLETE_MENU_LINKS],
    findAnchors: (doc) =>
      guard(() => {
        if (incomplete.dashboard) return [];
        const stats = doc.querySelector(DASHBOARD_STATS);
        const element = stats ?? doc.querySelector(DASHBOARD_GOAL);
        const anchors: BadgeAnchor[] = element
          ? [{ key: 'strava-dashboard:this-week', element, placement: stats ? 'after' : 'append' }]
          : [];
        return anchors;
      }, [] as BadgeAnchor[]),
    // This week, last week and the 30 days before it.
    readRuns: (doc, ctx) => runsSince('dashboard', 'current', addDays(ctx.today, -44), doc, ctx),
    observeRoot: (doc) => doc.getElementById('js-dashboard-athlete-goals'),
  };

  /** The week whose bar is selected (the totals show it), or undefined for the current week. */
  function selectedWeek(doc: Document): string | undefined {
    const selected = doc.querySelector(PROFILE_SELECTED);
    const match =
      /(\d{4})(\d{2})$/.exec(selected?.id ?? '') ??
      /[?&#]interval=(\d{4})(\d{2})\b/.exec(selected?.querySelector('a.bar')?.getAttribute('href') ?? '');
    return (match && isoWeekMonday(Number(match[1]), Number(match[2]))) || undefined;
  }

  // Athlete profile: the weekly totals of the selected week.
  const profile: SiteAdapter = {
    id: 'strava-profile',
    site: 'strava',
    matches: (url) => onStrava(url, PROFILE_PATH),
    pageKind: () => 'Strava athlete profile',
    selectors: [PROFILE_BARS, PROFILE_SELECTED, PROFILE_TOTALS, '#interval-graph', ATHLETE_MENU_LINKS],
    findAnchors: (doc) =>
      guard(() => {
        // /athlete/training_activities is the signed-in athlete's: never badge someone else's profile.
        if (!ownPage(doc, PROFILE_PATH) || !doc.querySelector(PROFILE_BARS)) return [];
        const totals = doc.querySelector(PROFILE_TOTALS);
        const element = totals ?? doc.getElementById('interval-graph');
        const weekStart = selectedWeek(doc);
        if (incomplete.profile === (weekStart ?? 'current')) return [];
        const anchors: BadgeAnchor[] = element
          ? [{ key: `strava-profile:${weekStart ?? 'current'}`, element, placement: totals ? 'after' : 'append', weekStart }]
          : [];
        return anchors;
      }, [] as BadgeAnchor[]),
    readRuns: (doc, ctx) => {
      const week = guard(() => selectedWeek(doc), undefined);
      return runsSince('profile', week ?? 'current', addDays(week ?? ctx.today, -(7 + LOOKBACK_DAYS)), doc, ctx);
    },
    observeRoot: (doc) => doc.getElementById('interval-graph'),
  };

  return { trainingLog, dashboard, profile, all: [trainingLog, dashboard, profile] };
}

/** The adapters the content script uses. */
const DEFAULT_STRAVA = createStravaAdapters();
export const stravaTrainingLogAdapter = DEFAULT_STRAVA.trainingLog;
export const stravaDashboardAdapter = DEFAULT_STRAVA.dashboard;
export const stravaProfileAdapter = DEFAULT_STRAVA.profile;
/** Every Strava page adapter. */
export const STRAVA_ADAPTERS: readonly SiteAdapter[] = DEFAULT_STRAVA.all;
