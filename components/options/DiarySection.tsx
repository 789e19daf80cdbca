// "Your knee diary": the return-to-run episodes (level, dates, level history, close), the pain
// check-ins, the checker results kept, and a chart of daily pain over weekly distance with spike
// runs marked (last 12 weeks, the runner's units and spike threshold). A link opens the printable
// summary for a clinician. Everything is read from this browser's own store (lib/storage/local-store).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { capturedRuns, CAPTURED_RUNS_KEY } from '@/lib/checker/history-source';
import { localToday } from '@/lib/checker/prefill-apply';
import { closeEpisode, updateDiary } from '@/lib/diary';
import { buildPainLoadChart } from '@/lib/diary/chart';
import type { Run } from '@/lib/load/types';
import { localStore } from '@/lib/storage/local-store';
import { CheckInsTable, LevelHistory } from '../diary/DiaryTables';
import { PainLoadChart } from '../diary/PainLoadChart';
import { DiaryPending } from '../diary/DiaryPending';
import { useDiary } from '../diary/useDiary';
import { careWords, episodeTitle } from '../diary/words';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { useOptions } from './OptionsContext';
import { Section } from './Section';

export const DIARY_CHART_WEEKS = 12;

function useCapturedRuns(): Run[] {
  const [runs, setRuns] = useState<Run[]>([]);
  useEffect(() => {
    const read = () => void capturedRuns().then(setRuns);
    read();
    return localStore.onChanged((changes) => {
      if (CAPTURED_RUNS_KEY in changes) read();
    });
  }, []);
  return runs;
}

export function DiarySection() {
  const { saved } = useOptions();
  const diary = useDiary();
  const runs = useCapturedRuns();
  const [status, setStatus] = useState<Status | null>(null);
  const today = localToday();
  const loaded = diary.phase === 'ready' ? diary.loaded : undefined;
  const chart = useMemo(
    () =>
      loaded &&
      buildPainLoadChart({
        runs,
        checkIns: loaded.diary.checkIns,
        today,
        weeks: DIARY_CHART_WEEKS,
        weekStartsOn: saved.weekStartsOn,
        spikePct: saved.spikePct,
        units: saved.units,
      }),
    [loaded, runs, today, saved.weekStartsOn, saved.spikePct, saved.units],
  );

  async function close(id: string, title: string) {
    try {
      await updateDiary((d) => closeEpisode(d, id, today));
      setStatus({ tone: 'ok', text: `Closed the return-to-run plan for ${title}.` });
    } catch (error) {
      setStatus({ tone: 'danger', text: `Could not close it: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <Section
      id="diary"
      title="Your knee diary"
      intro="Your pain check-ins, return-to-run plans and the checker results you kept, next to the distance you ran. Kept on this device only."
    >
      <DiaryPending diary={diary} />
      {loaded && chart && (
        <>
          {loaded.problem && (
            <p class="field__error">
              Your earlier diary could not be read ({loaded.problem}); it was set aside, not deleted, and a new one started.
            </p>
          )}
          <p>
            <a href={browser.runtime.getURL('/report.html')} target="_blank" rel="noopener">
              Summary for your clinician (print or save as PDF)
            </a>
          </p>
          <h3>Pain and distance, last {DIARY_CHART_WEEKS} weeks</h3>
          <PainLoadChart chart={chart} units={saved.units} spikePct={saved.spikePct} id="diary-chart" />

          <h3>Return-to-run plans</h3>
          {loaded.diary.episodes.length === 0 ? (
            <p>No plan yet. Start one from a checker result in the toolbar popup.</p>
          ) : (
            <ul class="diary-list stack" aria-label="Return-to-run plans">
              {[...loaded.diary.episodes].reverse().map((e) => (
                <li key={e.id} class="diary-episode">
                  <h4>{episodeTitle(e)}</h4>
                  <p>
                    Started {e.startedOn}
                    {e.closedOn ? `, closed ${e.closedOn}` : ' (current)'}. Care: {careWords(e.care)}.
                    {e.boneStress ? ' Bone stress: every session must be pain-free.' : ''}
                  </p>
                  <LevelHistory episode={e} />
                  {!e.closedOn && (
                    <button type="button" class="btn" onClick={() => void close(e.id, episodeTitle(e))}>
                      Close this plan
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}

          <h3>Check-ins</h3>
          <CheckInsTable checkIns={loaded.diary.checkIns} units={saved.units} caption="Pain check-ins, newest first" />

          <h3>Checker results kept</h3>
          {loaded.diary.results.length === 0 ? (
            <p>None kept yet. On a checker result, choose "Keep this result in my knee diary".</p>
          ) : (
            <ul class="diary-list" aria-label="Checker results kept">
              {[...loaded.diary.results].reverse().map((r, i) => (
                <li key={`${r.savedOn}-${i}`}>
                  {r.savedOn}: {r.topCauseName} ({careWords(r.care)})
                </li>
              ))}
            </ul>
          )}
          <StatusMessage id="diary-status" status={status} />
        </>
      )}
    </Section>
  );
}
