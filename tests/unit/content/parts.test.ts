// @vitest-environment happy-dom
// The core's parts: sliced work, the idle-sleeping observer, same-origin fetch, the site registry,
// and the content script's release matches.
import { describe, expect, it, vi } from 'vitest';
import { createSameOriginFetch, sameOriginUrl } from '../../../lib/content/fetch';
import { createWatcher } from '../../../lib/content/observer';
import { captureClock, runSliced, type Clock } from '../../../lib/content/schedule';
import { defaultSettings } from '../../../lib/settings/defaults';
import { BUILT_IN_ADAPTERS, pickAdapter } from '../../../lib/sites/registry';
import type { SiteAdapter } from '../../../lib/sites/types';

/** A clock that advances only when told; yields are queued and run by `drain`. */
function fakeClock() {
  let t = 0;
  const queue: (() => void)[] = [];
  const clock: Clock = { now: () => t, yieldTask: (fn) => void queue.push(fn) };
  return {
    clock,
    advance: (ms: number) => (t += ms),
    drain: () => {
      while (queue.length) queue.shift()!();
    },
    pending: () => queue.length,
  };
}

/** A watcher with the real clock on `html`'s #root, where nothing is ours. */
function watchRoot(html: string, options: Omit<Parameters<typeof createWatcher>[0], 'clock' | 'win' | 'isOurs'>) {
  document.body.innerHTML = html;
  const root = document.getElementById('root')!;
  const clock: Clock = { now: () => performance.now(), yieldTask: (fn) => void setTimeout(fn, 0) };
  const watcher = createWatcher({ clock, win: window as unknown as Window & typeof globalThis, isOurs: () => false, ...options });
  return { root, watcher };
}

describe('runSliced', () => {
  it('ends each slice before the budget, yielding between slices', async () => {
    const c = fakeClock();
    const slices: number[] = [];
    const done: number[] = [];
    const finished = runSliced(
      Array.from({ length: 10 }, (_, i) => i),
      (i) => {
        c.advance(1);
        done.push(i);
      },
      { clock: c.clock, budgetMs: 4, onSlice: (ms) => slices.push(ms) },
    );
    // First slice runs at once: 3 items of 1 ms (a 4th would reach the 4 ms budget).
    expect(done).toEqual([0, 1, 2]);
    expect(c.pending()).toBe(1);
    c.drain();
    await expect(finished).resolves.toBe(10);
    expect(slices.every((ms) => ms < 4)).toBe(true);
    expect(slices).toHaveLength(4);
  });

  it('stops when cancelled', async () => {
    const c = fakeClock();
    let cancelled = false;
    const finished = runSliced([1, 2, 3, 4, 5, 6], () => c.advance(2), { clock: c.clock, budgetMs: 4, cancelled: () => cancelled });
    cancelled = true;
    c.drain();
    await expect(finished).resolves.toBe(1);
  });

  it('captureClock yields through a message channel, in order', async () => {
    const clock = captureClock(globalThis as unknown as typeof globalThis);
    const order: number[] = [];
    await new Promise<void>((resolve) => {
      clock.yieldTask(() => order.push(1));
      clock.yieldTask(() => {
        order.push(2);
        resolve();
      });
    });
    expect(order).toEqual([1, 2]);
    expect(typeof clock.now()).toBe('number');
  });
});

describe('watcher', () => {
  const ticks = () => new Promise((r) => setTimeout(r, 10));

  it('one callback per burst, ignoring our own badges', async () => {
    document.body.innerHTML = '<div id="root"><p>a</p></div>';
    const root = document.getElementById('root')!;
    const onChange = vi.fn();
    const clock: Clock = { now: () => performance.now(), yieldTask: (fn) => void setTimeout(fn, 0) };
    const ours = new Set<Node>();
    const watcher = createWatcher({ clock, win: window as unknown as Window & typeof globalThis, isOurs: (n) => ours.has(n), onChange });
    watcher.observe(root);
    expect(watcher.connected).toBe(true);

    const badge = document.createElement('knee-check-badge');
    ours.add(badge);
    root.append(badge);
    badge.setAttribute('class', 'x');
    await ticks();
    expect(onChange).not.toHaveBeenCalled();

    root.append(document.createElement('p'), document.createElement('p'));
    root.firstElementChild!.setAttribute('class', 'changed');
    await ticks();
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.stop();
    root.append(document.createElement('p'));
    await ticks();
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('a burst of re-renders: at most one call per burstMs, a page settling after load at once', async () => {
    const onChange = vi.fn();
    const { root, watcher } = watchRoot('<div id="root"></div>', { onChange, burstMs: 120 });
    watcher.observe(root);
    // A page showing its rows, and changing again soon after: each at once.
    for (let i = 1; i <= 2; i++) {
      root.append(document.createElement('p'));
      await ticks();
      expect(onChange).toHaveBeenCalledTimes(i);
    }
    // Two quick calls in a row make a burst: one call waits for the end of the window, whatever
    // the number of changes.
    for (let i = 0; i < 5; i++) {
      root.append(document.createElement('p'));
      await ticks();
    }
    expect(onChange).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 150));
    expect(onChange).toHaveBeenCalledTimes(3);
    // After a quiet spell, at once again.
    await new Promise((r) => setTimeout(r, 150));
    root.append(document.createElement('p'));
    await ticks();
    expect(onChange).toHaveBeenCalledTimes(4);
    watcher.stop();
    root.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 150));
    expect(onChange).toHaveBeenCalledTimes(4);
  });

  it('a page that never settles: the wait doubles up to four times burstMs, and a quiet spell resets it', async () => {
    const calls: number[] = [];
    const { root, watcher } = watchRoot('<div id="root"></div>', { onChange: () => calls.push(performance.now()), burstMs: 40 });
    watcher.observe(root);
    const started = performance.now();
    while (performance.now() - started < 900) {
      root.append(document.createElement('p'));
      await new Promise((r) => setTimeout(r, 8));
    }
    await new Promise((r) => setTimeout(r, 200));
    const gaps = calls.slice(1).map((t, i) => t - calls[i]!);
    // The first two at once, then waits of about 40, 80 and 160 ms (the last one repeating);
    // a fixed 40 ms window would have made about 22 calls.
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls.length).toBeLessThanOrEqual(11);
    expect(gaps.slice(-3).every((gap) => gap >= 150)).toBe(true);
    expect(Math.max(...gaps)).toBeLessThan(260);
    // Quiet now: the next change at once.
    const count = calls.length;
    root.append(document.createElement('p'));
    await ticks();
    expect(calls.length).toBe(count + 1);
    watcher.stop();
  });

  it('a container swapped out with its parent (a new <body>) is noticed at once', async () => {
    const onChange = vi.fn();
    const { root, watcher } = watchRoot('<main><div id="root"><p>a</p></div></main>', { onChange });
    watcher.observe(root);
    document.documentElement.replaceChild(document.body.cloneNode(true), document.body);
    await ticks();
    expect(root.isConnected).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(1);
    // And the container alone replaced inside its parent.
    const fresh = document.getElementById('root')!;
    watcher.observe(fresh);
    fresh.replaceWith(fresh.cloneNode(true));
    await ticks();
    expect(onChange).toHaveBeenCalledTimes(2);
    watcher.stop();
  });

  it('sleeps when idle and wakes on input with one catch-up call', async () => {
    const onChange = vi.fn();
    const onInput = vi.fn();
    const { root, watcher } = watchRoot('<div id="root"></div>', { onChange, idleMs: 30, onInput });
    watcher.observe(root);
    await new Promise((r) => setTimeout(r, 80));
    expect(watcher.connected).toBe(false);
    root.append(document.createElement('p')); // while asleep: not seen
    await ticks();
    expect(onChange).not.toHaveBeenCalled();

    window.dispatchEvent(new Event('pointerdown'));
    expect(onInput).toHaveBeenCalledTimes(1);
    expect(watcher.connected).toBe(true);
    await ticks();
    expect(onChange).toHaveBeenCalledTimes(1);
    watcher.stop();
  });
});

describe('same-origin fetch', () => {
  const ORIGIN = 'https://www.strava.com';

  it('only plain paths on the page origin', () => {
    expect(sameOriginUrl('/athlete/training_activities?page=1', ORIGIN)?.href).toBe(`${ORIGIN}/athlete/training_activities?page=1`);
    for (const bad of [
      'https://evil.example/x',
      '//evil.example/x',
      '/\\evil.example',
      'x',
      '',
      42,
      null,
      'javascript:alert(1)',
      '/ok\\..\\x',
    ]) {
      expect(sameOriginUrl(bad, ORIGIN)).toBeNull();
    }
  });

  it('with the page cookies, as JSON', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      expect(init.credentials).toBe('same-origin');
      return new Response('{"ok":true}', { status: 200 });
    });
    const get = createSameOriginFetch({ origin: ORIGIN, fetch: fetch as unknown as typeof globalThis.fetch });
    await expect(Promise.all([get('/a'), get('/b')])).resolves.toEqual([{ ok: true }, { ok: true }]);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([`${ORIGIN}/a`, `${ORIGIN}/b`]);
  });

  it('refuses other hosts without any request, and rejects on HTTP errors and after stop', async () => {
    const fetch = vi.fn(async () => new Response('no', { status: 503 }));
    const controller = new AbortController();
    const get = createSameOriginFetch({
      origin: ORIGIN,
      fetch: fetch as unknown as typeof globalThis.fetch,
      signal: controller.signal,
    });
    // Refused before any request: another host, and every call once the script stopped.
    await expect(get('https://evil.example/steal')).rejects.toMatchObject({ reason: 'network' });
    expect(fetch).not.toHaveBeenCalled();
    await expect(get('/x')).rejects.toThrow('HTTP 503');
    controller.abort();
    await expect(get('/y')).rejects.toMatchObject({ reason: 'network' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('registry', () => {
  const settings = defaultSettings();
  const generic: SiteAdapter = {
    id: 'generic',
    site: 'custom',
    matches: () => true,
    findAnchors: () => [],
    readRuns: async () => [],
  };

  it('built-in pages go to their adapter, switched off sites to none', () => {
    expect(pickAdapter(new URL('https://www.strava.com/athletes/1/training/log'), settings)?.id).toBe('strava-training-log');
    expect(pickAdapter(new URL('https://www.strava.com/dashboard'), settings)?.id).toBe('strava-dashboard');
    expect(pickAdapter(new URL('https://www.strava.com/settings'), settings)).toBeNull();
    expect(
      pickAdapter(new URL('https://www.strava.com/dashboard'), { ...settings, sites: { ...settings.sites, strava: false } }),
    ).toBeNull();
    expect(BUILT_IN_ADAPTERS.map((a) => a.id).slice(0, 3)).toEqual(['strava-training-log', 'strava-dashboard', 'strava-profile']);
  });

  it('a user-added origin gets the generic adapter; a built-in host never does', () => {
    const custom = { ...settings, customSites: ['https://www.runalyze.com', 'https://www.strava.com'] };
    expect(pickAdapter(new URL('https://www.runalyze.com/athlete'), custom, generic)).toBe(generic);
    expect(pickAdapter(new URL('https://www.runalyze.com/athlete'), settings, generic)).toBeNull();
    expect(pickAdapter(new URL('https://other.example/'), custom, generic)).toBeNull();
    expect(pickAdapter(new URL('https://www.strava.com/settings'), custom, generic)).toBeNull();
    expect(pickAdapter(new URL('https://www.runalyze.com/athlete'), custom, null)).toBeNull();
  });
});

describe('content script definition', () => {
  it('release builds: one script per built-in site (two for Strava), each matching its own site only (no localhost, no wildcard host)', async () => {
    vi.stubEnv('WXT_KNEE_CHECK_DEMO_ORIGIN', '');
    const scripts = {
      stravaLog: (await import('../../../entrypoints/knee-badges-strava-log.content/index')).default,
      strava: (await import('../../../entrypoints/knee-badges-strava.content/index')).default,
      garmin: (await import('../../../entrypoints/knee-badges-garmin.content/index')).default,
      intervals: (await import('../../../entrypoints/knee-badges-intervals.content/index')).default,
    };
    // Strava: the Training Log (its own app) has its own script; every other page the other one.
    expect(scripts.stravaLog.matches).toEqual(['https://www.strava.com/athletes/*/training/*']);
    expect(scripts.stravaLog.excludeMatches).toBeUndefined();
    expect(scripts.strava.matches).toEqual(['https://www.strava.com/*']);
    expect(scripts.strava.excludeMatches).toEqual(['https://www.strava.com/athletes/*/training/*']);
    expect(scripts.garmin.matches).toEqual(['https://connect.garmin.com/*']);
    expect(scripts.intervals.matches).toEqual(['https://intervals.icu/*']);
    for (const script of Object.values(scripts)) expect(script.runAt).toBe('document_idle');
    vi.unstubAllEnvs();
  });
});
