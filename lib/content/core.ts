// The content-script core: pick the adapter for this page, read its runs, place one badge per
// anchor (idempotently, in slices), watch the page for re-renders and route changes, follow the
// runner's settings, say what it found (page status and report), show the fallback card when a
// log's layout is not recognised, and clean up when the extension goes away. Adapters run on
// pages we do not control: every call is wrapped, and nothing thrown ever reaches the page.
import { createFallbackCard, CARD_ATTR, type FallbackCard } from '../badge/card';
import { createBadgeKit, KEY_ATTR, type BadgeKit } from '../badge/element';
import type { BadgeView } from '../badge/view';
import { weekStartOf } from '../load/dates';
import type { LoadOptions } from '../load/context';
import type { Run } from '../load/types';
import type { Settings } from '../settings/defaults';
import type { AdapterContext, AdapterNotes, BadgeAnchor, FetchJsonInit, SiteAdapter } from '../sites/types';
import type { PageStatus } from './messages';
import { createWatcher, type Watcher } from './observer';
import { selectorCounts, type CallRecord } from './report';
import { runSliced, type Clock } from './schedule';
import { mergeNotes } from '../sites/reading';

/**
 * badgeViewsFrom from lib/badge/view: each badge's words for the 7 days from each first day
 * (against the 7 days before), null for none. The content script asks the background for them.
 */
export type Summarize = (
  runs: Run[],
  firstDays: readonly string[],
  settings: Settings,
  today: string,
  opts?: LoadOptions,
) => (BadgeView | null)[] | Promise<(BadgeView | null)[]>;

export interface CoreDeps {
  doc: Document;
  win: Window & typeof globalThis;
  clock: Clock;
  /** The page's URL as adapters see it (demo builds alias localhost to the real site). */
  currentUrl(): URL;
  /** The adapter for this URL and settings, or null (no site, or switched off). */
  pickAdapter(url: URL, settings: Settings): SiteAdapter | null;
  /** Null: none usable (nothing for us on this page). */
  loadSettings(): Promise<Settings | null>;
  /** Returns unwatch. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /**
   * Same-origin JSON (see ./fetch) for adapters that read here (tests). The extension's adapters
   * are read by the background, the tab answering its calls (./remote): none here.
   */
  fetchJson?(path: string, init?: FetchJsonInit): Promise<unknown>;
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
  /** SPA route changes. */
  onLocationChange(cb: () => void): void;
  /** Locale for numbers and dates (default: the browser's). */
  locale?: string;
  /** Resolves when the first pass may run (the page has loaded and hydrated). */
  ready?: () => Promise<void>;
  /** The runs an adapter read (the same array when nothing is new): captured history. */
  onRuns?(adapter: SiteAdapter, runs: Run[]): void;
  /** What this page is and what was found (null: nothing for Knee Check here), when it changes. */
  onStatus?(status: PageStatus | null): void;
  /** The extension's version, for the page report. */
  version?: string;
  /** Was the fallback card hidden for this site and week? */
  cardDismissed?(site: string, weekStart: string): boolean | Promise<boolean>;
  /** The runner hid the fallback card for this site and week. */
  dismissCard?(site: string, weekStart: string): void;
  /** The loop's lines for every badge's explanation (a change comes with a settings change). */
  loopLines?(): readonly string[];
  /** How long a log page may take to show its weeks before its runs are read for the card, ms (default 2500). */
  fallbackDelayMs?: number;
  /** The status is sent at most this often, ms (default 1000): a re-rendering page pays for it once. */
  statusDelayMs?: number;
  /** Tests and benchmarks: after each pass. */
  onPass?(info: PassInfo): void;
  sliceBudgetMs?: number;
  idleMs?: number;
  /** While the page re-renders in a burst, at most one pass per this long (ms; default 0: none). */
  burstMs?: number;
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
  /** The fallback card is on the page. */
  card: boolean;
}

export interface CoreHandle {
  /** Resolves after the first pass (or at once when there is nothing to do). */
  readonly started: Promise<void>;
  /** Run a pass now (tests); resolves when no pass is pending. */
  refresh(): Promise<void>;
  /** Remove every badge and stop (what invalidation does). */
  stop(): void;
  readonly kit: BadgeKit;
  /** The fallback card's host while it is on the page (tests). */
  card(): HTMLElement | null;
  /** The badge inside the fallback card while it is on the page (INSPECT_BADGES). */
  cardBadge(): HTMLElement | null;
}

type Safe = <T>(kind: string, fn: () => T, fallback: T) => T;

/** At most one debug line per kind of failure; `safe` runs a call that must never throw. */
function createGuard(debug: CoreDeps['debug']): { report(kind: string, error: unknown): void; safe: Safe } {
  const reported = new Set<string>();
  const report = (kind: string, error: unknown) => {
    if (reported.has(kind)) return;
    reported.add(kind);
    try {
      debug?.(`Knee Check: ${kind} failed`, error);
    } catch {
      // nothing
    }
  };
  const safe: Safe = (kind, fn, fallback) => {
    try {
      return fn();
    } catch (error) {
      report(kind, error);
      return fallback;
    }
  };
  return { report, safe };
}

/** The adapter's anchors, usable and de-duplicated: one badge per key, one per spot. */
function usableAnchors(found: unknown): BadgeAnchor[] {
  const keys = new Set<string>();
  const spots = { append: new Set<Element>(), after: new Set<Element>(), before: new Set<Element>() };
  return (Array.isArray(found) ? (found as BadgeAnchor[]) : []).filter((anchor) => {
    const taken = spots[anchor?.placement];
    if (!taken || typeof anchor.key !== 'string' || !anchor.element?.isConnected) return false;
    if (keys.has(anchor.key) || taken.has(anchor.element)) return false;
    keys.add(anchor.key);
    taken.add(anchor.element);
    return true;
  });
}

/** Badges on the page, by anchor key: create, re-key, refresh, insert and drop them. */
function createPlacer(kit: BadgeKit, loop: () => readonly string[] | undefined) {
  const hosts = new Map<string, HTMLElement>();
  const signatures = new WeakMap<Element, string>();
  // One JSON per view object (views are cached between passes): a re-rendered page does not pay
  // a stringify per badge per pass.
  const viewJson = new WeakMap<BadgeView, string>();
  const jsonOf = (view: BadgeView) => {
    let json = viewJson.get(view);
    if (json === undefined) viewJson.set(view, (json = JSON.stringify(view)));
    return json;
  };
  const isOurs = (node: Node): boolean =>
    kit.isBadge(node) || (node as Element).hasAttribute?.(KEY_ATTR) === true || (node as Element).hasAttribute?.(CARD_ATTR) === true;

  /** Our badge at an anchor's spot, if one is there. */
  function hostAt({ element, placement }: BadgeAnchor): Element | null {
    const node =
      placement === 'append'
        ? element.lastElementChild
        : placement === 'after'
          ? element.nextElementSibling
          : element.previousElementSibling;
    return node && isOurs(node) ? node : null;
  }

  function drop(key: string): void {
    hosts.get(key)?.remove();
    hosts.delete(key);
  }

  /** A badge already at the anchor's spot that is not this key's: a re-used row now showing another week. */
  function adopt(anchor: BadgeAnchor, host: HTMLElement | null): HTMLElement | null {
    const there = hostAt(anchor);
    if (!there || there === host) return host;
    const oldKey = there.getAttribute(KEY_ATTR);
    if (oldKey !== null && hosts.get(oldKey) === there) hosts.delete(oldKey);
    host?.remove();
    if (!kit.isBadge(there)) {
      there.remove(); // left by an older copy of this script
      return null;
    }
    there.setAttribute(KEY_ATTR, anchor.key);
    return there;
  }

  /**
   * Fill a badge unless it already shows this view under these settings. True when (re)rendered.
   * The loop's lines (a change comes with a settings change) open the explanation.
   */
  function render(host: HTMLElement, view: BadgeView, settingsVersion: number): boolean {
    const signature = `${settingsVersion}|${jsonOf(view)}`;
    if (signatures.get(host) === signature) return false;
    kit.render(host, view, () => ({ ...view, lines: [...(loop() ?? []), ...view.lines] }));
    signatures.set(host, signature);
    return true;
  }

  /**
   * Create, re-key or refresh the badge of one anchor, without inserting it: a new or moved badge
   * is returned for `insertAll`, so a whole pass costs the page one style and layout, not one per slice.
   */
  function place(anchor: BadgeAnchor, view: BadgeView | null, settingsVersion: number, info: PassInfo): HTMLElement | null {
    if (!view) {
      // No summary for this week: no badge rather than a wrong one.
      drop(anchor.key);
      return null;
    }
    const host = adopt(anchor, hosts.get(anchor.key) ?? null) ?? kit.create(anchor.key);
    hosts.set(anchor.key, host);
    if (render(host, view, settingsVersion)) info.rendered++;
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

  /** Badges whose anchor is gone (after placing: a re-used row's badge was re-keyed, not lost). */
  function pruneExcept(anchors: BadgeAnchor[]): void {
    const keys = new Set(anchors.map((a) => a.key));
    for (const [key, host] of hosts) if (!keys.has(key) || !host.isConnected) drop(key);
  }

  return { hosts, isOurs, place, render, insertAll, pruneExcept, removeAll: () => [...hosts.keys()].forEach(drop) };
}

/** The adapter's runs and what it noted while reading them (merged per read), and its calls' structure. */
function createReader(deps: CoreDeps, report: (kind: string, error: unknown) => void) {
  const calls: CallRecord[] = [];
  let notes: AdapterNotes = {};
  let notesVersion = 0;
  let pending: AdapterNotes[] | null = null;
  let lastRuns: Run[] | null = null;
  const keep = (more: readonly CallRecord[]) => {
    calls.push(...more);
    calls.splice(0, calls.length - 20);
  };
  const context: AdapterContext = {
    // Only adapters read here (tests) fetch: the extension's are read by the background (./remote).
    fetchJson: (path, init) => (deps.fetchJson ? deps.fetchJson(path, init) : Promise.reject(new Error('no fetch'))),
    get today() {
      return deps.localNow().today;
    },
    note: (more) => void (pending ??= []).push(more),
    record: (more) => Array.isArray(more) && keep(more),
  };

  /** The adapter's head start on a page whose weeks are not on screen yet (once per adapter and page). */
  let prepared: SiteAdapter | null = null;
  function prepare(adapter: SiteAdapter): void {
    if (prepared === adapter || !adapter.prepare) return;
    prepared = adapter;
    try {
      adapter.prepare(deps.doc, context);
    } catch (error) {
      report(`${adapter.id} prepare`, error);
    }
  }

  async function read(adapter: SiteAdapter): Promise<Run[]> {
    pending = null;
    let runs: Run[] = [];
    try {
      const got = await adapter.readRuns(deps.doc, context);
      if (Array.isArray(got)) runs = got;
    } catch (error) {
      report(`${adapter.id} readRuns`, error);
    }
    // A read that noted nothing about the very runs it returned before keeps the earlier notes.
    if (pending || runs !== lastRuns) {
      notes = mergeNotes(pending ?? []);
      notesVersion++;
    }
    lastRuns = runs;
    return runs;
  }

  return {
    read,
    prepare,
    calls,
    get notes() {
      return notes;
    },
    get notesVersion() {
      return notesVersion;
    },
    reset() {
      notes = {};
      notesVersion++;
      lastRuns = null;
      prepared = null;
      calls.length = 0;
    },
  };
}

export function startCore(deps: CoreDeps): CoreHandle {
  const { doc, win, clock } = deps;
  const { report, safe } = createGuard(deps.debug);
  const kit = createBadgeKit(doc);
  const placer = createPlacer(kit, () => safe('loopLines', () => deps.loopLines?.(), undefined));
  const reader = createReader(deps, report);
  let settings: Settings | null = null;
  let settingsVersion = 0;
  let adapter: SiteAdapter | null = null;
  let generation = 0;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let cache: { key: string; runs: Run[]; out: Promise<(BadgeView | null)[]> } | null = null;
  let watcher: Watcher | null = null;
  let unwatch: (() => void) | undefined;
  let warmed = false;
  let card: FallbackCard | null = null;
  let cardBadge: HTMLElement | null = null;
  let statusTimer: number | undefined;
  let latest: { current: SiteAdapter | null; runs: Run[]; anchors: number } = { current: null, runs: [], anchors: 0 };
  let cardTimer: number | undefined;
  let cardDue = Number.POSITIVE_INFINITY;
  let lastStatus = '';
  let lastRuns: Run[] | null = null;

  /** The current week's first day in the runner's own setting. */
  const currentWeek = (active: Settings) => {
    const { today } = deps.localNow();
    return weekStartOf(today, active.weekStartsOn) ?? today;
  };

  /** deps.summarize, never throwing nor rejecting (nothing on failure: no badge rather than a wrong one). */
  const summarize = (runs: Run[], firstDays: string[], active: Settings, opts: LoadOptions & { now: string }, today: string) =>
    Promise.resolve(safe('summary', () => deps.summarize(runs, firstDays, active, today, { locale: deps.locale, ...opts }), [])).catch(
      (error: unknown) => (report('summary', error), []),
    );

  /**
   * One view per first day: exactly the 7 days from it, judged on what the runs read cover
   * (the adapter's notes). Cached while runs, notes, settings, minute and weeks hold.
   */
  function views(runs: Run[], firstDays: string[], active: Settings): Promise<(BadgeView | null)[]> {
    const { today, now } = deps.localNow();
    const key = `${settingsVersion}|${reader.notesVersion}|${now}|${firstDays}`;
    if (cache && cache.runs === runs && cache.key === key) return cache.out;
    const { coveredFrom, incompleteDays } = reader.notes;
    const out = summarize(runs, firstDays, active, { now, coverage: { coveredFrom, incompleteDays } }, today);
    cache = { key, runs, out };
    warmed = true;
    return out;
  }

  /**
   * The first summary builds the Intl number and date formatters (tens of ms in Chromium, in the
   * background): do it while the page is idle, so the first rows a page renders later get their
   * badges at once.
   */
  function warmUp(): void {
    if (warmed || !adapter || !settings) return;
    warmed = true;
    const { today, now } = deps.localNow();
    void summarize([], [today], settings, { now }, today);
  }

  /** A page of a built-in running log (not a user-added site's page, where any page matches). */
  const isLogPage = (current: SiteAdapter) => current.site !== 'custom';

  function removeCard(): void {
    card?.remove();
    card = null;
    cardBadge = null;
  }

  /**
   * The fallback card: the runner's runs were read on a log page, yet no anchor was found (the
   * site's layout changed). This week's badge in one card, unless switched off or hidden this week.
   */
  async function updateCard(current: SiteAdapter, runs: Run[], anchors: number, active: Settings, gen: number): Promise<void> {
    const week = currentWeek(active);
    const wanted = active.fallbackCard && anchors === 0 && runs.length > 0 && isLogPage(current);
    const hidden =
      wanted &&
      (await Promise.resolve(safe('cardDismissed', () => deps.cardDismissed?.(current.site, week) ?? false, false)).catch(() => false));
    if (stopped || gen !== generation) return;
    if (!wanted || hidden) return removeCard();
    const view = (await views(runs, [week], active))[0];
    if (stopped || gen !== generation) return;
    if (!view) return removeCard();
    const kind = pageKindOf(current);
    const title = `Knee Check, this week${kind ? ` (${kind}: layout not recognised)` : ''}`;
    card ??= createFallbackCard(doc, {
      title,
      onDismiss: () => {
        removeCard();
        safe('dismissCard', () => deps.dismissCard?.(current.site, week), undefined);
        sendStatus(current, runs, 0);
      },
    });
    cardBadge ??= kit.create('card');
    placer.render(cardBadge, view, settingsVersion);
    card.show(cardBadge, title);
  }

  function pageKindOf(current: SiteAdapter): string {
    const kind = safe(`${current.id} pageKind`, () => current.pageKind?.(deps.currentUrl()), undefined);
    return typeof kind === 'string' ? kind.slice(0, 80) : '';
  }

  /** What this page is and what was found, to the background: at most once a second, and only when it changed. */
  function sendStatus(current: SiteAdapter | null, runs: Run[], anchors: number): void {
    if (!deps.onStatus) return;
    latest = { current, runs, anchors };
    if (statusTimer !== undefined) return;
    statusTimer = win.setTimeout(() => {
      statusTimer = undefined;
      if (!stopped) safe('status', flushStatus, undefined);
    }, deps.statusDelayMs ?? 1000);
  }

  function flushStatus(): void {
    const { current, runs, anchors } = latest;
    let status: PageStatus | null = null;
    if (current) {
      const notes = reader.notes;
      const pageKind = pageKindOf(current);
      status = {
        site: current.site,
        adapter: current.id,
        pageKind,
        runs: runs.length,
        // As the adapter noted them: the background keeps only well-formed entries (readPageStatusMessage).
        sources: notes.sources ?? [],
        refusals: notes.refusals ?? [],
        anchors,
        weeksBadged: placer.hosts.size,
        card: card?.host.isConnected === true,
        incompleteDays: notes.incompleteDays?.length ?? 0,
        report: {
          version: deps.version ?? '',
          adapter: current.id,
          pageKind,
          selectors: selectorCounts(doc, current.selectors),
          calls: [...reader.calls],
        },
      };
    }
    const text = JSON.stringify(status);
    if (text === lastStatus) return;
    lastStatus = text;
    safe('onStatus', () => deps.onStatus!(status), undefined);
  }

  /** Badges for every anchor, in slices; false when the pass was overtaken. */
  async function badgeAll(anchors: BadgeAnchor[], runs: Run[], active: Settings, gen: number, info: PassInfo): Promise<boolean> {
    const week = currentWeek(active);
    const weekly = await views(
      runs,
      anchors.map((a) => a.weekStart ?? week),
      active,
    );
    if (stopped || gen !== generation) return false;
    const pending: [BadgeAnchor, HTMLElement][] = [];
    await runSliced(
      anchors.map((anchor, i) => [anchor, weekly[i] ?? null] as const),
      ([anchor, view]) => {
        const host = safe('badge', () => placer.place(anchor, view, settingsVersion, info), null);
        if (host) pending.push([anchor, host]);
      },
      { clock, budgetMs: deps.sliceBudgetMs ?? 4, cancelled: () => stopped || gen !== generation, onSlice: (ms) => info.slices.push(ms) },
    );
    if (stopped || gen !== generation) return false;
    safe('insert', () => placer.insertAll(pending), undefined);
    return true;
  }

  /** A log page without anchors gets its runs read once it had time to render its weeks. */
  function fallbackDue(): boolean {
    const wait = cardDue - clock.now();
    if (wait <= 0) return true;
    if (cardTimer === undefined) cardTimer = win.setTimeout(() => void pass(), wait + 1);
    return false;
  }

  async function passWith(current: SiteAdapter, active: Settings, gen: number, info: PassInfo): Promise<void> {
    const found = safe(`${current.id} observeRoot`, () => current.observeRoot?.(doc), null);
    const root = found?.isConnected ? found : (doc.body ?? doc.documentElement);
    if (watcher && watcher.root !== root) watcher.observe(root);

    const find = () => usableAnchors(safe(`${current.id} findAnchors`, () => current.findAnchors(doc), []));
    let anchors = find();
    if (!anchors.length) reader.prepare(current);
    let runs: Run[] = [];
    if (anchors.length || (isLogPage(current) && fallbackDue())) {
      const before = reader.notesVersion;
      runs = await reader.read(current);
      if (stopped || gen !== generation) return;
      safe('onRuns', () => deps.onRuns?.(current, runs), undefined);
      // The page may have changed while runs were read, and the adapter may know more now: find
      // again, unless the read changed nothing (the same runs, anchors still in place).
      const unchanged =
        runs === lastRuns && reader.notesVersion === before && anchors.length > 0 && anchors.every((a) => a.element.isConnected);
      if (!unchanged) anchors = find();
      lastRuns = runs;
    }
    info.anchors = anchors.length;
    if (anchors.length && !(await badgeAll(anchors, runs, active, gen, info))) return;
    placer.pruneExcept(anchors);
    await updateCard(current, runs, anchors.length, active, gen);
    if (stopped || gen !== generation) return;
    sendStatus(current, runs, anchors.length);
  }

  async function passOnce(): Promise<void> {
    const gen = generation;
    const current = adapter;
    const active = settings;
    const info: PassInfo = { adapter: current?.id ?? null, anchors: 0, badges: 0, rendered: 0, slices: [], card: false };
    if (!current || !active) {
      // Nothing for us on this page (or switched off): no badges, no observer.
      removeAll();
      watcher?.pause();
      sendStatus(null, [], 0);
    } else {
      await passWith(current, active, gen, info);
      if (stopped || gen !== generation) return;
    }
    info.badges = placer.hosts.size;
    info.card = card !== null;
    safe('onPass', () => deps.onPass?.(info), undefined);
  }

  function removeAll(): void {
    placer.removeAll();
    removeCard();
    cache = null;
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

  /** The adapter for the current URL and settings; a new one starts from a clean page. */
  function choose(): void {
    const next = settings ? safe('pickAdapter', () => deps.pickAdapter(deps.currentUrl(), settings!), null) : null;
    if (next !== adapter) {
      removeAll();
      reader.reset();
      adapter = next;
    }
    win.clearTimeout(cardTimer);
    cardTimer = undefined;
    // A new route (or settings): say what this page holds again, even if it reads the same.
    lastStatus = '';
    cardDue = clock.now() + (deps.fallbackDelayMs ?? 2500);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    generation++;
    win.clearTimeout(cardTimer);
    win.clearTimeout(statusTimer);
    watcher?.stop();
    removeAll();
    safe('unwatch', () => unwatch?.(), undefined);
  }

  function onSettings(next: Settings): void {
    if (stopped) return;
    settings = next;
    settingsVersion++;
    choose();
    void pass();
  }

  function onRoute(): void {
    if (stopped) return;
    generation++;
    choose();
    // After the task that changed the route: an SPA renders the new page right after pushState.
    clock.yieldTask(() => void pass());
  }

  async function start(): Promise<void> {
    settings = await deps.loadSettings();
    if (stopped) return;
    unwatch = deps.watchSettings(onSettings);
    deps.onLocationChange(onRoute);
    await deps.ready?.();
    if (stopped) return;
    watcher = createWatcher({
      clock,
      win,
      isOurs: placer.isOurs,
      onChange: () => void pass(),
      idleMs: deps.idleMs,
      burstMs: deps.burstMs,
      onInput: checkValid,
    });
    choose();
    await pass();
    clock.yieldTask(warmUp);
  }

  // Badges and cards left by a previous copy of this script (the extension was reloaded) are not ours.
  safe('cleanup', () => doc.querySelectorAll(`[${KEY_ATTR}],[${CARD_ATTR}]`).forEach((node) => node.remove()), undefined);
  deps.onInvalidated(stop);
  const started = start().catch((error) => report('start', error));

  const shown = () => card?.host.isConnected === true;
  return { started, refresh: pass, stop, kit, card: () => (shown() ? card!.host : null), cardBadge: () => (shown() ? cardBadge : null) };
}
