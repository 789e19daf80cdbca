// Strava's page halves (./reading.ts; the reads are in ./strava.ts, in the background): which
// pages get badges, where badges go, and what a read needs from the page. Anchors by structure
// (ids, data attributes, hashed-class substrings), never by localized text.
// - URLs: the Training Log /athletes/{id}/training/log, the dashboard /dashboard, an athlete's
//   profile /athletes/{id} (https, www.strava.com or strava.com).
// - Badges: Training Log week rows (`_calendarRowContainer_` + data-timestamp, week = its ISO
//   week), the dashboard's weekly run goal, the profile's selected week totals.
// - Facts for a read: the Training Log's __NEXT_DATA__ text (sent once, read in the background,
//   which tells back the weeks it lists and the athlete it names) and the weeks its rows show, the
//   selected profile week, the signed-in athlete (header athlete menu: React's
//   `ul[labeledby="athlete-menu"]` or the server-rendered `.user-menu`) and whether the page is theirs.
// - Two content scripts: the Training Log (its own Next.js app, createStravaLogPage) and every
//   other page (createStravaWeekPages), so each page carries only its own half (the 10 KB budget).
// Nothing here throws. Pure of zod and Preact: the content scripts import this module.
import { addIsoDays, dayOfWeek, daysFromCivil, formatDay, parseIsoDay } from '../load/dates';
import type { PagePart } from './reading';
import { finiteNumber, guard } from './strava-parse';
import type { BadgeAnchor } from './types';
import { isoWeekMonday } from './week-anchors';

const STRAVA_HOST = /^(www\.)?strava\.com$/;
const LOG_PATH = /^\/athletes\/(\d+)\/training\/log\/?$/;
/** The Training Log's app (its own content script, knee-badges-strava-log); every other page: knee-badges-strava. */
export const STRAVA_LOG_MATCH = 'https://www.strava.com/athletes/*/training/*';
const PROFILE_PATH = /^\/athletes\/(\d+)\/?$/;
const DASHBOARD_PATH = /^\/dashboard\/?$/;
/** A week's badge needs the 30 days before it (longest-run baseline; the previous week is inside). */
export const LOOKBACK_DAYS = 30;
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

const onStrava = (url: URL, path: RegExp) => url.protocol === 'https:' && STRAVA_HOST.test(url.hostname) && path.test(url.pathname);
export const mondayOf = (date: string): string => {
  const day = parseIsoDay(date)!;
  return formatDay(day - ((dayOfWeek(day) + 6) % 7));
};

/** The signed-in athlete's id from the page header's own profile link (the Training Log's data, read in the background, is the fallback there). */
export function signedInAthleteId(doc: Document): string | null {
  return guard(() => {
    for (const link of doc.querySelectorAll(ATHLETE_MENU_LINKS)) {
      const match = /^\/athletes\/(\d+)\/?$/.exec(link.getAttribute('href') ?? '');
      if (match) return match[1]!;
    }
    return null;
  }, null);
}

/** Is this page about the athlete whose activities /athlete/training_activities returns? */
export function ownPage(doc: Document, path: RegExp, athleteId = signedInAthleteId(doc)): boolean {
  const match = path.exec(doc.location?.pathname ?? '');
  return match !== null && match[1] === athleteId;
}

/** The signed-in athlete's own dashboard, Training Log or profile: runs worth keeping as history. */
export function isOwnStravaPage(doc: Document): boolean {
  return guard(() => DASHBOARD_PATH.test(doc.location?.pathname ?? '') || ownPage(doc, LOG_PATH) || ownPage(doc, PROFILE_PATH), false);
}

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
    candidates.find((c) => dayOfWeek(parseIsoDay(c)!) === 1) ??
    candidates.map(mondayOf).find((monday) => known.has(monday)) ??
    mondayOf(local)
  );
}

/** Most __NEXT_DATA__ text sent to be read (lib/sites/parse MAX_PARSE_CHARS). */
export const MAX_NEXT_DATA_CHARS = 5 * 1024 * 1024;

/** What the Training Log's read needs: the page's data, the weeks its rows show, whose page it is. */
export interface LogFacts {
  /** The page's __NEXT_DATA__ text, left out when the reader has it already (`textKey`). */
  text?: string;
  textKey: string;
  weeks: string[];
  athleteId: string | null;
  own: boolean;
}

/** What the dashboard's and the profile's reads need: the week shown (null: this week) and the athlete. */
export interface WeekFacts {
  week: string | null;
  athleteId: string | null;
}

/** The Training Log reader's state: complete from `covered`, for rows from `tried` on. */
export interface LogState {
  covered: string | null;
  tried: string;
  /** The key of the page text the reader holds (null: none). */
  textKey: string | null;
  /** The facts left the text out, and the reader does not have it: send it. */
  needText?: boolean;
  /** The week starts the page's data lists (its rows' weeks are told by them: rowWeekStart). */
  weeks?: string[];
  /** The signed-in athlete as the page's data names them (when the header's menu is not found). */
  athleteId?: string | null;
}

/** The dashboard's and profile's reader state: the week whose read did not reach back far enough. */
export interface WeekState {
  incomplete: string | null;
}

/** A few characters of a long text stand for it in a read's key (the text itself goes once). */
export const textKey = (text: string) => `${text.length}:${text.slice(0, 64)}:${text.slice(-256)}`;

export interface StravaPages {
  trainingLog: PagePart;
  dashboard: PagePart;
  profile: PagePart;
  all: readonly PagePart[];
}

/** Strava's page halves together (tests, the background's whole adapters); each content script makes only its own. */
export function createStravaPages(): StravaPages {
  const trainingLog = createStravaLogPage();
  const { dashboard, profile } = createStravaWeekPages();
  return { trainingLog, dashboard, profile, all: [trainingLog, dashboard, profile] };
}

export interface StravaLogPage extends PagePart {
  /** The signed-in athlete's own Training Log (the header's menu, else the page's data as read). */
  own(doc: Document): boolean;
}

/** The Training Log's page half (content script knee-badges-strava-log, one page view's state). */
export function createStravaLogPage(): StravaLogPage {
  let logState = { covered: null as string | null, tried: '9999-12-31' };
  /** The key of the page text the reader holds: the text is sent once, not with every read. */
  let readerHas: string | null = null;
  /** What the reader found in the page's data: the weeks it lists and the signed-in athlete. */
  let known: ReadonlySet<string> = new Set();
  let dataAthlete: string | null = null;
  /** The signed-in athlete, once found in the header: the same for the whole page (signing out loads a new one). */
  let athlete: string | null = null;
  const athleteOf = (doc: Document) => (athlete ??= signedInAthleteId(doc)) ?? dataAthlete;

  /** Each week row: where its badge goes (the row's totals sidebar, else the row) and its Monday. */
  function logRows(doc: Document): [Element, string][] {
    const rows: [Element, string][] = [];
    for (const row of doc.querySelectorAll(ROWS)) {
      const weekStart = rowWeekStart(row.getAttribute('data-timestamp'), known);
      if (weekStart) rows.push([row.querySelector(ROW_SIDEBAR) ?? row, weekStart]);
    }
    return rows;
  }

  return {
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
                logState.covered === null || weekStart < logState.tried || addIsoDays(weekStart, -LOOKBACK_DAYS)! >= logState.covered,
            )
            .map(([element, weekStart]) => ({ key: `strava-log:${weekStart}`, element, placement: 'append' as const, weekStart })),
        [] as BadgeAnchor[],
      ),
    facts: (doc) =>
      guard(() => {
        // Read in the background (lib/sites/strava-parse): the page only sends it, once.
        const text = doc.getElementById('__NEXT_DATA__')?.textContent ?? '';
        const weeks = logRows(doc)
          .map((row) => row[1])
          .sort();
        const key = textKey(text);
        const athleteId = athleteOf(doc);
        return {
          key: `${weeks}|${key}|${athleteId}`,
          // Whose page it is and the text only when a read is sent (a re-rendering page asks for
          // its facts on every pass).
          get data(): LogFacts {
            const data: LogFacts = { textKey: key, weeks, athleteId, own: ownPage(doc, LOG_PATH, athleteId) };
            if (readerHas !== key) data.text = text;
            return data;
          },
        };
      }, null),
    accept(state) {
      const s = state as Partial<LogState> | null;
      if (typeof s?.tried === 'string') logState = { covered: typeof s.covered === 'string' ? s.covered : null, tried: s.tried };
      readerHas = typeof s?.textKey === 'string' ? s.textKey : null;
      if (Array.isArray(s?.weeks)) known = new Set(s.weeks);
      const before = dataAthlete;
      if (typeof s?.athleteId === 'string') dataAthlete = s.athleteId;
      // Sent again at once when the text is wanted, or the athlete is now known (their own log: their history fills in).
      return s?.needText === true || (athlete === null && dataAthlete !== before);
    },
    own: (doc) => guard(() => ownPage(doc, LOG_PATH, athleteOf(doc)), false),
    observeRoot: (doc) => doc.querySelector(ROWS)?.parentElement ?? doc.getElementById('__next'),
    // The page's own data is there before its rows render: have the background read it now.
    prepares: true,
  };
}

/** The dashboard's and the athlete profile's page halves (content script knee-badges-strava, one page view's state). */
export function createStravaWeekPages(): { dashboard: PagePart; profile: PagePart } {
  /** The signed-in athlete, once found: the same for the whole page (signing out loads a new one). */
  let athlete: string | null = null;
  const athleteOf = (doc: Document) => (athlete ??= signedInAthleteId(doc));
  /**
   * Per page, the week whose read did not reach back far enough (a call failed, or the page
   * cap): that week gets no badge ("0 km" from data we could not read would be wrong).
   */
  const incomplete: { dashboard: string | null; profile: string | null } = { dashboard: null, profile: null };
  const incompleteOf = (state: unknown) => {
    const week = (state as Partial<WeekState> | null)?.incomplete;
    return typeof week === 'string' ? week : null;
  };

  /** A week's read: the week shown and the athlete. */
  const weekFacts = (doc: Document, week: string | null) => {
    const data: WeekFacts = { week, athleteId: athleteOf(doc) };
    return { key: `${week}|${data.athleteId}`, data };
  };

  // Dashboard: the weekly widget ("This week" / "Cette semaine" / "이번 주": by structure).
  const dashboard: PagePart = {
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
    facts: (doc) => weekFacts(doc, null),
    accept: (state) => void (incomplete.dashboard = incompleteOf(state)),
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
  const profile: PagePart = {
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
    facts: (doc) => weekFacts(doc, guard(() => selectedWeek(doc), undefined) ?? null),
    accept: (state) => void (incomplete.profile = incompleteOf(state)),
    observeRoot: (doc) => doc.getElementById('interval-graph'),
  };

  return { dashboard, profile };
}
