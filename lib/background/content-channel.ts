// The background's side of the content scripts' only line to storage (lib/content/settings-channel).
// storage.local holds health answers (checker answers and results, the diary), settings and
// captured runs: it is set to trusted contexts (extension pages and the background) at every
// start and install, so a content script, or anything that subverts one, cannot read or write it.
// Content scripts ask for settings here, get every change pushed, send runs to
// lib/history/background and ask for their badges' words (lib/content/views), all validated on
// arrival. Their runs are read by ./reading-host.
import { browser } from '#imports';
import { currentForgets } from '../history';
import { isOwnContentScript, type SenderLike } from '../history/background';
import { badgeViewsFrom, type BadgeView } from '../badge/view';
import { GET_SETTINGS, HIDE_CARD, sanitizeCardHidden, type SettingsAnswer } from '../content/settings-channel';
import { BADGE_VIEWS, type BadgeViewsRequest } from '../content/views';
import { sanitizeSettings } from '../settings/defaults';
import { settingsItem } from '../settings/storage';
import { localStore } from '../storage/local-store';
import { loopLinesNow, pushLoopLines } from './loop-lines';

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

/** The store (lib/storage/local-store): { [site]: first day of the week the runner hid the fallback card for }. */
export const CARD_HIDDEN_KEY = 'fallback-card-hidden';

/**
 * What a content script may know: its settings (validated), the forget count, where the card is
 * hidden, and the loop's lines for its badges (./loop-lines: words, never the diary). Null when not ours.
 */
export async function answerGetSettings(message: unknown, sender: SenderLike, ownId: string): Promise<SettingsAnswer | null> {
  if ((message as { type?: unknown } | null)?.type !== GET_SETTINGS || !isOwnContentScript(sender, ownId)) return null;
  const cardHidden = sanitizeCardHidden((await localStore.get(CARD_HIDDEN_KEY))[CARD_HIDDEN_KEY]);
  const [raw, forgets, loop] = await Promise.all([settingsItem.getValue(), currentForgets(), loopLinesNow()]);
  return { settings: sanitizeSettings(raw), forgets, cardHidden, loop };
}

/** The runner hid the fallback card for a site's week: validated, from our own content script only. */
export async function rememberHiddenCard(message: unknown, sender: SenderLike, ownId: string): Promise<boolean> {
  const m = message as { type?: unknown; site?: unknown; week?: unknown } | null;
  if (m?.type !== HIDE_CARD || !isOwnContentScript(sender, ownId) || typeof m.site !== 'string') return false;
  const entry = sanitizeCardHidden({ [m.site]: m.week });
  if (!(m.site in entry)) return false;
  const stored = sanitizeCardHidden((await localStore.get(CARD_HIDDEN_KEY))[CARD_HIDDEN_KEY]);
  await localStore.set({ [CARD_HIDDEN_KEY]: { ...stored, ...entry } });
  return true;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string => typeof v === 'string' && DAY.test(v);

/**
 * A content script's badges, in words (lib/badge/view badgeViewsFrom): the runs its page read,
 * summarized with the settings it was given (sent back with the request, sanitized again: no
 * storage read on the way to the first badges). The runs are checked one by one by the engine
 * (prepareRuns); the rest by shape here. Null when not ours or malformed.
 */
export function answerBadgeViews(message: unknown, sender: SenderLike, ownId: string): (BadgeView | null)[] | null {
  const m = message as Partial<Record<keyof BadgeViewsRequest, unknown>> | null;
  if (m?.type !== BADGE_VIEWS || !isOwnContentScript(sender, ownId)) return null;
  const { runs, firstDays, today, now, coverage } = m;
  if (!Array.isArray(runs) || runs.length > 5000 || !Array.isArray(firstDays) || firstDays.length > 500 || !firstDays.every(isDay))
    return null;
  if (!isDay(today) || (now !== undefined && (typeof now !== 'string' || now.length > 40))) return null;
  const c = (typeof coverage === 'object' && coverage !== null ? coverage : {}) as { coveredFrom?: unknown; incompleteDays?: unknown };
  const incompleteDays = Array.isArray(c.incompleteDays) ? c.incompleteDays.filter(isDay).slice(0, 400) : undefined;
  return badgeViewsFrom(runs, firstDays, sanitizeSettings(m.settings), today, {
    now,
    ...(coverage === undefined ? {} : { coverage: { coveredFrom: isDay(c.coveredFrom) ? c.coveredFrom : undefined, incompleteDays } }),
  });
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

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    if ((message as { type?: unknown } | null)?.type === HIDE_CARD) {
      void rememberHiddenCard(message, sender as SenderLike, browser.runtime.id).catch(() => false);
      return undefined;
    }
    if ((message as { type?: unknown } | null)?.type === BADGE_VIEWS) {
      let answer: (BadgeView | null)[] | null = null;
      try {
        answer = answerBadgeViews(message, sender as SenderLike, browser.runtime.id);
      } catch {
        // none: no badges rather than wrong ones
      }
      sendResponse(answer);
      return undefined;
    }
    if ((message as { type?: unknown } | null)?.type !== GET_SETTINGS) return undefined;
    void answerGetSettings(message, sender as SenderLike, browser.runtime.id)
      .catch(() => null)
      .then((answer) => sendResponse(answer));
    return true;
  });

  // Every settings change, to every tab, with the loop lines in the new units and thresholds.
  // The lines alone follow the runs and the diary (entrypoints/background.ts: pushLoopLines).
  settingsItem.watch(() => void pushLoopLines(true));
}
