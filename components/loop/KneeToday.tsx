// "Your knee today", on the popup's first screen: the next-run ceiling with a what-if, a
// two-question pain check-in (during the run; next morning), its traffic light, and during an
// injury episode the return-to-run level and today's session; the load engine's other notes (back
// after a break, shoes past the reminder, the last 7 days) as the running-log badges carry them.
// Everything stays in storage.local.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { REMINDER_KEY, isReminderOn } from '../../lib/loop/reminder';
import { localStore } from '../../lib/storage/local-store';
import { capturedRuns } from '../../lib/checker/history-source';
import { closeEpisode, addCheckIn, answerMorning, loadDiary, updateDiary, type Diary } from '../../lib/diary';
import { ceilingText, kneeToday, LIGHT_WORD } from '../../lib/loop/today';
import { loadNotes, popupNotes } from '../../lib/loop/notes';
import { whatIf } from '../../lib/loop/ceiling';
import type { NextMorning } from '../../lib/loop/checkin';
import { formatDistance, fromDisplay } from '../../lib/load/units';
import type { Run } from '../../lib/load/types';
import type { Settings } from '../../lib/settings/defaults';
import './loop.css';

const TONE = { green: 'ok', amber: 'warn', red: 'danger' } as const;
const ICON = { green: '●', amber: '▲', red: '■' } as const;
const MORNING: { value: NextMorning; label: string }[] = [
  { value: 'usual', label: 'Back to usual' },
  { value: 'not-settled', label: 'Not quite settled' },
  { value: 'worse', label: 'Worse' },
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function localStamp(d = new Date()): { today: string; now: string } {
  const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return { today, now: `${today}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` };
}

export function KneeToday({ settings }: { settings: Settings }) {
  const [data, setData] = useState<{ runs: Run[]; diary: Diary } | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    Promise.all([capturedRuns(), loadDiary()]).then(
      ([runs, loaded]) => {
        setData({ runs, diary: loaded.diary });
        if (loaded.problem) setProblem('Your knee diary could not be read; a copy was kept for export in the settings.');
      },
      () => setProblem('Your knee diary could not be opened.'),
    );
  }, []);
  if (!data) return problem ? <p class="loop-note">{problem}</p> : null;
  const change = (fn: (d: Diary) => Diary) =>
    void updateDiary(fn).then(
      (diary) => setData((d) => (d ? { ...d, diary } : d)),
      (error: unknown) => setProblem(String(error instanceof Error ? error.message : error)),
    );
  return <Panel runs={data.runs} diary={data.diary} settings={settings} change={change} problem={problem} />;
}

function Panel({
  runs,
  diary,
  settings,
  change,
  problem,
}: {
  runs: Run[];
  diary: Diary;
  settings: Settings;
  change: (fn: (d: Diary) => Diary) => void;
  problem: string;
}) {
  const { today, now } = localStamp();
  const view = kneeToday({ runs, diary, settings, today, now });
  // The load engine's other notes (back after a break, shoes, the last 7 days), as on the badges.
  const notes = popupNotes(view, loadNotes(runs, settings, today, now));
  const [checking, setChecking] = useState(false);
  const [pain, setPain] = useState<number | null>(null);
  const [planned, setPlanned] = useState('');
  const [confirmClose, setConfirmClose] = useState(false);
  const units = settings.units;

  const saveCheckIn = () => {
    if (pain === null) return;
    const run = view.runToCheckIn;
    change((d) =>
      addCheckIn(d, { date: run ? run.start.slice(0, 10) : today, painDuring: pain, ...(run ? { runStart: run.start, km: run.km } : {}) }),
    );
    setChecking(false);
    setPain(null);
  };

  const plannedKm = Number(planned.replace(',', '.'));
  const what =
    planned.trim() && Number.isFinite(plannedKm) && plannedKm > 0
      ? whatIf(fromDisplay(plannedKm, units), view.ceiling.longestKm, settings.spikePct)
      : null;

  return (
    <section class="loop" aria-labelledby="loop-heading">
      <h2 id="loop-heading" class="loop-heading">
        Your knee today
      </h2>
      {problem && (
        <p class="loop-note" role="alert">
          {problem}
        </p>
      )}

      {view.episode ? (
        <div class="loop-block">
          <p class="loop-line">
            <strong>Return to running ({view.episode.episode.topCauseName}).</strong> {view.episode.line}
          </p>
          {confirmClose ? (
            <p class="loop-actions">
              <span>Close this episode? Your check-ins stay in the diary.</span>
              <button
                type="button"
                class="btn"
                onClick={() => {
                  change((d) => closeEpisode(d, view.episode!.episode.id, today));
                  setConfirmClose(false);
                }}
              >
                Close it
              </button>
              <button type="button" class="btn-link" onClick={() => setConfirmClose(false)}>
                Keep it open
              </button>
            </p>
          ) : (
            <button type="button" class="btn-link" onClick={() => setConfirmClose(true)}>
              I am back to my usual running: close this episode
            </button>
          )}
        </div>
      ) : (
        <div class="loop-block">
          <p class="loop-line">
            <strong>{view.ceilingLine}</strong> <span class="loop-why">{view.ceilingWhy}</span>
          </p>
          {view.ceiling.longestKm !== null && (
            <details class="loop-whatif">
              <summary>What if I run further?</summary>
              <label class="loop-field">
                Planned distance ({units})
                <input type="text" inputMode="decimal" value={planned} onInput={(e) => setPlanned(e.currentTarget.value)} size={6} />
              </label>
              <p aria-live="polite">
                {what && what.spikePct !== null
                  ? `${formatDistance(fromDisplay(plannedKm, units), units)} would be ${what.spikePct >= 0 ? '+' : '−'}${Math.abs(Math.round(what.spikePct))} % on your longest run of the last 30 days: ${what.words}${what.overThreshold ? ', over your limit' : ''}.` +
                    (view.ceiling.ceilingKm !== null &&
                    fromDisplay(plannedKm, units) > view.ceiling.ceilingKm &&
                    view.ceiling.basis !== 'spike-margin'
                      ? ` After your last check-in, keep it under ${ceilingText(view.ceiling.ceilingKm, units)}.`
                      : '')
                  : ''}
              </p>
            </details>
          )}
        </div>
      )}

      {notes.warnings.map((note) => (
        <p key={note.kind} class={`loop-light tone-${note.level === 'high' ? 'danger' : note.level === 'caution' ? 'warn' : 'ok'}`}>
          {note.level !== 'ok' && <span aria-hidden="true">▲ </span>}
          {note.text}
        </p>
      ))}
      {notes.background.length > 0 && (
        <details class="loop-whatif loop-more">
          <summary>More about your running</summary>
          {notes.background.map((note) => (
            <p key={note.kind} class="loop-note">
              {note.text}
            </p>
          ))}
        </details>
      )}

      {view.lastCheckIn && (
        <p class={`loop-light tone-${TONE[view.lastCheckIn.verdict.light]}`}>
          <span aria-hidden="true">{ICON[view.lastCheckIn.verdict.light]} </span>
          <strong>{LIGHT_WORD[view.lastCheckIn.verdict.light]}:</strong> {view.lastCheckIn.verdict.title} {view.lastCheckIn.verdict.nextRun}
        </p>
      )}

      {view.lastCheckIn && view.lastCheckIn.checkIn.nextMorning === undefined && !view.askMorning && <MorningReminder />}

      {view.askMorning ? (
        <fieldset class="loop-block loop-morning">
          <legend>
            This morning, after your run of {view.askMorning.date}: is your knee (pain and stiffness) back to how it usually is?
          </legend>
          <div class="loop-actions">
            {MORNING.map((m) => (
              <button key={m.value} type="button" class="btn" onClick={() => change((d) => answerMorning(d, view.askMorning!.id, m.value))}>
                {m.label}
              </button>
            ))}
          </div>
        </fieldset>
      ) : checking ? (
        <fieldset class="loop-block loop-checkin">
          <legend>
            {view.runToCheckIn
              ? `Your run of ${formatDistance(view.runToCheckIn.km, units)} on ${view.runToCheckIn.start.slice(0, 10)}: worst knee pain during it?`
              : 'Your last run: worst knee pain during it?'}{' '}
            <span class="loop-hint">0 = none, 10 = worst imaginable</span>
          </legend>
          <div class="loop-scale">
            {Array.from({ length: 11 }, (_, n) => (
              <label key={n} class="loop-scale-item">
                <input type="radio" name="loop-pain" value={n} checked={pain === n} onChange={() => setPain(n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
          <div class="loop-actions">
            <button type="button" class="btn btn-primary" disabled={pain === null} onClick={saveCheckIn}>
              Save check-in
            </button>
            <button type="button" class="btn-link" onClick={() => setChecking(false)}>
              Not now
            </button>
          </div>
        </fieldset>
      ) : (
        <button type="button" class="btn" onClick={() => setChecking(true)}>
          {view.runToCheckIn ? `Check in after your ${formatDistance(view.runToCheckIn.km, units)} run` : 'Check in after a run'}
        </button>
      )}
    </section>
  );
}

/** "Remind me tomorrow morning": asks for the notifications permission from this click only. */
function MorningReminder() {
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    localStore.get(REMINDER_KEY).then(
      (v) => setOn(isReminderOn(v[REMINDER_KEY])),
      () => setOn(false),
    );
  }, []);
  if (on === null) return null;
  const ask = () => {
    // Requested first, inside the click: browsers grant optional permissions only from a user gesture.
    browser.permissions.request({ permissions: ['notifications'] }).then(
      async (granted) => {
        if (!granted) return setStatus('No reminder: notifications were not allowed. Open Knee Check tomorrow morning to answer.');
        await localStore.set({ [REMINDER_KEY]: { enabled: true } });
        setOn(true);
        setStatus('');
      },
      () => setStatus('This browser did not offer notifications.'),
    );
  };
  const stop = () => void localStore.set({ [REMINDER_KEY]: { enabled: false } }).then(() => setOn(false));
  return (
    <p class="loop-actions">
      {on ? (
        <>
          <span>You will be asked tomorrow at 8:00 how your knee feels.</span>
          <button type="button" class="btn-link" onClick={stop}>
            Stop reminders
          </button>
        </>
      ) : (
        <button type="button" class="btn-link" onClick={ask}>
          Remind me tomorrow morning
        </button>
      )}
      <span role="status">{status}</span>
    </p>
  );
}
