// The toolbar popup: the question screens, then the result. Answers are saved to local storage on
// every change so closing the popup loses nothing. The engine (via lib/checker/run-triage) decides
// everything clinical, including whether the warning-sign screen goes straight to the result (a
// warning sign that needs emergency or same-day care).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stepErrors, stepIsEmpty, withAnswerUnits, type Answers, type FieldError } from '../../lib/checker/answers';
import type { CheckerState } from '../../lib/checker/answers-schema';
import { OPTIONAL_STEPS, STEP_IDS, STEP_SHORT, STEP_TITLES, askedAnswers, type Screen, type StepId } from '../../lib/checker/questions';
import type { CareLevel } from '../../lib/triage/types';
import { clearCheckerState, freshState, loadCheckerState, saveCheckerState, type LoadedState } from '../../lib/checker/storage';
import { applyPrefill, localToday } from '../../lib/checker/prefill-apply';
import type { Settings } from '../../lib/settings/defaults';
import { readSettings } from '../../lib/checker/settings-source';
import { loadLater, type Later } from './lazy';
import { StepBody } from './steps';
import { LazyKneeToday } from '../loop/LazyKneeToday';
import { loadDiary } from '../../lib/diary/storage';
import { answersFromProfile } from '../../lib/diary/prefill';
import { PageStatus } from '../status/PageStatus';

interface Boot {
  settings: Settings;
  loaded: LoadedState;
}

async function boot(): Promise<Boot> {
  const [settings, loaded, kept] = await Promise.all([readSettings(), loadCheckerState(), loadDiary().catch(() => undefined)]);
  // "Your knee" (options page) fills empty age/sex/side/history; a shown result is left as it was.
  const stored = loaded.state.answers;
  const prefilled = !kept || loaded.state.screen === 'result' ? stored : answersFromProfile(kept.diary.profile, stored);
  const answers = withAnswerUnits(prefilled, settings.units);
  return { settings, loaded: { ...loaded, state: { ...loaded.state, answers } } };
}

export function CheckerApp() {
  const [ready, setReady] = useState<Boot | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    boot().then(setReady, (error: unknown) => setFailed(String(error)));
  }, []);
  if (failed) {
    return (
      <main class="app">
        <p class="field-error" role="alert">
          Knee Check could not start: {failed}
        </p>
      </main>
    );
  }
  return ready ? <Checker settings={ready.settings} initial={ready.loaded} /> : <main class="app" aria-busy="true" />;
}

/** Care levels whose warning signs go straight to the result from the first screen. */
const SHORTCUT_CARE: readonly CareLevel[] = ['emergency', 'same-day'];

function hasAnyAnswer(answers: Answers): boolean {
  return (
    answers.onset !== undefined ||
    answers.signs.length > 0 ||
    answers.locations.length > 0 ||
    answers.age.trim() !== '' ||
    STEP_IDS.some((s) => OPTIONAL_STEPS.includes(s) && !stepIsEmpty(s, answers))
  );
}

function Checker({ settings, initial }: { settings: Settings; initial: LoadedState }) {
  const [state, setState] = useState<CheckerState>(initial.state);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string>(
    initial.discarded
      ? 'Your saved answers could not be read, so the checker starts afresh.'
      : initial.resumed && hasAnyAnswer(initial.state.answers)
        ? 'Welcome back: your answers were kept.'
        : '',
  );
  const [later, setLater] = useState<Later | null>(null);
  /** The answers "Start over" cleared, until the runner answers anew (offered as Undo). */
  const [undo, setUndo] = useState<CheckerState | null>(null);
  /** Set while the runner changes one step from the result: they can go straight back to it. */
  const [reviewing, setReviewing] = useState<{ shortcut: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  const busy = useRef(false);
  const focusError = useRef(false);
  const firstRender = useRef(true);

  const screen = state.screen;
  const stepIndex = screen === 'result' ? STEP_IDS.length : STEP_IDS.indexOf(screen);

  // Save every change, in the same frame it shows (the popup can close at any moment). Local
  // storage only: never sync.
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void saveCheckerState(state);
  }, [state]);

  // Layout effects: focus moves in the same frame as the new screen, never after the runner has
  // started tabbing through it.
  useLayoutEffect(() => {
    if (!focusHeading.current || !headingRef.current) return; // the result may still be loading
    focusHeading.current = false;
    window.scrollTo(0, 0);
    headingRef.current.focus();
  }, [screen, later]);

  // The engine and the result screen: fetched once the first screen is up (see ./lazy).
  useEffect(() => {
    const timer = setTimeout(() => void loadLater().then(setLater), 0);
    return () => clearTimeout(timer);
  }, []);

  useLayoutEffect(() => {
    if (!focusError.current || errors.length === 0) return;
    focusError.current = false;
    const el = document.getElementById(`q-${errors[0]!.field}`);
    const target = el instanceof HTMLInputElement ? el : el?.querySelector('input');
    target?.focus();
  }, [errors]);

  // Prefill the training screen from captured runs, once, without overwriting typed answers.
  useEffect(() => {
    if (screen !== 'training' || state.answers.training.prefill) return;
    let live = true;
    const today = localToday();
    import('../../lib/checker/prefill-loader')
      .then(({ loadPrefill }) => loadPrefill(settings, today))
      .then(
        (prefill) => {
          if (!live || !prefill) return;
          setState((s) => ({
            ...s,
            answers: { ...s.answers, training: applyPrefill(s.answers.training, prefill, today) },
          }));
        },
        () => undefined, // a prefill is a convenience: if it fails, the runner fills the screen in
      );
    return () => {
      live = false;
    };
  }, [screen]);

  const outcome = useMemo(
    () => (screen === 'result' && later ? later.runTriage(state.answers, settings) : null),
    [screen, state.answers, later, settings],
  );

  const go = (next: Screen, shortcut = false) => {
    setErrors([]);
    setNotice('');
    setUndo(null);
    if (next === 'result') setReviewing(null);
    focusHeading.current = true;
    setState((s) => ({ ...s, screen: next, shortcut, updatedAt: new Date().toISOString() }));
  };

  const update = (patch: Partial<Answers>) => {
    if (undo) {
      setUndo(null);
      setNotice('');
    }
    setState((s) => {
      const answers = { ...s.answers, ...patch };
      if (s.screen !== 'result') setErrors((prev) => (prev.length ? stepErrors(s.screen as StepId, answers) : prev));
      return { ...s, answers, updatedAt: new Date().toISOString() };
    });
  };

  const next = async () => {
    if (screen === 'result' || busy.current) return;
    const found = stepErrors(screen, state.answers);
    if (found.length) {
      focusError.current = true;
      setErrors(found);
      return;
    }
    if (screen === 'signs' && askedAnswers(state.answers).signs.length > 0) {
      // Warning-sign shortcut: the engine judges the answers so far (later ones not reported); a
      // warning sign that needs emergency or same-day care goes straight to its result.
      busy.current = true;
      try {
        const early = (await loadLater()).runTriage(state.answers, settings);
        if (early.ok && SHORTCUT_CARE.includes(early.result.care) && early.result.redFlags.length > 0) {
          return go('result', true);
        }
      } finally {
        busy.current = false;
      }
    }
    go(stepIndex === STEP_IDS.length - 1 ? 'result' : STEP_IDS[stepIndex + 1]!);
  };

  const back = () => {
    if (stepIndex > 0) go(STEP_IDS[stepIndex - 1]!);
  };

  /** Back to the result after changing one step from it (the step's required answers first). */
  const backToResult = () => {
    if (screen === 'result' || !reviewing) return;
    const found = stepErrors(screen, state.answers);
    if (found.length) {
      focusError.current = true;
      setErrors(found);
      return;
    }
    go('result', reviewing.shortcut);
  };

  const changeStep = (step: StepId) => {
    setReviewing({ shortcut: state.shortcut });
    go(step);
  };

  // "Start over" clears at once and offers Undo until the runner answers again (the cleared
  // answers are kept in memory only: closing the popup forgets them, as the runner asked).
  const startOver = () => {
    void clearCheckerState();
    firstRender.current = true; // the fresh state is not saved until the runner answers something
    focusHeading.current = true;
    setErrors([]);
    setReviewing(null);
    setUndo(state);
    setState(freshState(settings.units));
    setNotice('Your answers were cleared.');
  };

  const undoStartOver = () => {
    if (!undo) return;
    focusHeading.current = true;
    setState({ ...undo, updatedAt: new Date().toISOString() });
    setUndo(null);
    setNotice('Your answers are back.');
  };

  const optionalEmpty = screen !== 'result' && OPTIONAL_STEPS.includes(screen) && stepIsEmpty(screen, state.answers);
  const isLast = stepIndex === STEP_IDS.length - 1;

  return (
    <main class="app">
      <header class="top">
        <p class="brand">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M9 2l2 9-4 11" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
            <circle cx="13.6" cy="11" r="2.6" fill="var(--warn)" />
          </svg>
          Knee Check
        </p>
        {(hasAnyAnswer(state.answers) || screen !== 'signs') && (
          <button type="button" class="btn-link start-over" onClick={startOver}>
            Start over
          </button>
        )}
      </header>

      <div class="notice-row">
        <p class="notice" role="status">
          {notice}
        </p>
        {undo && (
          <button type="button" class="btn-link undo" onClick={undoStartOver}>
            Undo
          </button>
        )}
      </div>

      {screen === 'signs' && <PageStatus />}
      {screen === 'signs' && <LazyKneeToday settings={settings} />}

      {screen !== 'result' && (
        <form
          class="step"
          data-step={screen}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void next();
          }}
        >
          <div class="progress">
            <p id="progress-label" class="progress-label">
              Step {stepIndex + 1} of {STEP_IDS.length}: {STEP_SHORT[screen]}
            </p>
            <progress max={STEP_IDS.length} value={stepIndex + 1} aria-labelledby="progress-label" />
          </div>
          <h1 ref={headingRef} tabIndex={-1} class="step-heading">
            {STEP_TITLES[screen]}
          </h1>
          {errors.length > 0 && (
            <div class="error-summary" role="alert">
              <p>
                {errors.length === 1 ? 'One answer needs a look:' : `${errors.length} answers need a look:`}{' '}
                {errors.map((e) => e.message).join(' ')}
              </p>
            </div>
          )}
          <StepBody step={screen} answers={state.answers} update={update} errors={errors} />
          <div class="nav">
            {stepIndex > 0 ? (
              <button type="button" class="btn" onClick={back}>
                Back
              </button>
            ) : (
              <span />
            )}
            <span class="nav-end">
              {reviewing && !isLast && (
                <button type="button" class="btn" onClick={backToResult}>
                  Back to my result
                </button>
              )}
              <button type="submit" class="btn btn-primary">
                {isLast ? 'See my result' : optionalEmpty ? 'Skip' : 'Next'}
              </button>
            </span>
          </div>
        </form>
      )}

      <div class="result-region" aria-live="polite">
        {screen === 'result' && !outcome && (
          <p class="result working" aria-busy="true">
            Working out your result…
          </p>
        )}
        {later && outcome?.ok && (
          <later.ResultView
            result={outcome.result}
            answers={askedAnswers(state.answers)}
            shortcut={state.shortcut}
            headingRef={headingRef}
            onContinue={() => go('where')}
            onChange={changeStep}
            onStartOver={startOver}
          />
        )}
        {outcome && !outcome.ok && (
          <div class="result">
            <h1 ref={headingRef} tabIndex={-1}>
              No result yet
            </h1>
            <p class="field-error">{outcome.message}</p>
            <button type="button" class="btn" onClick={() => changeStep('signs')}>
              Check your answers
            </button>
          </div>
        )}
      </div>
    </main>
  );
}
