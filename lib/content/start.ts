// What every content script shares: the core (./core) wired to the browser. Settings from the
// background (./settings-channel: storage.local is closed to content scripts), the badges' words
// from the background too (./views: the engine and its formatting stay out of the page), SPA
// route changes, the page status sent to the background. WXT's ContentScriptContext is NOT used
// for teardown: it invalidates itself on a window message or document event that page script can
// forge (wxt-dev/wxt#1752), which would let a page switch the badges off. The script stops only
// when the extension itself is gone (browser.runtime.id no longer set), which a page cannot fake.
// Each entrypoint brings only its own adapters: one script per built-in site (knee-badges-<site>,
// ./start-site: page halves whose runs the background reads) and the user-added sites' script
// (knee-badges-custom, registered at runtime by the background: the generic adapter, read here).
// No zod, no Preact and no WXT storage layer in here: the budget is 10 KB gzipped.
import { browser } from '#imports';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { localMinute, localToday } from '../load/dates';
import type { Run } from '../load/types';
import { pickFrom } from '../sites/pick';
import type { SiteAdapter } from '../sites/types';
import { startCore } from './core';
import { INSPECT_BADGES, PAGE_STATUS, type PageStatusMessage } from './messages';
import { captureClock, type Clock } from './schedule';
import { openSettingsChannel, type RuntimeLike } from './settings-channel';
import { BADGE_VIEWS, sanitizeViews, type BadgeViewsRequest } from './views';

/** What a script's adapters may use of this world, captured at start. */
export interface ScriptEnv {
  runtime: typeof browser.runtime;
  win: Window & typeof globalThis;
  clock: Clock;
  /** False once the extension went away (then every send is skipped). */
  isValid(): boolean;
  /** Aborted when the script stops. */
  signal: AbortSignal;
  /** Cleanup for when the script stops. */
  onStop(cb: () => void): void;
}

export interface BadgeScript {
  /** A built-in site's adapters (./start-site: page halves read by the background). */
  adapters?(env: ScriptEnv): readonly SiteAdapter[];
  /** User-added sites: the generic adapter, which reads the page itself. */
  generic?: SiteAdapter;
  /** The page's URL as adapters see it (demo builds alias localhost to the real site). */
  url?(url: URL): URL;
  /** Are these runs the runner's own (worth keeping as captured history)? Default: yes. */
  own?(adapter: SiteAdapter, doc: Document): boolean;
}

/**
 * SPA route changes, from this world only: the Navigation API's "navigate" where there is
 * one, else history and a slow poll. Any event only makes us compare the URL: a forged one does nothing.
 */
export function watchLocation(win: Window & typeof globalThis, onChange: () => void, isStopped: () => boolean): void {
  let last = win.location.href;
  const check = () => {
    if (isStopped()) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange();
  };
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  // "navigate" fires before the URL changes (pushState included): compare once it has.
  if (navigation && typeof navigation.addEventListener === 'function')
    navigation.addEventListener('navigate', () => void win.setTimeout(check, 0));
  else {
    win.addEventListener('popstate', check);
    const poll = win.setInterval(() => (isStopped() ? win.clearInterval(poll) : check()), 1000);
  }
}

export function startBadges(_ctx: ContentScriptContext, script: BadgeScript): void {
  // What the core uses from this world, captured once at start.
  const win = window;
  const doc = document;
  const clock = captureClock(win);
  const origin = win.location.origin;
  const DateNow = Date;
  const { runtime } = browser;
  const channel = openSettingsChannel(runtime as unknown as RuntimeLike);
  let recorded: Run[] | undefined;
  // Ours, not WXT's: aborted only when this script stops (see the top of this file).
  const alive = new AbortController();
  const stopped: (() => void)[] = [];
  const isValid = () => {
    let valid = false;
    try {
      valid = runtime?.id != null;
    } catch {
      // an orphaned script's runtime may throw
    }
    if (!valid && !alive.signal.aborted) {
      alive.abort();
      for (const cb of stopped.splice(0)) cb();
    }
    return valid;
  };
  const send = (message: unknown) => {
    if (isValid()) runtime.sendMessage(message).catch(() => undefined);
  };
  const adapters = script.adapters?.({ runtime, win, clock, isValid, signal: alive.signal, onStop: (cb) => void stopped.push(cb) }) ?? [];
  let version = '';
  try {
    version = runtime.getManifest().version;
  } catch {
    // unknown
  }

  const core = startCore({
    doc,
    win,
    clock,
    currentUrl: () => {
      const url = new URL(win.location.href);
      return script.url ? script.url(url) : url;
    },
    pickAdapter: (url, settings) => pickFrom(adapters, url, settings, script.generic ?? null),
    loadSettings: channel.load,
    watchSettings: channel.watch,
    localNow: () => {
      const d = new DateNow();
      return { today: localToday(d), now: localMinute(d) };
    },
    // The badges' words, from the background (./views), so the engine is not in the page. The
    // settings this script has go along (no storage read there: the first badges come sooner).
    summarize: async (runs, firstDays, settings, today, opts) => {
      if (!isValid()) return [];
      const request: BadgeViewsRequest = {
        type: BADGE_VIEWS,
        runs,
        firstDays: [...firstDays],
        today,
        now: opts?.now,
        coverage: opts?.coverage,
        settings,
      };
      return sanitizeViews(await runtime.sendMessage(request), firstDays.length);
    },
    onInvalidated: (cb) => void stopped.push(cb),
    isValid,
    onLocationChange: (cb) => watchLocation(win, cb, () => alive.signal.aborted),
    // After the page has loaded and gone idle: a framework still hydrating would find our badge
    // in its server markup and re-render the whole tree.
    // (A page whose load never ends, e.g. a hanging image, still gets its badges after 3 s.)
    ready: () =>
      new Promise<void>((resolve) => {
        const idle = () => win.requestIdleCallback(() => resolve(), { timeout: 300 });
        if (doc.readyState === 'complete') idle();
        else {
          win.addEventListener('load', idle, { once: true });
          win.setTimeout(idle, 3000);
        }
      }),
    // Captured history (the popup's recent weeks): the runner's own runs, once per new read,
    // recorded by the background (./messages.ts).
    onRuns: (adapter, runs) => {
      if (runs === recorded || !runs.length || (script.own && !script.own(adapter, doc))) return;
      recorded = runs;
      if (isValid()) channel.recordRuns(adapter.site === 'custom' ? origin : adapter.site, runs);
    },
    // What this tab found, for the popup (structure and counts only).
    onStatus: (status) => send({ type: PAGE_STATUS, status } satisfies PageStatusMessage),
    version,
    // The card hidden for a site's week: kept by the background (storage.local is closed to us).
    cardDismissed: async (site, week) => channel.cardHidden(site) === week,
    dismissCard: (site, week) => channel.hideCard(site, week),
    loopLines: channel.loop,
    // A page re-rendering its rows in a burst gets its badges back at most every 250 ms (a
    // re-render after a quiet spell at once): `npm run bench content`, the re-render ratio.
    burstMs: 250,
    debug: console.debug.bind(console),
  });

  // The extension itself (a page of ours or the background: this extension, an extension URL) may ask
  // what the badges show; a web page cannot send runtime messages, and the answer is only what
  // the runner already sees. The Firefox end-to-end tests read closed shadow roots this way.
  const inspect = (message: unknown, sender: { id?: string; url?: string }, reply: (answer: unknown) => void) => {
    const fromUs = sender.id === runtime.id && typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL('/'));
    if ((message as { type?: unknown } | null)?.type !== INSPECT_BADGES || !fromUs) return undefined;
    const cardBadge = core.cardBadge();
    reply([
      ...[...doc.querySelectorAll('[data-knee-check-key]')].map((host) => ({
        key: host.getAttribute('data-knee-check-key') ?? '',
        ...core.kit.inspect(host),
      })),
      // The fallback card's badge (in the card's closed root, so not in the page's tree).
      ...(cardBadge ? [{ key: 'card', inCard: true, ...core.kit.inspect(cardBadge) }] : []),
    ]);
    return undefined;
  };
  runtime.onMessage.addListener(inspect as never);
  stopped.push(() => runtime.onMessage.removeListener(inspect as never));
}
