// lib/triage/conditions.json, the conditions' knowledge: every condition of the contract once, each
// feature an answer test or a predicate the engine knows (the contract's enums of lib/triage/types.ts,
// the named predicates and text slots of conditions.ts), with a weight and its words, and every
// source an entry of the evidence registry. A typo fails here with the place to fix.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CONDITIONS, OPERATOR_NAMES, PREDICATES, TEXT_SLOTS } from '../../../lib/triage/conditions';
import DATA from '../../../lib/triage/conditions.json' with { type: 'json' };
import { SOURCES } from '../../../lib/triage/sources';
import * as triage from '../../../lib/triage/types';
import { problemsOf } from '../data-problems';

type Values = readonly [string, ...string[]];
const keys = (record: object) => Object.keys(record) as unknown as Values;

/** The answer each answer test reads, and its values (the contract's enums). */
const ANSWERS = {
  at: triage.LOCATIONS,
  when: triage.TIMINGS,
  feels: triage.FEELS,
  worse: triage.AGGRAVATORS,
  mech: triage.MECHANICALS,
  sign: triage.SIGNS,
  hist: triage.HISTORIES,
  swelling: triage.SWELLINGS,
  onset: triage.ONSETS,
} satisfies Record<string, Values>;
const KINDS = ['symptom', 'context', 'modifier'] as const;
const SHARED = keys(DATA.shared);

/** Checks a string with one schema and anything else with the other (issues keep their own paths). */
const byType = (ifString: z.ZodType, otherwise: z.ZodType) =>
  z.unknown().check((ctx) => {
    const result = (typeof ctx.value === 'string' ? ifString : otherwise).safeParse(ctx.value);
    if (!result.success) for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: ctx.value } as never);
  });
/** A strict object with exactly one of its (optional) fields. */
const oneOf = (fields: Record<string, z.ZodType>) =>
  z
    .strictObject(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])))
    .refine((o) => Object.keys(o).length === 1, { message: `needs exactly one of ${Object.keys(fields).join(', ')}` });
/** One value or a non-empty list of them (as the engine reads it: a list). */
const oneOrMore = (values: Values) => z.preprocess((x) => (Array.isArray(x) ? x : [x]), z.array(z.enum(values)).nonempty());
const range = z.union([z.tuple([z.number()]), z.tuple([z.number(), z.number()])], { error: 'must be [from] or [from, to]' });

const predicate: z.ZodType = z.lazy(() =>
  byType(
    z.enum(keys(PREDICATES)),
    oneOf({
      ...Object.fromEntries(Object.entries(ANSWERS).map(([k, values]) => [k, oneOrMore(values)])),
      notAt: oneOrMore(triage.LOCATIONS),
      trendIs: oneOrMore(triage.TRENDS),
      sexIs: z.enum(['female', 'male']),
      ageFrom: range,
      daysFrom: range,
      stiffMinutes: range,
      stiffOver: z.number(),
      weeklyOver: z.number(),
      all: z.array(predicate).min(2),
      any: z.array(predicate).min(2),
      not: predicate,
    }),
  ),
);
const OPERATORS_CHECKED = [
  ...Object.keys(ANSWERS),
  'notAt',
  'trendIs',
  'sexIs',
  'ageFrom',
  'daysFrom',
  'stiffMinutes',
  'stiffOver',
  'weeklyOver',
  'all',
  'any',
  'not',
];

/** One answer, quoted in the runner's own words, e.g. {"sign": "limp"}. */
const quote = oneOf(Object.fromEntries(Object.entries(ANSWERS).map(([k, values]) => [k, z.enum(values)])));
const slots = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const words = z
  .string()
  .trim()
  .min(1)
  .refine((t) => slots(t).every((s) => Object.hasOwn(TEXT_SLOTS, s)), {
    message: `fills only the slots ${Object.keys(TEXT_SLOTS).join(', ')}`,
  });
const text = byType(words, quote);

const featureFields = {
  use: z.enum(SHARED).optional(),
  if: predicate.optional(),
  w: z.number().optional(),
  text: text.optional(),
  kind: z.enum(KINDS).optional(),
  excludes: z.literal(true).optional(),
  note: z.string().trim().min(1).optional(),
  ...Object.fromEntries(Object.entries(ANSWERS).map(([k, values]) => [k, z.enum(values).optional()])),
};
const answerKeys = (f: object) => Object.keys(ANSWERS).filter((k) => k in f);
/** A feature once merged with the shared feature it uses: one test (`if` or an answer), a weight, words. */
const complete = (f: Record<string, unknown>) => ({
  ...(typeof f.use === 'string' ? (DATA.shared as Record<string, object>)[f.use] : {}),
  ...f,
});
const feature = z
  .strictObject(featureFields)
  .refine((f) => answerKeys(f).length <= 1 && !(answerKeys(f).length === 1 && 'if' in complete(f)), {
    message: 'tests one answer ({"at": …}) or a predicate ("if"), not both',
  })
  .refine((f) => 'if' in complete(f) || answerKeys(f).length === 1, { message: 'needs "if" or an answer to test' })
  .refine((f) => 'w' in complete(f), { message: 'needs a weight "w"' })
  .refine((f) => 'text' in complete(f) || answerKeys(f).length === 1, {
    message: 'needs a "text" (only a feature testing one answer quotes it)',
  });
const sharedFeature = z.strictObject({ ...featureFields, use: z.never().optional() });

const care = z.enum(triage.CARE_LEVELS);
const condition = z.strictObject({
  id: z.enum(triage.CONDITION_IDS),
  name: z.string().trim().min(1),
  prior: z.number(),
  note: z.string().trim().min(1).optional(),
  features: z.array(feature).nonempty(),
  sources: z.array(z.enum(keys(SOURCES))).nonempty(),
  minCare: byType(care, z.strictObject({ if: predicate, then: care, else: care, note: z.string().trim().min(1).optional() })).optional(),
});
const schema = z.strictObject({ shared: z.record(z.string(), sharedFeature), conditions: z.array(condition) });

const problems = (data: unknown) => problemsOf(schema, data);

describe('conditions.json', () => {
  it('holds only known answers, predicates, kinds, text slots, care levels and sources', () => {
    expect(problems(DATA)).toEqual([]);
  });

  it('names the place of a typo', () => {
    const typo = structuredClone(DATA) as unknown as { conditions: { features: Record<string, unknown>[]; sources: string[] }[] };
    typo.conditions[0]!.features[0]!.at = 'fornt';
    typo.conditions[1]!.features[7]!.if = { all: [{ at: 'outside' }, 'painAtDistanse'] };
    typo.conditions[2]!.features[4]!.kind = 'symptoms';
    typo.conditions[3]!.sources[0] = 'malliaras-2051';
    typo.conditions[4]!.features[0]!.text = 'Your age ({years})';
    expect(problems(typo)).toEqual([
      expect.stringMatching(/^conditions\.0\.features\.0\.at: /),
      expect.stringMatching(/^conditions\.1\.features\.7\.if\.all\.1: /),
      expect.stringMatching(/^conditions\.2\.features\.4\.kind: /),
      expect.stringMatching(/^conditions\.3\.sources\.0: /),
      expect.stringMatching(/^conditions\.4\.features\.0\.text: fills only the slots /),
    ]);
  });

  it('lists every condition of the contract once', () => {
    const ids = DATA.conditions.map((c) => c.id);
    expect([...ids].sort()).toEqual([...triage.CONDITION_IDS].sort());
  });

  it('checks every operator the engine reads, and uses every shared feature', () => {
    expect([...OPERATOR_NAMES].sort()).toEqual([...OPERATORS_CHECKED].sort());
    const used = new Set(DATA.conditions.flatMap((c) => c.features.map((f) => ('use' in f ? f.use : undefined))));
    expect(SHARED.filter((s) => !used.has(s))).toEqual([]);
  });

  it('marks only a missing defining feature as excluding: a symptom that argues against', () => {
    for (const c of CONDITIONS)
      for (const f of c.features) if (f.excludes) expect([c.id, f.kind, f.w < 0]).toEqual([c.id, 'symptom', true]);
  });

  it('loads every condition and feature (conditions.ts)', () => {
    expect(CONDITIONS.map((c) => [c.id, c.features.length])).toEqual(DATA.conditions.map((c) => [c.id, c.features.length]));
  });
});
