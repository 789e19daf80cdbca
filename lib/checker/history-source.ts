// Where the popup gets the runs Knee Check captured on the runner's running log, to prefill the
// training screen (./training-prefill.ts). SEAM: lib/history (a colleague's module) is not in the
// tree yet; until it lands this returns no runs and the training screen simply starts blank.
import type { Run } from '../load';

export async function capturedRuns(): Promise<Run[]> {
  return [];
}
