// The checker's questions in plain words: one label (and sometimes a hint) per contract enum value,
// plus the popup's own answer choices (how long, settles, rested, stiffness) that ./to-input.ts maps
// onto TriageInput. Pure data: no clinical logic lives here or in the UI. Follow-up questions
// (`askIf`) appear only once an earlier answer makes them matter, so nobody gets a longer form.
import type { Answers } from './answers';
import type { Aggravator, Feel, History, Location, Mechanical, Onset, Sign, Swelling, Timing } from '../triage/types';
import { SEXES, SIDES, TRENDS } from '../triage/types';

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint?: string;
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

export const ONSET_CHOICES: Choice<Onset>[] = [
  { value: 'gradual', label: 'Gradually, without an injury' },
  {
    value: 'sudden-no-injury',
    label: 'Suddenly, during or after one run',
    hint: 'No twist, fall or knock: it just came on',
  },
  { value: 'sudden-twist', label: 'Suddenly, with a twist', hint: 'Turning, landing or a pop' },
  { value: 'fall-or-blow', label: 'After a fall or a blow to the knee' },
];

/** Every warning sign's words; each screen asks a subset (the first screen, or a follow-up). */
export const SIGN_CHOICES: Choice<Sign>[] = [
  { value: 'hot-red-knee', label: 'Your knee is hot and red' },
  { value: 'fever-unwell', label: 'You feel feverish or unwell' },
  { value: 'cannot-bear-weight', label: "You can't take 4 steps on it" },
  { value: 'cannot-bend-90', label: "You can't bend it to a right angle" },
  { value: 'bone-tender-spot', label: 'One spot on the bone hurts to press' },
  { value: 'calf-swelling', label: 'Your calf is swollen, tender or warm' },
  { value: 'foot-numb-cold', label: 'Your foot is numb, cold or pale' },
  { value: 'deformity', label: 'The kneecap is out of place right now, or the knee looks deformed' },
  { value: 'weight-loss', label: "You've lost weight without trying" },
  { value: 'limp', label: "You're limping" },
  { value: 'bump-below-kneecap', label: 'A bony bump just below the kneecap hurts' },
  { value: 'multiple-joints', label: 'Other joints are swollen or stiff too' },
  { value: 'heard-pop', label: 'You heard or felt a pop as it happened' },
  { value: 'kneecap-slipped', label: 'The kneecap slipped out of place and went back' },
  {
    value: 'cannot-straight-leg-raise',
    label: "Lying on your back, you can't lift the leg with the knee held straight",
  },
  { value: 'lump-behind-knee', label: 'A lump, or a full, tight feeling, behind the knee' },
];

/** Signs asked only as follow-ups (see FOLLOW-UPS below), not on the first screen's list. */
const FOLLOW_UP_SIGNS: readonly Sign[] = ['heard-pop', 'kneecap-slipped', 'cannot-straight-leg-raise', 'lump-behind-knee'];
const pick = <V extends string>(choices: readonly Choice<V>[], values: readonly V[]) =>
  values.map((v) => choices.find((c) => c.value === v)!);
export const FIRST_SCREEN_SIGN_CHOICES = SIGN_CHOICES.filter((c) => !FOLLOW_UP_SIGNS.includes(c.value));

export const LOCATION_CHOICES: Choice<Location>[] = [
  { value: 'front', label: 'Around or behind the kneecap' },
  { value: 'above-kneecap', label: 'Just above the kneecap' },
  { value: 'below-kneecap', label: 'Just below the kneecap' },
  { value: 'inside', label: 'Inside of the knee', hint: 'The side facing your other knee' },
  { value: 'outside', label: 'Outside of the knee' },
  { value: 'joint-line', label: 'Along the joint line', hint: 'The gap between thigh and shin bones' },
  { value: 'back', label: 'Back of the knee' },
  { value: 'whole-knee', label: 'Deep inside or all over', hint: 'Hard to point to one spot' },
  { value: 'thigh-muscles', label: 'Thigh muscles', hint: 'The muscles above the knee, not the joint' },
  { value: 'hip-groin', label: 'The hip, groin or upper thigh too', hint: 'Hip problems are often felt in the knee' },
];

export const SIDE_CHOICES: Choice<(typeof SIDES)[number]>[] = [
  { value: 'left', label: 'Left' },
  { value: 'right', label: 'Right' },
  { value: 'both', label: 'Both' },
];

export const TIMING_CHOICES: Choice<Timing>[] = [
  { value: 'eases-with-warmup', label: 'At the start of a run, easing as you warm up' },
  { value: 'late-in-run', label: 'Part-way into a run', hint: 'Often at about the same distance each time' },
  { value: 'whole-run', label: 'All through the run' },
  { value: 'after-run', label: 'Only after running, once cooled down' },
  { value: 'next-morning', label: 'The next morning' },
  { value: 'at-rest', label: "At rest, when you're not running" },
  { value: 'at-night', label: 'At night: it wakes you up' },
];

export const FEEL_CHOICES: Choice<Feel>[] = [
  { value: 'dull-ache', label: 'A dull ache' },
  { value: 'sharp', label: 'Sharp' },
  { value: 'burning', label: 'Burning' },
  { value: 'pressure-fullness', label: 'Pressure or fullness' },
  { value: 'stiffness', label: 'Stiff' },
  { value: 'pinching', label: 'Pinching' },
];

export const AGGRAVATOR_CHOICES: Choice<Aggravator>[] = [
  { value: 'stairs', label: 'Stairs' },
  { value: 'downhill', label: 'Running downhill' },
  { value: 'long-runs', label: 'Long runs' },
  { value: 'hills-speed-jumping', label: 'Hills, speed work or jumping' },
  { value: 'hopping', label: 'Hopping on that leg' },
  { value: 'squatting-kneeling', label: 'Squatting or kneeling' },
  { value: 'sitting', label: 'Sitting a long time with the knee bent' },
  { value: 'straightening', label: 'Straightening it fully, or standing with it locked back' },
  { value: 'twisting', label: 'Twisting or turning on it' },
];

export const SWELLING_CHOICES: Choice<Swelling>[] = [
  { value: 'none', label: 'No swelling' },
  { value: 'mild-settles', label: 'A little, and it goes down again' },
  { value: 'persistent', label: 'Swollen most of the time' },
  { value: 'rapid-after-injury', label: 'It swelled up within hours of an injury' },
  { value: 'rapid-no-injury', label: 'It swelled up within hours of a run, with no injury' },
];

export const MECHANICAL_CHOICES: Choice<Mechanical>[] = [
  { value: 'catching', label: 'Catching or clicking', hint: 'Something seems to catch inside as it moves' },
  { value: 'locking', label: 'Locking', hint: "It gets stuck: you can't fully straighten it until it frees up" },
  { value: 'giving-way', label: 'Giving way', hint: 'It buckles or feels unstable' },
];

export const SEX_CHOICES: Choice<(typeof SEXES)[number] | 'unsaid'>[] = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unsaid', label: 'Prefer not to say' },
];

/** How long since it first hurt; ./to-input.ts maps each to a number of days. */
export const DURATION_CHOICES = [
  { value: 'today', label: 'It started today' },
  { value: 'd1-3', label: '1–3 days' },
  { value: 'd4-7', label: '4–7 days' },
  { value: 'w1-2', label: '1–2 weeks' },
  { value: 'w2-4', label: '2–4 weeks' },
  { value: 'm1-3', label: '1–3 months' },
  { value: 'm3plus', label: 'More than 3 months' },
] as const satisfies readonly Choice<string>[];
export type DurationChoice = (typeof DURATION_CHOICES)[number]['value'];

export const SETTLES_CHOICES = [
  { value: 'yes', label: 'Yes, it settles within a day or two' },
  { value: 'no', label: 'No, it lasts longer' },
  { value: 'unsure', label: 'Not sure yet' },
] as const satisfies readonly Choice<string>[];
export type SettlesChoice = (typeof SETTLES_CHOICES)[number]['value'];

export const RESTED_CHOICES = [
  { value: 'no-better', label: "Yes, and it's no better" },
  { value: 'better', label: "Yes, and it's getting better" },
  { value: 'not-rested', label: "No, I haven't taken a week off" },
] as const satisfies readonly Choice<string>[];
export type RestedChoice = (typeof RESTED_CHOICES)[number]['value'];

export const STIFFNESS_CHOICES = [
  { value: 'none', label: 'No morning stiffness' },
  { value: 'under-30', label: 'Less than 30 minutes' },
  { value: '30-60', label: '30 minutes to an hour' },
  { value: 'over-60', label: 'More than an hour' },
] as const satisfies readonly Choice<string>[];
export type StiffnessChoice = (typeof STIFFNESS_CHOICES)[number]['value'];

export const HISTORY_CHOICES: Choice<History>[] = [
  { value: 'prior-bone-stress', label: "You've had a stress fracture or bone stress injury before" },
  {
    value: 'low-energy-or-missed-periods',
    label: 'You often run low on energy or food, or your periods have stopped or become irregular',
  },
  {
    value: 'recent-travel-surgery-or-immobile',
    label: 'A long journey, an operation, a cast or bed rest in the last few weeks',
  },
  { value: 'known-knee-arthritis', label: "You've been told you have arthritis in this knee" },
  { value: 'recent-knee-injection-or-surgery', label: 'An injection into this knee, or an operation on it, in the last 3 months' },
  {
    value: 'clot-risk',
    label: 'A blood clot before, the pill or HRT, cancer, or pregnancy or a birth in the last few months',
  },
  { value: 'gout-or-psoriasis', label: "You've had gout, or you have psoriasis" },
  {
    value: 'recent-infection',
    label: 'In the last 4 weeks: diarrhoea, a urinary or genital infection, or red, sore eyes',
  },
];

export const TREND_CHOICES: Choice<(typeof TRENDS)[number]>[] = [
  { value: 'better', label: 'Getting better' },
  { value: 'same', label: 'About the same' },
  { value: 'worse', label: 'Getting worse' },
];

/** Worst pain 0-10 as radio values ("0".."10"); ./to-input.ts turns the chosen one into painScore. */
export const PAIN_SCORE_CHOICES = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));

export const TRAINING_FLAG_CHOICES = [
  { value: 'addedHillsOrSpeed', label: "You've added hills or speed work lately" },
  { value: 'newRunner', label: "You've been running for less than 6 months" },
  { value: 'returningFromBreak', label: "You're coming back after a break" },
  { value: 'hardOrCambered', label: 'You run mostly on hard or sloping (cambered) roads' },
] as const satisfies readonly Choice<string>[];
export type TrainingFlag = (typeof TRAINING_FLAG_CHOICES)[number]['value'];

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
