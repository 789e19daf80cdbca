// The six question screens, drawn from lib/checker/questions (STEP_QUESTIONS): the words and the
// mapping to TriageInput live there, so nothing here decides anything clinical.
import type { Answers, FieldError, TrainingAnswers } from '../../lib/checker/answers';
import { percentChange } from '../../lib/checker/answers';
import {
  STEP_QUESTIONS,
  TRAINING_FLAG_CHOICES,
  ageAskedEarly,
  painStartsAsked,
  type ChoiceQuestion,
  type StepId,
} from '../../lib/checker/questions';
import { ChoiceGroup, NumberField } from './fields';
import { KneeDiagram } from './KneeDiagram';

export interface StepProps {
  step: StepId;
  answers: Answers;
  update: (patch: Partial<Answers>) => void;
  errors: FieldError[];
}

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

function Question({ q, answers, update, errors }: { q: ChoiceQuestion } & Omit<StepProps, 'step'>) {
  const current = answers[q.field] as string | string[] | undefined;
  const mine = new Set(q.choices.map((c) => c.value));
  // Several groups can fill one list (a follow-up adds signs to the first screen's): a group
  // changes only its own values and keeps the others'.
  const change = (values: string[]) => {
    if (!q.multiple) return update({ [q.field]: values[0] });
    const others = Array.isArray(current) ? current.filter((v) => !mine.has(v)) : [];
    update({ [q.field]: [...others, ...values] });
  };
  return (
    <ChoiceGroup
      id={q.id ?? q.field}
      legend={q.legend}
      hint={q.hint}
      optional={q.optional}
      multiple={q.multiple}
      row={q.row}
      scale={q.field === 'painScore'}
      followUp={Boolean(q.askIf)}
      choices={q.choices}
      values={Array.isArray(current) ? current.filter((v) => mine.has(v)) : current ? [current] : []}
      onChange={change}
      error={errorFor(errors, q.field)}
    />
  );
}

function signed(pct: number): string {
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct)} %`;
}

function TrainingStep({ answers, update, errors }: Omit<StepProps, 'step'>) {
  const t = answers.training;
  const u = t.units;
  const set = (patch: Partial<TrainingAnswers>) => update({ training: { ...t, ...patch } });
  const distance = (field: 'thisWeek' | 'lastWeek' | 'latestRun' | 'longestBefore' | 'shoe', label: string, optional?: boolean) => (
    <NumberField
      id={`training.${field}`}
      label={`${label} (${u})`}
      optional={optional}
      decimal
      value={t[field]}
      onInput={(text) => set({ [field]: text })}
      error={errorFor(errors, `training.${field}`)}
    />
  );
  const pair = (legend: string, a: preact.JSX.Element, b: preact.JSX.Element, pct: number | undefined, say: string) => (
    <fieldset class="group">
      <legend>
        {legend} <span class="optional">(optional)</span>
      </legend>
      <div class="pair">
        {a}
        {b}
      </div>
      {pct !== undefined && <p class="computed">{say.replace('%', signed(pct))}</p>}
    </fieldset>
  );
  return (
    <>
      {t.prefill ? (
        <p class="note" id="training-prefill">
          Filled in from {t.prefill.runs} {t.prefill.runs === 1 ? 'run' : 'runs'} Knee Check saw on your running log. Change anything that
          is not right.
        </p>
      ) : (
        <p class="lede">
          Distances are in {u === 'km' ? 'kilometres' : 'miles'} (change this in Settings). Leave blank what you don't know.
        </p>
      )}
      {pair(
        'Weekly distance',
        distance('thisWeek', 'Last 7 days'),
        distance('lastWeek', 'The 7 days before'),
        percentChange(t.thisWeek, t.lastWeek),
        'That is % on the week before.',
      )}
      {pair(
        'Longest run',
        distance('latestRun', 'Your latest run'),
        distance('longestBefore', 'Longest run in the 30 days before it'),
        percentChange(t.latestRun, t.longestBefore),
        'Your latest run was % on that longest run.',
      )}
      <ChoiceGroup
        id="training.flags"
        legend="Does any of these fit?"
        optional
        multiple
        choices={TRAINING_FLAG_CHOICES}
        values={t.flags}
        onChange={(flags) => set({ flags })}
      />
      {distance('shoe', 'Distance on your current shoes', true)}
    </>
  );
}

export function StepBody(props: StepProps) {
  const { step, answers, update, errors } = props;
  if (step === 'training') return <TrainingStep {...props} />;
  const { lede, questions } = STEP_QUESTIONS[step];
  const units = answers.training.units;
  return (
    <>
      {lede && <p class="lede">{lede}</p>}
      {questions.map((q) =>
        q === 'where' ? (
          <KneeDiagram
            key={q}
            values={answers.locations}
            onChange={(locations) => update({ locations })}
            error={errorFor(errors, 'locations')}
          />
        ) : q === 'age' ? (
          <NumberField
            key={q}
            id="age"
            label="Your age"
            hint="In years (8 to 100)."
            value={answers.age}
            onInput={(age) => update({ age })}
            error={errorFor(errors, 'age')}
          />
        ) : q === 'early-age' ? (
          ageAskedEarly(answers) && (
            <div class="follow-up" key={q}>
              <NumberField
                id="age"
                label="Your age"
                hint="A limp or a sore bone means different things at different ages. In years (8 to 100)."
                optional
                value={answers.age}
                onInput={(age) => update({ age })}
                error={errorFor(errors, 'age')}
              />
            </div>
          )
        ) : q === 'painStarts' ? (
          painStartsAsked(answers) && (
            <div class="follow-up" key={q}>
              <NumberField
                id="painStarts"
                label={`About how far into a run does it start? (${units})`}
                hint="Roughly is fine: the distance at which it usually comes on."
                optional
                decimal
                value={answers.painStarts ?? ''}
                onInput={(painStarts) => update({ painStarts })}
                error={errorFor(errors, 'painStarts')}
              />
            </div>
          )
        ) : (
          (!q.askIf || q.askIf(answers)) && <Question key={q.id ?? q.field} q={q} answers={answers} update={update} errors={errors} />
        ),
      )}
    </>
  );
}
