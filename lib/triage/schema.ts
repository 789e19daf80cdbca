// Validation of TriageInput (docs/contract/triage.md). zod/mini on purpose: classic zod
// carries a Function("") probe that web-ext lint flags, and mini is ~5 KB.
//
// Optional fields may be absent or null: both mean "not reported" (the contract's wording).
// Unknown keys are STRIPPED, not rejected: callers may carry extra data (an id, a narrative)
// alongside the answers. The answers that matter for safety (signs, mechanical, swelling, ...)
// are required, so a misspelt key fails loudly instead of silently meaning "not reported".
import * as z from 'zod/mini';
import { TriageInputError } from './errors';
// The contract's lists of allowed answers, read as allowed.SIGNS and so on.
import * as allowed from './types';
import type { TriageInput } from './types';

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `${JSON.stringify(iss.input)} is not allowed; ${oneOf(values)}` });

const list = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.array(choice(values), { error: `must be a list (use [] for none); items ${oneOf(values)}` });

const finite = (what: string) => z.number({ error: `must be a finite number (${what})` });

const boolField = z.nullish(z.boolean({ error: 'must be true or false' }));

// A fall in distance cannot exceed 100 %; rises are unbounded.
const pct = (what: string) => z.nullish(finite(what).check(z.gte(-100, { error: `must be -100 or more (${what})` })));

const km = (what: string) => z.nullish(finite(what).check(z.gte(0, { error: `must be 0 or more (${what})` })));

export const trainingSchema = z.object(
  {
    weeklyChangePct: pct('this week vs last, %'),
    longestRunSpikePct: pct('latest run vs the longest run of the previous 30 days, %'),
    addedHillsOrSpeed: boolField,
    newRunner: boolField,
    returningFromBreak: boolField,
    hardOrCambered: boolField,
    shoeKm: z.nullish(finite('km on your shoes').check(z.gte(0, { error: 'must be 0 or more (km)' }))),
    thisWeekKm: km('this week, km'),
    lastWeekKm: km('last week, km'),
    latestRunKm: km('latest run, km'),
    longestRecentKm: km('longest run of the previous 30 days, km'),
  },
  { error: 'must be an object of training answers' },
);

export const triageInputSchema = z.object(
  {
    age: z
      .int({ error: 'must be a whole number of years from 8 to 100' })
      .check(
        z.gte(8, { error: 'must be from 8 to 100 years: Knee Check is not for children under 8' }),
        z.lte(100, { error: 'must be from 8 to 100 years' }),
      ),
    sex: z.nullish(choice(allowed.SEXES)),
    side: z.nullish(choice(allowed.SIDES)),
    locations: list(allowed.LOCATIONS).check(z.minLength(1, { error: 'choose at least one place where it hurts' })),
    onset: choice(allowed.ONSETS),
    timing: list(allowed.TIMINGS),
    feel: list(allowed.FEELS),
    worseWith: list(allowed.AGGRAVATORS),
    swelling: choice(allowed.SWELLINGS),
    mechanical: list(allowed.MECHANICALS),
    signs: list(allowed.SIGNS),
    history: z.nullish(list(allowed.HISTORIES)),
    morningStiffnessMinutes: z.nullish(finite('minutes').check(z.gte(0, { error: 'must be 0 or more minutes' }))),
    durationDays: finite('days since the pain first appeared').check(z.gte(0, { error: 'must be 0 or more days' })),
    settlesWithin48h: boolField,
    restedWeekNoBetter: boolField,
    training: z.nullish(trainingSchema),
    painScore: z.nullish(
      z
        .int({ error: 'must be a whole number from 0 to 10' })
        .check(z.gte(0, { error: 'must be from 0 to 10' }), z.lte(10, { error: 'must be from 0 to 10' })),
    ),
    trend: z.nullish(choice(allowed.TRENDS)),
    painStartsKm: z.nullish(finite('km into a run').check(z.gt(0, { error: 'must be more than 0 (km into a run)' }))),
  },
  { error: 'the answers must be an object' },
);

/** "training.shoeKm", "signs[2]"; "input" for the whole value. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'input';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The fields that are not null or undefined, in the same order ("not reported" becomes an absent key). */
function withoutNulls<T extends object>(value: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/**
 * Validate unknown input into a TriageInput, or throw TriageInputError naming the field.
 * Arrays are deduplicated so repeated answers cannot weigh twice.
 */
export function parseTriageInput(raw: unknown): TriageInput {
  const parsed = triageInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const field = fieldPath(issue.path);
      // zod's default wording for a missing key ("expected ..., received undefined") is unclear.
      const missing = issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(raw, issue.path) === undefined;
      return { field, message: `${field}: ${missing ? 'is required' : issue.message}` };
    });
    const first = issues[0] ?? { field: 'input', message: 'input: is not valid' };
    throw new TriageInputError(first.field, first.message, issues);
  }
  const d = parsed.data;
  const input: TriageInput = {
    age: d.age,
    locations: dedupe(d.locations),
    onset: d.onset,
    timing: dedupe(d.timing),
    feel: dedupe(d.feel),
    worseWith: dedupe(d.worseWith),
    swelling: d.swelling,
    mechanical: dedupe(d.mechanical),
    signs: dedupe(d.signs),
    durationDays: d.durationDays,
  };
  if (d.sex != null) input.sex = d.sex;
  if (d.side != null) input.side = d.side;
  if (d.history != null) input.history = dedupe(d.history);
  if (d.morningStiffnessMinutes != null) input.morningStiffnessMinutes = d.morningStiffnessMinutes;
  if (d.settlesWithin48h != null) input.settlesWithin48h = d.settlesWithin48h;
  if (d.restedWeekNoBetter != null) input.restedWeekNoBetter = d.restedWeekNoBetter;
  if (d.painScore != null) input.painScore = d.painScore;
  if (d.trend != null) input.trend = d.trend;
  if (d.painStartsKm != null) input.painStartsKm = d.painStartsKm;
  if (d.training != null) input.training = withoutNulls(d.training);
  return input;
}
