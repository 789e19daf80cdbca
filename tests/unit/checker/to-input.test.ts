import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAnswers, type Answers } from '../../../lib/checker/answers';
import {
  DURATION_CHOICES,
  RESTED_CHOICES,
  SETTLES_CHOICES,
  STIFFNESS_CHOICES,
  TRAINING_FLAG_CHOICES,
} from '../../../lib/checker/questions';
import { DURATION_DAYS, NEUTRAL_DEFAULTS, STIFFNESS_MINUTES, defaultedFields, toTriageInput } from '../../../lib/checker/to-input';
import { parseTriageInput } from '../../../lib/triage/schema';
import { AGGRAVATORS, FEELS, HISTORIES, LOCATIONS, MECHANICALS, ONSETS, SIDES, SIGNS, SWELLINGS, TIMINGS } from '../../../lib/triage/types';
import { nothingReported } from '../../../lib/triage/types';
import { ITB_ANSWERS, answers } from './helpers';

/** The contract's own validator accepts it, unchanged. */
function expectValid(input: unknown) {
  expect(() => parseTriageInput(input)).not.toThrow();
}

describe('toTriageInput', () => {
  it('maps a complete set of answers field by field', () => {
    const input = toTriageInput(ITB_ANSWERS);
    expect(input).toEqual({
      age: 27,
      sex: 'male',
      side: 'left',
      locations: ['outside'],
      onset: 'gradual',
      timing: ['late-in-run', 'after-run'],
      feel: ['sharp', 'burning'],
      worseWith: ['downhill', 'long-runs', 'stairs'],
      swelling: 'none',
      mechanical: [],
      signs: [],
      morningStiffnessMinutes: 0,
      durationDays: 10,
      settlesWithin48h: false,
      training: { weeklyChangePct: 60, longestRunSpikePct: 40, hardOrCambered: true },
    });
    expectValid(input);
  });

  it('gives a valid input for empty answers, using only the neutral defaults', () => {
    const input = toTriageInput(emptyAnswers());
    expect(input).toEqual({ ...nothingReported(), ...NEUTRAL_DEFAULTS });
    expectValid(input);
    expect(defaultedFields(emptyAnswers())).toEqual(['age', 'onset', 'locations', 'swelling', 'durationDays']);
  });

  it('emergency shortcut: the warning-sign screen alone gives a valid input carrying those signs', () => {
    const partial = answers({ onset: 'fall-or-blow', signs: ['cannot-bear-weight', 'bone-tender-spot'] });
    const input = toTriageInput(partial);
    expect(input.onset).toBe('fall-or-blow');
    expect(input.signs).toEqual(['cannot-bear-weight', 'bone-tender-spot']);
    // Nothing is invented beyond the neutral stand-ins for required fields.
    expect(input.history).toBeUndefined();
    expect(input.training).toBeUndefined();
    expect(input.settlesWithin48h).toBeUndefined();
    expectValid(input);
    expect(defaultedFields(partial)).toEqual(['age', 'locations', 'swelling', 'durationDays']);
  });

  it('never sends "prefer not to say", "not sure" or "have not rested": they mean not reported', () => {
    const input = toTriageInput(answers({ sex: 'unsaid', settles: 'unsure', rested: 'not-rested' }));
    expect(input).not.toHaveProperty('sex');
    expect(input).not.toHaveProperty('settlesWithin48h');
    expect(input).not.toHaveProperty('restedWeekNoBetter');
  });

  it('maps the yes/no answers to booleans', () => {
    expect(toTriageInput(answers({ settles: 'yes', rested: 'no-better' }))).toMatchObject({
      settlesWithin48h: true,
      restedWeekNoBetter: true,
    });
    expect(toTriageInput(answers({ settles: 'no', rested: 'better' }))).toMatchObject({
      settlesWithin48h: false,
      restedWeekNoBetter: false,
    });
  });

  it('maps every duration and stiffness choice to a number inside its band', () => {
    const bands: Record<string, [number, number]> = {
      today: [0, 0],
      'd1-3': [1, 3],
      'd4-7': [4, 7],
      'w1-2': [7, 14],
      'w2-4': [14, 28],
      'm1-3': [30, 91],
      m3plus: [92, 10_000],
    };
    for (const { value } of DURATION_CHOICES) {
      const days = toTriageInput(answers({ duration: value })).durationDays;
      expect(days).toBe(DURATION_DAYS[value]);
      expect(days).toBeGreaterThanOrEqual(bands[value]![0]);
      expect(days).toBeLessThanOrEqual(bands[value]![1]);
    }
    expect(STIFFNESS_MINUTES['30-60']).toBeGreaterThan(30); // "more than 30 minutes" (NICE NG100)
    expect(STIFFNESS_MINUTES['under-30']).toBeLessThan(30);
  });

  it('turns typed distances into the contract percentages, and shoe miles into km', () => {
    const input = toTriageInput(
      answers({
        training: {
          units: 'mi',
          thisWeek: '20',
          lastWeek: '25',
          latestRun: '13.1',
          longestBefore: '10',
          shoe: '300',
          flags: ['newRunner'],
        },
      }),
    );
    expect(input.training).toEqual({ weeklyChangePct: -20, longestRunSpikePct: 31, newRunner: true, shoeKm: 483 });
    expectValid(input);
  });

  it('leaves out percentages that cannot be worked out (blank, zero baseline, not a number)', () => {
    const input = toTriageInput(answers({ training: { thisWeek: '30', lastWeek: '0', latestRun: 'abc', longestBefore: '10' } }));
    expect(input.training).toBeUndefined();
  });

  it('accepts a decimal comma', () => {
    expect(toTriageInput(answers({ training: { thisWeek: '10,5', lastWeek: '10' } })).training).toEqual({ weeklyChangePct: 5 });
  });

  it('ignores an age outside 8..100 (the popup blocks it) rather than sending an invalid input', () => {
    expect(toTriageInput(answers({ age: '7' })).age).toBe(NEUTRAL_DEFAULTS.age);
    expect(toTriageInput(answers({ age: '45.5' })).age).toBe(NEUTRAL_DEFAULTS.age);
    expect(toTriageInput(answers({ age: ' 62 ' })).age).toBe(62);
  });

  it('removes duplicates', () => {
    const input = toTriageInput(answers({ signs: ['limp', 'limp'], locations: ['front', 'front'] }));
    expect(input.signs).toEqual(['limp']);
    expect(input.locations).toEqual(['front']);
  });

  it('property: any answers the popup can hold map to a valid TriageInput', () => {
    const sub = <T extends string>(values: readonly T[]) => fc.subarray([...values]);
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const numText = fc.oneof(fc.constant(''), fc.integer({ min: -50, max: 400 }).map(String), fc.string({ maxLength: 6 }));
    const arbAnswers: fc.Arbitrary<Answers> = fc.record({
      onset: maybe(fc.constantFrom(...ONSETS)),
      signs: sub(SIGNS),
      locations: sub(LOCATIONS),
      side: maybe(fc.constantFrom(...SIDES)),
      timing: sub(TIMINGS),
      feel: sub(FEELS),
      worseWith: sub(AGGRAVATORS),
      swelling: maybe(fc.constantFrom(...SWELLINGS)),
      mechanical: sub(MECHANICALS),
      age: fc.oneof(fc.integer({ min: 0, max: 130 }).map(String), fc.string({ maxLength: 4 })),
      sex: maybe(fc.constantFrom('female', 'male', 'other', 'unsaid') as fc.Arbitrary<Answers['sex']>),
      duration: maybe(fc.constantFrom(...DURATION_CHOICES.map((c) => c.value))),
      settles: maybe(fc.constantFrom(...SETTLES_CHOICES.map((c) => c.value))),
      rested: maybe(fc.constantFrom(...RESTED_CHOICES.map((c) => c.value))),
      stiffness: maybe(fc.constantFrom(...STIFFNESS_CHOICES.map((c) => c.value))),
      history: sub(HISTORIES),
      trend: maybe(fc.constantFrom('better', 'same', 'worse') as fc.Arbitrary<Answers['trend']>),
      painScore: maybe(fc.integer({ min: 0, max: 10 }).map(String)),
      painStarts: maybe(fc.oneof(numText, fc.constantFrom('0.01', '0,04', '1e3'))),
      training: fc.record({
        units: fc.constantFrom('km', 'mi') as fc.Arbitrary<'km' | 'mi'>,
        thisWeek: numText,
        lastWeek: numText,
        latestRun: numText,
        longestBefore: numText,
        shoe: numText,
        flags: sub(TRAINING_FLAG_CHOICES.map((c) => c.value)),
      }),
    });
    fc.assert(
      fc.property(arbAnswers, (a) => {
        expectValid(toTriageInput(a));
      }),
      { numRuns: 300 },
    );
  });
});
