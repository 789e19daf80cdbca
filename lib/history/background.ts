// Background side of captured history: the content script sends the runs a page carried
// (lib/content/messages.ts); the background checks that the message came from this extension's
// own content script on a page of the site it names, then records (lib/history validates each
// run again, against the page's today and its own). Extension pages ask it to forget: records and
// forgets share one queue here, so a forget is final. Nothing is sent anywhere: this only writes
// this browser's storage.local.
import { browser } from '#imports';
import { isRecordRunsMessage, RECORD_RUNS } from '../content/messages';
import { sanitizeSettings } from '../settings/defaults';
import { BUILT_IN_SITES, builtInOrigin } from '../sites/builtin';
import { settingsItem } from '../settings/storage';
import { FORGET_RUNS, forgetRuns, isSiteKey, recordRuns, type RecordResult } from './index';

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

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Our own content script in a tab: not another extension, not an extension page. */
export function isOwnContentScript(sender: SenderLike, ownId: string): boolean {
  return sender.id === ownId && !!sender.tab;
}

/** One of our own pages (options, popup): its URL is in this extension's origin. */
export function isOwnPage(sender: SenderLike, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownOrigin);
}

/** Handle one message; null when it is not ours or not allowed. Exported for tests. */
export async function handleRecordRunsMessage(
  message: unknown,
  sender: SenderLike,
  ownId: string,
  now?: Date,
): Promise<RecordResult | null> {
  if (!isRecordRunsMessage(message)) return null;
  if (!isOwnContentScript(sender, ownId)) return null;
  // A capture says which forget it began after: one that does not say is not recorded.
  const forgets = (message as { forgets?: unknown }).forgets;
  if (typeof forgets !== 'number' || !Number.isSafeInteger(forgets) || forgets < 0) return null;
  const customSites = sanitizeSettings(await settingsItem.getValue()).customSites;
  if (!siteMatchesSender(message.site, sender.url, customSites)) return null;
  return recordRuns(message.site, message.runs, { pageToday: (message as { today?: unknown }).today, forgets, now });
}

/** Forget on an extension page's word only. `{ forgot }` or null. Exported for tests. */
export async function handleForgetMessage(
  message: unknown,
  sender: SenderLike,
  ownId: string,
  ownOrigin: string,
): Promise<{ forgot: number } | null> {
  const m = message as { type?: unknown; site?: unknown } | null;
  if (typeof m !== 'object' || m === null || m.type !== FORGET_RUNS) return null;
  if (!isOwnPage(sender, ownId, ownOrigin)) return null;
  if (m.site !== undefined && !isSiteKey(m.site)) return null;
  return { forgot: await forgetRuns(m.site as string | undefined) };
}

/** Listen for captured runs and forget requests (call synchronously at the top of the background). */
export function startHistoryRecorder(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== RECORD_RUNS && type !== FORGET_RUNS) return undefined;
    // Answer with the outcome (the content script ignores it; tests and the options page read it).
    // sendResponse + `true` works in Chrome and Firefox alike.
    const handled =
      type === RECORD_RUNS
        ? handleRecordRunsMessage(message, sender as SenderLike, browser.runtime.id)
        : handleForgetMessage(message, sender as SenderLike, browser.runtime.id, browser.runtime.getURL('/'));
    void (handled as Promise<unknown>).catch(() => null).then((result) => sendResponse(result));
    return true;
  });
}
