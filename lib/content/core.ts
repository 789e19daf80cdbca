// The content-script core: find this page's half (lib/sites/reading PagePart), its anchors and the
// facts a read needs; ask the background for everything that takes judgement (lib/content/pass:
// whether the site is on, the runs, each badge's words, the fallback card, the page status), only
// when what the page shows changed; place one badge per anchor (idempotently, in slices) and the
// card; watch the page for re-renders and route changes; clean up when the extension goes away.
// Page halves run on pages we do not control: every call is wrapped, and nothing thrown ever
// reaches the page. No settings, no engine and no status code in here: the 10 KB budget.
import { createFallbackCard, CARD_ATTR, type FallbackCard } from '../badge/card';
import { createBadgeKit, KEY_ATTR, type BadgeKit } from '../badge/element';
import type { BadgeView } from '../badge/view';
import { READ_RETRY_MS, type PagePart } from '../sites/reading';
import type { BadgeAnchor } from '../sites/types';
import { createWatcher, type Watcher } from './observer';
import { PAGE_PASS, type PassReply, type PassRequest } from './pass';
import { selectorCounts } from './report';
import { runSliced, type Clock } from './schedule';

export interface CoreDeps {
  doc: Document;
  win: Window & typeof globalThis;
  clock: Clock;
  /** The page's URL as page halves see it (demo builds alias localhost to the real site). */
  currentUrl(): URL;
  /** This script's page halves (a user-added site's script: the generic one). */
  parts: readonly PagePart[];
  /** The page token (the background keeps one reader state per page). */
  page: string;
  /** To the background (tests: the page service in process). Null: no answer (no badges). */
  send(request: PassRequest): Promise<PassReply | null>;
  /** Nothing for Knee Check on this route: the page status goes. */
  clear?(): void;
  /** The runner hid the fallback card for this site and week (resolves once the background keeps it). */
  hideCard?(site: string, week: string): unknown;
  /** The background said settings (or the loop's lines) changed: ask again. Returns unwatch. */
  watchChanges(onChange: () => void): () => void;
  /** Are this page's runs the runner's own (captured history)? Default: yes. */
  own?(part: PagePart, doc: Document): boolean;
  /** The runner's local date ("YYYY-MM-DD") and wall clock ("YYYY-MM-DDTHH:mm"). */
  localNow(): { today: string; now: string };
  /** Cleanup for when the script is invalidated (extension reloaded, updated or removed). */
  onInvalidated(cb: () => void): void;
  /**
   * False once the extension was reloaded, updated or removed (orphaned script). Checked before
   * every pass: the next mutation, input or route change after that removes every badge.
   */
  isValid?(): boolean;
  /** SPA route changes. */
  onLocationChange(cb: () => void): void;
  /** Resolves when the first pass may run (the page has loaded and hydrated). */
  ready?: () => Promise<void>;
  /** The extension's version, for the page report. */
  version?: string;
  /** How long a log page may take to show its weeks before its runs are read for the card, ms (default 2500). */
  fallbackDelayMs?: number;
  /** Tests and benchmarks: after each pass. */
  onPass?(info: PassInfo): void;
  sliceBudgetMs?: number;
  idleMs?: number;
  /** While the page re-renders in a burst, at most one pass per this long at first (ms; default 0: none). */
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
function createPlacer(kit: BadgeKit) {
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

  /** Fill a badge unless it already shows this view. True when (re)rendered. */
  function render(host: HTMLElement, view: BadgeView): boolean {
    const signature = jsonOf(view);
    if (signatures.get(host) === signature) return false;
    kit.render(host, view, () => view);
    signatures.set(host, signature);
    return true;
  }

  /**
   * Create, re-key or refresh the badge of one anchor, without inserting it: a new or moved badge
   * is returned for `insertAll`, so a whole pass costs the page one style and layout, not one per slice.
   */
  function place(anchor: BadgeAnchor, view: BadgeView | null, info: PassInfo): HTMLElement | null {
    if (!view) {
      // No summary for this week: no badge rather than a wrong one.
      drop(anchor.key);
      return null;
    }
    const host = adopt(anchor, hosts.get(anchor.key) ?? null) ?? kit.create(anchor.key);
    hosts.set(anchor.key, host);
    if (render(host, view)) info.rendered++;
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

export function startCore(deps: CoreDeps): CoreHandle {
  const { doc, win, clock } = deps;
  const { report, safe } = createGuard(deps.debug);
  const kit = createBadgeKit(doc);
  const placer = createPlacer(kit);
  let part: PagePart | null = null;
  let chosen = false;
  let generation = 0;
  /** Bumped by a change the background announced, or a card hidden: the same page is asked again. */
  let epoch = 0;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let last: { key: string; at: number; reply: PassReply } | null = null;
  let prepared = false;
  let watcher: Watcher | null = null;
  let unwatch: (() => void) | undefined;
  let card: FallbackCard | null = null;
  let cardBadge: HTMLElement | null = null;
  let cardTimer: number | undefined;
  let cardDue = Number.POSITIVE_INFINITY;

  /** A page of a built-in running log (not a user-added site's page, where any page matches). */
  const isLogPage = (current: PagePart) => current.site !== 'custom';

  function removeCard(): void {
    card?.remove();
    card = null;
    cardBadge = null;
  }

  function pageKindOf(current: PagePart): string {
    const kind = safe('pageKind', () => current.pageKind?.(deps.currentUrl()), undefined);
    return typeof kind === 'string' ? kind.slice(0, 80) : '';
  }

  /** deps.send, never throwing nor rejecting (null on failure: no badges rather than wrong ones). */
  const send = (request: PassRequest): Promise<PassReply | null> =>
    Promise.resolve(safe('send', () => deps.send(request), null))
      .then((reply) => (reply && Array.isArray(reply.views) ? reply : null))
      .catch((error: unknown) => (report('send', error), null));

  /** What the page shows now, and the key that is the same whenever the request would be. */
  function look(current: PagePart, anchors: BadgeAnchor[], read: boolean) {
    const { today, now } = deps.localNow();
    const facts = read ? safe('facts', () => current.facts(doc, today), null) : null;
    const weeks = anchors.map((a) => a.weekStart ?? null);
    const card = !anchors.length && isLogPage(current);
    return { key: `${epoch}|${today}|${now}|${read}|${card}|${facts?.key}|${weeks}`, today, now, facts, weeks, card };
  }

  /** Send what the page shows; the reply's reader state goes to the page half. True: it asks to be sent again. */
  async function post(current: PagePart, seen: ReturnType<typeof look>, read: boolean, prepare?: true) {
    const { facts, today } = seen;
    const reply = await send({
      type: PAGE_PASS,
      page: deps.page,
      adapter: current.id,
      site: current.site,
      pageKind: pageKindOf(current),
      own: safe('own', () => deps.own?.(current, doc) ?? true, true),
      weeks: seen.weeks,
      today,
      now: seen.now,
      read,
      card: seen.card,
      ...(facts && { facts: facts.data }),
      ...(prepare && { prepare }),
      selectors: selectorCounts(doc, current.selectors),
      version: deps.version ?? '',
    });
    const again = !!reply && !!facts && safe('accept', () => current.accept?.(reply.state, facts, today), false) === true;
    return { reply, again };
  }

  /**
   * Ask the background (or reuse its last answer while nothing changed). When the reader lacked
   * something the facts left out as already sent (a restarted background), ask once more at once.
   */
  async function ask(current: PagePart, anchors: BadgeAnchor[], read: boolean): Promise<PassReply | null> {
    let reply: PassReply | null = null;
    for (let round = 0; round < 2; round++) {
      const seen = look(current, anchors, read);
      const retry = last?.reply.retry === true && clock.now() - last.at >= READ_RETRY_MS;
      if (last?.key === seen.key && !retry) return last.reply;
      const sent = await post(current, seen, read);
      reply = sent.reply;
      last = reply && !sent.again ? { key: seen.key, at: clock.now(), reply } : null;
      if (!sent.again) break;
    }
    return reply;
  }

  /** The page half's head start on a page whose weeks are not on screen yet (once per route). */
  function prepare(current: PagePart): void {
    if (prepared || !current.prepares) return;
    prepared = true;
    const seen = look(current, [], true);
    if (seen.facts) void post(current, seen, true, true);
  }

  /** The fallback card with this week's words, or none. */
  function showCard(reply: PassReply | null): void {
    const wanted = reply?.card;
    if (!wanted?.view) return removeCard();
    card ??= createFallbackCard(doc, {
      title: wanted.title,
      onDismiss: () => {
        removeCard();
        // Asked again once the background keeps it hidden: the answer then has no card.
        void Promise.resolve(safe('hideCard', () => deps.hideCard?.(wanted.site, wanted.week), undefined))
          .catch(() => undefined)
          .then(() => {
            epoch++;
            void pass();
          });
      },
    });
    cardBadge ??= kit.create('card');
    placer.render(cardBadge, wanted.view);
    card.show(cardBadge, wanted.title);
  }

  /** Badges for every anchor, in slices; false when the pass was overtaken. */
  async function badgeAll(anchors: BadgeAnchor[], views: readonly (BadgeView | null)[], gen: number, info: PassInfo): Promise<boolean> {
    const pending: [BadgeAnchor, HTMLElement][] = [];
    await runSliced(
      anchors.map((anchor, i) => [anchor, views[i] ?? null] as const),
      ([anchor, view]) => {
        const host = safe('badge', () => placer.place(anchor, view, info), null);
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

  async function passWith(current: PagePart, gen: number, info: PassInfo): Promise<void> {
    const found = safe('observeRoot', () => current.observeRoot?.(doc), null);
    const root = found?.isConnected ? found : (doc.body ?? doc.documentElement);
    if (watcher && watcher.root !== root) watcher.observe(root);

    const find = () => usableAnchors(safe('findAnchors', () => current.findAnchors(doc), []));
    let anchors = find();
    if (!anchors.length) prepare(current);
    // A user-added site's page always reads: the background finds its weeks (lib/sites/generic-page).
    const read = anchors.length > 0 || !isLogPage(current) || fallbackDue();
    let reply: PassReply | null = null;
    // The page may change while the background answers, and a read may change what the page half
    // offers (a user-added site's weeks covered by its dated rows): ask again for what it shows now.
    for (let round = 0; round < 3; round++) {
      const before = last;
      reply = await ask(current, anchors, read);
      if (stopped || gen !== generation) return;
      if (reply === before?.reply && anchors.every((a) => a.element.isConnected)) break;
      const now = find();
      if (`${now.map((a) => a.key)}` === `${anchors.map((a) => a.key)}` && now.every((a, i) => a.element === anchors[i]!.element)) break;
      anchors = now;
    }
    if (reply?.off) {
      // Switched off: nothing here until the background says settings changed.
      removeAll();
      watcher?.pause();
      return;
    }
    info.anchors = anchors.length;
    if (anchors.length && !(await badgeAll(anchors, reply?.views ?? [], gen, info))) return;
    placer.pruneExcept(anchors);
    showCard(anchors.length ? null : reply);
  }

  async function passOnce(): Promise<void> {
    const gen = generation;
    const current = part;
    const info: PassInfo = { adapter: current?.id ?? null, anchors: 0, badges: 0, rendered: 0, slices: [], card: false };
    if (!current) {
      // Nothing for us on this page: no badges, no observer.
      removeAll();
      watcher?.pause();
    } else {
      await passWith(current, gen, info);
      if (stopped || gen !== generation) return;
    }
    info.badges = placer.hosts.size;
    info.card = card !== null;
    safe('onPass', () => deps.onPass?.(info), undefined);
  }

  function removeAll(): void {
    placer.removeAll();
    removeCard();
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

  /** The page half for the current URL; a new one starts from a clean page. */
  function choose(): void {
    const url = deps.currentUrl();
    const next = deps.parts.find((p) => safe('matches', () => p.matches(url) === true, false)) ?? null;
    if (next !== part || !chosen) {
      chosen = true;
      removeAll();
      prepared = false;
      part = next;
      if (!next) safe('clear', () => deps.clear?.(), undefined);
    }
    // A new route: ask again, even if the page reads the same.
    last = null;
    win.clearTimeout(cardTimer);
    cardTimer = undefined;
    cardDue = clock.now() + (deps.fallbackDelayMs ?? 2500);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    generation++;
    win.clearTimeout(cardTimer);
    watcher?.stop();
    removeAll();
    safe('unwatch', () => unwatch?.(), undefined);
  }

  function onRoute(): void {
    if (stopped) return;
    generation++;
    prepared = false;
    choose();
    // After the task that changed the route: an SPA renders the new page right after pushState.
    clock.yieldTask(() => void pass());
  }

  async function start(): Promise<void> {
    unwatch = deps.watchChanges(() => {
      if (stopped) return;
      epoch++;
      void pass();
    });
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
  }

  // Badges and cards left by a previous copy of this script (the extension was reloaded) are not ours.
  safe('cleanup', () => doc.querySelectorAll(`[${KEY_ATTR}],[${CARD_ATTR}]`).forEach((node) => node.remove()), undefined);
  deps.onInvalidated(stop);
  const started = start().catch((error) => report('start', error));

  const shown = () => card?.host.isConnected === true;
  return { started, refresh: pass, stop, kit, card: () => (shown() ? card!.host : null), cardBadge: () => (shown() ? cardBadge : null) };
}
