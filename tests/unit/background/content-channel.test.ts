// The background's side of the content scripts (lib/background/content-channel, loop-lines):
// storage.local closed to them, the fallback card's "hidden for this week" kept from our own
// content scripts only, and every tab told to ask again when the settings or the loop's lines
// change (the lines themselves go with each page's badges: lib/background/page-service).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CARD_HIDDEN_KEY,
  rememberHiddenCard,
  restrictStorageToTrustedContexts,
  sanitizeCardHidden,
} from '../../../lib/background/content-channel';
import { loopLinesNow } from '../../../lib/background/loop-lines';
import { HIDE_CARD, SETTINGS_CHANGED } from '../../../lib/content/pass';
import { addCheckIn, updateDiary } from '../../../lib/diary';
import { localDay } from '../../../lib/history/validate';
import { recordRuns } from '../../../lib/history';
import { defaultSettings, saveSettings } from '../../../lib/settings';
import { localStore } from '../../../lib/storage/local-store';

beforeEach(() => fakeBrowser.reset());

describe('the fallback card hidden for a week', () => {
  const OWN = 'own-id';
  const tab = { id: 3 };

  it('is kept, validated, from our content scripts only', async () => {
    const from = { id: OWN, tab, url: 'https://intervals.icu/' };
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'intervals', week: '2026-02-09' }, from, OWN)).toBe(true);
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'strava', week: 'next week' }, from, OWN)).toBe(false);
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'strava', week: '2026-02-09' }, { id: 'other', tab }, OWN)).toBe(false);
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'strava', week: '2026-02-09' }, { id: OWN }, OWN)).toBe(false);
    const stored = (await localStore.get(CARD_HIDDEN_KEY))[CARD_HIDDEN_KEY];
    expect(sanitizeCardHidden(stored)).toEqual({ intervals: '2026-02-09' });
  });

  it('reads back only well-formed entries', () => {
    expect(sanitizeCardHidden({ strava: '2026-02-09', garmin: 'soon', ['x'.repeat(201)]: '2026-02-09' })).toEqual({ strava: '2026-02-09' });
    expect(sanitizeCardHidden(['2026-02-09'])).toEqual({});
    expect(sanitizeCardHidden(null)).toEqual({});
  });
});

describe('storage closed to content scripts', () => {
  it('where the browser can (Chrome), and says so where it cannot (Firefox)', async () => {
    const calls: unknown[] = [];
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: async (o) => void calls.push(o) })).toBe('trusted-only');
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    expect(await restrictStorageToTrustedContexts({})).toBe('unsupported');
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: () => Promise.reject(new Error('no')) })).toBe('failed');
  });

  it('at start; and every settings change tells every tab to ask again', async () => {
    const { startContentChannel } = await import('../../../lib/background/content-channel');
    const access = vi.fn(async () => undefined);
    const pushed: [number, unknown][] = [];
    fakeBrowser.storage.local.setAccessLevel = access as never;
    fakeBrowser.tabs.query = (async () => [{ id: 7 }, { id: 9 }, {}]) as never;
    fakeBrowser.tabs.sendMessage = (async (id: number, message: unknown) => {
      pushed.push([id, message]);
      if (id === 9) throw new Error('Could not establish connection'); // a tab without our script
    }) as never;
    startContentChannel();
    expect(access).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    await saveSettings({ ...defaultSettings(), units: 'mi' });
    await vi.waitFor(() => expect(pushed.map(([id]) => id)).toEqual([7, 9]));
    // A signal only: the settings stay in the background.
    expect(pushed[0]![1]).toEqual({ type: SETTINGS_CHANGED });
  });
});

describe('the loop lines for the badges', () => {
  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return localDay(d);
  };

  it("are in the runner's units, and lowered after a red check-in", async () => {
    await recordRuns('strava', [
      { start: `${day(-20)}T08:00:00`, km: 11.5, id: '1' },
      { start: `${day(-10)}T08:00:00`, km: 8, id: '3' },
      { start: `${day(-2)}T08:00:00`, km: 6, id: '2' },
    ]);
    expect(await loopLinesNow()).toEqual([
      'Keep your next run under 12.6 km. Your longest run of the last 30 days was 11.5 km; up to 10 % more is your own limit for one run.',
    ]);
    await updateDiary((d) => addCheckIn(d, { date: day(-2), painDuring: 7, runStart: `${day(-2)}T08:00:00`, km: 6 }));
    await saveSettings({ ...defaultSettings(), units: 'mi' });
    expect(await loopLinesNow()).toEqual([
      'Keep your next run under 2.4 mi. After a red check-in: a third shorter than the run that hurt.',
    ]);
  });

  it('tell the tabs to ask again when they change, and only then', async () => {
    const { pushLoopLines } = await import('../../../lib/background/loop-lines');
    const pushed: unknown[] = [];
    fakeBrowser.tabs.query = (async () => [{ id: 7 }]) as never;
    fakeBrowser.tabs.sendMessage = (async (_id: number, message: unknown) => void pushed.push(message)) as never;
    await recordRuns('strava', [{ start: `${day(-3)}T08:00:00`, km: 10, id: '1' }]);
    await pushLoopLines();
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    await pushLoopLines(); // nothing new
    await recordRuns('strava', [{ start: `${day(-1)}T08:00:00`, km: 12, id: '2' }]);
    await pushLoopLines();
    await vi.waitFor(() => expect(pushed).toHaveLength(2));
    await pushLoopLines(true); // a settings change: always
    await vi.waitFor(() => expect(pushed).toHaveLength(3));
    expect(pushed).toEqual([{ type: SETTINGS_CHANGED }, { type: SETTINGS_CHANGED }, { type: SETTINGS_CHANGED }]);
  });
});
