// One MutationObserver on the smallest stable container, batched, throttled while the page
// re-renders in a burst, and asleep when the page is idle.
//
// Running-log pages change after something happens: a scroll loads older weeks, a click swaps a
// chart's totals, a route change re-renders. So the observer runs while the page is active and
// disconnects after `idleMs` without relevant mutations or input; the next input, scroll or
// visibility change reconnects it and triggers one catch-up pass (route changes call observe()).
//
// A page that re-renders its rows again and again (an animation, a list redrawn on every scroll
// step) would pay for a pass, and for laying out every re-inserted badge, after each of its
// renders. With `burstMs`, once the page has changed twice in a row within that long of each
// other (a burst), a change waits for the end of a window that doubles while the burst goes on
// (burstMs, twice that, up to four times: a page that never settles pays for one layout of the
// badges a second), and the first change after a quiet spell (a page showing its rows) is
// still handled at once. Measured by `npm run bench content` (the re-render ratio).
import type { Clock } from './schedule';

export interface WatcherOptions {
  clock: Clock;
  win: Window & typeof globalThis;
  /** Our own nodes (badges): mutations made only of these are ignored. */
  isOurs(node: Node): boolean;
  /** Called once per burst of relevant mutations (and after a wake-up), in a later task. */
  onChange(): void;
  /** Disconnect after this long without relevant mutations or input (ms, default 10 s). */
  idleMs?: number;
  /**
   * In a burst of page renders, at most one call per this long at first, then twice and four
   * times that while the burst goes on (ms; default 0: every batch at once).
   */
  burstMs?: number;
  /** Called on every input event (cheap checks only: e.g. is the extension still there). */
  onInput?(): void;
}

export interface Watcher {
  /** Observe `root` (replacing any previous root). */
  observe(root: Node): void;
  /** Stop observing until the next observe() (the page has nothing for us any more). */
  pause(): void;
  /** Stop for good (invalidation). */
  stop(): void;
  readonly connected: boolean;
  readonly root: Node | null;
}

const WAKE_EVENTS = ['pointerdown', 'keydown', 'wheel', 'scroll', 'touchstart', 'visibilitychange'];
/**
 * Attributes whose change counts: a row or cell re-used for another week (its timestamp or date
 * attributes rewritten in place), a chart bar selected (class).
 */
const ATTRIBUTES = [
  'class',
  'id',
  'data-timestamp',
  'data-date',
  'data-day',
  'data-week',
  'data-week-start',
  'data-start-date',
  'datetime',
];

export function createWatcher({ clock, win, isOurs, onChange, idleMs = 10_000, burstMs = 0, onInput }: WatcherOptions): Watcher {
  const setTimer = win.setTimeout.bind(win) as (fn: () => void, ms: number) => number;
  const clearTimer = win.clearTimeout.bind(win);
  const microtask = win.queueMicrotask.bind(win);
  let root: Node | null = null;
  let connected = false;
  let stopped = false;
  let queued = false;
  let idleTimer: number | undefined;
  let lastCall = Number.NEGATIVE_INFINITY;
  /** When the page last changed (a relevant mutation). */
  let lastChange = Number.NEGATIVE_INFINITY;
  /** Calls in a row without a quiet spell of `burstMs` between them. */
  let quick = 0;
  /** The wait after the last call before the next one (0: at once). */
  let gap = 0;

  const theirs = (nodes: NodeList) => [...nodes].some((node) => !isOurs(node));
  const observer = new win.MutationObserver((records) => {
    try {
      if (records.some((r) => !isOurs(r.target) && (r.type === 'attributes' || theirs(r.addedNodes) || theirs(r.removedNodes)))) queue();
    } catch {
      // never into the page's console
    }
  });

  /** (Re)start the countdown to sleep. */
  function sleepLater(): void {
    clearTimer(idleTimer);
    idleTimer = setTimer(() => {
      observer.disconnect();
      connected = false;
    }, idleMs);
  }

  function queue(): void {
    sleepLater();
    const changed = clock.now();
    // A quiet spell (no change for burstMs) ends a burst: the next change is handled at once.
    if (changed - Math.max(lastChange, lastCall) >= burstMs) quick = gap = 0;
    lastChange = changed;
    if (queued || stopped) return;
    queued = true;
    const call = () => {
      queued = false;
      if (stopped) return;
      const now = clock.now();
      quick = now - lastCall < gap + burstMs ? quick + 1 : 0;
      gap = quick >= 1 ? burstMs * 2 ** Math.min(quick - 1, 2) : 0;
      lastCall = now;
      onChange();
    };
    const wait = gap > 0 ? lastCall + gap - clock.now() : 0;
    // A microtask: the pass starts before the browser renders the page's change, so a re-rendered
    // row and its badge are laid out together (the pass's own slices still yield between them).
    // Within a burst, the end of the window instead: the page's later renders pay nothing.
    if (wait > 0) setTimer(call, wait);
    else microtask(call);
  }

  function connect(): void {
    if (stopped || !root) return;
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES });
    // The container itself may be swapped out (a re-mounted app, a new <body>): watch the children
    // of its parent and of <html> too, so a pass re-finds the container at once.
    for (const holder of new Set([root.parentNode, win.document.documentElement])) {
      if (holder && holder !== root) observer.observe(holder, { childList: true });
    }
    connected = true;
  }

  const wake = () => {
    onInput?.();
    if (stopped || connected || !root || win.document.visibilityState === 'hidden') return;
    connect();
    // Something may have changed while asleep: one catch-up pass.
    queue();
  };
  for (const type of WAKE_EVENTS) win.addEventListener(type, wake, { capture: true, passive: true });

  return {
    observe(next) {
      if (stopped || (next === root && connected)) return;
      observer.disconnect();
      root = next;
      connect();
      sleepLater();
    },
    pause() {
      clearTimer(idleTimer);
      observer.disconnect();
      connected = false;
      root = null;
    },
    stop() {
      stopped = true;
      clearTimer(idleTimer);
      observer.disconnect();
      connected = false;
      root = null;
      for (const type of WAKE_EVENTS) win.removeEventListener(type, wake, { capture: true });
    },
    get connected() {
      return connected;
    },
    get root() {
      return root;
    },
  };
}
