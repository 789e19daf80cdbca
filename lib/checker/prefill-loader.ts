// The training prefill (captured runs → training answers), in one chunk loaded only when the
// runner reaches the training screen: it brings lib/history and lib/load, which the rest of the
// popup never needs.
import type { Settings } from '../settings/defaults';
import { capturedRuns } from './history-source';
import { trainingFromHistory, type TrainingPrefill } from './training-prefill';

export async function loadPrefill(settings: Settings, today: string): Promise<TrainingPrefill | null> {
  const runs = await capturedRuns();
  return runs.length ? trainingFromHistory(runs, settings, today) : null;
}
