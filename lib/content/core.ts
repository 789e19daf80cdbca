// The content-script core: pick the adapter for this page, read its runs, place one badge per
// anchor (idempotently, in slices), watch the page for re-renders and route changes, follow the
// runner's settings, and clean up on invalidation. Adapters run on pages we do not control:
// every call is wrapped, and nothing thrown ever reaches the page.
import { badgeChip, badgeView } from '../badge/view';
import { createBadgeKit, KEY_ATTR, type BadgeKit } from '../badge/element';
import { weekStartOf } from '../load/dates';
import type { LoadOptions } from '../load/context';
import type { WeekSummary } from '../load/summary';
import type { LoadSettings, Run } from '../load/types';
import type { Settings } from '../settings/defaults';
import type { AdapterContext, BadgeAnchor, SiteAdapter } from '../sites/types';
import { createWatcher, type Watcher } from './observer';
import { runSliced, type Clock } from './schedule';

/** summariesFrom from lib/load: the 7 days from each first day, against the 7 days before. */
export type Summarize = (
  runs: Run[],
  firstDays: readonly string[],
  settings: LoadSettings,
  today: string,
  opts?: LoadOptions,
) => (WeekSummary | null)[];

export interface CoreDeps {
  doc: Document;
  win: Window & typeof globalThis;
  clock: Clock;
  /** The page's URL as adapters see it (demo builds alias localhost to the real site). */
  currentUrl(): URL;
  /** The adapter for this URL and settings, or null (no site, or switched off). */
  pickAdapter(url: URL, settings: Settings): SiteAdapter | null;
  loadSettings(): Promise<Settings>;
  /** Returns unwatch. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** Same-origin JSON (see ./fetch). */
  fetchJson(path: string): Promise<unknown>;
  /** The runner's local date ("YYYY-MM-DD") and wall clock ("YYYY-MM-DDTHH:mm"). */
  localNow(): { today: string; now: string };
  summarize: Summarize;
  /** Cleanup for when the script is invalidated (extension reloaded, updated or removed). */
  onInvalidated(cb: () => void): void;
  /**
   * False once the extension was reloaded, updated or removed (orphaned script). Checked before
   * every pass: the next mutation, input or route change after that removes every badge.
   */
  isValid?(): boolean;
  /** SPA route changes (wxt:locationchange). */
  onLocationChange(cb: () => void): void;
  /** Locale for numbers and dates (default: the browser's). */
  locale?: string;
  /** Resolves when the first pass may run (the page has loaded and hydrated). */
  ready?: () => Promise<void>;
  /** The runs an adapter read (the same array when nothing is new): captured history. */
  onRuns?(adapter: SiteAdapter, runs: Run[]): void;
  /** Tests and benchmarks: after each pass. */
  onPass?(info: PassInfo): void;
  sliceBudgetMs?: number;
  idleMs?: number;
  /** At most one line per kind of failure, at debug level: the page's console is not ours. */
  debug?(message: string, error?: unknown): void;
}

export interface PassInfo {
  adapter: string | null;
  anchors: number;
  /** Badges on the page after the pass. */
  badges: number;
  /** Badges created or re-rendered in this pass. */
  rendered: number;
  /** Duration of each slice of badge work, ms. */
  slices: number[];
}

export interface CoreHandle {
  /** Resolves after the first pass (or at once when there is nothing to do). */
  readonly started: Promise<void>;
  /** Run a pass now (tests); resolves when no pass is pending. */
  refresh(): Promise<void>;
  /** Remove every badge and stop (what invalidation does). */
  stop(): void;
  readonly kit: BadgeKit;
}

export function startCore(deps: CoreDeps): CoreHandle {
  const { doc, win, clock } = deps;
  const kit = createBadgeKit(doc);
  const hosts = new Map<string, HTMLElement>();
  const signatures = new WeakMap<Element, string>();
  const reported = new Set<string>();
  let settings: Settings | null = null;
  let settingsVersion = 0;
  let adapter: SiteAdapter | null = null;
  let generation = 0;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let cache: { key: string; runs: Run[]; out: (WeekSummary | null)[] } | null = null;
  let watcher: Watcher | null = null;
  let unwatch: (() => void) | undefined;
  let warmed = false;

  function report(kind: string, error: unknown): void {
    if (reported.has(kind)) return;
    reported.add(kind);
    try {
      deps.debug?.(`Knee Check: ${kind} failed`, error);
    } catch {
      // nothing
    }
  }

  function safe<T>(kind: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (error) {
      report(kind, error);
      return fallback;
    }
  }

  const isOurs = (node: Node): boolean => kit.isBadge(node) || (node as Element).hasAttribute?.(KEY_ATTR) === true;
  const adapterContext: AdapterContext = {
    fetchJson: (path) => deps.fetchJson(path),
    get today() {
      return deps.localNow().today;
    },
  };

  /** Our badge at an anchor's spot, if one is there. */
  function hostAt({ element, placement }: BadgeAnchor): Element | null {
    const node =
      placement === 'append' ? element.lastElementChild : placement === 'after' ? element.nextElementSibling : element.previousElementSibling;
    return node && isOurs(node) ? node : null;
  }

  function drop(key: string): void {
    hosts.get(key)?.remove();
    hosts.delete(key);
  }

  function removeAll(): void {
    for (const key of [...hosts.keys()]) drop(key);
    cache = null;
  }

  /** The adapter's anchors, usable and de-duplicated: one badge per key, one per spot. */
  function anchorsOf(current: SiteAdapter): BadgeAnchor[] {
    const found = safe(`${current.id} findAnchors`, () => current.findAnchors(doc), []);
    const keys = new Set<string>();
    const spots = { append: new Set<Element>(), after: new Set<Element>(), before: new Set<Element>() };
    return (Array.isArray(found) ? found : []).filter((anchor) => {
      const taken = spots[anchor?.placement];
      if (!taken || typeof anchor.key !== 'string' || !anchor.element?.isConnected) return false;
      if (keys.has(anchor.key) || taken.has(anchor.element)) return false;
      keys.add(anchor.key);
      taken.add(anchor.element);
      return true;
    });
  }

  /**
   * One summary per anchor: exactly the 7 days from the anchor's own first day (the row it sits
   * on, whatever weekday the site starts its weeks on); an anchor without a week is the current
   * week in the runner's own setting. Cached while runs, settings, minute and weeks hold.
   */
  function summaries(runs: Run[], anchors: BadgeAnchor[], active: Settings): (WeekSummary | null)[] {
    const { today, now } = deps.localNow();
    const current = weekStartOf(today, active.weekStartsOn) ?? today;
    const firstDays = anchors.map((a) => a.weekStart ?? current);
    const key = `${settingsVersion}|${now}|${firstDays}`;
    if (cache && cache.runs === runs && cache.key === key) return cache.out;
    const out = safe('summary', () => deps.summarize(runs, firstDays, active, today, { now, locale: deps.locale }), []);
    cache = { key, runs, out };
    warmed = true;
    return out;
  }

  /**
   * The first summary builds the Intl number and date formatters (tens of ms in Chromium): do it
   * while the page is idle, so the first rows a page renders later get their badges at once.
   */
  function warmUp(): void {
    if (warmed || !adapter || !settings) return;
    warmed = true;
    const { today, now } = deps.localNow();
    safe('warm-up', () => deps.summarize([], [today], settings!, today, { now, locale: deps.locale }), []);
  }

  /**
   * Create, re-key or refresh the badge of one anchor, without inserting it: a new or moved badge
   * is returned for `insertAll`, so a whole pass costs the page one style and layout, not one per
   * slice. `rendered` counts badges (re)rendered.
   */
  function place(anchor: BadgeAnchor, summary: WeekSummary | null, active: Settings, info: PassInfo): HTMLElement | null {
    let host = hosts.get(anchor.key) ?? null;
    if (!summary) {
      // No summary for this week: no badge rather than a wrong one.
      drop(anchor.key);
      return null;
    }
    const there = hostAt(anchor);
    if (there && there !== host) {
      // A re-used row (Strava recycles week rows) now shows another week: re-key its badge.
      const oldKey = there.getAttribute(KEY_ATTR);
      if (oldKey !== null && hosts.get(oldKey) === there) hosts.delete(oldKey);
      host?.remove();
      host = null;
      if (kit.isBadge(there)) {
        host = there;
        host.setAttribute(KEY_ATTR, anchor.key);
      } else there.remove(); // left by an older copy of this script
    }
    host ??= kit.create(anchor.key);
    hosts.set(anchor.key, host);
    // Same summary, same settings: nothing to redraw (a re-rendered row just gets its badge back).
    const signature = `${settingsVersion}|${JSON.stringify(summary)}`;
    if (signatures.get(host) !== signature) {
      const locale = deps.locale;
      kit.render(host, badgeChip(summary), () => badgeView(summary, active, locale));
      signatures.set(host, signature);
      info.rendered++;
    }
    return hostAt(anchor) === host ? null : host;
  }

  function insertAll(pending: [BadgeAnchor, HTMLElement][]): void {
    for (const [{ element, placement }, host] of pending) {
      if (!element.isConnected) continue;
      if (placement === 'append') element.append(host);
      else if (placement === 'after') element.after(host);
      else element.before(host);
    }
  }

  async function passOnce(): Promise<void> {
    const gen = generation;
    const current = adapter;
    const active = settings;
    const info: PassInfo = { adapter: current?.id ?? null, anchors: 0, badges: 0, rendered: 0, slices: [] };
    if (!current || !active) {
      // Nothing for us on this page (or switched off): no badges, no observer.
      removeAll();
      watcher?.pause();
    } else {
      const found = safe(`${current.id} observeRoot`, () => current.observeRoot?.(doc), null);
      const root = found?.isConnected ? found : doc.body ?? doc.documentElement;
      if (watcher && watcher.root !== root) watcher.observe(root);

      let anchors = anchorsOf(current);
      let runs: Run[] = [];
      if (anchors.length) {
        try {
          const read = await current.readRuns(doc, adapterContext);
          if (Array.isArray(read)) runs = read;
        } catch (error) {
          report(`${current.id} readRuns`, error);
        }
        if (stopped || gen !== generation) return;
        safe('onRuns', () => deps.onRuns?.(current, runs), undefined);
        // The page may have changed while runs were read (and the adapter may know more now).
        anchors = anchorsOf(current);
      }
      info.anchors = anchors.length;
      if (anchors.length) {
        const weekly = summaries(runs, anchors, active);
        const pending: [BadgeAnchor, HTMLElement][] = [];
        await runSliced(
          anchors.map((anchor, i) => [anchor, weekly[i] ?? null] as const),
          ([anchor, summary]) => {
            const host = safe('badge', () => place(anchor, summary, active, info), null);
            if (host) pending.push([anchor, host]);
          },
          { clock, budgetMs: deps.sliceBudgetMs ?? 4, cancelled: () => stopped || gen !== generation, onSlice: (ms) => info.slices.push(ms) },
        );
        if (stopped || gen !== generation) return;
        safe('insert', () => insertAll(pending), undefined);
      }
      // Badges whose anchor is gone (after placing: a re-used row's badge was re-keyed, not lost).
      const keys = new Set(anchors.map((a) => a.key));
      for (const [key, host] of hosts) if (!keys.has(key) || !host.isConnected) drop(key);
    }
    info.badges = hosts.size;
    safe('onPass', () => deps.onPass?.(info), undefined);
  }

  /** An orphaned script (extension reloaded or removed) takes its badges away at the first chance. */
  function checkValid(): void {
    if (!stopped && safe('isValid', () => deps.isValid?.() === false, false)) stop();
  }

  function pass(): Promise<void> {
    checkValid();
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await passOnce();
        } while (again && !stopped);
      } catch (error) {
        report('pass', error);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function choose(): void {
    const next = settings ? safe('pickAdapter', () => deps.pickAdapter(deps.currentUrl(), settings!), null) : null;
    if (next !== adapter) {
      removeAll();
      adapter = next;
    }
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    generation++;
    watcher?.stop();
    removeAll();
    safe('unwatch', () => unwatch?.(), undefined);
  }

  // Badges left by a previous copy of this script (the extension was reloaded) are not ours.
  safe('cleanup', () => doc.querySelectorAll(`[${KEY_ATTR}]`).forEach((node) => node.remove()), undefined);
  deps.onInvalidated(stop);

  const started = (async () => {
    try {
      settings = await deps.loadSettings();
      if (stopped) return;
      unwatch = deps.watchSettings((next) => {
        if (stopped) return;
        settings = next;
        settingsVersion++;
        choose();
        void pass();
      });
      deps.onLocationChange(() => {
        if (stopped) return;
        generation++;
        choose();
        // After the task that changed the route: an SPA renders the new page right after pushState.
        clock.yieldTask(() => void pass());
      });
      await deps.ready?.();
      if (stopped) return;
      watcher = createWatcher({ clock, win, isOurs, onChange: () => void pass(), idleMs: deps.idleMs, onInput: checkValid });
      choose();
      await pass();
      clock.yieldTask(warmUp);
    } catch (error) {
      report('start', error);
    }
  })();

  return { started, refresh: pass, stop, kit };
}
