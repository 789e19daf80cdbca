// Same-origin JSON only: the page's own endpoints, with the page's own cookies, one call at a
// time and spaced out. Anything that is not a path on this origin is refused before any request.

export interface SameOriginFetchOptions {
  /** The page's origin, captured at start. */
  origin: string;
  fetch: typeof globalThis.fetch;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  /** Minimum gap between the starts of two calls, ms (default 600). */
  minGapMs?: number;
  /** Aborts calls in flight and refuses new ones (the script was invalidated). */
  signal?: AbortSignal;
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

export function createSameOriginFetch(opts: SameOriginFetchOptions): (path: string) => Promise<unknown> {
  const { origin, fetch, now, setTimer, minGapMs = 600, signal } = opts;
  let last = -Infinity;
  let chain: Promise<unknown> = Promise.resolve();
  return (path) => {
    const url = sameOriginUrl(path, origin);
    const result = chain.then(async () => {
      if (!url || signal?.aborted) throw new Error(url ? 'stopped' : 'not a same-origin path');
      const wait = last + minGapMs - now();
      if (wait > 0) await new Promise((resolve) => setTimer(() => resolve(0), wait));
      last = now();
      const response = await fetch(url.href, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        // Never wait forever: a hung call would hold every later one.
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    chain = result.catch(() => 0);
    return result;
  };
}
