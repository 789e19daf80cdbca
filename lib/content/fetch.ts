// Same-origin JSON only: the page's own endpoints, with the page's own cookies (the background's
// readers ask for them one at a time and spaced out: lib/background/reading-host). Anything that
// is not a path on this origin is refused before any request; a redirect is never followed, an
// answer from another origin is never read, and no body is read past a size cap. Every failure is
// a refusal that says why (the popup tells the runner): an answer in the tab, a FetchRefused for
// the readers.
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

/** What one same-origin call gave: the parsed JSON, or why there is none (the tab's answer to the background's reader). */
export type FetchAnswer = { json: unknown } | { refused: { reason: RefusalReason; status?: number } };

const refused = (reason: RefusalReason, status?: number): FetchAnswer => ({ refused: status ? { reason, status } : { reason } });
const cancel = (response: Response) => response.body?.cancel().catch(() => undefined);

/** The body as text, read chunk by chunk; null past `maxBytes` (the stream is cancelled). Rejects when cut off. */
async function boundedText(response: Response, maxBytes: number): Promise<string | null> {
  if (Number(response.headers.get('content-length')) > maxBytes) return (await cancel(response), null);
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return text + decoder.decode();
    size += chunk.value.byteLength;
    if (size > maxBytes) return (await reader!.cancel().catch(() => undefined), null);
    text += decoder.decode(chunk.value, { stream: true });
  }
}

/**
 * The tab's same-origin GET: never rejects, every failure a refusal that says why (the content
 * script answers the background's reader with it; no error class in the page's budget).
 */
export function createSameOriginAnswer(opts: SameOriginFetchOptions): (path: string, init?: FetchJsonInit) => Promise<FetchAnswer> {
  const { origin, fetch, signal, maxBytes = MAX_BODY_BYTES } = opts;
  return async (path, init) => {
    const url = sameOriginUrl(path, origin);
    if (!url || signal?.aborted) return refused('network');
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
    } catch {
      return refused('network');
    }
    const { status } = response;
    // An answer from anywhere but this origin is never read (a redirect, a service worker's).
    let answeredFrom: string | null = null;
    try {
      answeredFrom = response.url ? new URL(response.url).origin : origin;
    } catch {
      answeredFrom = null;
    }
    if (response.type === 'opaqueredirect' || response.redirected || answeredFrom !== origin || (status >= 300 && status < 400))
      return (await cancel(response), refused('redirected', status));
    if (!response.ok) return (await cancel(response), refused(STATUS_REASONS[status] ?? 'bad-response', status));
    let text: string | null;
    try {
      text = await boundedText(response, maxBytes);
    } catch {
      // Cut off mid-answer (timeout, stop, connection lost): nothing of it is used.
      return refused('network', status);
    }
    if (text === null) return refused('too-large', status);
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      return refused('bad-response', status);
    }
  };
}

/** The same GET, rejecting with a FetchRefused (the readers' ctx.fetchJson in tests and site-check). */
export function createSameOriginFetch(opts: SameOriginFetchOptions): (path: string, init?: FetchJsonInit) => Promise<unknown> {
  const answer = createSameOriginAnswer(opts);
  return async (path, init) => {
    const got = await answer(path, init);
    if ('json' in got) return got.json;
    const { reason, status } = got.refused;
    throw new FetchRefused(reason, status === undefined ? reason : `HTTP ${status}`, status);
  };
}
