// Where the popup gets the runs Knee Check captured on the runner's running log, to prefill the
// training screen (./training-prefill.ts): lib/history, validated and de-duplicated across sites.
// An unreadable history is simply no prefill: the training screen starts blank.
import { loadHistory } from '../history';
import type { Run } from '../load';

export async function capturedRuns(): Promise<Run[]> {
  try {
    return await loadHistory();
  } catch {
    return [];
  }
}
