// Strava (www.strava.com). Reads the data the page itself calls, never the rendered markup
// (docs/research/sites.md: scraped Strava markup keeps breaking).
import { addDays, dayOfWeek, daysFromCivil, formatDateTime, formatDay, parseDay, parseWallClockMs } from '../load/dates';
import type { Run } from '../load/types';
import type { AdapterContext, SiteAdapter } from './types';
import { isoWeekMonday } from './week-anchors';

export { isoWeekMonday };

// Strava renamed `type` to `sport_type` on 2024-10-30; older payloads carry only `type`.
const RUN_SPORT_TYPES = new Set(['Run', 'TrailRun', 'VirtualRun']);

function finiteNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Tolerate a numeric string (never the localized display strings: "4,0" is rejected).
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function runFromModel(model: unknown): Run | null {
  if (typeof model !== 'object' || model === null) return null;
  const m = model as Record<string, unknown>;
  const sport = m.sport_type ?? m.type;
  if (typeof sport !== 'string' || !RUN_SPORT_TYPES.has(sport)) return null;
  // `start_date_local_raw` is epoch seconds of the local wall clock: its UTC components are the
  // runner's local time (e.g. 1481471150 -> "2016-12-11T15:45:50", start_time 14:45:50 UTC in Paris).
  const startRaw = finiteNumber(m.start_date_local_raw);
  const metres = finiteNumber(m.distance_raw);
  // Years 0000-9999 only, so the start stays a four-digit "YYYY-MM-DDTHH:mm:ss".
  if (startRaw === null || startRaw < -62_167_219_200 || startRaw >= 253_402_300_800) return null;
  if (metres === null || metres < 0) return null;
  const run: Run = { start: formatDateTime(startRaw), km: metres / 1000 };
  const id = idString(m.id);
  if (id !== undefined) run.id = id;
  const gearId = idString(m.athlete_gear_id);
  if (gearId !== undefined) run.gearId = gearId;
  return run;
}

/**
 * The runs of one parsed page of Strava's `/athlete/training_activities` JSON (`{ models: [...] }`),
 * in page order (newest first). Rides, hikes, skis and malformed models are skipped; never throws.
 * Contract: docs/contract/load.md.
 */
export function runsFromTrainingActivities(json: unknown): Run[] {
  let models: unknown;
  try {
    models = typeof json === 'object' && json !== null ? (json as { models?: unknown }).models : undefined;
  } catch {
    return [];
  }
  if (!Array.isArray(models)) return [];
  const runs: Run[] = [];
  for (const model of models) {
    try {
      const run = runFromModel(model);
      if (run) runs.push(run);
    } catch {
      // A throwing getter or proxy in one model skips that model: page data never breaks the badge.
    }
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Page adapters (issue 6): which Strava pages get badges, where their runs are, where badges go.
// Data first from what the page carries (__NEXT_DATA__ on the Training Log), then from the
// signed-in athlete's own same-origin /athlete/training_activities (paged, spaced, cached per page
// view), never from rendered numbers. Anchors by structure (ids, data attributes, hashed-class
// substrings), never by localized text. Nothing here throws: the worst case is no badge.

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

type Rec = Record<string, unknown>;
const rec = (value: unknown): Rec => (typeof value === 'object' && value !== null ? (value as Rec) : {});
const dayOf = (value: unknown): string | null => {
  const day = typeof value === 'string' ? parseDay(value.slice(0, 10)) : null;
  return day === null ? null : formatDay(day);
};
function guard<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
const onStrava = (url: URL, path: RegExp) => url.protocol === 'https:' && STRAVA_HOST.test(url.hostname) && path.test(url.pathname);

/** The signed-in athlete's id: the page header's own profile link, else the Training Log's data. */
export function signedInAthleteId(doc: Document): string | null {
  for (const link of doc.querySelectorAll('.user-menu a[href^="/athletes/"],[data-log-category="user-menu"] a[href^="/athletes/"]')) {
    const match = /^\/athletes\/(\d+)\/?$/.exec(link.getAttribute('href') ?? '');
    if (match) return match[1]!;
  }
  const props = readNext(doc).props;
  const id = idString(rec(props.currentAthlete).id ?? props.currentAthleteId);
  return id && /^\d+$/.test(id) ? id : null;
}

/** Is this page about the athlete whose activities /athlete/training_activities returns? */
function ownPage(doc: Document, path: RegExp): boolean {
  const match = path.exec(doc.location?.pathname ?? '');
  return match !== null && match[1] === signedInAthleteId(doc);
}

/** The signed-in athlete's own dashboard, Training Log or profile: runs worth keeping as history. */
export function isOwnStravaPage(doc: Document): boolean {
  return guard(
    () => DASHBOARD_PATH.test(doc.location?.pathname ?? '') || ownPage(doc, LOG_PATH) || ownPage(doc, PROFILE_PATH),
    false,
  );
}

// --- __NEXT_DATA__ (Training Log) --------------------------------------------------------------

interface NextData {
  text: string;
  props: Rec;
  /** Week start dates the entries list. */
  weeks: Set<string>;
  /** Runs of the covered weeks; null when the entries carry none or something does not add up. */
  runs: Run[] | null;
  /** First and last week start the per-run data covers (consecutive weeks, newest back to a gap). */
  from: string | null;
  to: string | null;
}
let nextData: NextData | null = null;

/**
 * One week entry's runs, or null when they do not add up: an activity whose sport, distance or
 * day cannot be read, days that cannot be placed (no date, not a full week), or runs other than
 * the entry's own run total (metres, small rounding tolerance). No runs beat wrong ones.
 */
function weekRuns(e: Rec, start: string): Run[] | null {
  const end = addDays(start, 6)!;
  const days = e.by_day_of_week;
  const list: [number, unknown][] = Array.isArray(days)
    ? days.map((day, i) => [days.length === 7 ? i : -1, day])
    : Object.entries(rec(days)).map(([key, day]) => [/^[0-6]$/.test(key) ? Number(key) : -1, day]);
  const runs: Run[] = [];
  let metres = 0;
  for (const [i, day] of list) {
    // The day's own date, else its index: never a guess from a partial list.
    const date = dayOf(rec(day).date) ?? (i < 0 ? null : addDays(start, i));
    const activities = Array.isArray(day) ? day : rec(day).activities;
    if (!date || date < start || date > end || !Array.isArray(activities)) return null;
    for (const [order, activity] of activities.entries()) {
      // The same shape as training_activities where the fields differ (VERIFY on the live page).
      const a = rec(activity);
      const local = parseWallClockMs(a.start_date_local);
      const midnight = parseWallClockMs(date);
      const sport = a.sport_type ?? a.type ?? a.activity_type;
      const run = runFromModel({
        ...a,
        sport_type: sport,
        distance_raw: a.distance_raw ?? a.distance,
        start_date_local_raw:
          a.start_date_local_raw ?? (local !== null ? local / 1000 : midnight !== null ? midnight / 1000 + order : null),
      });
      const day10 = run?.start.slice(0, 10) ?? '';
      if (run && day10 >= start && day10 <= end) {
        runs.push(run);
        metres += run.km * 1000;
      } else if (run || typeof sport !== 'string' || RUN_SPORT_TYPES.has(sport)) return null;
    }
  }
  // The run total: totals_by_sport.run (no `run`: none that week), else a direct total, else none (-1).
  const sports = e.totals_by_sport;
  const run = rec(sports).run;
  const total = run !== undefined ? finiteNumber(rec(run).distance) : sports !== undefined ? 0 : 'distance' in e ? finiteNumber(e.distance) : -1;
  return total === null || (total >= 0 && Math.abs(metres - total) > 50 + total / 1000) ? null : runs;
}

/** props.pageProps.entriesResponse.entries: week entries with per-day activities (parsed once per text). */
function readNext(doc: Document): NextData {
  const text = doc.getElementById('__NEXT_DATA__')?.textContent ?? '';
  if (nextData?.text === text) return nextData;
  const data: NextData = { text, props: {}, weeks: new Set(), runs: null, from: null, to: null };
  guard(() => {
    data.props = rec(rec(rec(JSON.parse(text)).props).pageProps);
    const entries = rec(data.props.entriesResponse).entries;
    const read = new Map<string, Run[]>();
    for (const entry of Array.isArray(entries) ? entries : []) {
      const e = rec(entry);
      const start = dayOf(e.start_date);
      if (!start) continue;
      data.weeks.add(start);
      if (!('by_day_of_week' in e)) continue;
      const runs = weekRuns(e, start);
      if (!runs || read.has(start)) return; // does not add up: the athlete's own activities instead
      read.set(start, runs);
    }
    // Covered from the newest week back to the first gap (a missing entry is not "no runs").
    const starts = [...read.keys()].sort().reverse();
    if (!starts.length) return;
    data.runs = [];
    data.to = starts[0]!;
    for (const start of starts) {
      if (data.from && addDays(start, 7) !== data.from) break;
      data.runs.push(...read.get(start)!);
      data.from = start;
    }
  }, undefined);
  return (nextData = data);
}

// --- /athlete/training_activities (the signed-in athlete's own, newest first) ------------------

/** The pages of /athlete/training_activities read during this page view, shared by every adapter. */
export class StravaActivities {
  runs: Run[] = [];
  private seen = new Set<string>();
  private page = 1;
  private oldest = Infinity;
  private done = false;
  private queue: Promise<unknown> = Promise.resolve();

  /** Complete from this day on ("0000-01-01" once the whole history is read), null before any read. */
  coveredFrom(): string | null {
    // The oldest day seen may continue on the next page: complete from the day after.
    return this.done ? '0000-01-01' : this.oldest < Infinity ? formatDay(Math.floor(this.oldest / 86_400) + 1) : null;
  }

  /** Read pages, one at a time, until they reach `since` ("YYYY-MM-DD"), the end, a failure or the page cap. */
  ensureSince(since: string | null, ctx: AdapterContext): Promise<StravaActivities> {
    const task = this.queue.then(() => this.fill(parseDay(since), ctx));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async fill(target: number | null, ctx: AdapterContext): Promise<StravaActivities> {
    while (target !== null && !this.done && this.page <= ACTIVITIES_MAX_PAGES && Math.floor(this.oldest / 86_400) >= target) {
      const page = this.page;
      const body = rec(
        await ctx
          .fetchJson(`/athlete/training_activities?new_activity_only=false&per_page=${ACTIVITIES_PER_PAGE}&page=${page}`)
          .catch(() => null),
      );
      const models = body.models;
      if (!Array.isArray(models)) {
        this.page = Infinity; // failed: no more calls on this page view, coverage stays as it was
        break;
      }
      this.page++;
      const fresh = runsFromTrainingActivities(body).filter((run) => {
        const key = run.id ?? `${run.start}|${run.km}`;
        return !this.seen.has(key) && !!this.seen.add(key);
      });
      // A new array when runs were added: the core recomputes badges on a new identity.
      if (fresh.length) this.runs = [...this.runs, ...fresh];
      for (const model of models) {
        const raw = finiteNumber(rec(model).start_date_local_raw);
        if (raw !== null && raw < this.oldest) this.oldest = raw;
      }
      const perPage = finiteNumber(body.perPage) ?? ACTIVITIES_PER_PAGE;
      const total = finiteNumber(body.total);
      if (models.length < perPage || models.length === 0 || (total !== null && page * perPage >= total)) this.done = true;
    }
    return this;
  }
}

let activities = new StravaActivities();
/** The Training Log's last read: complete from `covered`, for rows from `tried` on. */
let logState = { covered: null as string | null, tried: '9999-12-31', runs: [] as Run[] };
/**
 * Per adapter, the week whose read did not reach back far enough (a call failed, or the page cap):
 * that week gets no badge ("0 km" from data we could not read would be wrong).
 */
const incomplete: { dashboard: string | null; profile: string | null } = { dashboard: null, profile: null };

/** The runs back to `since`, flagging `which` for `week` when the pages do not get there. */
async function runsSince(which: keyof typeof incomplete, week: string, since: string | null, ctx: AdapterContext): Promise<Run[]> {
  const read = await activities.ensureSince(since, ctx).catch(() => null);
  const covered = read?.coveredFrom() ?? null;
  incomplete[which] = since === null || covered === null || covered > since ? week : null;
  return read?.runs ?? [];
}

/** Tests: forget what this page view read. */
export function resetStravaCaches(): void {
  activities = new StravaActivities();
  nextData = null;
  logState = { covered: null, tried: '9999-12-31', runs: [] };
  incomplete.dashboard = incomplete.profile = null;
}

// --- Training Log: a badge per week row ---------------------------------------------------------

/**
 * The Monday a row shows, from its data-timestamp (the week's local midnight, s or ms). The
 * runner's zone may not be the browser's: prefer the date the page's own entries list, then the
 * one that is a Monday, then the browser's local date.
 */
export function rowWeekStart(timestamp: string | null, known: ReadonlySet<string>): string | null {
  const value = finiteNumber(timestamp);
  if (value === null || value <= 0) return null;
  const ms = value > 1e11 ? value : value * 1000;
  const d = new Date(ms);
  const utc = Math.floor(ms / 86_400_000);
  const local = formatDay(daysFromCivil(d.getFullYear(), d.getMonth() + 1, d.getDate()));
  const candidates = [local, formatDay(utc), formatDay(utc + 1)];
  return candidates.find((c) => known.has(c)) ?? candidates.find((c) => dayOfWeek(parseDay(c)!) === 1) ?? local;
}

/** Each week row: where its badge goes (the row's totals sidebar, else the row) and its Monday. */
function logRows(doc: Document): [Element, string][] {
  const known = readNext(doc).weeks;
  const rows: [Element, string][] = [];
  for (const row of doc.querySelectorAll(ROWS)) {
    const weekStart = rowWeekStart(row.getAttribute('data-timestamp'), known);
    if (weekStart) rows.push([row.querySelector('[class*="_sidebarContainer_"]') ?? row, weekStart]);
  }
  return rows;
}

export const stravaTrainingLogAdapter: SiteAdapter = {
  id: 'strava-training-log',
  site: 'strava',
  matches: (url) => onStrava(url, LOG_PATH),
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
      [],
    ),
  async readRuns(doc, ctx) {
    try {
      const { runs, from, to } = readNext(doc);
      const weeks = logRows(doc)
        .map((row) => row[1])
        .sort();
      if (!weeks.length) return [];
      const needed = addDays(weeks[0]!, -LOOKBACK_DAYS)!;
      // A row newer than the page's data: that data is not the whole story, read it all.
      const usable = runs && from && to && weeks.at(-1)! <= to;
      let all = (usable && runs) || [];
      let covered = (usable && from) || '9999-12-31';
      if (covered > needed && ownPage(doc, LOG_PATH)) {
        // The page does not carry enough weeks: the athlete's own activities fill in the older ones.
        const read = await activities.ensureSince(needed, ctx);
        const readFrom = read.coveredFrom();
        if (readFrom !== null && readFrom < covered) {
          const cut = covered;
          all = [...read.runs.filter((run) => run.start < cut), ...all];
          covered = readFrom;
        }
      }
      if (logState.covered !== covered || logState.runs.length !== all.length) logState = { covered, tried: weeks[0]!, runs: all };
      else logState.tried = weeks[0]!;
      return logState.runs;
    } catch {
      return [];
    }
  },
  observeRoot: (doc) => doc.querySelector(ROWS)?.parentElement ?? doc.getElementById('__next'),
};

// --- Dashboard: the weekly widget ("This week" / "Cette semaine" / "이번 주": by structure) -------

export const stravaDashboardAdapter: SiteAdapter = {
  id: 'strava-dashboard',
  site: 'strava',
  matches: (url) => onStrava(url, DASHBOARD_PATH),
  findAnchors: (doc) =>
    guard(() => {
      if (incomplete.dashboard) return [];
      const stats = doc.querySelector('#run-goals[data-sport="run"] .weekly-goal .primary-stats');
      const element = stats ?? doc.querySelector('#progress-goals [data-sport="run"] .weekly-goal');
      return element ? [{ key: 'strava-dashboard:this-week', element, placement: stats ? ('after' as const) : ('append' as const) }] : [];
    }, []),
  // This week, last week and the 30 days before it.
  readRuns: (_doc, ctx) => runsSince('dashboard', 'current', addDays(ctx.today, -44), ctx),
  observeRoot: (doc) => doc.getElementById('js-dashboard-athlete-goals'),
};

// --- Athlete profile: the weekly totals of the selected week -------------------------------------

/** The week whose bar is selected (the totals show it), or undefined for the current week. */
function selectedWeek(doc: Document): string | undefined {
  const selected = doc.querySelector('#interval-graph-columns .interval.selected');
  const match =
    /(\d{4})(\d{2})$/.exec(selected?.id ?? '') ??
    /[?&#]interval=(\d{4})(\d{2})\b/.exec(selected?.querySelector('a.bar')?.getAttribute('href') ?? '');
  return (match && isoWeekMonday(Number(match[1]), Number(match[2]))) || undefined;
}

export const stravaProfileAdapter: SiteAdapter = {
  id: 'strava-profile',
  site: 'strava',
  matches: (url) => onStrava(url, PROFILE_PATH),
  findAnchors: (doc) =>
    guard(() => {
      // /athlete/training_activities is the signed-in athlete's: never badge someone else's profile.
      if (!ownPage(doc, PROFILE_PATH) || !doc.querySelector('#interval-graph-columns .interval.selectable a.bar')) return [];
      const totals = doc.querySelector('#interval-graph #totals');
      const element = totals ?? doc.getElementById('interval-graph');
      const weekStart = selectedWeek(doc);
      if (incomplete.profile === (weekStart ?? 'current')) return [];
      return element
        ? [{ key: `strava-profile:${weekStart ?? 'current'}`, element, placement: totals ? ('after' as const) : ('append' as const), weekStart }]
        : [];
    }, []),
  readRuns: (doc, ctx) => {
    const week = guard(() => selectedWeek(doc), undefined);
    return runsSince('profile', week ?? 'current', addDays(week ?? ctx.today, -(7 + LOOKBACK_DAYS)), ctx);
  },
  observeRoot: (doc) => doc.getElementById('interval-graph'),
};

/** Every Strava page adapter. */
export const STRAVA_ADAPTERS: readonly SiteAdapter[] = [stravaTrainingLogAdapter, stravaDashboardAdapter, stravaProfileAdapter];
