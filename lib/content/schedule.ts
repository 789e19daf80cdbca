// Work in slices: a long list of badges is processed a few at a time, each slice under a time
// budget (~4 ms), yielding to the page between slices so its own input and rendering go first.

export interface Clock {
  now(): number;
  /** Run `fn` in a new task, soon (not clamped like nested setTimeout). */
  yieldTask(fn: () => void): void;
}

/**
 * The timers of the content script's world, captured once at start: the code below never looks
 * them up again on a global a page could have replaced.
 */
export function captureClock(win: typeof globalThis = globalThis): Clock {
  const perf = win.performance;
  const now = perf && typeof perf.now === 'function' ? perf.now.bind(perf) : Date.now;
  const setTimer = win.setTimeout.bind(win);
  let yieldTask: (fn: () => void) => void = (fn) => void setTimer(fn, 0);
  if (typeof win.MessageChannel === 'function') {
    // A message task is not throttled to 4 ms after five nested timeouts, yet lets input and
    // rendering tasks run in between: the scheduler's own yield, where scheduler.yield is missing.
    const channel = new win.MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    yieldTask = (fn) => {
      queue.push(fn);
      channel.port2.postMessage(null);
    };
  }
  return { now, yieldTask };
}

export interface SliceOptions {
  clock: Clock;
  /** Per-slice budget in ms (default 4). */
  budgetMs?: number;
  /** Stop early (e.g. the script was invalidated or the page navigated). */
  cancelled?: () => boolean;
  /** Called with each slice's duration, for benchmarks and tests. */
  onSlice?: (ms: number) => void;
}

/**
 * Call `work` for every item, in order, in slices of at most `budgetMs` (an item is never split:
 * a slice ends after the item that crossed the budget). Resolves with the count done, once all
 * are done or `cancelled()` turned true. `work` must not throw (callers wrap their own errors).
 */
export function runSliced<T>(items: readonly T[], work: (item: T) => void, opts: SliceOptions): Promise<number> {
  const { clock, budgetMs = 4, cancelled = () => false, onSlice } = opts;
  let index = 0;
  return new Promise((resolve) => {
    const slice = () => {
      if (cancelled()) return resolve(index);
      const started = clock.now();
      let slowest = 0;
      while (index < items.length) {
        const before = clock.now();
        work(items[index]!);
        index++;
        const after = clock.now();
        slowest = Math.max(slowest, after - before);
        // Stop while the next item, if as slow as the slowest so far, would still fit.
        if (after - started + slowest >= budgetMs) break;
      }
      onSlice?.(clock.now() - started);
      if (index >= items.length || cancelled()) resolve(index);
      else clock.yieldTask(slice);
    };
    slice();
  });
}
