// The page report's raw material, structure only: the shape of the JSON a call returned (its keys
// and types, never a value), and a path reduced to its first segment and depth (ids, names and
// dates live in the later segments and the query). What a runner can send when badges break.
// The calls are made for the background's readers, and recorded there with their answers' shapes
// (lib/background/reading-host): the content scripts carry only selectorCounts.
import type { PageReport } from './messages';

/** A key that names a field ("start_date_local", "distanceInMeters"), not data (an id, a date, a name). */
const FIELD_KEY = /^[a-z][a-z0-9]*(?:[_A-Z][a-z0-9]*)*$/;
const MAX_SHAPE = 1500;

/**
 * "{activities:[{distance:number,start:string}],page:number}". An object keyed by data (ids,
 * dates, names) is "{*:shape}"; an array gives its first element's shape; depth is capped.
 */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `[${shapeOf(value[0], depth + 1)}]` : '[]';
  const type = typeof value;
  if (type !== 'object') return type === 'bigint' || type === 'symbol' || type === 'function' ? 'other' : type;
  if (depth >= 6) return '{…}';
  const keys = Object.keys(value as object);
  if (!keys.length) return '{}';
  if (keys.length > 60 || !keys.every((key) => FIELD_KEY.test(key) && key.length <= 40)) {
    return `{*:${shapeOf((value as Record<string, unknown>)[keys[0]!], depth + 1)}}`;
  }
  const shape = `{${keys
    .sort()
    .map((key) => `${key}:${shapeOf((value as Record<string, unknown>)[key], depth + 1)}`)
    .join(',')}}`;
  return shape.length > MAX_SHAPE ? `${shape.slice(0, MAX_SHAPE)}…` : shape;
}

/** "/athlete/… (2 segments)": the first segment when it is a plain word, and how deep the path is. */
export function coarsePath(path: string): string {
  const segments = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  const first = segments[0] && /^[a-z][a-z-]{0,30}$/.test(segments[0]) ? segments[0] : '…';
  return `/${first}${segments.length > 1 ? '/…' : ''} (${segments.length} segment${segments.length === 1 ? '' : 's'})`;
}

/** What a failed call says about itself: a refusal's reason and status, nothing else. */
export function outcomeOf(error: unknown): string {
  const e = error as { reason?: unknown; status?: unknown } | null;
  const reason = typeof e?.reason === 'string' && /^[a-z-]{1,20}$/.test(e.reason) ? e.reason : 'failed';
  return typeof e?.status === 'number' && Number.isInteger(e.status) ? `${reason} (HTTP ${e.status})` : reason;
}

export type CallRecord = PageReport['calls'][number];

/**
 * Wrap a fetchJson so each call leaves its structure (at most `max` kept: the latest). An answer's
 * shape arrives when the adapter has the answer read (`shaped`, where ctx.parse reads it).
 */
export function recordingFetch(
  fetchJson: (path: string, init?: { headers?: Record<string, string> }) => Promise<unknown>,
  calls: CallRecord[],
  max = 20,
) {
  const answers = new WeakMap<object, CallRecord>();
  const keep = (record: CallRecord) => {
    calls.push(record);
    if (calls.length > max) calls.splice(0, calls.length - max);
  };
  const fetch = async (path: string, init?: { headers?: Record<string, string> }): Promise<unknown> => {
    const where = coarsePath(String(path));
    try {
      const json = await fetchJson(path, init);
      const record = { path: where, outcome: 'ok', shape: '' };
      keep(record);
      if (typeof json === 'object' && json !== null) answers.set(json, record);
      return json;
    } catch (error) {
      keep({ path: where, outcome: outcomeOf(error), shape: '' });
      throw error;
    }
  };
  /** The shape of a call's answer (a string of at most 4000 characters, else none), as the background took it. */
  const shaped = (json: unknown, shape: unknown) => {
    const record = typeof json === 'object' && json !== null ? answers.get(json) : undefined;
    if (record && typeof shape === 'string') record.shape = shape.slice(0, 4000);
  };
  return { fetch, shaped };
}

/**
 * How many elements match each of the page half's selectors (one this browser cannot read: 0).
 * The page halves' own lists, cut to size by the background with the whole status.
 */
export function selectorCounts(doc: Document, selectors: readonly string[] = []): PageReport['selectors'] {
  return selectors.map((selector) => {
    let count = 0;
    try {
      count = doc.querySelectorAll(selector).length;
    } catch {
      // not a selector this browser reads: 0
    }
    return { selector, count };
  });
}
