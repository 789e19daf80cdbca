// The content script's only line to the extension's storage: storage.local is closed to content
// scripts (the background sets it to trusted contexts), so settings come from the background
// (`get-settings`, then a push on every change) and captured runs go to it. Every answer is
// validated here too (sanitizeSettings: zod-free). Small on purpose: the content script's budget.
import type { Run } from '../load/types';
import { sanitizeSettings, type Settings } from '../settings/defaults';
import { localDay } from '../history/validate';
import { RECORD_RUNS, type RecordRunsMessage } from './messages';

export const GET_SETTINGS = 'knee-check:get-settings';
export const SETTINGS_CHANGED = 'knee-check:settings-changed';

/** The background's answer to `get-settings`. */
export interface SettingsAnswer {
  settings: unknown;
  /** Captured history's forget count now (see lib/history `forgetRuns`). */
  forgets: number;
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
  load(): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
  /** Send runs for captured history, with the page's today and the forget count from page start. */
  recordRuns(site: string, runs: Run[]): void;
}

export function openSettingsChannel(runtime: RuntimeLike, now: () => Date = () => new Date()): SettingsChannel {
  // Taken once, at page start: a capture still under way when the runner forgets is then refused.
  let forgets: number | undefined;
  return {
    async load() {
      try {
        const answer = (await runtime.sendMessage({ type: GET_SETTINGS })) as Partial<SettingsAnswer> | undefined;
        const count = answer?.forgets;
        if (forgets === undefined && typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) forgets = count;
        return sanitizeSettings(answer?.settings);
      } catch {
        return sanitizeSettings(undefined);
      }
    },
    watch(onChange) {
      const listener = (message: unknown) => {
        const m = message as { type?: unknown; settings?: unknown } | null;
        if (typeof m === 'object' && m !== null && m.type === SETTINGS_CHANGED) onChange(sanitizeSettings(m.settings));
      };
      runtime.onMessage.addListener(listener);
      return () => runtime.onMessage.removeListener(listener);
    },
    recordRuns(site, runs) {
      const message: RecordRunsMessage = { type: RECORD_RUNS, site, runs, today: localDay(now()) };
      if (forgets !== undefined) message.forgets = forgets;
      runtime.sendMessage(message).catch(() => undefined);
    },
  };
}
