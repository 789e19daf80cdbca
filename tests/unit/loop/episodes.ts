// Test helper for the loop's unit tests: a diary with one episode started on 1 December 2026,
// after a visit (see-clinician), so its return-to-run plan starts at level 1 (the walk).
import { emptyDiary, startEpisode, type Diary } from '../../../lib/diary';
import type { ConditionId } from '../../../lib/triage/types';

export function diaryWithEpisode(topCause: ConditionId = 'patellofemoral-pain', topCauseName = 'Patellofemoral pain'): Diary {
  return startEpisode(emptyDiary(), { startedOn: '2026-12-01', locations: ['front'], care: 'see-clinician', topCause, topCauseName }).diary;
}
