// The content script's line to settings and captured history (lib/content/settings-channel) and
// the background's side of it (lib/background/content-channel): content scripts never read
// storage.local; every answer is validated on both sides.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  answerBadgeViews,
  answerGetSettings,
  rememberHiddenCard,
  restrictStorageToTrustedContexts,
} from '../../../lib/background/content-channel';
import { badgeViewsFrom } from '../../../lib/badge/view';
import { BADGE_VIEWS, sanitizeViews } from '../../../lib/content/views';
import {
  GET_SETTINGS,
  HIDE_CARD,
  SETTINGS_CHANGED,
  openSettingsChannel,
  sanitizeLoop,
  settingsOf,
  type RuntimeLike,
} from '../../../lib/content/settings-channel';
import { addCheckIn, updateDiary } from '../../../lib/diary';
import { localDay } from '../../../lib/history/validate';
import { RECORD_RUNS } from '../../../lib/content/messages';
import { forgetRuns, recordRuns } from '../../../lib/history';
import { defaultSettings, saveSettings } from '../../../lib/settings';

beforeEach(() => fakeBrowser.reset());

/** A runtime whose background answers with `answer`, recording what was sent. */
function fakeRuntime(answer: (message: unknown) => unknown) {
  const sent: unknown[] = [];
  const listeners = new Set<(message: unknown) => void>();
  const runtime: RuntimeLike = {
    sendMessage: async (message) => {
      sent.push(message);
      return answer(message);
    },
    onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { runtime, sent, push: (message: unknown) => listeners.forEach((l) => l(message)), listeners };
}

describe('content side', () => {
  it('loads settings from the background, checked, and keeps the forget count of page start', async () => {
    let forgets = 4;
    const { runtime, sent } = fakeRuntime(() => ({ settings: { ...defaultSettings(), units: 'mi' }, forgets }));
    const channel = openSettingsChannel(runtime, () => new Date(2026, 1, 20, 23, 30));
    expect(await channel.load()).toEqual({ ...defaultSettings(), units: 'mi' });
    forgets = 5; // the runner forgets while this page is open
    await channel.load();
    channel.recordRuns('strava', [{ start: '2026-02-20T07:00:00', km: 5 }]);
    expect(sent.at(-1)).toEqual({
      type: RECORD_RUNS,
      site: 'strava',
      runs: [{ start: '2026-02-20T07:00:00', km: 5 }],
      today: '2026-02-20',
      forgets: 4,
    });
    expect(sent[0]).toEqual({ type: GET_SETTINGS });
  });

  it('uses no settings the fields it reads do not fit (sanitized by the background, not here)', () => {
    const good = defaultSettings();
    expect(settingsOf(good)).toBe(good);
    for (const bad of [
      null,
      'junk',
      [],
      { ...good, sites: null },
      { ...good, customSites: 'https://log.example' },
      { ...good, customSites: [1] },
      { ...good, weekStartsOn: 'friday' },
      { ...good, fallbackCard: 'yes' },
    ])
      expect(settingsOf(bad)).toBeNull();
  });

  it('has no settings when the background does not answer (no badges), and then sends runs without a forget count (refused)', async () => {
    const { runtime, sent } = fakeRuntime(() => {
      throw new Error('Could not establish connection');
    });
    const channel = openSettingsChannel(runtime);
    expect(await channel.load()).toBeNull();
    channel.recordRuns('strava', []);
    expect(sent.at(-1)).not.toHaveProperty('forgets');
  });

  it('follows pushed changes, checked, ignores other messages, and stops when asked', async () => {
    const { runtime, push, listeners } = fakeRuntime(() => undefined);
    const seen: unknown[] = [];
    const stop = openSettingsChannel(runtime).watch((s) => seen.push(s.units));
    push({ type: SETTINGS_CHANGED, settings: { ...defaultSettings(), units: 'mi' } });
    push({ type: SETTINGS_CHANGED, settings: 'junk' });
    push({ type: 'other', settings: { ...defaultSettings(), units: 'km' } });
    push(null);
    push({ type: SETTINGS_CHANGED, settings: defaultSettings() });
    expect(seen).toEqual(['mi', 'km']);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('background side', () => {
  const OWN = 'own-id';
  const tab = { id: 3 };

  it('answers our content scripts only, with sanitized settings and the forget count', async () => {
    await saveSettings({ ...defaultSettings(), units: 'mi', customSites: ['https://log.example'] });
    await recordRuns('strava', [{ start: '2026-02-10T07:00:00', km: 5, id: '1' }]);
    await forgetRuns('strava');
    const answer = await answerGetSettings({ type: GET_SETTINGS }, { id: OWN, tab, url: 'https://www.strava.com/' }, OWN);
    expect(answer).toEqual({
      settings: { ...defaultSettings(), units: 'mi', customSites: ['https://log.example'] },
      forgets: 1,
      cardHidden: {},
      loop: [],
    });
    expect(await answerGetSettings({ type: GET_SETTINGS }, { id: 'other', tab }, OWN)).toBeNull();
    expect(await answerGetSettings({ type: GET_SETTINGS }, { id: OWN }, OWN)).toBeNull();
    expect(await answerGetSettings({ type: 'other' }, { id: OWN, tab }, OWN)).toBeNull();
  });

  it('remembers where the runner hid the fallback card, validated, from our content scripts only', async () => {
    const from = { id: OWN, tab, url: 'https://intervals.icu/' };
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'intervals', week: '2026-02-09' }, from, OWN)).toBe(true);
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'strava', week: 'next week' }, from, OWN)).toBe(false);
    expect(await rememberHiddenCard({ type: HIDE_CARD, site: 'strava', week: '2026-02-09' }, { id: 'other', tab }, OWN)).toBe(false);
    const answer = await answerGetSettings({ type: GET_SETTINGS }, from, OWN);
    expect(answer?.cardHidden).toEqual({ intervals: '2026-02-09' });
  });

  it("makes the badges' words from a page's runs with its settings, sanitized, for our content scripts only", () => {
    const runs = [
      { start: '2026-02-10T07:00:00', km: 10 },
      { start: '2026-02-17T07:00:00', km: 16 },
    ];
    const settings = { ...defaultSettings(), units: 'mi' as const };
    const request = {
      type: BADGE_VIEWS,
      runs,
      firstDays: ['2026-02-16', '2026-02-09'],
      today: '2026-02-20',
      now: '2026-02-20T12:00',
      settings: { ...settings, spikePct: 'lots' },
    };
    const from = { id: OWN, tab, url: 'https://www.strava.com/' };
    const answer = answerBadgeViews(request, from, OWN);
    expect(answer).toEqual(badgeViewsFrom(runs, request.firstDays, settings, '2026-02-20', { now: '2026-02-20T12:00' }));
    expect(answer?.[0]?.text).toMatch(/mi/);
    // What the content script keeps of it: the same, field by field.
    expect(sanitizeViews(structuredClone(answer), 2)).toEqual(answer);
    expect(answerBadgeViews(request, { id: 'other', tab }, OWN)).toBeNull();
    expect(answerBadgeViews(request, { id: OWN }, OWN)).toBeNull();
    expect(answerBadgeViews({ ...request, firstDays: ['next week'] }, from, OWN)).toBeNull();
    expect(answerBadgeViews({ ...request, runs: 'all' }, from, OWN)).toBeNull();
    expect(answerBadgeViews({ ...request, today: 1 }, from, OWN)).toBeNull();
  });

  it("keeps only well-formed words from the background's answer: no badge rather than a wrong one", () => {
    const view = { level: 'ok', label: 'Load OK', text: '10 km', ariaLabel: 'a', title: 't', lines: ['x'], evidence: 'e', cta: 'c' };
    expect(sanitizeViews([view, null], 2)).toEqual([view, null]);
    expect(sanitizeViews([view], 2)).toEqual([null, null]);
    expect(sanitizeViews('views', 1)).toEqual([null]);
    expect(sanitizeViews([{ ...view, level: 'fine' }], 1)).toEqual([null]);
    expect(sanitizeViews([{ ...view, lines: [1] }], 1)).toEqual([null]);
    expect(sanitizeViews([{ ...view, text: 'x'.repeat(601) }], 1)).toEqual([null]);
    expect(sanitizeViews([{ ...view, extra: '<b>' }], 1)).toEqual([view]);
  });

  it('closes storage.local to content scripts where the browser can (Chrome), says so where it cannot (Firefox)', async () => {
    const calls: unknown[] = [];
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: async (o) => void calls.push(o) })).toBe('trusted-only');
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    expect(await restrictStorageToTrustedContexts({})).toBe('unsupported');
    expect(await restrictStorageToTrustedContexts({ setAccessLevel: () => Promise.reject(new Error('no')) })).toBe('failed');
  });
});

describe('background wiring (startContentChannel)', () => {
  it('closes storage at start, answers get-settings, and pushes every settings change to the tabs', async () => {
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
    expect(pushed[0]![1]).toEqual({ type: SETTINGS_CHANGED, settings: { ...defaultSettings(), units: 'mi' }, loop: [] });
  });
});

describe('the loop lines for the badges', () => {
  const OWN = 'own-id';
  const from = { id: OWN, tab: { id: 3 }, url: 'https://www.strava.com/' };
  const day = (offset: number) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return localDay(d);
  };

  it("come with the settings answer, in the runner's units, lowered after a red check-in", async () => {
    await recordRuns('strava', [
      { start: `${day(-20)}T08:00:00`, km: 11.5, id: '1' },
      { start: `${day(-10)}T08:00:00`, km: 8, id: '3' },
      { start: `${day(-2)}T08:00:00`, km: 6, id: '2' },
    ]);
    let answer = await answerGetSettings({ type: GET_SETTINGS }, from, OWN);
    expect(answer?.loop).toEqual([
      'Keep your next run under 12.6 km. Your longest run of the last 30 days was 11.5 km; up to 10 % more is your own limit for one run.',
    ]);
    await updateDiary((d) => addCheckIn(d, { date: day(-2), painDuring: 7, runStart: `${day(-2)}T08:00:00`, km: 6 }));
    await saveSettings({ ...defaultSettings(), units: 'mi' });
    answer = await answerGetSettings({ type: GET_SETTINGS }, from, OWN);
    expect(answer?.loop).toEqual(['Keep your next run under 2.4 mi. After a red check-in: a third shorter than the run that hurt.']);
  });

  it('are pushed to the tabs when they change, and only then', async () => {
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
    expect(pushed[1]).toMatchObject({ type: SETTINGS_CHANGED, loop: [expect.stringContaining('under 13.2 km')] });
  });

  it('reach the content side validated: strings only, at most four, never the raw diary', async () => {
    const lines = ['Keep your next run under 12.6 km.'];
    const { runtime, push } = fakeRuntime(() => ({ settings: defaultSettings(), forgets: 0, loop: [...lines, 5, 'x'.repeat(401)] }));
    const channel = openSettingsChannel(runtime);
    await channel.load();
    expect(channel.loop()).toEqual(lines);
    const seen: string[][] = [];
    channel.watch(() => seen.push(channel.loop()));
    push({ type: SETTINGS_CHANGED, settings: defaultSettings(), loop: ['a', 'b', 'c', 'd', 'e'] });
    push({ type: SETTINGS_CHANGED, settings: defaultSettings(), loop: { checkIns: [] } });
    expect(seen).toEqual([['a', 'b', 'c', 'd'], []]);
    expect(sanitizeLoop('Keep it short')).toEqual([]);
  });
});
