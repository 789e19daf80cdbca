import { browser, defineBackground } from '#imports';
import { startContentChannel } from '@/lib/background/content-channel';
import { startHistoryRecorder } from '@/lib/history/background';
import { startCustomSiteSync } from '@/lib/permissions/background';
import { startMorningReminder } from '@/lib/background/reminder';

export default defineBackground(() => {
  // First run: the welcome page says what Knee Check is and is not and sets units and week start.
  // Once, on install (reachable later from the options page).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // Sites the runner added: content script registered for those both added and granted.
  startCustomSiteSync();
  // Runs the badges read (sent by the content script), kept in storage.local for the popup.
  startHistoryRecorder();
  // storage.local closed to content scripts; they get settings (and send runs) by message only.
  startContentChannel();
  // The opt-in next-morning check-in reminder (alarm re-created at every start-up).
  startMorningReminder();
});
