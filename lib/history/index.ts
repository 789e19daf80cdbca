// Captured history: the runs the site adapters read, kept in storage.local so the popup can show
// recent weeks and prefill the training context. Nothing leaves the device: this module only
// talks to the extension's own local storage.
// Zod-free (validation by hand in ./captured): safe to import from the content script.
import { storage } from '#imports';
import type { Run } from '../load/types';
import {
  HISTORY_VERSION,
  mergeRuns,
  readStore,
  sameRuns,
  statsOf,
  toCapturedRun,
  toHistoryRuns,
  type CapturedRun,
  type CapturedStore,
  type HistoryStats,
} from './captured';

export * from './captured';

/** `{ version, runs }`, stored raw: every read is validated. */
export const capturedRunsItem = storage.defineItem<unknown>('local:captured-runs', { fallback: null });

/** A stored value that could not be read, kept (once) so the runner can export it. */
export interface CorruptHistoryCopy {
  foundAt: string;
  reason: string;
  value: unknown;
}
export const corruptHistoryItem = storage.defineItem<CorruptHistoryCopy | null>('local:captured-runs-corrupt-copy', {
  fallback: null,
});

export interface RecordResult {
  /** Runs that were not kept before (new ids, or new start and distance). */
  added: number;
  /** Runs kept after the merge. */
  kept: number;
  /** The runs given that were not valid runs and were skipped. */
  skipped: number;
}

// Writes from one context run one after another (several adapters on one page, quick SPA moves).
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

async function readCaptured(): Promise<CapturedRun[]> {
  const read = readStore(await capturedRunsItem.getValue());
  return read.runs;
}

/**
 * Keep the runs a site's page carried. De-duplicated by site and activity id (or site, start and
 * distance when the site gives no id), capped to the most recent runs. A corrupt store is set
 * aside under `captured-runs-corrupt-copy` and history starts fresh. Never throws.
 */
export function recordRuns(site: string, runs: readonly Run[]): Promise<RecordResult> {
  return serialised(async () => {
    try {
      const incoming: CapturedRun[] = [];
      for (const run of Array.isArray(runs) ? runs : []) {
        const captured = toCapturedRun(site, run);
        if (captured) incoming.push(captured);
      }
      const skipped = (Array.isArray(runs) ? runs.length : 0) - incoming.length;
      const raw = await capturedRunsItem.getValue();
      const read = readStore(raw);
      if (read.kind === 'corrupt') {
        // Keep the first unreadable copy: a later one would only be our own fresh start.
        if ((await corruptHistoryItem.getValue()) === null) {
          await corruptHistoryItem.setValue({ foundAt: new Date().toISOString(), reason: read.reason, value: raw });
        }
      }
      const merged = mergeRuns(read.runs, incoming);
      const before = new Set(read.runs.map((r) => `${r.site}|${r.id ?? ''}|${r.start}|${r.km}`));
      const added = incoming.filter((r) => !before.has(`${r.site}|${r.id ?? ''}|${r.start}|${r.km}`)).length;
      // Write only when something changed: watchers (popup, options) should not wake on every page view.
      if (read.kind !== 'ok' || read.dropped > 0 || !sameRuns(read.runs, merged)) {
        if (merged.length > 0 || read.kind !== 'empty') {
          const store: CapturedStore = { version: HISTORY_VERSION, runs: merged };
          await capturedRunsItem.setValue(store);
        }
      }
      return { added, kept: merged.length, skipped };
    } catch {
      return { added: 0, kept: 0, skipped: Array.isArray(runs) ? runs.length : 0 };
    }
  });
}

/** Every kept run as captured (site, id, start, km), ascending by start. Validated. */
export async function loadCapturedRuns(): Promise<CapturedRun[]> {
  return readCaptured();
}

/**
 * The runner's runs across sites, ascending by start, validated, with one run per real run
 * when several sites show the same one (see `toHistoryRuns`). For the popup and the training
 * context.
 */
export async function loadHistory(): Promise<Run[]> {
  return toHistoryRuns(await readCaptured());
}

/** Forget every captured run (and any unreadable copy kept for export). */
export function forgetHistory(): Promise<void> {
  return serialised(async () => {
    await capturedRunsItem.removeValue();
    await corruptHistoryItem.removeValue();
  });
}

/** How many runs are kept, from which sites, and the dates they span. */
export async function historyStats(): Promise<HistoryStats> {
  return statsOf(await readCaptured());
}

/** Call `onChange` whenever captured history changes (any context). Returns unwatch. */
export function watchHistory(onChange: () => void): () => void {
  const unwatchRuns = capturedRunsItem.watch(() => onChange());
  const unwatchCopy = corruptHistoryItem.watch(() => onChange());
  return () => {
    unwatchRuns();
    unwatchCopy();
  };
}
