// The shape every running-log site adapter follows (Refined GitHub style: one file per site in
// lib/sites/ that says which URLs it handles, where the data is, and where the badge goes).
// Pure of zod and Preact: the content script imports adapters.
import type { Run } from '../load/types';
import type { SiteId } from '../settings/defaults';

/** Why a data source gave nothing usable. */
export type RefusalReason =
  'signed-out' | 'forbidden' | 'rate-limited' | 'not-found' | 'bad-response' | 'too-large' | 'redirected' | 'network' | 'partial-data';
export interface SourceNote {
  source: string /* e.g. 'strava:training-activities' */;
  runs: number;
}
export interface Refusal {
  source: string;
  reason: RefusalReason;
  status?: number;
}
/** What an adapter learned about its data while reading (all optional, merged by the core). */
export interface AdapterNotes {
  sources?: SourceNote[];
  refusals?: Refusal[];
  /** Local dates ("YYYY-MM-DD") whose data is known to be partial (e.g. intervals.icu Strava stubs):
   *  no week total or spike may be built on a week containing one. */
  incompleteDays?: string[];
  /** The earliest local date from which the runs read are complete ("YYYY-MM-DD"); absent: unknown. */
  coveredFrom?: string;
}

/** Extra request options an adapter may give (e.g. Garmin's CSRF header); never credentials or a method. */
export interface FetchJsonInit {
  headers?: Record<string, string>;
}

/** What ctx.parse reads (lib/sites/parse.ts). */
export type ParseKind =
  'strava:page' | 'strava:activities' | 'strava:feed' | 'garmin:activities' | 'garmin:calendar' | 'intervals:activities';
export interface ParseRequest {
  kind: ParseKind;
  /** The page's JSON text ('strava:page'), or a same-origin call's parsed answer. */
  data: unknown;
  /** The signed-in athlete ('strava:feed': their rows of group activities). */
  athleteId?: string | null;
  /** The dates asked for ('intervals:activities': its Strava stubs' days within them). */
  range?: { from: string; to: string };
}

/** Same-origin data access the content script gives an adapter (the page's own endpoints only). */
export interface AdapterContext {
  /**
   * GET a same-origin path (e.g. "/athlete/training_activities?page=1") with the page's cookies;
   * parsed JSON. Rejects with FetchRefused (lib/content/fetch.ts) saying why.
   */
  fetchJson(path: string, init?: FetchJsonInit): Promise<unknown>;
  /**
   * The background's reading of `request.data` (lib/sites/parse.ts parseSiteData; in tests and
   * site-check, the same function called directly). Unvalidated: the adapter checks the answer.
   */
  parse?(request: ParseRequest): Promise<unknown>;
  /** Today's local date, "YYYY-MM-DD". */
  today: string;
  /** What the adapter learned while reading (sources, refusals, partial days, coverage). */
  note?(notes: AdapterNotes): void;
  /** The structure of calls made for this read elsewhere (a remote reader's: lib/sites/reading.ts). */
  record?(calls: { path: string; outcome: string; shape: string }[]): void;
}

/** Where one badge goes and which week it describes. */
export interface BadgeAnchor {
  /** Stable key for idempotence: the same key never gets two badges. */
  key: string;
  /** The element the badge is placed relative to. */
  element: Element;
  placement: 'append' | 'after' | 'before';
  /**
   * First day ("YYYY-MM-DD") of the week this anchor's row shows, on any weekday (the site's own
   * calendar): the badge describes exactly these 7 days. Absent: the current week, in the
   * runner's own week-start setting.
   */
  weekStart?: string;
}

export interface SiteAdapter {
  /** e.g. "strava-training-log". */
  id: string;
  /** The settings toggle that enables it ("custom" for user-added sites). */
  site: SiteId | 'custom';
  /** Which URLs it handles. */
  matches(url: URL): boolean;
  /** Where the data is: the runs this page carries or calls. Never throws: [] when none. */
  readRuns(doc: Document, ctx: AdapterContext): Promise<Run[]>;
  /** Where the badges go, in document order. Never throws: [] when no anchor is found. */
  findAnchors(doc: Document): BadgeAnchor[];
  /** The smallest stable container to observe for SPA re-renders (null: the body). */
  observeRoot?(doc: Document): Element | null;
  /** The page in the runner's words ("Strava Training Log"), for the popup and the page report. */
  pageKind?(url: URL): string;
  /** Every CSS selector it queries (for the structure-only page report and site-check). */
  selectors?: readonly string[];
  /**
   * Start reading what the page already carries before its weeks are on screen (a client-side
   * log renders its rows later), so the badges need no wait once they are. Never throws.
   */
  prepare?(doc: Document, ctx: AdapterContext): void;
}
