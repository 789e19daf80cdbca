// The options page: one column of sections. Form sections (units, thresholds, sites) share one
// Save button; sections whose actions take effect at once (backup, and later the runner's own
// sites and "forget my captured runs") sit below the form and save through OptionsContext.
// To add a section: write components/options/<Name>Section.tsx using <Section> (and useOptions()
// if it saves), then add one line in the list marked "Sections that act at once" below.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  defaultSettings,
  loadInvalidCopies,
  loadSettings,
  saveSettings,
  watchSettings,
  type InvalidSettingsCopy,
  type NumberSettingKey,
  type Settings,
} from '@/lib/settings';
import { errorText } from '@/lib/guards';
import '../ui/theme.css';
import '../ui/ui.css';
import './options.css';
import { Notice } from '../ui/Notice';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { BackupSection } from './BackupSection';
import { CapturedDataSection } from './CapturedDataSection';
import { DiarySection } from './DiarySection';
import { YourKneeSection } from './YourKneeSection';
import { OptionsContext, type OptionsContextValue } from './OptionsContext';
import { RecoveredNotice } from './RecoveredNotice';
import { SitesSection } from './SitesSection';
import { THRESHOLD_ORDER, ThresholdsSection } from './ThresholdsSection';
import { UnitsSection } from './UnitsSection';
import { YourSitesSection } from './YourSitesSection';
import { ErrorSummary } from './ErrorSummary';
import { isDirty, rebaseDraft, toDraft, validateDraft, withShoeText, withUnits, type DraftErrors, type SettingsDraft } from './draft';

type Phase = { name: 'loading' } | { name: 'ready' } | { name: 'failed'; message: string };

export function OptionsApp() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [saved, setSaved] = useState<Settings>(defaultSettings);
  const [draft, setDraftState] = useState<SettingsDraft>(() => toDraft(defaultSettings()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [current, setCurrent] = useState<InvalidSettingsCopy | undefined>();
  const [copies, setCopies] = useState<InvalidSettingsCopy[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  /** Set by a save that failed: the summary at the top lists every field still to fix. */
  const [summaryShown, setSummaryShown] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef(saved);
  const draftRef = useRef(draft);

  function setDraft(next: SettingsDraft) {
    draftRef.current = next;
    setDraftState(next);
  }

  /** New saved settings: replace the form, or keep the runner's unsaved edits field by field. */
  function applySaved(next: Settings, replaceDraft: boolean) {
    const before = savedRef.current;
    savedRef.current = next;
    setSaved(next);
    if (replaceDraft) {
      setDraft(toDraft(next));
      setErrors({});
    } else {
      setDraft(rebaseDraft(draftRef.current, before, next));
    }
  }

  async function refresh(replaceDraft: boolean) {
    const loaded = await loadSettings();
    applySaved(loaded.settings, replaceDraft);
    setCurrent(loaded.recovered);
    setCopies(await loadInvalidCopies());
  }

  useEffect(() => {
    refresh(true).then(
      () => setPhase({ name: 'ready' }),
      (error: unknown) => setPhase({ name: 'failed', message: errorText(error) }),
    );
    // Another tab or the popup saved: take their values where this form has no edits.
    return watchSettings(() => void refresh(false).catch(() => undefined));
  }, []);

  const dirty = useMemo(() => isDirty(draft, saved), [draft, saved]);
  // Read at the moment of leaving, as rendered: an effect adding and removing the listener runs
  // after paint, so a page closed just after a save could still ask.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // Leaving (closing the tab or the options dialog, reloading) with unsaved edits asks first.
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = ''; // older Chromium needs it set to show the prompt
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, []);

  function edit(patch: Partial<SettingsDraft>) {
    const { units, ...rest } = patch;
    const next = { ...draftRef.current, ...rest };
    setDraft(units && units !== next.units ? withUnits(next, units) : next);
    setStatus(null);
  }

  function inputThreshold(key: NumberSettingKey, text: string) {
    const next = key === 'shoeKmLimit' ? withShoeText(draftRef.current, text) : { ...draftRef.current, [key]: text };
    setDraft(next);
    setStatus(null);
    // A shown error follows the typing, and goes as soon as the value is fixed.
    if (errors[key]) setErrors({ ...errors, [key]: validateDraft(next).errors[key] });
  }

  function blurThreshold(key: NumberSettingKey, event: FocusEvent) {
    // Focus going to a button (Save, Export…): showing the error now would push that button down
    // between mouse-down and mouse-up and swallow the click. Save validates everything anyway.
    if (event.relatedTarget instanceof HTMLButtonElement) return;
    setErrors((shown) => ({ ...shown, [key]: validateDraft(draftRef.current).errors[key] }));
  }

  async function save(event: Event) {
    event.preventDefault();
    const result = validateDraft(draftRef.current);
    if (!result.settings) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setStatus({
        tone: 'danger',
        text: `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} fixing (listed at the top of the page).`,
      });
      // The summary names every field to fix, with a link to each: focus it so it is read first.
      setSummaryShown(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (!isDirty(draftRef.current, savedRef.current) && !current) {
      setStatus({ tone: 'info', text: 'No changes to save.' });
      return;
    }
    try {
      const out = await saveSettings(result.settings);
      if (!out.ok) {
        setStatus({ tone: 'danger', text: `Not saved: ${out.issues[0]?.message ?? 'the settings are not valid.'}` });
        return;
      }
      applySaved(out.settings, true);
      setCurrent(undefined);
      setSummaryShown(false);
      setStatus({ tone: 'ok', text: 'Saved.' });
    } catch (error) {
      setStatus({ tone: 'danger', text: `Not saved: ${errorText(error)}` });
    }
  }

  const context: OptionsContextValue = {
    saved,
    announce: setStatus,
    saveChange: async (patch) => {
      const latest = (await loadSettings()).settings;
      const out = await saveSettings({ ...latest, ...patch });
      if (out.ok) applySaved(out.settings, false);
      return out;
    },
  };

  return (
    <main class="options">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={40} height={40} />
        <div>
          <h1>Knee Check settings</h1>
          <p class="options-header__lede">
            Kept on this device only: never synced, never sent anywhere.{' '}
            <a href="/welcome.html" target="_blank" rel="noopener">
              Welcome and first steps
            </a>
          </p>
        </div>
      </header>

      {phase.name === 'loading' && <p>Loading your settings…</p>}
      {phase.name === 'failed' && (
        <Notice tone="danger" title="Could not read your settings" role="alert">
          <p>{phase.message}. Nothing was changed. Reload this page to try again.</p>
        </Notice>
      )}
      {phase.name === 'ready' && (
        <OptionsContext.Provider value={context}>
          <RecoveredNotice current={current} copies={copies} onDiscarded={() => setCopies([])} />
          <form class="options-form" noValidate onSubmit={(event) => void save(event)} aria-label="Settings">
            {summaryShown && <ErrorSummary boxRef={summaryRef} errors={errors} order={THRESHOLD_ORDER} />}
            <UnitsSection draft={draft} onChange={edit} />
            <ThresholdsSection draft={draft} errors={errors} onInput={inputThreshold} onBlur={blurThreshold} />
            <SitesSection draft={draft} onChange={edit} />
            <div class="save-bar">
              <div class="btn-row">
                <button type="submit" class="btn btn--primary">
                  Save
                </button>
                {dirty && <span class="save-bar__dirty">Unsaved changes</span>}
              </div>
              <StatusMessage id="save-status" status={status} />
            </div>
          </form>
          {/* Sections that act at once (each saves or acts on its own): */}
          <YourSitesSection />
          <YourKneeSection />
          <DiarySection />
          <CapturedDataSection />
          <BackupSection
            saved={saved}
            dirty={dirty}
            onReplaced={(settings) => {
              applySaved(settings, true);
              setSummaryShown(false);
            }}
          />
        </OptionsContext.Provider>
      )}
    </main>
  );
}
