// What both content scripts share: the core (./core) wired to the browser. Settings from
// storage.local (zod-free sanitizer), same-origin fetch, WXT's invalidation and SPA route events.
// Each entrypoint brings only its own adapters: the built-in sites' script (knee-badges) and the
// user-added sites' script (knee-badges-custom, registered at runtime by the background).
// No zod, no Preact and no WXT storage layer in here: the budget is 10 KB gzipped.
import { browser } from '#imports';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Run } from '../load/types';
import { summariesFrom } from '../load/summary';
import { sanitizeSettings, type Settings } from '../settings/defaults';
import type { SiteAdapter } from '../sites/types';
import { startCore } from './core';
import { createSameOriginFetch } from './fetch';
import { RECORD_RUNS, type RecordRunsMessage } from './messages';
import { captureClock } from './schedule';

export interface BadgeScript {
  /** The adapter for this page and settings, or null. */
  pick(url: URL, settings: Settings): SiteAdapter | null;
  /** The page's URL as adapters see it (demo builds alias localhost to the real site). */
  url?(url: URL): URL;
  /** Are these runs the runner's own (worth keeping as captured history)? Default: yes. */
  own?(adapter: SiteAdapter, doc: Document): boolean;
}

/** WXT's `local:settings` is the key "settings" in storage.local. */
const SETTINGS = 'settings';

const pad = (n: number) => String(n).padStart(2, '0');

export function startBadges(ctx: ContentScriptContext, script: BadgeScript): void {
  // What the core uses from this world, captured once at start.
  const win = window;
  const doc = document;
  const clock = captureClock(win);
  const origin = win.location.origin;
  const DateNow = Date;
  const { storage, runtime } = browser;
  let recorded: Run[] | undefined;

  startCore({
    doc,
    win,
    clock,
    currentUrl: () => {
      const url = new URL(win.location.href);
      return script.url ? script.url(url) : url;
    },
    pickAdapter: script.pick,
    loadSettings: async () => sanitizeSettings((await storage.local.get(SETTINGS))[SETTINGS]),
    watchSettings: (onChange) => {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) =>
        area === 'local' && changes[SETTINGS] && onChange(sanitizeSettings(changes[SETTINGS].newValue));
      storage.onChanged.addListener(listener);
      return () => storage.onChanged.removeListener(listener);
    },
    fetchJson: createSameOriginFetch({ origin, fetch: win.fetch.bind(win), now: clock.now, setTimer: win.setTimeout.bind(win), signal: ctx.signal }),
    localNow: () => {
      const d = new DateNow();
      const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      return { today, now: `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}` };
    },
    summarize: summariesFrom,
    onInvalidated: (cb) => void ctx.onInvalidated(cb),
    isValid: () => ctx.isValid,
    onLocationChange: (cb) => ctx.addEventListener(win, 'wxt:locationchange', cb),
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
      const message: RecordRunsMessage = { type: RECORD_RUNS, site: adapter.site === 'custom' ? origin : adapter.site, runs };
      runtime.sendMessage(message).catch(() => undefined);
    },
    debug: console.debug.bind(console),
  });
}
