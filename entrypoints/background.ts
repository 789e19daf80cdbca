import { browser, defineBackground } from '#imports';

export default defineBackground(() => {
  // Opening the options page the first time helps the runner set units and thresholds.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
