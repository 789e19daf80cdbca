import { browser, defineBackground } from '#imports';
import { DEFAULT_TITLE, toolbarBadge } from '@/lib/badge/toolbar';
import { startPageStatus } from '@/lib/content/page-status-background';
import { loadHistory } from '@/lib/history';
import { startHistoryRecorder } from '@/lib/history/background';
import { startCustomSiteSync } from '@/lib/permissions/background';
import { sanitizeSettings } from '@/lib/settings/defaults';

const pad = (n: number) => String(n).padStart(2, '0');

/** The toolbar icon's badge: this week's load from the captured runs; nothing without runs. */
async function updateToolbarBadge(): Promise<void> {
  const d = new Date();
  const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const now = `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const [runs, stored] = await Promise.all([loadHistory(), browser.storage.local.get('settings')]);
  const badge = toolbarBadge(runs, sanitizeSettings(stored.settings), today, now);
  await browser.action.setBadgeText({ text: badge?.text ?? '' });
  await browser.action.setTitle({ title: badge?.title ?? DEFAULT_TITLE });
  if (badge) await browser.action.setBadgeBackgroundColor({ color: badge.color });
}

export default defineBackground(() => {
  const refreshBadge = () => void updateToolbarBadge().catch(() => undefined);
  // Opening the options page the first time helps the runner set units and thresholds.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // Sites the runner added: content script registered for those both added and granted.
  startCustomSiteSync();
  // Runs the badges read (sent by the content script), kept in storage.local for the popup.
  startHistoryRecorder();
  // What each tab's content script found, for the popup (storage.session); a page that reports
  // in may mean a new day: the toolbar badge is refreshed then too.
  startPageStatus(refreshBadge);
  // Runs captured or settings changed: the toolbar badge follows.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('captured-runs' in changes || 'settings' in changes)) refreshBadge();
  });
  refreshBadge();
});
