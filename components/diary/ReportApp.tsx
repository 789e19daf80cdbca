// The printable summary for a clinician (entrypoints/report): made on this device from local data
// only (the latest saved checker answers with their result recomputed by lib/triage, eight weeks
// of distance and spike runs, the pain check-ins, the return-to-run plan). "Print or save as PDF"
// uses the browser's own print dialog; nothing is sent anywhere.
import { useEffect, useState } from 'preact/hooks';
import { capturedRuns } from '@/lib/checker/history-source';
import { localToday } from '@/lib/checker/prefill-apply';
import { runTriage, type TriageOutcome } from '@/lib/checker/run-triage';
import { readSettings } from '@/lib/checker/settings-source';
import { loadCheckerState, type LoadedState } from '@/lib/checker/storage';
import { summaryText } from '@/lib/checker/summary';
import { activeEpisode, loadDiary, type Diary } from '@/lib/diary';
import { buildPainLoadChart } from '@/lib/diary/chart';
import type { Run } from '@/lib/load/types';
import type { Settings } from '@/lib/settings/defaults';
import { CheckInsTable, LevelHistory, SpikesTable, WeeksTable } from './DiaryTables';
import { PainLoadChart } from './PainLoadChart';
import { careWords, episodeTitle } from './words';
import '../ui/theme.css';
import '../ui/ui.css';
import './chart.css';
import './report.css';

export const REPORT_WEEKS = 8;

interface ReportData {
  settings: Settings;
  checker: LoadedState;
  outcome: TriageOutcome | null;
  runs: Run[];
  diary: Diary;
  diaryProblem?: string;
}

async function loadReport(): Promise<ReportData> {
  const settings = await readSettings();
  const [checker, runs, loaded] = await Promise.all([loadCheckerState(settings.units), capturedRuns(), loadDiary()]);
  // Only a finished check has a result worth showing; the engine recomputes it from the answers.
  const outcome = checker.resumed && checker.state.screen === 'result' ? runTriage(checker.state.answers) : null;
  return { settings, checker, outcome, runs, diary: loaded.diary, diaryProblem: loaded.problem };
}

export function ReportApp() {
  const [data, setData] = useState<ReportData | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    loadReport().then(setData, (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
  }, []);
  const today = localToday();
  return (
    <main class="report">
      <header class="report__header">
        <h1>Knee Check: summary for your clinician</h1>
        <p>
          Made on {today} on this device from what the runner entered and the runs Knee Check saw on their running log. Information to
          discuss, not a diagnosis.
        </p>
        <div class="btn-row no-print">
          <button type="button" class="btn btn--primary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </header>
      {failed && (
        <p class="field__error" role="alert">
          Could not read the saved data: {failed}
        </p>
      )}
      {!data && !failed && <p aria-busy="true">Reading…</p>}
      {data && <Report data={data} today={today} />}
    </main>
  );
}

function Report({ data, today }: { data: ReportData; today: string }) {
  const { settings, outcome, diary } = data;
  const units = settings.units;
  const chart = buildPainLoadChart({
    runs: data.runs,
    checkIns: diary.checkIns,
    today,
    weeks: REPORT_WEEKS,
    weekStartsOn: settings.weekStartsOn,
    spikePct: settings.spikePct,
    units,
  });
  const episode = activeEpisode(diary) ?? diary.episodes.at(-1);
  const from = chart.weeks[0]!.weekStart;
  const recentCheckIns = diary.checkIns.filter((c) => c.date >= from);
  return (
    <>
      <section aria-labelledby="report-check">
        <h2 id="report-check">The latest check</h2>
        {!outcome && <p>No finished check is saved on this device.</p>}
        {outcome && !outcome.ok && <p>{outcome.message}</p>}
        {outcome?.ok && (
          <pre class="report__summary">
            {summaryText(data.checker.state.answers, outcome.result, { shortcut: data.checker.state.shortcut })}
          </pre>
        )}
      </section>

      <section aria-labelledby="report-load">
        <h2 id="report-load">Running, last {REPORT_WEEKS} weeks</h2>
        <PainLoadChart chart={chart} units={units} spikePct={settings.spikePct} id="report-chart" tables={false} />
        <WeeksTable
          weeks={chart.weeks}
          units={units}
          caption={`Weekly distance (${units}), weeks start on ${settings.weekStartsOn === 'sunday' ? 'Sunday' : 'Monday'}`}
        />
        <SpikesTable
          spikes={chart.spikes}
          units={units}
          spikePct={settings.spikePct}
          caption={`Spike runs: longer than the longest run of the 30 days before by more than ${settings.spikePct} % (Frandsen et al., BJSM 2025)`}
        />
      </section>

      <section aria-labelledby="report-checkins">
        <h2 id="report-checkins">Pain check-ins</h2>
        <p>Pain during the run (0-10) and the next morning, with the pain-monitoring light (Silbernagel et al., AJSM 2007).</p>
        <CheckInsTable checkIns={recentCheckIns} units={units} caption={`Check-ins since ${from}, newest first`} />
      </section>

      <section aria-labelledby="report-episode">
        <h2 id="report-episode">Return-to-run plan</h2>
        {episode ? (
          <>
            <p>
              <strong>{episodeTitle(episode)}</strong>: started {episode.startedOn}
              {episode.closedOn ? `, closed ${episode.closedOn}` : ' (current)'}. Care level then: {careWords(episode.care)}.
              {episode.boneStress ? ' Bone stress: every session must be pain-free.' : ''}
            </p>
            <LevelHistory episode={episode} />
          </>
        ) : (
          <p>No return-to-run plan was started.</p>
        )}
      </section>
      {data.diaryProblem && <p>Note: an earlier diary on this device could not be read and is not included.</p>}
    </>
  );
}
