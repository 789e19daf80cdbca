// The loop on the running-log badges (issue 13): the background reads the captured runs, the knee
// diary and the settings (storage.local is closed to content scripts), makes the few plain lines a
// badge's explanation carries (lib/loop/notes: the next-run ceiling, or the return-to-run level and
// today's session during an episode; back after a break; shoes past the reminder). They go with
// each page's badges (./page-service); every tab is told when they or the settings change, and
// asks again.
import { browser } from '#imports';
import { SETTINGS_CHANGED } from '../content/pass';
import { loadDiary } from '../diary/storage';
import { emptyDiary } from '../diary/schema';
import { loadHistory } from '../history';
import { localDay } from '../history/validate';
import { siteLinesFrom } from '../loop/notes';
import { sanitizeSettings } from '../settings/defaults';
import { settingsItem } from '../settings/storage';

const pad = (n: number) => String(n).padStart(2, '0');

/** The badges' loop lines now (never throws: none when something cannot be read). */
export async function loopLinesNow(date: Date = new Date()): Promise<string[]> {
  try {
    const today = localDay(date);
    const now = `${today}T${pad(date.getHours())}:${pad(date.getMinutes())}:00`;
    const [runs, raw, loaded] = await Promise.all([loadHistory(), settingsItem.getValue(), loadDiary().catch(() => null)]);
    return siteLinesFrom({ runs, diary: loaded?.diary ?? emptyDiary(), settings: sanitizeSettings(raw), today, now });
  } catch {
    return [];
  }
}

/** To every tab (a tab without our content script simply does not answer). */
export function broadcast(message: unknown): void {
  void browser.tabs
    .query({})
    .then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
    })
    .catch(() => undefined);
}

/**
 * storage.session (memory only, trusted contexts only): the lines last sent, so a service worker
 * that wakes up again does not push the same lines to every tab.
 */
export const LOOP_SENT_KEY = 'loop-lines-sent';

/**
 * Tell every tab to ask again: always after a settings change (`always`), otherwise only when the
 * lines changed (a captured run, a check-in, a new day), so a page does not ask for nothing.
 */
export async function pushLoopLines(always = false): Promise<void> {
  const loop = await loopLinesNow();
  const text = JSON.stringify(loop);
  const session = browser.storage.session;
  const sent = await session.get(LOOP_SENT_KEY).catch(() => ({}) as Record<string, unknown>);
  if (!always && sent[LOOP_SENT_KEY] === text) return;
  await session.set({ [LOOP_SENT_KEY]: text }).catch(() => undefined);
  broadcast({ type: SETTINGS_CHANGED });
}
