// The runner's answers as the popup holds and stores them (not yet a TriageInput: ./to-input.ts maps
// them). Numbers are kept as the text typed, so a half-typed value survives closing the popup; they
// are parsed and checked here. Distances are in the runner's units, recorded beside them.
import type { Units } from '../load/types';
import { KM_PER_MILE } from '../load/units';
import type { Aggravator, Feel, History, Location, Mechanical, Onset, SEXES, SIDES, Sign, Swelling, Timing, TRENDS } from '../triage/types';
import { ageAskedEarly, painStartsAsked } from './questions';
import type { DurationChoice, RestedChoice, SettlesChoice, StepId, StiffnessChoice, TrainingFlag } from './questions';

export type { Units };

export interface TrainingAnswers {
  /** Distances, as typed, in `units`. */
  units: Units;
  thisWeek: string;
  lastWeek: string;
  latestRun: string;
  longestBefore: string;
  shoe: string;
  flags: TrainingFlag[];
  /** Set when the distances were filled in from the runner's captured running log. */
  prefill?: { runs: number; on: string };
}

export interface Answers {
  onset?: Onset;
  signs: Sign[];
  locations: Location[];
  side?: (typeof SIDES)[number];
  timing: Timing[];
  feel: Feel[];
  worseWith: Aggravator[];
  swelling?: Swelling;
  mechanical: Mechanical[];
  /** As typed; a whole number 8..100 when valid. */
  age: string;
  sex?: (typeof SEXES)[number] | 'unsaid';
  duration?: DurationChoice;
  /** Over the last week or two (a follow-up of `duration`). */
  trend?: (typeof TRENDS)[number];
  /** Worst pain of the last run, "0".."10". */
  painScore?: string;
  /** How far into a run the pain starts, as typed, in `training.units` (absent in answers saved before it was asked). */
  painStarts?: string;
  settles?: SettlesChoice;
  rested?: RestedChoice;
  stiffness?: StiffnessChoice;
  history: History[];
  training: TrainingAnswers;
}

export function emptyTraining(units: Units = 'km'): TrainingAnswers {
  return { units, thisWeek: '', lastWeek: '', latestRun: '', longestBefore: '', shoe: '', flags: [] };
}

export function emptyAnswers(units: Units = 'km'): Answers {
  return {
    signs: [],
    locations: [],
    timing: [],
    feel: [],
    worseWith: [],
    mechanical: [],
    age: '',
    history: [],
    training: emptyTraining(units),
  };
}

/** Kilometres per mile (lib/load/units), under the popup's name. */
export const KM_PER_MI = KM_PER_MILE;

/** A typed number: `undefined` when blank, `NaN` when not a number. Accepts a decimal comma. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$|^-?\.\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export const AGE_MIN = 8;
export const AGE_MAX = 100;
/** A sanity cap on typed distances (km or mi), well above any real week or shoe. */
export const DISTANCE_MAX = 5000;
/** A sanity cap on the distance into a run at which the pain starts (km or mi). */
export const PAIN_STARTS_MAX = 250;

export interface FieldError {
  /** The answer field (or "training.<field>"), which is also the input's id suffix. */
  field: string;
  message: string;
}

function distanceError(field: keyof TrainingAnswers, text: string, label: string): FieldError[] {
  const value = parseNumber(text);
  if (value === undefined) return [];
  if (Number.isNaN(value) || value < 0 || value > DISTANCE_MAX) {
    return [{ field: `training.${field}`, message: `${label}: enter a distance from 0 to ${DISTANCE_MAX}, or leave it blank.` }];
  }
  return [];
}

function ageErrors(text: string): FieldError[] {
  const age = parseNumber(text);
  if (age === undefined) return [{ field: 'age', message: 'Enter your age.' }];
  if (!Number.isInteger(age) || age < AGE_MIN || age > AGE_MAX) {
    return [{ field: 'age', message: `Enter your age as a whole number from ${AGE_MIN} to ${AGE_MAX}.` }];
  }
  return [];
}

/** What stops the runner leaving this step (required answers, malformed numbers). */
export function stepErrors(step: StepId, answers: Answers): FieldError[] {
  switch (step) {
    case 'signs': {
      const errors: FieldError[] = answers.onset ? [] : [{ field: 'onset', message: 'Choose how it started.' }];
      // The early age is optional here, but a typed one must be a real age.
      if (ageAskedEarly(answers) && answers.age.trim() !== '') errors.push(...ageErrors(answers.age));
      return errors;
    }
    case 'where':
      return answers.locations.length > 0 ? [] : [{ field: 'locations', message: 'Choose at least one place where it hurts.' }];
    case 'pattern': {
      if (!painStartsAsked(answers)) return [];
      const km = parseNumber(answers.painStarts ?? '');
      if (km === undefined || (!Number.isNaN(km) && km > 0 && km <= PAIN_STARTS_MAX)) return [];
      return [{ field: 'painStarts', message: `How far into a run: enter a distance such as 6, or leave it blank.` }];
    }
    case 'swelling':
      return answers.swelling ? [] : [{ field: 'swelling', message: 'Choose one answer about swelling.' }];
    case 'about': {
      const errors = ageErrors(answers.age);
      if (!answers.duration) errors.push({ field: 'duration', message: 'Choose how long it has hurt.' });
      return errors;
    }
    case 'training': {
      const t = answers.training;
      return [
        ...distanceError('thisWeek', t.thisWeek, 'This week'),
        ...distanceError('lastWeek', t.lastWeek, 'Last week'),
        ...distanceError('latestRun', t.latestRun, 'Latest run'),
        ...distanceError('longestBefore', t.longestBefore, 'Longest run before it'),
        ...distanceError('shoe', t.shoe, 'Shoe distance'),
      ];
    }
  }
}

/** True when nothing on this (all-optional) step has been answered. */
export function stepIsEmpty(step: StepId, answers: Answers): boolean {
  switch (step) {
    case 'pattern':
      return (
        answers.timing.length + answers.feel.length + answers.worseWith.length === 0 &&
        answers.painScore === undefined &&
        (answers.painStarts ?? '').trim() === ''
      );
    case 'training': {
      const t = answers.training;
      return [t.thisWeek, t.lastWeek, t.latestRun, t.longestBefore, t.shoe].every((s) => s.trim() === '') && t.flags.length === 0;
    }
    default:
      return false;
  }
}

function convertText(text: string, factor: number): string {
  const value = parseNumber(text);
  if (value === undefined || Number.isNaN(value)) return text;
  return String(Math.round(value * factor * 10) / 10);
}

/** The training distances re-expressed in other units (after the runner changed km/mi in settings). */
export function withTrainingUnits(training: TrainingAnswers, units: Units): TrainingAnswers {
  if (training.units === units) return training;
  const factor = units === 'mi' ? 1 / KM_PER_MI : KM_PER_MI;
  return {
    ...training,
    units,
    thisWeek: convertText(training.thisWeek, factor),
    lastWeek: convertText(training.lastWeek, factor),
    latestRun: convertText(training.latestRun, factor),
    longestBefore: convertText(training.longestBefore, factor),
    shoe: convertText(training.shoe, factor),
  };
}

/** Every typed distance (training, and how far into a run the pain starts) re-expressed in other units. */
export function withAnswerUnits(answers: Answers, units: Units): Answers {
  const from = answers.training.units;
  if (from === units) return answers;
  const out: Answers = { ...answers, training: withTrainingUnits(answers.training, units) };
  if (answers.painStarts !== undefined) out.painStarts = convertText(answers.painStarts, units === 'mi' ? 1 / KM_PER_MI : KM_PER_MI);
  return out;
}

/** Percent change of `now` over `before`, rounded; undefined when either is missing or `before` is 0. */
export function percentChange(nowText: string, beforeText: string): number | undefined {
  const now = parseNumber(nowText);
  const before = parseNumber(beforeText);
  if (now === undefined || before === undefined || Number.isNaN(now) || Number.isNaN(before)) return undefined;
  if (now < 0 || before <= 0) return undefined;
  return Math.round((now / before - 1) * 100);
}
