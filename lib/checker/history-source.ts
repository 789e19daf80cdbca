// Where the popup gets the runs Knee Check captured on the runner's running log, to prefill the
// training screen (./training-prefill.ts). Read-only, straight from the store (lib/storage/local-store) and through
// lib/history's own validation and cross-site de-duplication (lib/history/captured: no WXT
// item layer), which keeps the popup inside its size budget. Writing, and keeping a corrupt
// store aside, stay with lib/history. An unreadable history is simply no prefill.
import { prefillRunsFrom } from '../history/captured';
import { localStore } from '../storage/local-store';
import type { Run } from '../load/types';

/** lib/history's `local:captured-runs` and `local:captured-runs-prefs`, keys in the store. */
export const CAPTURED_RUNS_KEY = 'captured-runs';
const PREFS_KEY = 'captured-runs-prefs';

export async function capturedRuns(): Promise<Run[]> {
  try {
    const stored = await localStore.get([CAPTURED_RUNS_KEY, PREFS_KEY]);
    // The runner's added sites only when they said so (options, "Captured runs").
    return prefillRunsFrom(stored[CAPTURED_RUNS_KEY], stored[PREFS_KEY]);
  } catch {
    return [];
  }
}
