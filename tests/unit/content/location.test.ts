// Route changes are watched in the content script's own world (not through WXT's context, which a
// page can invalidate with a forged event): any event only makes it compare the URL, so a forged
// "navigate" or "popstate" does nothing, and nothing runs once the script has stopped.
import { describe, expect, it } from 'vitest';
import { watchLocation } from '../../../lib/content/start';

function fakeWindow(withNavigation: boolean) {
  const listeners = new Map<string, (() => void)[]>();
  const timers: (() => void)[] = [];
  const intervals: (() => void)[] = [];
  const navigation = new EventTarget();
  const win = {
    location: { href: 'https://www.strava.com/athletes/1/training/log' },
    addEventListener: (type: string, fn: () => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    setTimeout: (fn: () => void) => (timers.push(fn), timers.length),
    setInterval: (fn: () => void) => (intervals.push(fn), intervals.length),
    clearInterval: () => intervals.splice(0),
    ...(withNavigation ? { navigation } : {}),
  };
  return {
    win: win as unknown as Window & typeof globalThis,
    fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    navigate: () => navigation.dispatchEvent(new Event('navigate')),
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
    tick: () => intervals.forEach((fn) => fn()),
    go: (href: string) => (win.location.href = href),
  };
}

describe('watchLocation', () => {
  it('Navigation API: a forged "navigate" without a URL change does nothing; a real change is seen once', () => {
    const w = fakeWindow(true);
    let changes = 0;
    watchLocation(
      w.win,
      () => changes++,
      () => false,
    );
    w.navigate();
    w.runTimers();
    expect(changes).toBe(0);
    w.go('https://www.strava.com/athletes/1/training/log?before=2026-01-01');
    w.navigate();
    w.runTimers();
    w.navigate();
    w.runTimers();
    expect(changes).toBe(1);
  });
  it('without it: popstate and a slow poll; a forged popstate does nothing; stopped, nothing runs', () => {
    const w = fakeWindow(false);
    let changes = 0;
    let stopped = false;
    watchLocation(
      w.win,
      () => changes++,
      () => stopped,
    );
    w.fire('popstate');
    w.tick();
    expect(changes).toBe(0);
    w.go('https://www.strava.com/dashboard');
    w.tick();
    expect(changes).toBe(1);
    stopped = true;
    w.go('https://www.strava.com/athletes/1');
    w.fire('popstate');
    w.tick();
    expect(changes).toBe(1);
  });
});
