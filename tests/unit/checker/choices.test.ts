// lib/checker/choices.json, the words of every answer choice: each list holds exactly the values its
// field may take (the contract's enums of lib/triage/types.ts, or the popup's own answers that
// lib/checker/to-input.ts maps), once each, with a label that no other choice of the list shares
// (the end-to-end tests and screen-reader users find a choice by its label).
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import CHOICES from '../../../lib/checker/choices.json' with { type: 'json' };
import type { RestedChoice, SettlesChoice, TrainingFlag } from '../../../lib/checker/questions';
import { DURATION_DAYS, STIFFNESS_MINUTES } from '../../../lib/checker/to-input';
import * as triage from '../../../lib/triage/types';
import { problemsOf } from '../data-problems';

type Values = readonly [string, ...string[]];
const keys = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as [K, ...K[]];

/** The values each list of choices.json must hold, by list. */
const ALLOWED = {
  onset: triage.ONSETS,
  signs: triage.SIGNS,
  locations: triage.LOCATIONS,
  side: triage.SIDES,
  timing: triage.TIMINGS,
  feel: triage.FEELS,
  worseWith: triage.AGGRAVATORS,
  swelling: triage.SWELLINGS,
  mechanical: triage.MECHANICALS,
  sex: [...triage.SEXES, 'unsaid'],
  duration: keys(DURATION_DAYS),
  settles: keys({ yes: 1, no: 1, unsure: 1 } satisfies Record<SettlesChoice, 1>),
  rested: keys({ 'no-better': 1, better: 1, 'not-rested': 1 } satisfies Record<RestedChoice, 1>),
  stiffness: keys(STIFFNESS_MINUTES),
  history: triage.HISTORIES,
  trend: triage.TRENDS,
  flags: keys({ addedHillsOrSpeed: 1, newRunner: 1, returningFromBreak: 1, hardOrCambered: 1 } satisfies Record<TrainingFlag, 1>),
} satisfies Record<string, Values>;

const choice = (values: Values) =>
  z.strictObject({ value: z.enum(values), label: z.string().trim().min(1), hint: z.optional(z.string().trim().min(1)) });
const schema = z.strictObject(Object.fromEntries(Object.entries(ALLOWED).map(([list, values]) => [list, z.array(choice(values))])));

const problems = (data: unknown) => problemsOf(schema, data);

describe('choices.json', () => {
  it('has a list for every field, and only allowed values, labels and hints', () => {
    expect(problems(CHOICES)).toEqual([]);
  });

  it('names the place of a typo', () => {
    const typo = structuredClone(CHOICES);
    typo.signs[2]!.value = 'cannot-bear-wieght';
    expect(problems(typo)).toEqual([expect.stringMatching(/^signs\.2\.value: /)]);
  });

  for (const [list, values] of Object.entries(ALLOWED)) {
    const choices: { value: string; label: string }[] = CHOICES[list as keyof typeof ALLOWED];
    it(`${list}: one choice for each value, each with its own label`, () => {
      expect(choices.map((c) => c.value).sort()).toEqual([...values].sort());
      expect(new Set(choices.map((c) => c.label)).size).toBe(choices.length);
    });

    it(`${list}: fields in the order value, label, hint`, () => {
      for (const c of choices) expect(Object.keys(c)).toEqual(['value', 'label', 'hint'].slice(0, Object.keys(c).length));
    });
  }
});
