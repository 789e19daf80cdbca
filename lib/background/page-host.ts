// The page service (./page-service) wired to the browser: a content script's PAGE_PASS, from this
// extension's own content script only, answered with the runner's settings, the built-in sites'
// readers (./reading-host, the tab making their calls), the loop's lines, where the card is
// hidden, captured history (lib/history) and the page status in storage.session (the popup).
import { browser } from '#imports';
import { readPageStatusMessage, PAGE_STATUS } from '../content/messages';
import { HIDE_CARD } from '../content/pass';
import { statusKey } from '../content/page-status';
import { currentForgets, recordRuns } from '../history';
import { isOwnContentScript, siteMatchesSender, type SenderLike } from '../history/background';
import { sanitizeSettings, type Settings } from '../settings/defaults';
import { settingsItem } from '../settings/storage';
import { localStore } from '../storage/local-store';
import { hiddenCards, rememberHiddenCard } from './content-channel';
import { loopLinesNow } from './loop-lines';
import { createPageService, customRead, forgetCustomPages, passRequestOf } from './page-service';
import { builtInSiteOf, createReadingHost } from './reading-host';

/** Listen for content scripts' passes (call synchronously at the top of the background). `onStatus` runs after each status kept. */
export function startPageHost(onStatus?: () => void): void {
  const reading = createReadingHost((tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }));
  // The settings, read once and again after each change (no storage read on the way to each page's badges).
  let settings: Promise<Settings> | null = null;
  settingsItem.watch(() => void (settings = null));
  const session = browser.storage.session;
  // The loop's lines, made again after the runs, the diary or the settings change, or on a new day.
  let loop: { day: string; lines: Promise<string[]> } | null = null;
  localStore.onChanged((changes) => {
    if ('captured-runs' in changes || 'knee-diary' in changes || 'settings' in changes) loop = null;
  });

  const service = createPageService({
    settings: () => (settings ??= settingsItem.getValue().then(sanitizeSettings, () => sanitizeSettings(undefined))),
    read: async (request, where) => {
      if (request.site === 'custom') return customRead(request.facts, where.key, request.today);
      if (builtInSiteOf(request.adapter) !== request.site) return null;
      return reading.read({
        tabId: where.tabId,
        frameId: where.frameId,
        page: request.page,
        adapter: request.adapter,
        facts: request.facts,
        today: request.today,
        prepare: request.prepare,
      });
    },
    loop: () => {
      const day = new Date().toDateString();
      if (loop?.day !== day) loop = { day, lines: loopLinesNow() };
      return loop.lines;
    },
    cardHidden: () => hiddenCards(),
    forgets: () => currentForgets(),
    record: (site, runs, today, forgets) => {
      if (forgets !== undefined) void recordRuns(site, runs, { pageToday: today, forgets }).catch(() => undefined);
    },
    status: (status, where) => {
      // Validated like any page status: the selectors' counts came from the page.
      const valid = readPageStatusMessage({ type: PAGE_STATUS, status });
      if (valid === undefined) return;
      const key = statusKey(where.tabId);
      const done = valid === null ? session.remove(key) : session.set({ [key]: valid });
      void done.catch(() => undefined).then(() => onStatus?.());
    },
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    const from = sender as SenderLike & { frameId?: number; tab?: { id?: number } };
    if (type === HIDE_CARD) {
      // Answered once kept: the page asks for its card again only then.
      void rememberHiddenCard(message, from, browser.runtime.id)
        .catch(() => false)
        .then((kept) => sendResponse(kept));
      return true;
    }
    const request = passRequestOf(message);
    if (!request || !isOwnContentScript(from, browser.runtime.id) || typeof from.tab?.id !== 'number') return undefined;
    let origin = '';
    try {
      origin = new URL(String(from.url)).origin;
    } catch {
      return undefined;
    }
    // Captured history only from a built-in site's own origin (not a demo build's localhost).
    if (request.site !== 'custom' && !siteMatchesSender(request.site, from.url, [])) request.own = false;
    const frameId = typeof from.frameId === 'number' ? from.frameId : 0;
    const tabId = from.tab.id;
    const where = { tabId, frameId, key: `${tabId}:${frameId}:${request.page}`, origin, top: frameId === 0 };
    void service
      .pass(request, where)
      .catch(() => null)
      .then((reply) => sendResponse(reply));
    return true;
  });
  browser.tabs?.onRemoved?.addListener((tabId) => {
    reading.forgetTab(tabId);
    service.forget(`${tabId}:`);
    forgetCustomPages(`${tabId}:`);
  });
}
