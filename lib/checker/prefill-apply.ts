// Applying a training prefill (./training-prefill.ts works it out) to the runner's answers. Kept
// apart from the prefill itself so the popup's first screen does not load lib/load and lib/history;
// the prefill's shape lives here so the two modules do not import each other.
import type { Settings } from '../settings/defaults';
import type { TrainingAnswers } from './answers';
import type { TrainingFlag } from './questions';

export interface TrainingPrefill {
  /** Distances in `units`, as text for the inputs; '' when there is nothing to say. */
  units: Settings['units'];
  thisWeek: string;
  lastWeek: string;
  latestRun: string;
  longestBefore: string;
  flags: TrainingFlag[];
  /** Runs of the last 30 days it was worked out from. */
  runs: number;
}

/** Today's date on the runner's wall clock, "YYYY-MM-DD" (defined in lib/load/dates). */
export { localToday } from '../load/dates';

/**
 * Fill the blank training answers from a prefill (never overwrite what the runner typed), once:
 * training answers that were already prefilled are returned unchanged.
 */
export function applyPrefill(training: TrainingAnswers, prefill: TrainingPrefill | null, today: string): TrainingAnswers {
  if (!prefill || training.prefill || training.units !== prefill.units) return training;
  const keep = (typed: string, filled: string) => (typed.trim() !== '' ? typed : filled);
  return {
    ...training,
    thisWeek: keep(training.thisWeek, prefill.thisWeek),
    lastWeek: keep(training.lastWeek, prefill.lastWeek),
    latestRun: keep(training.latestRun, prefill.latestRun),
    longestBefore: keep(training.longestBefore, prefill.longestBefore),
    flags: [...new Set([...training.flags, ...prefill.flags])],
    prefill: { runs: prefill.runs, on: today },
  };
}
