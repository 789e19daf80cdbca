// The content script's only line to the extension's storage: storage.local is closed to content
// scripts (the background sets it to trusted contexts), so settings come from the background
// (`get-settings`, then a push on every change) and captured runs go to it. Every answer is
// checked here too. The settings are sanitized field by field by the background (sanitizeSettings)
// before they are sent; here a structural guard checks the fields this script reads, and settings
// that fail it are not used (no badges rather than badges on wrong settings). Small on purpose:
// the content script's budget.
import { isRecord } from '../guards';
import type { Run } from '../load/types';
import type { Settings } from '../settings/defaults';
import { localDay } from '../history/validate';
import { RECORD_RUNS, type RecordRunsMessage } from './messages';

export const GET_SETTINGS = 'knee-check:get-settings';
export const SETTINGS_CHANGED = 'knee-check:settings-changed';
/** "Hide the fallback card for this site's week" (the runner's click on the card). */
export const HIDE_CARD = 'knee-check:hide-card';
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

/**
 * The loop's lines for the badges (lib/loop/notes siteLoopLines, made by the background): plain
 * strings only, at most 4 of at most 400 characters, else none.
 */
export function sanitizeLoop(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((l): l is string => typeof l === 'string' && l.length <= 400).slice(0, 4) : [];
}

/**
 * The settings the background sent (already sanitized there), when the fields this script reads
 * have their types: which sites are on, the user-added origins, the week start and the card
 * switch. The rest goes back to the background with each badge request, sanitized again there.
 */
export function settingsOf(raw: unknown): Settings | null {
  const s = raw as Partial<Settings> | null;
  return isRecord(s) &&
    isRecord(s.sites) &&
    Array.isArray(s.customSites) &&
    s.customSites.every((origin) => typeof origin === 'string') &&
    (s.weekStartsOn === 'monday' || s.weekStartsOn === 'sunday') &&
    typeof s.fallbackCard === 'boolean'
    ? (s as Settings)
    : null;
}

/** The background's answer to `get-settings`. */
export interface SettingsAnswer {
  settings: unknown;
  /** Captured history's forget count now (see lib/history `forgetRuns`). */
  forgets: number;
  /** Where the runner hid the fallback card (sanitizeCardHidden). */
  cardHidden?: unknown;
  /** The loop's lines for the badges (sanitizeLoop); also pushed with SETTINGS_CHANGED. */
  loop?: unknown;
}

/** The slice of `browser.runtime` the channel uses. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
}

export interface SettingsChannel {
  /** The runner's settings; null when the background gave none usable (no badges then). */
  load(): Promise<Settings | null>;
  watch(onChange: (settings: Settings) => void): () => void;
  /** Send runs for captured history, with the page's today and the forget count from page start. */
  recordRuns(site: string, runs: Run[]): void;
  /** The week the fallback card is hidden for on `site` (as of the last settings answer). */
  cardHidden(site: string): string | undefined;
  /** Hide the fallback card for `site`'s `week`: remembered by the background. */
  hideCard(site: string, week: string): void;
  /** The loop's lines for the badges, as last sent (a change comes with a settings push). */
  loop(): string[];
}

export function openSettingsChannel(runtime: RuntimeLike, now: () => Date = () => new Date()): SettingsChannel {
  // Taken once, at page start: a capture still under way when the runner forgets is then refused.
  let forgets: number | undefined;
  let hidden: Record<string, string> = {};
  let loop: string[] = [];
  return {
    async load() {
      try {
        const answer = (await runtime.sendMessage({ type: GET_SETTINGS })) as Partial<SettingsAnswer> | undefined;
        const count = answer?.forgets;
        if (forgets === undefined && typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) forgets = count;
        hidden = sanitizeCardHidden(answer?.cardHidden);
        loop = sanitizeLoop(answer?.loop);
        return settingsOf(answer?.settings);
      } catch {
        return null;
      }
    },
    watch(onChange) {
      const listener = (message: unknown) => {
        const m = message as { type?: unknown; settings?: unknown; loop?: unknown } | null;
        if (typeof m !== 'object' || m === null || m.type !== SETTINGS_CHANGED) return;
        const settings = settingsOf(m.settings);
        if (!settings) return;
        if ('loop' in m) loop = sanitizeLoop(m.loop);
        onChange(settings);
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
    recordRuns(site, runs) {
      const message: RecordRunsMessage = { type: RECORD_RUNS, site, runs, today: localDay(now()) };
      if (forgets !== undefined) message.forgets = forgets;
      runtime.sendMessage(message).catch(() => undefined);
    },
    cardHidden: (site) => hidden[site],
    loop: () => loop,
    hideCard(site, week) {
      hidden = { ...hidden, [site]: week };
      runtime.sendMessage({ type: HIDE_CARD, site, week }).catch(() => undefined);
    },
  };
}
