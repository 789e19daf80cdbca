// Validation of the checker's saved state (what ./storage.ts reads back). zod/mini, like settings.
// Strict about types and enum strings, so nothing unchecked reaches the screens; unknown keys are
// dropped. On any failure the popup starts fresh and says so.
import * as z from 'zod/mini';
import * as triage from '../triage/types';
import type { Answers } from './answers';
import {
  DURATION_CHOICES,
  PAIN_SCORE_CHOICES,
  RESTED_CHOICES,
  SCREENS,
  SETTLES_CHOICES,
  STIFFNESS_CHOICES,
  TRAINING_FLAG_CHOICES,
  type Screen,
} from './questions';

const values = <T extends { value: string }>(choices: readonly T[]) => choices.map((c) => c.value) as [T['value'], ...T['value'][]];
const list = <T extends readonly [string, ...string[]]>(options: T) => z.array(z.enum(options)).check(z.maxLength(options.length * 2));
const text = z.string().check(z.maxLength(20));

export const trainingSchema = z.object({
  units: z.enum(['km', 'mi']),
  thisWeek: text,
  lastWeek: text,
  latestRun: text,
  longestBefore: text,
  shoe: text,
  flags: list(values(TRAINING_FLAG_CHOICES)),
  prefill: z.optional(z.object({ runs: z.int().check(z.minimum(0)), on: z.string().check(z.maxLength(40)) })),
});

const answersSchema = z.object({
  onset: z.optional(z.enum(triage.ONSETS)),
  signs: list(triage.SIGNS),
  locations: list(triage.LOCATIONS),
  side: z.optional(z.enum(triage.SIDES)),
  timing: list(triage.TIMINGS),
  feel: list(triage.FEELS),
  worseWith: list(triage.AGGRAVATORS),
  swelling: z.optional(z.enum(triage.SWELLINGS)),
  mechanical: list(triage.MECHANICALS),
  age: text,
  sex: z.optional(z.enum([...triage.SEXES, 'unsaid'])),
  duration: z.optional(z.enum(values(DURATION_CHOICES))),
  // Added with the v2 questions: optional, so answers saved before them still load.
  trend: z.optional(z.enum(triage.TRENDS)),
  painScore: z.optional(z.enum(values(PAIN_SCORE_CHOICES))),
  painStarts: z.optional(text),
  settles: z.optional(z.enum(values(SETTLES_CHOICES))),
  rested: z.optional(z.enum(values(RESTED_CHOICES))),
  stiffness: z.optional(z.enum(values(STIFFNESS_CHOICES))),
  history: list(triage.HISTORIES),
  training: trainingSchema,
});

export const checkerStateSchema = z.object({
  screen: z.enum(SCREENS as [Screen, ...Screen[]]),
  /** True when the emergency shortcut skipped the later screens. */
  shortcut: z.boolean(),
  answers: answersSchema,
  /** ISO time of the last change. */
  updatedAt: z.string().check(z.maxLength(40)),
});

export interface CheckerState {
  screen: Screen;
  shortcut: boolean;
  answers: Answers;
  updatedAt: string;
}

export type StateParse = { ok: true; state: CheckerState } | { ok: false; problem: string };

/** Validate a stored value. Never throws. */
export function parseCheckerState(raw: unknown): StateParse {
  const result = checkerStateSchema.safeParse(raw);
  if (result.success) return { ok: true, state: result.data as CheckerState };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.map(String).join('.') : 'saved answers';
  return { ok: false, problem: `${where}: ${issue?.message ?? 'not valid'}` };
}
