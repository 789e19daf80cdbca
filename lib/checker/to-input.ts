// The one place the popup's answers become a TriageInput (docs/contract/triage.md).
// Pure. It translates, it does not judge: the care level and the conditions always come from
// triage(). Answers not given yet (the emergency shortcut leaves the later screens unanswered)
// become the contract's "not reported" (empty lists, absent optionals) or, for the few required
// scalars, the neutral defaults below, which the result screen says were not asked.
import type { Training, TriageInput } from '../triage/types';
import { fromDisplay } from '../load/units';
import { AGE_MAX, AGE_MIN, parseNumber, percentChange, type Answers } from './answers';
import { askedAnswers, type DurationChoice, type StiffnessChoice } from './questions';

/** Representative days for each "how long" choice (inside each band, away from its edges). */
export const DURATION_DAYS: Record<DurationChoice, number> = {
  today: 0,
  'd1-3': 2,
  'd4-7': 5,
  'w1-2': 10,
  'w2-4': 21,
  'm1-3': 45,
  m3plus: 120,
};

/** Representative minutes for each morning-stiffness choice. */
export const STIFFNESS_MINUTES: Record<StiffnessChoice, number> = {
  none: 0,
  'under-30': 15,
  '30-60': 45,
  'over-60': 90,
};

/**
 * Stand-ins for required answers not given yet. Chosen to trigger nothing on their own: an adult
 * below every age band the evidence names (8-15, >= 45, >= 55), a gradual start, no swelling,
 * pain "all over" (the least specific place), and a duration of 0 days.
 */
export const NEUTRAL_DEFAULTS = {
  age: 30,
  onset: 'gradual',
  locations: ['whole-knee'],
  swelling: 'none',
  durationDays: 0,
} as const satisfies Partial<TriageInput>;

/** Which required contract fields were filled from NEUTRAL_DEFAULTS (not answered by the runner). */
export function defaultedFields(answers: Answers): (keyof typeof NEUTRAL_DEFAULTS)[] {
  const out: (keyof typeof NEUTRAL_DEFAULTS)[] = [];
  if (validAge(answers.age) === undefined) out.push('age');
  if (!answers.onset) out.push('onset');
  if (answers.locations.length === 0) out.push('locations');
  if (!answers.swelling) out.push('swelling');
  if (!answers.duration) out.push('durationDays');
  return out;
}

function validAge(text: string): number | undefined {
  const age = parseNumber(text);
  return age !== undefined && Number.isInteger(age) && age >= AGE_MIN && age <= AGE_MAX ? age : undefined;
}

function nonNegative(text: string): number | undefined {
  const value = parseNumber(text);
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Training answers → the contract's Training (percentages from the typed distances; shoe in km). */
export function toTraining(answers: Answers): Training | undefined {
  const t = answers.training;
  const training: Training = {};
  const weekly = percentChange(t.thisWeek, t.lastWeek);
  if (weekly !== undefined) training.weeklyChangePct = weekly;
  const spike = percentChange(t.latestRun, t.longestBefore);
  if (spike !== undefined) training.longestRunSpikePct = spike;
  for (const flag of t.flags) training[flag] = true;
  const shoe = nonNegative(t.shoe);
  if (shoe !== undefined) training.shoeKm = Math.round(fromDisplay(shoe, t.units));
  return Object.keys(training).length > 0 ? training : undefined;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** How far into a run the pain starts, in km (typed in the runner's units); undefined if blank or not > 0. */
export function painStartsKm(answers: Answers): number | undefined {
  const value = parseNumber(answers.painStarts ?? '');
  if (value === undefined || !Number.isFinite(value) || value <= 0) return undefined;
  const km = Math.round(fromDisplay(value, answers.training.units) * 10) / 10;
  return km > 0 ? km : undefined;
}

/**
 * Answers (complete or partial) → a TriageInput that fits the contract. Never throws. Answers to
 * follow-up questions that no longer apply are left out (see askedAnswers).
 */
export function toTriageInput(given: Answers): TriageInput {
  const answers = askedAnswers(given);
  const input: TriageInput = {
    age: validAge(answers.age) ?? NEUTRAL_DEFAULTS.age,
    locations: answers.locations.length > 0 ? unique(answers.locations) : [...NEUTRAL_DEFAULTS.locations],
    onset: answers.onset ?? NEUTRAL_DEFAULTS.onset,
    timing: unique(answers.timing),
    feel: unique(answers.feel),
    worseWith: unique(answers.worseWith),
    swelling: answers.swelling ?? NEUTRAL_DEFAULTS.swelling,
    mechanical: unique(answers.mechanical),
    signs: unique(answers.signs),
    durationDays: answers.duration ? DURATION_DAYS[answers.duration] : NEUTRAL_DEFAULTS.durationDays,
  };
  if (answers.sex && answers.sex !== 'unsaid') input.sex = answers.sex;
  if (answers.side) input.side = answers.side;
  if (answers.history.length > 0) input.history = unique(answers.history);
  if (answers.stiffness) input.morningStiffnessMinutes = STIFFNESS_MINUTES[answers.stiffness];
  if (answers.settles === 'yes') input.settlesWithin48h = true;
  else if (answers.settles === 'no') input.settlesWithin48h = false;
  // "Not rested a week" is not reported: the question only applies after a week off.
  if (answers.rested === 'no-better') input.restedWeekNoBetter = true;
  else if (answers.rested === 'better') input.restedWeekNoBetter = false;
  if (answers.trend) input.trend = answers.trend;
  if (answers.painScore !== undefined) input.painScore = Number(answers.painScore);
  const startsKm = painStartsKm(answers);
  if (startsKm !== undefined) input.painStartsKm = startsKm;
  const training = toTraining(answers);
  if (training) input.training = training;
  return input;
}
