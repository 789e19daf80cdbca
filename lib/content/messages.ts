// Content script -> background: the runs a page carried, for captured history (lib/history).
// The content script does not write storage itself: lib/history's storage layer would cost the
// content script several KB of its 10 KB budget. The background validates and records.
import { isRecord } from '../guards';
import type { Run } from '../load/types';

export const RECORD_RUNS = 'knee-check:record-runs';

export interface RecordRunsMessage {
  type: typeof RECORD_RUNS;
  /** "strava", "garmin", "intervals", or the user-added site's origin. */
  site: string;
  runs: Run[];
  /** The page's own local today ("YYYY-MM-DD"): no run may start after it. */
  today?: string;
  /** The forget count the content script was given at start: a capture from before a forget is refused. */
  forgets?: number;
}

/** Shape check for the background (each run is validated again by recordRuns). */
export function isRecordRunsMessage(message: unknown): message is RecordRunsMessage {
  const m = message as Partial<RecordRunsMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === RECORD_RUNS &&
    typeof m.site === 'string' &&
    m.site.length <= 200 &&
    Array.isArray(m.runs) &&
    m.runs.length <= 5000
  );
}

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

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
const listOf = <T>(v: unknown, max: number, ok: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.length <= max && v.every(ok);

function isReport(r: unknown): r is PageReport {
  return (
    isRecord(r) &&
    isText(r.version, 40) &&
    isText(r.adapter) &&
    isText(r.pageKind) &&
    listOf(r.selectors, 200, (s): s is PageReport['selectors'][number] => isRecord(s) && isText(s.selector, 500) && isCount(s.count)) &&
    listOf(
      r.calls,
      50,
      (c): c is PageReport['calls'][number] => isRecord(c) && isText(c.path, 100) && isText(c.outcome, 40) && isText(c.shape, 4000),
    )
  );
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
  if (!isRecord(s)) return undefined;
  const valid =
    isText(s.site) &&
    isText(s.adapter) &&
    isText(s.pageKind) &&
    isCount(s.runs) &&
    isCount(s.anchors) &&
    isCount(s.weeksBadged) &&
    typeof s.card === 'boolean' &&
    isCount(s.incompleteDays) &&
    isReport(s.report);
  if (!valid) return undefined;
  const sources = noted(s.sources).map((x) => ({
    source: (x.source as string).slice(0, 100),
    runs: Math.min(1_000_000, Math.max(0, Math.floor(Number(x.runs) || 0))),
  }));
  const refusals = noted(s.refusals)
    .filter((x) => (REFUSAL_REASONS as readonly unknown[]).includes(x.reason))
    .map((x) => ({
      source: (x.source as string).slice(0, 100),
      reason: x.reason as PageStatus['refusals'][number]['reason'],
      ...(isCount(x.status) ? { status: x.status } : {}),
    }));
  return { ...(s as unknown as PageStatus), sources, refusals };
}

/**
 * "What do your badges say?": asked by the extension itself (an extension page or the background,
 * never a web page: the sender must be this extension with no tab). The answer is what the badges
 * in their closed shadow roots show; used by the Firefox end-to-end tests, which have no other
 * way into a closed shadow root.
 */
export const INSPECT_BADGES = 'knee-check:inspect-badges';
