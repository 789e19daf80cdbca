// The checker's questions in plain words: one label (and sometimes a hint) per contract enum value,
// plus the popup's own answer choices (how long, settles, rested, stiffness) that ./to-input.ts maps
// onto TriageInput. The choices' words are data, in ./choices.json; this module types them and says
// which screen asks what. Pure data: no clinical logic lives here or in the UI. Follow-up questions
// (`askIf`) appear only once an earlier answer makes them matter, so nobody gets a longer form.
import type { Answers } from './answers';
import * as triage from '../triage/types';
import CHOICES from './choices.json' with { type: 'json' };

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

/**
 * One list of ./choices.json (the words, in screen order) as the choices of a field whose values are
 * `allowed`. A value outside them fails here, at load, naming it; tests/unit/checker/choices.test.ts
 * also checks the file against the contract's enums (one choice for each value, no typo).
 */
function choices<V extends string>(list: readonly { value: string; label: string; hint?: string }[], allowed: readonly V[]): Choice<V>[] {
  const stray = list.find((c) => !(allowed as readonly string[]).includes(c.value));
  if (stray) throw new Error(`choices.json: "${stray.value}" is not one of ${allowed.join(', ')}`);
  return list as Choice<V>[];
}

/** Order of the question screens; the result comes after the last. */
export const STEP_IDS = ['signs', 'where', 'pattern', 'swelling', 'about', 'training'] as const;
export type StepId = (typeof STEP_IDS)[number];
export type Screen = StepId | 'result';
export const SCREENS: readonly Screen[] = [...STEP_IDS, 'result'];

export const STEP_TITLES: Record<StepId, string> = {
  signs: 'First, any warning signs?',
  where: 'Where does it hurt?',
  pattern: 'When and how does it hurt?',
  swelling: 'Swelling, locking, giving way',
  about: 'About you',
  training: 'Your training',
};

/** Short names for the progress indicator. */
export const STEP_SHORT: Record<StepId, string> = {
  signs: 'Warning signs',
  where: 'Where',
  pattern: 'When and how',
  swelling: 'Swelling',
  about: 'About you',
  training: 'Training',
};

/** Steps on which every question is optional: the primary button reads "Skip" until something is answered. */
export const OPTIONAL_STEPS: readonly StepId[] = ['pattern', 'training'];

export const ONSET_CHOICES = choices(CHOICES.onset, triage.ONSETS);

/** Every warning sign's words; each screen asks a subset (the first screen, or a follow-up). */
export const SIGN_CHOICES = choices(CHOICES.signs, triage.SIGNS);

/** Signs asked only as follow-ups (see FOLLOW-UPS below), not on the first screen's list. */
const FOLLOW_UP_SIGNS: readonly triage.Sign[] = ['heard-pop', 'kneecap-slipped', 'cannot-straight-leg-raise', 'lump-behind-knee'];
const pick = <V extends string>(choices: readonly Choice<V>[], values: readonly V[]) =>
  values.map((v) => choices.find((c) => c.value === v)!);
export const FIRST_SCREEN_SIGN_CHOICES = SIGN_CHOICES.filter((c) => !FOLLOW_UP_SIGNS.includes(c.value));

export const LOCATION_CHOICES = choices(CHOICES.locations, triage.LOCATIONS);
export const SIDE_CHOICES = choices(CHOICES.side, triage.SIDES);
export const TIMING_CHOICES = choices(CHOICES.timing, triage.TIMINGS);
export const FEEL_CHOICES = choices(CHOICES.feel, triage.FEELS);
export const AGGRAVATOR_CHOICES = choices(CHOICES.worseWith, triage.AGGRAVATORS);
export const SWELLING_CHOICES = choices(CHOICES.swelling, triage.SWELLINGS);
export const MECHANICAL_CHOICES = choices(CHOICES.mechanical, triage.MECHANICALS);
export const SEX_CHOICES = choices(CHOICES.sex, [...triage.SEXES, 'unsaid'] as const);

/** How long since it first hurt; ./to-input.ts maps each to a number of days. */
const DURATIONS = ['today', 'd1-3', 'd4-7', 'w1-2', 'w2-4', 'm1-3', 'm3plus'] as const;
export type DurationChoice = (typeof DURATIONS)[number];
export const DURATION_CHOICES = choices(CHOICES.duration, DURATIONS);

const SETTLES = ['yes', 'no', 'unsure'] as const;
export type SettlesChoice = (typeof SETTLES)[number];
export const SETTLES_CHOICES = choices(CHOICES.settles, SETTLES);

const RESTED = ['no-better', 'better', 'not-rested'] as const;
export type RestedChoice = (typeof RESTED)[number];
export const RESTED_CHOICES = choices(CHOICES.rested, RESTED);

/** Morning stiffness; ./to-input.ts maps each to a number of minutes. */
const STIFFNESS = ['none', 'under-30', '30-60', 'over-60'] as const;
export type StiffnessChoice = (typeof STIFFNESS)[number];
export const STIFFNESS_CHOICES = choices(CHOICES.stiffness, STIFFNESS);

export const HISTORY_CHOICES = choices(CHOICES.history, triage.HISTORIES);
export const TREND_CHOICES = choices(CHOICES.trend, triage.TRENDS);

/** Worst pain 0-10 as radio values ("0".."10"); ./to-input.ts turns the chosen one into painScore. */
export const PAIN_SCORE_CHOICES = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));

/** The training screen's ticks, each a boolean of the contract's Training. */
const TRAINING_FLAGS = ['addedHillsOrSpeed', 'newRunner', 'returningFromBreak', 'hardOrCambered'] as const;
export type TrainingFlag = (typeof TRAINING_FLAGS)[number];
export const TRAINING_FLAG_CHOICES = choices(CHOICES.flags, TRAINING_FLAGS);

/** Answers chosen from a list: an array field (`multiple`) or a single value. */
export type ChoiceField =
  | 'onset'
  | 'signs'
  | 'locations'
  | 'side'
  | 'timing'
  | 'feel'
  | 'worseWith'
  | 'swelling'
  | 'mechanical'
  | 'sex'
  | 'duration'
  | 'trend'
  | 'settles'
  | 'rested'
  | 'stiffness'
  | 'history'
  | 'painScore';

export interface ChoiceQuestion {
  field: ChoiceField;
  /** The group's DOM id when it is not the field (several groups can share a list field). */
  id?: string;
  legend: string;
  hint?: string;
  optional?: true;
  multiple?: true;
  row?: true;
  choices: readonly Choice<string>[];
  /** A follow-up: asked only while this holds for the answers so far. */
  askIf?: (answers: Answers) => boolean;
}

/**
 * The age, asked early (optional) when a first-screen answer means different things at different
 * ages (a limp in a child, a sore bone after a fall), so those warning signs can go straight to
 * their result. "About you" asks it anyway.
 */
export const ageAskedEarly = (a: Answers): boolean =>
  a.onset === 'fall-or-blow' || a.signs.some((s) => s === 'limp' || s === 'bone-tender-spot' || s === 'cannot-bear-weight');

/** The distance into a run at which the pain starts: asked only when it comes on part-way. */
export const painStartsAsked = (a: Answers): boolean => a.timing.includes('late-in-run');

const injuredSuddenly = (a: Answers) => a.onset === 'sudden-twist' || a.onset === 'fall-or-blow';
const swellingOrHotJoint = (a: Answers) =>
  (a.swelling !== undefined && a.swelling !== 'none') ||
  a.signs.some((s) => s === 'hot-red-knee' || s === 'fever-unwell' || s === 'multiple-joints');

/** What each screen asks, in order. "where", "age", "painStarts" and the training screen have their own controls. */
export const STEP_QUESTIONS: Record<
  Exclude<StepId, 'training'>,
  { lede?: string; questions: (ChoiceQuestion | 'where' | 'age' | 'early-age' | 'painStarts')[] }
> = {
  signs: {
    lede: 'Some knee problems need help today. Tick anything that is true now.',
    questions: [
      { field: 'onset', legend: 'How did it start?', choices: ONSET_CHOICES },
      {
        field: 'signs',
        id: 'injury',
        legend: 'When it happened, or since:',
        hint: 'Tick any that are true; leave them unticked if not.',
        optional: true,
        multiple: true,
        choices: pick(SIGN_CHOICES, ['heard-pop', 'kneecap-slipped', 'cannot-straight-leg-raise']),
        askIf: injuredSuddenly,
      },
      {
        field: 'signs',
        id: 'quads',
        legend: 'Since it came on:',
        hint: 'Tick it if it is true; leave it unticked if not.',
        optional: true,
        multiple: true,
        choices: pick(SIGN_CHOICES, ['cannot-straight-leg-raise']),
        askIf: (a) => a.onset === 'sudden-no-injury',
      },
      {
        field: 'signs',
        legend: 'Is any of these true?',
        hint: 'Leave them all unticked if none is.',
        multiple: true,
        choices: FIRST_SCREEN_SIGN_CHOICES,
      },
      {
        field: 'history',
        id: 'clot',
        legend: 'About your calf: does any of these apply?',
        hint: 'They make a blood clot more likely. Leave them unticked if not.',
        optional: true,
        multiple: true,
        choices: pick(HISTORY_CHOICES, ['recent-travel-surgery-or-immobile', 'clot-risk']),
        askIf: (a) => a.signs.includes('calf-swelling'),
      },
      'early-age',
    ],
  },
  where: {
    questions: [
      'where',
      {
        field: 'signs',
        id: 'back-lump',
        legend: 'At the back of the knee:',
        hint: 'Tick it if it is true.',
        optional: true,
        multiple: true,
        choices: pick(SIGN_CHOICES, ['lump-behind-knee']),
        askIf: (a) => a.locations.includes('back'),
      },
      { field: 'side', legend: 'Which knee?', optional: true, row: true, choices: SIDE_CHOICES },
    ],
  },
  pattern: {
    lede: "Tick all that fit. Skip what you're not sure about.",
    questions: [
      { field: 'timing', legend: 'When does it hurt?', optional: true, multiple: true, choices: TIMING_CHOICES },
      'painStarts',
      {
        field: 'painScore',
        legend: 'How bad was it at its worst, during or after your last run?',
        hint: '0 is no pain, 10 the worst pain you can imagine.',
        optional: true,
        row: true,
        choices: PAIN_SCORE_CHOICES,
      },
      { field: 'feel', legend: 'What does it feel like?', optional: true, multiple: true, choices: FEEL_CHOICES },
      { field: 'worseWith', legend: 'What makes it worse?', optional: true, multiple: true, choices: AGGRAVATOR_CHOICES },
    ],
  },
  swelling: {
    questions: [
      { field: 'swelling', legend: 'Has the knee swollen?', choices: SWELLING_CHOICES },
      {
        field: 'history',
        id: 'joint-history',
        legend: 'With swelling, does any of these apply?',
        hint: 'They change what a swollen knee can mean. Leave them unticked if not.',
        optional: true,
        multiple: true,
        choices: pick(HISTORY_CHOICES, ['recent-knee-injection-or-surgery', 'gout-or-psoriasis', 'recent-infection']),
        askIf: swellingOrHotJoint,
      },
      { field: 'mechanical', legend: 'Does the knee do any of these?', optional: true, multiple: true, choices: MECHANICAL_CHOICES },
    ],
  },
  about: {
    questions: [
      'age',
      { field: 'sex', legend: 'Sex', optional: true, row: true, choices: SEX_CHOICES },
      { field: 'duration', legend: 'How long has it hurt?', hint: 'Since the pain first appeared.', choices: DURATION_CHOICES },
      {
        field: 'trend',
        legend: 'Over the last week or two, is it:',
        optional: true,
        choices: TREND_CHOICES,
        askIf: (a) => a.duration !== undefined && a.duration !== 'today' && a.duration !== 'd1-3',
      },
      { field: 'settles', legend: 'After a run, is it gone within a day or two?', optional: true, choices: SETTLES_CHOICES },
      { field: 'rested', legend: 'Have you had a week or more off running?', optional: true, choices: RESTED_CHOICES },
      { field: 'stiffness', legend: 'How long is the knee stiff after you get up?', optional: true, choices: STIFFNESS_CHOICES },
      {
        field: 'history',
        legend: 'Does any of these apply to you?',
        optional: true,
        multiple: true,
        choices: pick(HISTORY_CHOICES, [
          'prior-bone-stress',
          'low-energy-or-missed-periods',
          'recent-travel-surgery-or-immobile',
          'known-knee-arthritis',
        ]),
      },
    ],
  },
};

/** The choice questions on a screen that are asked for these answers (follow-ups included when they apply). */
export function askedQuestions(step: Exclude<StepId, 'training'>, answers: Answers): ChoiceQuestion[] {
  return STEP_QUESTIONS[step].questions.filter((q): q is ChoiceQuestion => typeof q === 'object' && (!q.askIf || q.askIf(answers)));
}

/**
 * The answers as they stand on the screens: an answer given to a follow-up that no longer applies
 * (a pop ticked after a twist, then the start changed to "gradually") is left out, unless another
 * question that is asked offers it too. The stored answers keep it, so changing back restores it.
 */
export function askedAnswers(answers: Answers): Answers {
  const offered = new Map<ChoiceField, Set<string>>();
  const hidden = new Map<ChoiceField, Set<string>>();
  for (const step of Object.keys(STEP_QUESTIONS) as Exclude<StepId, 'training'>[]) {
    for (const q of STEP_QUESTIONS[step].questions) {
      if (typeof q !== 'object') continue;
      const into = !q.askIf || q.askIf(answers) ? offered : hidden;
      const set = into.get(q.field) ?? new Set<string>();
      for (const c of q.choices) set.add(c.value);
      into.set(q.field, set);
    }
  }
  const out: Answers = { ...answers };
  const record = out as unknown as Record<string, unknown>;
  for (const [field, values] of hidden) {
    const gone = (v: string) => values.has(v) && !offered.get(field)?.has(v);
    const current = record[field];
    if (Array.isArray(current)) record[field] = (current as string[]).filter((v) => !gone(v));
    else if (typeof current === 'string' && gone(current)) delete record[field];
  }
  if (!painStartsAsked(answers)) out.painStarts = '';
  return out;
}

/** The label of a value in a list of choices (the value itself if unknown). */
export function labelOf<V extends string>(choices: readonly Choice<V>[], value: V): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}
