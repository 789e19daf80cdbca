// Background side of captured history: the page service (lib/background/page-service) records the
// runs a page's read gave, from this extension's own content script on a page of the site it
// names (siteMatchesSender), with the forget count of the page's first pass (lib/history
// validates each run again, against the page's today and its own). Extension pages ask it to
// forget: records and forgets share one queue (lib/history), so a forget is final. Nothing is
// sent anywhere: this only writes this browser's storage.
import { browser } from '#imports';
import { BUILT_IN_SITES, builtInOrigin } from '../sites/builtin';
import { FORGET_RUNS, forgetRuns, isSiteKey } from './index';

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
    if ((message as { type?: unknown } | null)?.type !== FORGET_RUNS) return undefined;
    // Answer with the outcome (the options page reads it). sendResponse + `true` works in Chrome and Firefox alike.
    void handleForgetMessage(message, sender as SenderLike, browser.runtime.id, browser.runtime.getURL('/'))
      .catch(() => null)
      .then((result) => sendResponse(result));
    return true;
  });
}
