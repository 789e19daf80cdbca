// Same-origin JSON only: the page's own endpoints, with the page's own cookies (the background's
// readers ask for them one at a time and spaced out: lib/background/reading-host). Anything that
// is not a path on this origin is refused before any request;
// a redirect is never followed, an answer from another origin is never read, and no body is read
// past a size cap. Every failure is a FetchRefused that says why (the popup tells the runner).
// No retries here: one failed call is reported to the adapter, which decides (the calendar
// adapters wait a minute before asking again, Strava stops for the page view).
import type { FetchJsonInit, RefusalReason } from '../sites/types';

/** Why a same-origin call gave nothing usable; `status` is the HTTP status when there was one. */
export class FetchRefused extends Error {
  readonly reason: RefusalReason;
  readonly status?: number;
  constructor(reason: RefusalReason, message: string, status?: number) {
    super(message);
    this.name = 'FetchRefused';
    this.reason = reason;
    if (status !== undefined) this.status = status;
  }
}

/** The reason of any failure of a fetchJson call (a thrown non-FetchRefused counts as network). */
export function refusalOf(error: unknown): { reason: RefusalReason; status?: number } {
  if (error instanceof FetchRefused)
    return error.status === undefined ? { reason: error.reason } : { reason: error.reason, status: error.status };
  return { reason: 'network' };
}

/** Answers bigger than this are refused (a week view is a few hundred KB at most). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface SameOriginFetchOptions {
  /** The page's origin, captured at start. */
  origin: string;
  fetch: typeof globalThis.fetch;
  /** Aborts calls in flight and refuses new ones (the script was invalidated). */
  signal?: AbortSignal;
  /** Size cap of one answer, bytes (default MAX_BODY_BYTES). */
  maxBytes?: number;
}

/** `path` as a URL on `origin` when it is a plain path ("/x?y"), else null. */
export function sameOriginUrl(path: unknown, origin: string): URL | null {
  if (typeof path !== 'string' || !/^\/(?![/\\])/.test(path) || path.includes('\\')) return null;
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
/** Never set by an adapter: the browser's own cookies and auth are the only credentials sent. */
const RESERVED_HEADERS = new Set(['cookie', 'authorization', 'host', 'origin', 'referer', 'accept', 'x-requested-with']);

/** The adapter's extra headers that are plain, short and not reserved; others are dropped. */
function extraHeaders(init: FetchJsonInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const given = init?.headers;
  if (typeof given !== 'object' || given === null) return out;
  for (const [name, value] of Object.entries(given).slice(0, 8)) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase())) continue;
    if (typeof value !== 'string' || value.length > 512 || /[\r\n\0]/.test(value)) continue;
    out[name] = value;
  }
  return out;
}

const STATUS_REASONS: Record<number, RefusalReason> = { 401: 'signed-out', 403: 'forbidden', 404: 'not-found', 429: 'rate-limited' };

/** The body as text, read chunk by chunk and refused past `maxBytes` (the stream is cancelled). */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchRefused('too-large', `answer over ${maxBytes} bytes`, response.status);
  }
  const body = response.body;
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchRefused('too-large', `answer over ${maxBytes} bytes`, response.status);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function createSameOriginFetch(opts: SameOriginFetchOptions): (path: string, init?: FetchJsonInit) => Promise<unknown> {
  const { origin, fetch, signal, maxBytes = MAX_BODY_BYTES } = opts;
  return async (path, init) => {
    const url = sameOriginUrl(path, origin);
    if (!url || signal?.aborted) throw new Error(url ? 'stopped' : 'not a same-origin path');
    let response: Response;
    try {
      response = await fetch(url.href, {
        method: 'GET',
        credentials: 'same-origin',
        // Never followed. 'manual' rather than 'error': both stop at the redirect, but 'error'
        // looks like a network failure, and a redirect (to a sign-in page) is worth telling apart.
        redirect: 'manual',
        headers: { ...extraHeaders(init), Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        // Never wait forever: a hung call would hold every later one.
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new FetchRefused('network', error instanceof Error ? error.message : 'network error');
    }
    // An answer from anywhere but this origin is never read (a redirect, a service worker's).
    let answeredFrom: string | null = null;
    try {
      answeredFrom = response.url ? new URL(response.url).origin : origin;
    } catch {
      answeredFrom = null;
    }
    if (
      response.type === 'opaqueredirect' ||
      response.redirected ||
      answeredFrom !== origin ||
      (response.status >= 300 && response.status < 400)
    ) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchRefused('redirected', 'redirected', response.status || undefined);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchRefused(STATUS_REASONS[response.status] ?? 'bad-response', `HTTP ${response.status}`, response.status);
    }
    let text: string;
    try {
      text = await boundedText(response, maxBytes);
    } catch (error) {
      // Cut off mid-answer (timeout, stop, connection lost): nothing of it is used.
      throw error instanceof FetchRefused ? error : new FetchRefused('network', 'answer cut off', response.status);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new FetchRefused('bad-response', 'not JSON', response.status);
    }
  };
}
