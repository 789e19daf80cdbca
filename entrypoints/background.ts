import { browser, defineBackground } from '#imports';
import { startContentChannel } from '@/lib/background/content-channel';
import { pushLoopLines } from '@/lib/background/loop-lines';
import { startPageHost } from '@/lib/background/page-host';
import { startMorningReminder } from '@/lib/background/reminder';
import { DEFAULT_TITLE, toolbarBadge, withLoop, type ToolbarLoop } from '@/lib/badge/toolbar';
import { loadDiary } from '@/lib/diary/storage';
import { ceilingText, kneeToday } from '@/lib/loop/today';
import { formatNumber, toDisplay } from '@/lib/load/units';
import { startPageStatus } from '@/lib/content/page-status-background';
import { loadHistory } from '@/lib/history';
import { startHistoryRecorder } from '@/lib/history/background';
import { startCustomSiteSync } from '@/lib/permissions/background';
import { sanitizeSettings } from '@/lib/settings/defaults';
import { localStore } from '@/lib/storage/local-store';

const pad = (n: number) => String(n).padStart(2, '0');

/** The toolbar icon's badge: this week's load from the captured runs; nothing without runs. */
async function updateToolbarBadge(): Promise<void> {
  const d = new Date();
  const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const now = `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const [runs, stored, diary] = await Promise.all([loadHistory(), localStore.get('settings'), loadDiary().catch(() => null)]);
  const settings = sanitizeSettings(stored.settings);
  const loop: ToolbarLoop = {};
  if (diary) {
    // The knee diary joined in: the next-run ceiling (lowered after amber or red check-ins), or
    // the return-to-run level during an episode (lib/loop/today).
    const view = kneeToday({ runs, diary: diary.diary, settings, today, now: `${now}:00` });
    if (view.episode) loop.episode = { level: view.episode.session.level.level, line: view.episode.line };
    else if (view.ceiling.ceilingKm !== null) {
      const km = view.ceiling.ceilingKm;
      loop.ceiling = {
        text: ceilingText(km, settings.units),
        number: formatNumber(Math.floor(toDisplay(km, settings.units) * 10) / 10, undefined, 1),
      };
    }
  }
  const badge = withLoop(toolbarBadge(runs, settings, today, now), loop);
  await browser.action.setBadgeText({ text: badge?.text ?? '' });
  await browser.action.setTitle({ title: badge?.title ?? DEFAULT_TITLE });
  if (badge) await browser.action.setBadgeBackgroundColor({ color: badge.color });
}

export default defineBackground(() => {
  // The toolbar icon and the running-log badges' loop lines (sent only when they changed).
  const refreshBadge = () => {
    void updateToolbarBadge().catch(() => undefined);
    void pushLoopLines().catch(() => undefined);
  };
  // First run: the welcome page says what Knee Check is and is not and sets units and week start.
  // Once, on install (reachable later from the options page).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // Sites the runner added: content script registered for those both added and granted.
  startCustomSiteSync();
  // Runs the badges read (sent by the content script), kept in the store (lib/storage/local-store) for the popup.
  startHistoryRecorder();
  // Storage closed to content scripts (Chrome: storage.local's access level; Firefox: IndexedDB);
  // they get settings (and send runs) by message only.
  startContentChannel();
  // Each page's badges: its site's switch, its runs (the built-in sites' read here, the tab making
  // the same-origin calls), the badges' words, the fallback card, the page status and the history.
  startPageHost(refreshBadge);
  // The opt-in next-morning check-in reminder (alarm re-created at every start-up).
  startMorningReminder();
  // What each tab's content script found, for the popup (storage.session); a page that reports
  // in may mean a new day: the toolbar badge is refreshed then too.
  startPageStatus(refreshBadge);
  // Runs captured, the diary or settings changed: the toolbar badge and the site badges follow.
  localStore.onChanged((changes) => {
    if ('captured-runs' in changes || 'captured-runs-prefs' in changes || 'settings' in changes || 'knee-diary' in changes) refreshBadge();
  });
  refreshBadge();
});
