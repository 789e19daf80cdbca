// Captured history: the runs the site adapters read, kept in storage.local so the popup can show
// recent weeks and prefill the training context. Nothing leaves the device: this module only
// talks to the extension's own local storage. Only the background writes (records and forgets,
// one after another in one queue, so a forget can never be undone by a write already under way);
// extension pages read, and ask the background to forget (./background.ts).
import { browser } from '#imports';
import type { Run } from '../load/types';
import { createSerialQueue } from '../serial';
import { defineVersionedItem } from '../storage/versioned';
import {
  HISTORY_VERSION,
  isUserSite,
  mergeRuns,
  migrateHistoryV1toV2,
  migrateHistoryV2toV3,
  readStore,
  readerLatestDay,
  sameRuns,
  statsOf,
  prefillRunsFrom,
  readHistoryPrefs,
  toCapturedRun,
  withoutSite,
  type CapturedRun,
  type CapturedStore,
  type HistoryPrefs,
  type HistoryStats,
} from './captured';
import { latestRunDay, localDay } from './validate';

export * from './captured';
export * from './validate';

/** `{ version, runs, forgets }`, stored raw: every read is validated. */
export const capturedRunsItem = defineVersionedItem<unknown>('local:captured-runs', {
  version: HISTORY_VERSION,
  migrations: { 2: migrateHistoryV1toV2, 3: migrateHistoryV2toV3 },
});

/** A stored value that could not be read, kept (once) so the runner can export it. */
export interface CorruptHistoryCopy {
  foundAt: string;
  reason: string;
  value: unknown;
}
export const corruptHistoryItem = defineVersionedItem<CorruptHistoryCopy>('local:captured-runs-corrupt-copy', {
  version: 1,
  migrations: {},
});

export const historyPrefsItem = defineVersionedItem<HistoryPrefs>('local:captured-runs-prefs', { version: 1, migrations: {} });

export async function loadHistoryPrefs(): Promise<HistoryPrefs> {
  return readHistoryPrefs(await historyPrefsItem.getValue());
}

export async function saveHistoryPrefs(prefs: HistoryPrefs): Promise<void> {
  await historyPrefsItem.setValue(readHistoryPrefs(prefs));
}

export interface RecordResult {
  /** Runs that were not kept before (new ids, or new start and distance). */
  added: number;
  /** Runs kept after the merge (all sites). */
  kept: number;
  /** The runs given that were not valid runs (or came too late) and were skipped. */
  skipped: number;
  /** Set when nothing was recorded because the runner forgot runs after this capture began. */
  refused?: 'forgotten';
}

export interface RecordOptions {
  /** The page's own local today ("YYYY-MM-DD"): no run may start after it. */
  pageToday?: unknown;
  /** The store's forget count when the capture began: a capture from before a forget is refused. */
  forgets?: number;
  /** The recorder's clock (tests). */
  now?: Date;
}

// Writes run one after another (several tabs, quick SPA moves, a forget in between).
const serialised = createSerialQueue();

async function setAsideIfCorrupt(raw: unknown, read: ReturnType<typeof readStore>): Promise<void> {
  if (read.kind !== 'corrupt') return;
  // Keep the first unreadable copy: a later one would only be our own fresh start.
  if ((await corruptHistoryItem.getValue()) === null) {
    await corruptHistoryItem.setValue({ foundAt: new Date().toISOString(), reason: read.reason, value: raw });
  }
}

/**
 * Keep the runs a site's page carried. Each run must meet ./validate.ts (no start after the page's
 * today nor after the recorder's today + 1 day, a plausible distance and pace); de-duplicated by
 * site and activity id (or site, start and distance when the site gives no id); each site keeps
 * its own most recent runs. A corrupt store is set aside under `captured-runs-corrupt-copy` and
 * history starts fresh. Never throws.
 */
export function recordRuns(site: string, runs: readonly Run[], options: RecordOptions = {}): Promise<RecordResult> {
  return serialised(async () => {
    const given = Array.isArray(runs) ? runs.length : 0;
    try {
      const latestDay = latestRunDay(localDay(options.now ?? new Date()), options.pageToday);
      const raw = await capturedRunsItem.getValue();
      const read = readStore(raw, latestDay);
      if (options.forgets !== undefined && options.forgets !== read.forgets) {
        return { added: 0, kept: read.runs.length, skipped: given, refused: 'forgotten' };
      }
      const incoming: CapturedRun[] = [];
      for (const run of Array.isArray(runs) ? runs : []) {
        const captured = toCapturedRun(site, run, latestDay);
        if (captured) incoming.push(captured);
      }
      await setAsideIfCorrupt(raw, read);
      const merged = mergeRuns(read.runs, incoming);
      // New runs that were kept (a site over its budget keeps only its most recent).
      const sameness = (r: CapturedRun) => `${r.site}|${r.id ?? ''}|${r.start}|${r.km}`;
      const before = new Set(read.runs.map(sameness));
      const after = new Set(merged.map(sameness));
      const added = new Set(incoming.map(sameness).filter((key) => !before.has(key) && after.has(key))).size;
      // Write only when something changed: watchers (popup, options) should not wake on every page view.
      if (
        read.kind !== 'ok' ||
        read.dropped > 0 ||
        !sameRuns(read.runs, merged) ||
        (raw as { version?: unknown } | null)?.version !== HISTORY_VERSION
      ) {
        if (merged.length > 0 || read.kind !== 'empty') {
          const store: CapturedStore = { version: HISTORY_VERSION, runs: merged, forgets: read.forgets };
          await capturedRunsItem.setValue(store);
        }
      }
      return { added, kept: merged.length, skipped: given - incoming.length };
    } catch {
      return { added: 0, kept: 0, skipped: given };
    }
  });
}

/** Every kept run as captured (site, id, start, km), ascending by start. Validated. */
export async function loadCapturedRuns(): Promise<CapturedRun[]> {
  return readStore(await capturedRunsItem.getValue()).runs;
}

/**
 * The runner's runs across sites, ascending by start, validated, with one run per real run
 * when several sites show the same one (see `toHistoryRuns`), and the added sites' runs only
 * when the runner chose to use them. For the popup and the training context.
 */
export async function loadHistory(): Promise<Run[]> {
  return prefillRunsFrom(await capturedRunsItem.getValue(), await historyPrefsItem.getValue());
}

/** The store's forget count: a capture carries the one it began with. */
export async function currentForgets(): Promise<number> {
  return readStore(await capturedRunsItem.getValue()).forgets;
}

/**
 * Forget one site's captured runs, or every site's when `site` is absent (then also any unreadable
 * copy kept for export). Final: the forget count goes up, so a capture that began before it is
 * refused when it arrives. Background only (one queue with the records). Returns the runs forgotten.
 */
export function forgetRuns(site?: string): Promise<number> {
  return serialised(async () => {
    const read = readStore(await capturedRunsItem.getValue(), readerLatestDay());
    const kept = withoutSite(read.runs, site);
    const store: CapturedStore = { version: HISTORY_VERSION, runs: kept, forgets: read.forgets + 1 };
    await capturedRunsItem.setValue(store);
    if (site === undefined) await corruptHistoryItem.removeValue();
    return read.runs.length - kept.length;
  });
}

/** Forget the runs of added sites the runner no longer has (removing a site forgets its runs). */
export function forgetRemovedSites(customSites: readonly string[]): Promise<string[]> {
  return serialised(async () => {
    const read = readStore(await capturedRunsItem.getValue(), readerLatestDay());
    const gone = [...new Set(read.runs.map((r) => r.site))].filter((s) => isUserSite(s) && !customSites.includes(s));
    if (gone.length === 0) return [];
    const kept = read.runs.filter((r) => !gone.includes(r.site));
    const store: CapturedStore = { version: HISTORY_VERSION, runs: kept, forgets: read.forgets + 1 };
    await capturedRunsItem.setValue(store);
    return gone;
  });
}

/** How many runs are kept, from which sites, and the dates they span. */
export async function historyStats(): Promise<HistoryStats> {
  return statsOf(await loadCapturedRuns());
}

/** Call `onChange` whenever captured history or its prefs change (any context). Returns unwatch. */
export function watchHistory(onChange: () => void): () => void {
  const unwatch = [capturedRunsItem, corruptHistoryItem, historyPrefsItem].map((item) => item.watch(() => onChange()));
  return () => unwatch.forEach((stop) => stop());
}

// Extension pages ask the background to forget (it alone writes, so a forget is final).
export const FORGET_RUNS = 'knee-check:forget-runs';
export interface ForgetRunsMessage {
  type: typeof FORGET_RUNS;
  /** One site, or every site when absent. */
  site?: string;
}

/** From an extension page: forget one site's runs or all of them. Returns the runs forgotten. */
export async function requestForget(site?: string): Promise<number> {
  const message: ForgetRunsMessage = site === undefined ? { type: FORGET_RUNS } : { type: FORGET_RUNS, site };
  const answer: unknown = await browser.runtime.sendMessage(message);
  if (typeof answer !== 'object' || answer === null || typeof (answer as { forgot?: unknown }).forgot !== 'number') {
    throw new Error('the extension did not confirm it forgot them');
  }
  return (answer as { forgot: number }).forgot;
}
