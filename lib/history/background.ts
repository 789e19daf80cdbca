// Background side of captured history: the content script sends the runs a page carried
// (lib/content/messages.ts); the background checks that the message came from this extension's
// own content script on a page of the site it names, then records (lib/history validates each
// run again). Nothing is sent anywhere: this only writes this browser's storage.local.
import { browser } from '#imports';
import { isRecordRunsMessage, RECORD_RUNS } from '../content/messages';
import { sanitizeSettings } from '../settings/defaults';
import { BUILT_IN_SITES, builtInOrigin } from '../sites/builtin';
import { settingsItem } from '../settings/storage';
import { recordRuns, type RecordResult } from './index';

/**
 * May a page at `senderUrl` record runs under `site`? A built-in site only from its own origin; a
 * user-added site (its origin as the id) only from that origin, and only while it is in the
 * runner's added sites. Pure.
 */
export function siteMatchesSender(site: string, senderUrl: string | undefined, customSites: readonly string[]): boolean {
  if (typeof senderUrl !== 'string') return false;
  let origin: string;
  try {
    origin = new URL(senderUrl).origin;
  } catch {
    return false;
  }
  const builtIn = BUILT_IN_SITES.find((s) => s.id === site);
  if (builtIn) return builtInOrigin(builtIn) === origin;
  return site === origin && customSites.includes(origin);
}

interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Handle one message; null when it is not ours or not allowed. Exported for tests. */
export async function handleRecordRunsMessage(
  message: unknown,
  sender: SenderLike,
  ownId: string,
): Promise<RecordResult | null> {
  if (!isRecordRunsMessage(message)) return null;
  // Our own content script in a tab: not another extension, not an extension page.
  if (sender.id !== ownId || !sender.tab) return null;
  const customSites = sanitizeSettings(await settingsItem.getValue()).customSites;
  if (!siteMatchesSender(message.site, sender.url, customSites)) return null;
  return recordRuns(message.site, message.runs);
}

/** Listen for captured runs (call synchronously at the top of the background). */
export function startHistoryRecorder(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    if ((message as { type?: unknown } | null)?.type !== RECORD_RUNS) return undefined;
    // Answer with the outcome once recorded (the content script ignores it; tests read it).
    // sendResponse + `true` works in Chrome and Firefox alike.
    void handleRecordRunsMessage(message, sender as SenderLike, browser.runtime.id)
      .catch(() => null)
      .then((result) => sendResponse(result));
    return true;
  });
}
