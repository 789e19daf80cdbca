// What every content script shares: the core (./core) wired to the browser. Each pass asks the
// background (./pass: storage.local is closed to content scripts, and the settings, the engine,
// the page status and the history stay out of the page), which tells the page when settings
// change; SPA route changes. WXT's ContentScriptContext is NOT used
// for teardown: it invalidates itself on a window message or document event that page script can
// forge (wxt-dev/wxt#1752), which would let a page switch the badges off. The script stops only
// when the extension itself is gone (browser.runtime.id no longer set), which a page cannot fake.
// Each entrypoint brings only its own page halves: one script per built-in site (knee-badges-<site>,
// two for Strava, whose Training Log is its own app; ./start-site: the background reads their
// runs, this tab making its calls) and the user-added
// sites' script (knee-badges-custom, registered at runtime: the generic page half, which sends
// the background a snapshot of the page to read).
// No zod, no Preact and no WXT storage layer in here: the budget is 10 KB gzipped.
import { browser } from '#imports';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { localMinute, localToday } from '../load/dates';
import type { PagePart } from '../sites/reading';
import { startCore } from './core';
import { INSPECT_BADGES, PAGE_STATUS } from './messages';
import { HIDE_CARD, SETTINGS_CHANGED, type PassReply } from './pass';
import { captureClock, type Clock } from './schedule';

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
  /** This page's token (the background keeps one reader state per token). */
  page: string;
}

export interface BadgeScript {
  /** The script's page halves (a built-in site's, or the user-added sites' generic one). */
  parts(env: ScriptEnv): readonly PagePart[];
  /** The page's URL as page halves see it (demo builds alias localhost to the real site). */
  url?(url: URL): URL;
  /** Are these runs the runner's own (worth keeping as captured history)? Default: yes. */
  own?(part: PagePart, doc: Document): boolean;
}

/** A fresh page token (random: another tab's script cannot guess it). */
export const pageToken = (): string => crypto.randomUUID();

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
  const DateNow = Date;
  const { runtime } = browser;
  const page = pageToken();
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
  const parts = script.parts({ runtime, win, clock, isValid, signal: alive.signal, onStop: (cb) => void stopped.push(cb), page });
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
    parts,
    page,
    send: async (request) => (isValid() ? ((await runtime.sendMessage(request)) as PassReply | null) : null),
    // Nothing for Knee Check on this route: the popup's page status goes.
    clear: () => send({ type: PAGE_STATUS, status: null }),
    // The card hidden for a site's week: kept by the background (storage.local is closed to us).
    hideCard: (site, week) => (isValid() ? runtime.sendMessage({ type: HIDE_CARD, site, week }).catch(() => undefined) : undefined),
    // Settings or the loop's lines changed: only the background says so (a page cannot send runtime messages).
    watchChanges: (onChange) => {
      const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
        if ((message as { type?: unknown } | null)?.type === SETTINGS_CHANGED && sender.id === runtime.id && !sender.tab) onChange();
      };
      runtime.onMessage.addListener(listener as never);
      return () => runtime.onMessage.removeListener(listener as never);
    },
    own: script.own,
    localNow: () => {
      const d = new DateNow();
      return { today: localToday(d), now: localMinute(d) };
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
    version,
    // A page re-rendering its rows in a burst gets its badges back after 250 ms, then 500, then
    // every second while it goes on (a re-render after a quiet spell at once): `npm run bench
    // content`, the re-render ratio.
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
