// Background side of the page status: each tab's content script says what it found
// (lib/content/messages.ts); the background keeps the latest per tab in storage.session (memory
// only, gone when the browser closes) for the popup, and forgets it when the tab navigates away
// or closes. Validated: only this extension's own content script, top frame, a well-formed status.
import { browser } from '#imports';
import { readPageStatusMessage } from './messages';
import { statusKey } from './page-status';

interface SenderLike {
  id?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** The storage.session change a message asks for; null when the message is not ours or not allowed. */
export function pageStatusUpdate(message: unknown, sender: SenderLike, ownId: string): { key: string; value: unknown } | null {
  const status = readPageStatusMessage(message);
  if (status === undefined || sender.id !== ownId || sender.frameId !== 0 || typeof sender.tab?.id !== 'number') return null;
  return { key: statusKey(sender.tab.id), value: status };
}

/** Listen for page statuses (call synchronously at the top of the background). `onStatus` runs after each. */
export function startPageStatus(onStatus?: () => void): void {
  const session = browser.storage.session;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const update = pageStatusUpdate(message, sender as SenderLike, browser.runtime.id);
    if (!update) return undefined;
    const done = update.value === null ? session.remove(update.key) : session.set({ [update.key]: update.value });
    void done.catch(() => undefined).then(() => onStatus?.());
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => void session.remove(statusKey(tabId)).catch(() => undefined));
  // A new document in the tab: its content script (if the page is one) sends a fresh status.
  // (An SPA route change may clear it too: the content script sends its status again after one.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void session.remove(statusKey(tabId)).catch(() => undefined);
  });
}
