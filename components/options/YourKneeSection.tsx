// "Your knee": the facts the checker asks that do not change between checks. Checked with
// lib/triage's own schema (lib/diary/profile-check), kept in the knee diary (storage.local), and
// used by the popup to fill in the checker's empty answers. Saves on its own button.
import { useEffect, useRef, useState } from 'preact/hooks';
import { setProfile, updateDiary, type KneeProfile } from '@/lib/diary';
import { SEX_CHOICES, SIDE_CHOICES } from '@/lib/checker/questions';
import { checkProfile, toDraft, PROFILE_HISTORIES, type ProfileCheck, type ProfileDraft } from '@/lib/diary/profile-check';
import { DiaryPending } from '../diary/DiaryPending';
import { useDiary } from '../diary/useDiary';
import { CheckboxField } from '../ui/CheckboxField';
import { ChoiceGroup, type Choice } from '../ui/ChoiceGroup';
import { NumberField } from '../ui/NumberField';
import { StatusMessage, type Status } from '../ui/StatusMessage';
import { Section } from './Section';

type ErrorField = Extract<ProfileCheck, { ok: false }>['field'];

// The checker's own words for sex and side; here '' stands for "not given" (stored as absent).
const SEX_OPTIONS = [...SEX_CHOICES.filter((c) => c.value !== 'unsaid'), { value: '', label: 'Prefer not to say' }];
const SIDE_OPTIONS = [...SIDE_CHOICES, { value: '', label: 'Not set' }];

/** Plain words; the energy question is asked of everyone, not tied to a sex. */
const HISTORY_LABELS: Record<(typeof PROFILE_HISTORIES)[number], { label: string; description?: string }> = {
  'known-knee-arthritis': { label: "You've been told you have arthritis in your knee" },
  'prior-bone-stress': { label: "You've had a stress fracture or bone stress injury before" },
  'low-energy-or-missed-periods': {
    label: "You often don't eat enough for the running you do, or feel drained of energy",
    description: 'Tick this too if you have periods and they have stopped or become irregular.',
  },
  'clot-risk': {
    label: 'Something that raises the risk of a blood clot',
    description: 'A blood clot before, the contraceptive pill or HRT, cancer, or being pregnant or having given birth recently.',
  },
};

const FIELD_IDS: Record<ErrorField, string> = { age: 'knee-age', sex: 'knee-sex', side: 'knee-side', history: 'knee-history' };

export function YourKneeSection() {
  const diary = useDiary();
  const stored: KneeProfile | undefined = diary.phase === 'ready' ? diary.loaded.diary.profile : undefined;
  const [draft, setDraft] = useState<ProfileDraft>({ age: '', history: [] });
  const [error, setError] = useState<{ field: ErrorField; message: string } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const storedKey = stored ? JSON.stringify(stored) : '';
  const shownKey = useRef('');

  // The stored profile fills the form when it first loads and whenever it changes elsewhere (an import).
  useEffect(() => {
    if (!stored || storedKey === shownKey.current) return;
    shownKey.current = storedKey;
    setDraft(toDraft(stored));
    setError(null);
  }, [storedKey]);

  function edit(patch: Partial<ProfileDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(null);
  }

  async function save(event: Event) {
    event.preventDefault();
    const checked = checkProfile(draft);
    if (!checked.ok) {
      setError({ field: checked.field, message: checked.message });
      setStatus({ tone: 'danger', text: `Not saved: ${checked.message}` });
      document.getElementById(FIELD_IDS[checked.field])?.focus();
      return;
    }
    setError(null);
    try {
      await updateDiary((d) => setProfile(d, checked.profile));
      setStatus({ tone: 'ok', text: 'Saved. The checker fills these in for you (you can still change them there).' });
    } catch (failure) {
      setStatus({ tone: 'danger', text: `Not saved: ${failure instanceof Error ? failure.message : String(failure)}` });
    }
  }

  const errorFor = (field: ErrorField) => (error?.field === field ? error.message : undefined);
  const fieldError = (field: ErrorField) => (
    <p class="field__error" id={`${FIELD_IDS[field]}-error`} aria-live="polite">
      {errorFor(field) ?? ''}
    </p>
  );

  // Sex and side: one choice each, saved as absent when not given.
  const choiceField = (field: 'sex' | 'side', legend: string, options: readonly Choice<string>[]) => (
    <div class="field" id={FIELD_IDS[field]} tabIndex={-1} aria-describedby={`${FIELD_IDS[field]}-error`}>
      <ChoiceGroup
        name={FIELD_IDS[field]}
        legend={legend}
        options={options}
        value={draft[field] ?? ''}
        onChange={(value) => edit({ [field]: value || undefined })}
      />
      {fieldError(field)}
    </div>
  );

  return (
    <Section
      id="your-knee"
      title="Your knee"
      intro="Facts about you that the checker asks every time. Fill them in once and the checker starts with them. Kept on this device only."
    >
      <DiaryPending diary={diary} />
      {diary.phase === 'ready' && (
        <form class="stack" noValidate aria-label="Your knee" onSubmit={(event) => void save(event)}>
          <NumberField
            id="knee-age"
            label="Age"
            value={draft.age}
            min={8}
            max={100}
            unit="years"
            help="Leave it blank if you would rather not say."
            error={errorFor('age')}
            onInput={(age) => edit({ age })}
          />
          {choiceField('sex', 'Sex', SEX_OPTIONS)}
          {choiceField('side', 'Which knee usually hurts', SIDE_OPTIONS)}
          <fieldset class="field choice-group" id="knee-history" tabIndex={-1} aria-describedby="knee-history-error">
            <legend>Does any of these apply to you?</legend>
            {PROFILE_HISTORIES.map((value) => (
              <CheckboxField
                key={value}
                id={`knee-history-${value}`}
                label={HISTORY_LABELS[value].label}
                description={HISTORY_LABELS[value].description}
                checked={draft.history.includes(value)}
                onChange={(on) =>
                  edit({ history: on ? [...draft.history.filter((h) => h !== value), value] : draft.history.filter((h) => h !== value) })
                }
              />
            ))}
            {fieldError('history')}
          </fieldset>
          <div class="btn-row">
            <button type="submit" class="btn btn--primary">
              Keep these for the checker
            </button>
          </div>
          <StatusMessage id="your-knee-status" status={status} />
        </form>
      )}
    </Section>
  );
}
