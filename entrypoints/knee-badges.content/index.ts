import { defineContentScript } from '#imports';

export default defineContentScript({
  matches: ['https://www.strava.com/*'],
  runAt: 'document_idle',
  main() {},
});
