// Where the popup gets the runs Knee Check captured on the runner's running log, to prefill the
// training screen (./training-prefill.ts). Read-only, straight from storage.local and through
// lib/history's own validation and cross-site de-duplication (lib/history/captured: no WXT
// storage layer), which keeps the popup inside its size budget. Writing, and keeping a corrupt
// store aside, stay with lib/history. An unreadable history is simply no prefill.
import { browser } from '#imports';
import { readStore, toHistoryRuns } from '../history/captured';
import type { Run } from '../load/types';

/** lib/history's `local:captured-runs` is the key "captured-runs" in storage.local. */
export const CAPTURED_RUNS_KEY = 'captured-runs';

export async function capturedRuns(): Promise<Run[]> {
  try {
    const raw = (await browser.storage.local.get(CAPTURED_RUNS_KEY))[CAPTURED_RUNS_KEY];
    return toHistoryRuns(readStore(raw).runs);
  } catch {
    return [];
  }
}
