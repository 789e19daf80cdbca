import { browser, defineBackground } from '#imports';
import { startContentChannel } from '@/lib/background/content-channel';
import { startHistoryRecorder } from '@/lib/history/background';
import { startCustomSiteSync } from '@/lib/permissions/background';

export default defineBackground(() => {
  // Opening the options page the first time helps the runner set units and thresholds.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // Sites the runner added: content script registered for those both added and granted.
  startCustomSiteSync();
  // Runs the badges read (sent by the content script), kept in storage.local for the popup.
  startHistoryRecorder();
  // storage.local closed to content scripts; they get settings (and send runs) by message only.
  startContentChannel();
});
