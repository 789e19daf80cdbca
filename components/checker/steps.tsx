// The six question screens. Each edits part of the Answers; ../../lib/checker holds the questions'
// words and the mapping to TriageInput, so nothing here decides anything clinical.
import type { Answers, FieldError, TrainingAnswers } from '../../lib/checker/answers';
import { percentChange } from '../../lib/checker/answers';
import {
  AGGRAVATOR_CHOICES,
  DURATION_CHOICES,
  FEEL_CHOICES,
  HISTORY_CHOICES,
  MECHANICAL_CHOICES,
  ONSET_CHOICES,
  RESTED_CHOICES,
  SETTLES_CHOICES,
  SEX_CHOICES,
  SIDE_CHOICES,
  SIGN_CHOICES,
  STIFFNESS_CHOICES,
  SWELLING_CHOICES,
  TIMING_CHOICES,
  TRAINING_FLAG_CHOICES,
  type StepId,
} from '../../lib/checker/questions';
import { CheckboxGroup, NumberField, RadioGroup } from './fields';
import { KneeDiagram } from './KneeDiagram';

export interface StepProps {
  answers: Answers;
  update: (patch: Partial<Answers>) => void;
  errors: FieldError[];
}

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

function SignsStep({ answers, update, errors }: StepProps) {
  return (
    <>
      <p class="lede">Some knee problems need help today. Tick anything that is true now.</p>
      <RadioGroup
        id="onset"
        legend="How did it start?"
        choices={ONSET_CHOICES}
        value={answers.onset}
        onChange={(onset) => update({ onset })}
        error={errorFor(errors, 'onset')}
      />
      <CheckboxGroup
        id="signs"
        legend="Is any of these true?"
        hint="Leave them all unticked if none is."
        choices={SIGN_CHOICES}
        values={answers.signs}
        onChange={(signs) => update({ signs })}
      />
    </>
  );
}

function WhereStep({ answers, update, errors }: StepProps) {
  return (
    <>
      <KneeDiagram
        values={answers.locations}
        onChange={(locations) => update({ locations })}
        error={errorFor(errors, 'locations')}
      />
      <RadioGroup
        id="side"
        legend="Which knee?"
        optional
        compact
        choices={SIDE_CHOICES}
        value={answers.side}
        onChange={(side) => update({ side })}
      />
    </>
  );
}

function PatternStep({ answers, update }: StepProps) {
  return (
    <>
      <p class="lede">Tick all that fit. Skip what you're not sure about.</p>
      <CheckboxGroup
        id="timing"
        legend="When does it hurt?"
        optional
        choices={TIMING_CHOICES}
        values={answers.timing}
        onChange={(timing) => update({ timing })}
      />
      <CheckboxGroup
        id="feel"
        legend="What does it feel like?"
        optional
        choices={FEEL_CHOICES}
        values={answers.feel}
        onChange={(feel) => update({ feel })}
      />
      <CheckboxGroup
        id="worseWith"
        legend="What makes it worse?"
        optional
        choices={AGGRAVATOR_CHOICES}
        values={answers.worseWith}
        onChange={(worseWith) => update({ worseWith })}
      />
    </>
  );
}

function SwellingStep({ answers, update, errors }: StepProps) {
  return (
    <>
      <RadioGroup
        id="swelling"
        legend="Has the knee swollen?"
        choices={SWELLING_CHOICES}
        value={answers.swelling}
        onChange={(swelling) => update({ swelling })}
        error={errorFor(errors, 'swelling')}
      />
      <CheckboxGroup
        id="mechanical"
        legend="Does the knee do any of these?"
        optional
        choices={MECHANICAL_CHOICES}
        values={answers.mechanical}
        onChange={(mechanical) => update({ mechanical })}
      />
    </>
  );
}

function AboutStep({ answers, update, errors }: StepProps) {
  return (
    <>
      <NumberField
        id="age"
        label="Your age"
        hint="In years (8 to 100)."
        value={answers.age}
        onInput={(age) => update({ age })}
        error={errorFor(errors, 'age')}
      />
      <RadioGroup
        id="sex"
        legend="Sex"
        optional
        compact
        choices={SEX_CHOICES}
        value={answers.sex}
        onChange={(sex) => update({ sex })}
      />
      <RadioGroup
        id="duration"
        legend="How long has it hurt?"
        hint="Since the pain first appeared."
        choices={DURATION_CHOICES}
        value={answers.duration}
        onChange={(duration) => update({ duration })}
        error={errorFor(errors, 'duration')}
      />
      <RadioGroup
        id="settles"
        legend="After a run, is it gone within a day or two?"
        optional
        choices={SETTLES_CHOICES}
        value={answers.settles}
        onChange={(settles) => update({ settles })}
      />
      <RadioGroup
        id="rested"
        legend="Have you had a week or more off running?"
        optional
        choices={RESTED_CHOICES}
        value={answers.rested}
        onChange={(rested) => update({ rested })}
      />
      <RadioGroup
        id="stiffness"
        legend="How long is the knee stiff after you get up?"
        optional
        choices={STIFFNESS_CHOICES}
        value={answers.stiffness}
        onChange={(stiffness) => update({ stiffness })}
      />
      <CheckboxGroup
        id="history"
        legend="Does any of these apply to you?"
        optional
        choices={HISTORY_CHOICES}
        values={answers.history}
        onChange={(history) => update({ history })}
      />
    </>
  );
}

function signed(pct: number): string {
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

function TrainingStep({ answers, update, errors }: StepProps) {
  const t = answers.training;
  const u = t.units;
  const set = (patch: Partial<TrainingAnswers>) => update({ training: { ...t, ...patch } });
  const weekly = percentChange(t.thisWeek, t.lastWeek);
  const spike = percentChange(t.latestRun, t.longestBefore);
  return (
    <>
      {t.prefill ? (
        <p class="note" id="training-prefill">
          Filled in from {t.prefill.runs} {t.prefill.runs === 1 ? 'run' : 'runs'} Knee Check saw on your running log.
          Change anything that is not right.
        </p>
      ) : (
        <p class="lede">Distances are in {u === 'km' ? 'kilometres' : 'miles'} (change this in Settings). Leave blank what you don't know.</p>
      )}
      <fieldset class="group">
        <legend>
          Weekly distance <span class="optional">(optional)</span>
        </legend>
        <div class="pair">
          <NumberField id="training.thisWeek" label={`Last 7 days (${u})`} decimal value={t.thisWeek} onInput={(thisWeek) => set({ thisWeek })} error={errorFor(errors, 'training.thisWeek')} />
          <NumberField id="training.lastWeek" label={`The 7 days before (${u})`} decimal value={t.lastWeek} onInput={(lastWeek) => set({ lastWeek })} error={errorFor(errors, 'training.lastWeek')} />
        </div>
        {weekly !== undefined && <p class="computed">That is {signed(weekly)} on the week before.</p>}
      </fieldset>
      <fieldset class="group">
        <legend>
          Longest run <span class="optional">(optional)</span>
        </legend>
        <div class="pair">
          <NumberField id="training.latestRun" label={`Your latest run (${u})`} decimal value={t.latestRun} onInput={(latestRun) => set({ latestRun })} error={errorFor(errors, 'training.latestRun')} />
          <NumberField id="training.longestBefore" label={`Longest run in the 30 days before it (${u})`} decimal value={t.longestBefore} onInput={(longestBefore) => set({ longestBefore })} error={errorFor(errors, 'training.longestBefore')} />
        </div>
        {spike !== undefined && <p class="computed">Your latest run was {signed(spike)} on that longest run.</p>}
      </fieldset>
      <CheckboxGroup
        id="training.flags"
        legend="Does any of these fit?"
        optional
        choices={TRAINING_FLAG_CHOICES}
        values={t.flags}
        onChange={(flags) => set({ flags })}
      />
      <NumberField
        id="training.shoe"
        label={`Distance on your current shoes (${u})`}
        optional
        decimal
        value={t.shoe}
        onInput={(shoe) => set({ shoe })}
        error={errorFor(errors, 'training.shoe')}
      />
    </>
  );
}

export const STEP_COMPONENTS: Record<StepId, (props: StepProps) => preact.JSX.Element> = {
  signs: SignsStep,
  where: WhereStep,
  pattern: PatternStep,
  swelling: SwellingStep,
  about: AboutStep,
  training: TrainingStep,
};
