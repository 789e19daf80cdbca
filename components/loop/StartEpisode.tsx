// On a checker result: keep the result in the knee diary, and (for pain to manage, not an urgent
// visit) start an injury episode whose return-to-run levels the check-ins move.
import { useState } from 'preact/hooks';
import { activeEpisode, saveResult, startEpisode, updateDiary } from '../../lib/diary';
import { TOP_LEVEL } from '../../lib/loop/return-levels';
import type { CareLevel, ConditionId, Location, SIDES } from '../../lib/triage/types';

/** Levels where a return-to-run plan fits now; after an urgent visit the runner is told what to do there. */
const EPISODE_CARE: readonly CareLevel[] = ['see-clinician', 'modify-load'];

export interface StartEpisodeProps {
  care: CareLevel;
  topCause: { id: ConditionId; name: string };
  side?: (typeof SIDES)[number];
  locations: Location[];
  today: string;
}

export function StartEpisode({ care, topCause, side, locations, today }: StartEpisodeProps) {
  const [status, setStatus] = useState('');
  const result = { savedOn: today, care, topCause: topCause.id, topCauseName: topCause.name };
  const keep = (withEpisode: boolean) =>
    void updateDiary((d) => {
      const saved = saveResult(d, result);
      return withEpisode
        ? startEpisode(saved, {
            startedOn: today,
            ...(side ? { side } : {}),
            locations,
            care,
            topCause: topCause.id,
            topCauseName: topCause.name,
          }).diary
        : saved;
    }).then(
      (diary) => {
        const level = activeEpisode(diary)?.ladder.level;
        setStatus(
          withEpisode && level !== undefined
            ? `Return-to-run plan started: level ${level} of ${TOP_LEVEL} shows on the first screen, and your check-ins move it.`
            : 'Kept in your knee diary.',
        );
      },
      (error: unknown) => setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <div class="result-actions loop-start">
      {EPISODE_CARE.includes(care) && (
        <button type="button" class="btn btn-primary" onClick={() => keep(true)}>
          Start a return-to-run plan for this knee
        </button>
      )}
      <button type="button" class="btn" onClick={() => keep(false)}>
        Keep this result in my knee diary
      </button>
      <p class="copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
