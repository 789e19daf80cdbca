// Content script <-> background, one message per change of what a page shows: the content script
// says what is on screen (which page half matched, the weeks its anchors show, the facts a read
// needs, the selectors' counts for the page report) and the background answers with everything
// that takes judgement (lib/background/page-service): whether the site is on, the runs (read by
// its reader, or the dated rows a user-added site's page carries), each badge's words, the
// fallback card, the page status and the captured history. So the page carries no settings, no
// engine, no status and no card policy: only finding, asking and placing (lib/content/core).
import type { BadgeView } from '../badge/view';

export const PAGE_PASS = 'knee-check:page-pass';
/** Background -> content scripts: settings or the loop's lines changed (ask again). */
export const SETTINGS_CHANGED = 'knee-check:settings-changed';
/** Content script -> background: "Hide the fallback card for this site's week" (the runner's click). */
export const HIDE_CARD = 'knee-check:hide-card';

export interface PassRequest {
  type: typeof PAGE_PASS;
  /** This page's token (the background keeps one reader state per token). */
  page: string;
  /** The page half that matched ("strava-training-log", "generic"). */
  adapter: string;
  /** "strava", "garmin", "intervals" or "custom". */
  site: string;
  /** The page in the runner's words ("Strava Training Log"). */
  pageKind: string;
  /** Are the runs on this page the runner's own (worth keeping as captured history)? */
  own: boolean;
  /** Each anchor's first day ("YYYY-MM-DD"), in order; null: the current week in the runner's setting. */
  weeks: (string | null)[];
  /** The page's local date ("YYYY-MM-DD") and wall clock ("YYYY-MM-DDTHH:mm"). */
  today: string;
  now: string;
  /** Read the runs (false: nothing to badge yet; the status only). */
  read: boolean;
  /** A log page without anchors: the fallback card may show this week. */
  card: boolean;
  /** Only start reading (the page's weeks are not on screen yet): no views, no status. */
  prepare?: boolean;
  /** What the page half's facts() gave (for a user-added site: its dated rows and notes). */
  facts?: unknown;
  /** Each selector the page half declares and how many elements match it (the page report). */
  selectors: { selector: string; count: number }[];
  /** The extension's version (the page report). */
  version: string;
}

export interface CardReply {
  title: string;
  site: string;
  /** The week it shows (hidden for this site and week when the runner says so). */
  week: string;
  view: BadgeView;
}

export interface PassReply {
  /** The site is switched off (or the user-added site removed): nothing on this page. */
  off?: boolean;
  /** One per week asked for: a badge's words, or null for no badge. */
  views: (BadgeView | null)[];
  card: CardReply | null;
  /** The reader's state, for the page half's accept(). */
  state?: unknown;
  /** A source refused: the same facts are worth asking again after a minute. */
  retry?: boolean;
}
