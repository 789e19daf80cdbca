// Storage closed to content scripts. storage.local holds health answers (checker answers and
// results, the diary), settings and captured runs: it is set to trusted contexts (extension pages
// and the background) at every start and install, so a content script, or anything that subverts
// one, cannot read or write it. Content scripts never need it: the background answers their
// passes (./page-host), and tells them when settings or the loop's lines change. The fallback
// card's "hidden for this week" is kept here too.
import { browser } from '#imports';
import { isOwnContentScript, type SenderLike } from '../history/background';
import { HIDE_CARD } from '../content/pass';
import { settingsItem } from '../settings/storage';
import { localStore } from '../storage/local-store';
import { pushLoopLines } from './loop-lines';

export type AccessOutcome = 'trusted-only' | 'unsupported' | 'failed';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Close storage.local to content scripts (Chrome 102+; a setting of the extension that persists,
 * applied again at each start in case it was lost). Firefox has no such switch for storage.local
 * (Mozilla bug 1724754): 'unsupported' there.
 */
export async function restrictStorageToTrustedContexts(
  area: AccessLevelArea = browser.storage.local as unknown as AccessLevelArea,
): Promise<AccessOutcome> {
  if (typeof area.setAccessLevel !== 'function') return 'unsupported';
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return 'trusted-only';
  } catch {
    return 'failed';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** { [site]: the first day of the week the runner hid the fallback card for }, validated. */
export function sanitizeCardHidden(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [site, week] of Object.entries(raw).slice(0, 50)) {
    if (site.length <= 200 && typeof week === 'string' && DAY.test(week)) out[site] = week;
  }
  return out;
}

/** The store (lib/storage/local-store): { [site]: first day of the week the runner hid the fallback card for }. */
export const CARD_HIDDEN_KEY = 'fallback-card-hidden';

/** Where the runner hid the fallback card, as stored (validated). */
export async function hiddenCards(): Promise<Record<string, string>> {
  return sanitizeCardHidden((await localStore.get(CARD_HIDDEN_KEY))[CARD_HIDDEN_KEY]);
}

/** The runner hid the fallback card for a site's week: validated, from our own content script only. */
export async function rememberHiddenCard(message: unknown, sender: SenderLike, ownId: string): Promise<boolean> {
  const m = message as { type?: unknown; site?: unknown; week?: unknown } | null;
  if (m?.type !== HIDE_CARD || !isOwnContentScript(sender, ownId) || typeof m.site !== 'string') return false;
  const entry = sanitizeCardHidden({ [m.site]: m.week });
  if (!(m.site in entry)) return false;
  await localStore.set({ [CARD_HIDDEN_KEY]: { ...(await hiddenCards()), ...entry } });
  return true;
}

/** Wire it all (call synchronously at the top of the background). */
export function startContentChannel(): void {
  const restrict = () =>
    void restrictStorageToTrustedContexts().then((outcome) => {
      // The extension's own console only.
      if (outcome === 'failed') console.warn('Knee Check: could not close storage to content scripts.');
    });
  restrict();
  browser.runtime.onInstalled.addListener(restrict);
  browser.runtime.onStartup.addListener(restrict);

  // Every settings change, to every tab, with the loop lines in the new units and thresholds.
  // The lines alone follow the runs and the diary (entrypoints/background.ts: pushLoopLines).
  settingsItem.watch(() => void pushLoopLines(true));
}
