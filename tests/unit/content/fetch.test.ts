// Fetches that stay home (issue 14 item 3): never followed redirects, never an answer from
// another origin, a size cap on every body, and every failure a FetchRefused that says why.
import { describe, expect, it, vi } from 'vitest';
import { createSameOriginFetch, FetchRefused, MAX_BODY_BYTES, refusalOf } from '../../../lib/content/fetch';

const ORIGIN = 'https://connect.garmin.com';

function fetcher(answer: (url: string, init: RequestInit) => Response | Promise<Response>, maxBytes?: number) {
  const fetch = vi.fn(async (url: string, init: RequestInit) => answer(url, init));
  const get = createSameOriginFetch({
    origin: ORIGIN,
    fetch: fetch as unknown as typeof globalThis.fetch,
    maxBytes,
  });
  return { get, fetch };
}

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

/** A body that streams `chunks` chunks of `size` bytes, counting what was pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new TextEncoder().encode(' '.repeat(size)));
    },
  });
  return { body, pulled: () => pulled };
}

describe('fetchJson: what it sends', () => {
  it("a GET with the page cookies, never following a redirect, JSON and XHR headers, plus the adapter's own", async () => {
    const { get, fetch } = fetcher(() => new Response('[]'));
    await expect(get('/gc-api/x', { headers: { 'connect-csrf-token': 'abc' } })).resolves.toEqual([]);
    const init = fetch.mock.calls[0]![1];
    expect(init.method).toBe('GET');
    expect(init.credentials).toBe('same-origin');
    expect(init.redirect).toBe('manual');
    expect(init.headers).toEqual({ 'connect-csrf-token': 'abc', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' });
  });

  it('drops extra headers that would set credentials, override ours, or carry line breaks', async () => {
    const { get, fetch } = fetcher(() => new Response('{}'));
    await get('/x', {
      headers: {
        Cookie: 'a=1',
        authorization: 'Bearer x',
        Accept: 'text/html',
        'x-ok': 'fine',
        'x-bad': 'a\r\nInjected: 1',
        'bad name': 'v',
      },
    });
    expect(fetch.mock.calls[0]![1].headers).toEqual({ 'x-ok': 'fine', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' });
  });
});

describe('fetchJson: refusals, each with its reason', () => {
  it.each([
    [401, 'signed-out'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [429, 'rate-limited'],
    [500, 'bad-response'],
    [503, 'bad-response'],
  ] as const)('HTTP %i: %s, with the status, one call only (no retry here)', async (status, reason) => {
    const { get, fetch } = fetcher(() => new Response('{"error":1}', { status }));
    const error = await refusal(get('/x'));
    expect(error.reason).toBe(reason);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`HTTP ${status}`);
    expect(refusalOf(error)).toEqual({ reason, status });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a redirect is never followed nor read: redirected', async () => {
    // What a browser gives for redirect: 'manual'.
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      ok: false,
      redirected: false,
      url: `${ORIGIN}/x`,
      body: null,
      headers: new Headers(),
    } as unknown as Response;
    expect((await refusal(fetcher(() => opaque).get('/x'))).reason).toBe('redirected');
    // A 302 surfaced as such (some environments), and an answer that came from elsewhere anyway.
    const found = new Response(null, { status: 302, headers: { location: '/signin' } });
    expect((await refusal(fetcher(() => found).get('/x'))).reason).toBe('redirected');
    const elsewhere = new Response('{"stolen":true}');
    Object.defineProperty(elsewhere, 'url', { value: 'https://sso.garmin.com/portal' });
    expect((await refusal(fetcher(() => elsewhere).get('/x'))).reason).toBe('redirected');
    const followed = new Response('{}');
    Object.defineProperty(followed, 'redirected', { value: true });
    expect((await refusal(fetcher(() => followed).get('/x'))).reason).toBe('redirected');
  });

  it('a sign-in page (HTML) or a broken body: bad-response', async () => {
    expect((await refusal(fetcher(() => new Response('<!doctype html><form>')).get('/x'))).reason).toBe('bad-response');
    expect((await refusal(fetcher(() => new Response('{"a":')).get('/x'))).reason).toBe('bad-response');
    expect((await refusal(fetcher(() => new Response(null, { status: 200 })).get('/x'))).reason).toBe('bad-response');
  });

  it('a network failure: network', async () => {
    const error = await refusal(fetcher(() => Promise.reject(new TypeError('Failed to fetch'))).get('/x'));
    expect(error.reason).toBe('network');
    expect(error.status).toBeUndefined();
    expect(refusalOf(new Error('anything else'))).toEqual({ reason: 'network' });
  });
});

describe('fetchJson: the size cap', () => {
  it('stops reading past the cap and refuses: too-large (the rest of the stream is never pulled)', async () => {
    const stream = streamed(100, 1024);
    const error = await refusal(fetcher(() => new Response(stream.body), 10 * 1024).get('/x'));
    expect(error.reason).toBe('too-large');
    expect(stream.pulled()).toBeLessThanOrEqual(12);
  });

  it('refuses at once when the declared length is over the cap', async () => {
    const stream = streamed(5, 10);
    const response = new Response(stream.body, { headers: { 'content-length': String(MAX_BODY_BYTES + 1) } });
    expect((await refusal(fetcher(() => response).get('/x'))).reason).toBe('too-large');
    expect(stream.pulled()).toBeLessThanOrEqual(1);
  });

  it('reads an answer just under the cap, in many chunks, multi-byte characters split across them', async () => {
    const json = JSON.stringify({ name: 'Zoë 跑步 '.repeat(2000) });
    const bytes = new TextEncoder().encode(json);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
        controller.close();
      },
    });
    await expect(fetcher(() => new Response(body), bytes.length).get('/x')).resolves.toEqual(JSON.parse(json));
  });
});
