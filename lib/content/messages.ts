// Content script -> background: the runs a page carried, for captured history (lib/history).
// The content script does not write storage itself: lib/history's storage layer would cost the
// content script several KB of its 10 KB budget. The background validates and records.
import type { Run } from '../load/types';

export const RECORD_RUNS = 'knee-check:record-runs';

export interface RecordRunsMessage {
  type: typeof RECORD_RUNS;
  /** "strava", "garmin", "intervals", or the user-added site's origin. */
  site: string;
  runs: Run[];
  /** The page's own local today ("YYYY-MM-DD"): no run may start after it. */
  today?: string;
  /** The forget count the content script was given at start: a capture from before a forget is refused. */
  forgets?: number;
}

/** Shape check for the background (each run is validated again by recordRuns). */
export function isRecordRunsMessage(message: unknown): message is RecordRunsMessage {
  const m = message as Partial<RecordRunsMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.type === RECORD_RUNS &&
    typeof m.site === 'string' &&
    m.site.length <= 200 &&
    Array.isArray(m.runs) &&
    m.runs.length <= 5000
  );
}
