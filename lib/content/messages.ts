// Content script <-> background messages besides a page's pass (./pass): what this tab's script
// found (the popup's page status, cleared when the page is nothing for Knee Check), and what the
// badges show (INSPECT_BADGES, for the extension's own tests).
import { isRecord } from '../guards';

// Content script -> background: what this tab's script found (the popup's page status and the
// "Copy a page report" text). Structure and counts only: no run, no name, no id, no URL.
export const PAGE_STATUS = 'knee-check:page-status';

/** Why a data source gave nothing usable (the adapters' RefusalReason). */
export const REFUSAL_REASONS = [
  'signed-out',
  'forbidden',
  'rate-limited',
  'not-found',
  'bad-response',
  'too-large',
  'redirected',
  'network',
  'partial-data',
] as const;

export interface PageReport {
  /** The extension's version. */
  version: string;
  adapter: string;
  pageKind: string;
  /** Each selector the adapter declares, and how many elements match it now. */
  selectors: { selector: string; count: number }[];
  /** Each same-origin call: its path's first segment and depth, the outcome, the JSON's shape. */
  calls: { path: string; outcome: string; shape: string }[];
}

export interface PageStatus {
  /** "strava", "garmin", "intervals" or "custom". */
  site: string;
  adapter: string;
  /** The runner's words for the page, e.g. "Strava Training Log" ("" when the adapter has none). */
  pageKind: string;
  runs: number;
  sources: { source: string; runs: number }[];
  refusals: { source: string; reason: (typeof REFUSAL_REASONS)[number]; status?: number }[];
  /** Anchors found, and badges on the page. */
  anchors: number;
  weeksBadged: number;
  /** The fallback card is on the page. */
  card: boolean;
  /** Days the adapter said hold runs it could not read. */
  incompleteDays: number;
  report: PageReport;
}

export interface PageStatusMessage {
  type: typeof PAGE_STATUS;
  /** Null: this page is nothing for Knee Check (no adapter, or its site switched off). */
  status: PageStatus | null;
}

type Check = (v: unknown) => boolean;
/** One check per field of T (optional ones too): a field added to T cannot go unchecked. */
type FieldChecks<T> = { [K in keyof T]-?: Check };

const isCount: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;

function text(max = 200): Check {
  return (v) => typeof v === 'string' && v.length <= max;
}

function listOf(max: number, ok: Check): Check {
  return (v) => Array.isArray(v) && v.length <= max && v.every(ok);
}

/** A record whose fields pass their checks; fields the checks do not name are not looked at. */
function recordOf<T>(checks: FieldChecks<T>): (v: unknown) => v is T {
  return (v): v is T => isRecord(v) && Object.entries<Check>(checks).every(([field, ok]) => ok(v[field]));
}

/**
 * The checks of a page status, made on first use: built at the top level, they would be kept in
 * every content script that imports this module's names (top-level calls are not tree-shaken).
 */
let statusCheck: ((v: unknown) => v is PageStatus) | undefined;
function isPageStatus(v: unknown): v is PageStatus {
  statusCheck ??= recordOf<PageStatus>({
    site: text(),
    adapter: text(),
    pageKind: text(),
    runs: isCount,
    // The adapter's notes come as it wrote them: read by `noted` below, entry by entry.
    sources: (v) => v === undefined || Array.isArray(v),
    refusals: (v) => v === undefined || Array.isArray(v),
    anchors: isCount,
    weeksBadged: isCount,
    card: (v) => typeof v === 'boolean',
    incompleteDays: isCount,
    report: recordOf<PageReport>({
      version: text(40),
      adapter: text(),
      pageKind: text(),
      selectors: listOf(200, recordOf<PageReport['selectors'][number]>({ selector: text(500), count: isCount })),
      calls: listOf(50, recordOf<PageReport['calls'][number]>({ path: text(100), outcome: text(40), shape: text(4000) })),
    }),
  });
  return statusCheck(v);
}

/** The entries of a list that are records with a `source`, the latest `max`. */
const noted = (v: unknown, max = 20) =>
  (Array.isArray(v) ? v : []).filter((x): x is Record<string, unknown> => isRecord(x) && typeof x.source === 'string').slice(-max);

/**
 * The status a page-status message carries: a PageStatus, null (nothing here), or undefined (not
 * a valid message). The adapter's notes (sources, refusals) come as the adapter wrote them: only
 * their well-formed entries are kept, cut to size (a source's name to 100 characters, a count
 * to a whole number, a refusal to a known reason), so the content script carries no code for it.
 */
export function readPageStatusMessage(message: unknown): PageStatus | null | undefined {
  if (!isRecord(message) || message.type !== PAGE_STATUS) return undefined;
  const s = message.status;
  if (s === null) return null;
  if (!isPageStatus(s)) return undefined;
  const sources = noted(s.sources).map((x) => ({
    source: (x.source as string).slice(0, 100),
    runs: Math.min(1_000_000, Math.max(0, Math.floor(Number(x.runs) || 0))),
  }));
  const refusals = noted(s.refusals)
    .filter((x) => (REFUSAL_REASONS as readonly unknown[]).includes(x.reason))
    .map((x) => ({
      source: (x.source as string).slice(0, 100),
      reason: x.reason as PageStatus['refusals'][number]['reason'],
      ...(isCount(x.status) ? { status: x.status as number } : {}),
    }));
  return { ...s, sources, refusals };
}

/**
 * "What do your badges say?": asked by the extension itself (an extension page or the background,
 * never a web page: the sender must be this extension with no tab). The answer is what the badges
 * in their closed shadow roots show; used by the Firefox end-to-end tests, which have no other
 * way into a closed shadow root.
 */
export const INSPECT_BADGES = 'knee-check:inspect-badges';
