import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGGRAVATORS,
  FEELS,
  LOCATIONS,
  MECHANICALS,
  SIGNS,
  TIMINGS,
  TriageInputError,
  careRank,
  triage,
  type TriageInput,
} from '../../../lib/triage';
import { URGENCY_SIGNS, expectValidResult, inputArb } from './helpers';

const RUNS = { numRuns: 400 };

function shuffled<T>(arr: readonly T[], seed: number): T[] {
  // Deterministic Fisher-Yates from fast-check's seed, so failures replay.
  const out = [...arr];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// 400 cases a property: seconds on a busy two-core machine, past the 5 s default.
describe('triage properties', { timeout: 60_000 }, () => {
  it('any valid input yields a valid result', () => {
    fc.assert(
      fc.property(inputArb, (input) => expectValidResult(triage(input))),
      RUNS,
    );
  }, 60_000);

  it('adding a warning sign never lowers urgency: the cases the property found', () => {
    // Each was same-day (a weak but best-fitting fracture or hip cause) until the sign moved
    // another cause first; the floor is now judged on the symptoms alone.
    const base: Omit<TriageInput, 'age' | 'locations' | 'timing'> = {
      onset: 'fall-or-blow',
      feel: [],
      worseWith: [],
      swelling: 'none',
      mechanical: [],
      signs: [],
      durationDays: 8,
    };
    const found: [TriageInput, (typeof URGENCY_SIGNS)[number]][] = [
      [{ ...base, age: 8, locations: ['hip-groin'], timing: [] }, 'multiple-joints'],
      [{ ...base, age: 8, locations: ['thigh-muscles'], timing: ['at-night'], settlesWithin48h: true }, 'lump-behind-knee'],
      [{ ...base, age: 55, locations: ['thigh-muscles'], timing: [] }, 'limp'],
      [
        { ...base, age: 8, onset: 'sudden-twist', locations: ['above-kneecap'], timing: ['at-night'], signs: ['bone-tender-spot'] },
        'heard-pop',
      ],
      [
        {
          ...base,
          age: 8,
          locations: ['back'],
          timing: ['at-rest'],
          swelling: 'persistent',
          signs: ['bone-tender-spot'],
          durationDays: 28,
        },
        'weight-loss',
      ],
    ];
    for (const [input, sign] of found) {
      const before = triage(input).care;
      const after = triage({ ...input, signs: [...input.signs, sign] }).care;
      expect(careRank(after), `${JSON.stringify(input)} + ${sign}`).toBeLessThanOrEqual(careRank(before));
    }
  });

  it('adding a warning sign never lowers urgency', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...URGENCY_SIGNS), (input, sign) => {
        fc.pre(!input.signs.includes(sign));
        const before = triage(input);
        const after = triage({ ...input, signs: [...input.signs, sign] });
        expect(careRank(after.care)).toBeLessThanOrEqual(careRank(before.care));
      }),
      RUNS,
    );
  });

  it('adding any sign to a sign-free answer set never lowers urgency (every sign, every input)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const bare = { ...input, signs: [] };
        const base = careRank(triage(bare).care);
        for (const sign of URGENCY_SIGNS) expect(careRank(triage({ ...bare, signs: [sign] }).care)).toBeLessThanOrEqual(base);
      }),
      { numRuns: 150 },
    );
  });

  it('shuffling (and repeating) array answers never changes the result', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const dup = <T>(xs: readonly T[]) => shuffled([...xs, ...xs.slice(0, 1)], seed);
        const mixed: TriageInput = {
          ...input,
          locations: dup(input.locations),
          timing: dup(input.timing),
          feel: dup(input.feel),
          worseWith: dup(input.worseWith),
          mechanical: dup(input.mechanical),
          signs: dup(input.signs),
          ...(input.history ? { history: dup(input.history) } : {}),
        };
        expect(triage(mixed)).toEqual(triage(input));
      }),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(triage(structuredClone(input))).toEqual(triage(input));
      }),
      { numRuns: 100 },
    );
  });

  // Ways to break a valid input, each naming the field it breaks.
  const breakers: fc.Arbitrary<[string, (i: TriageInput) => unknown]>[] = [
    fc.constantFrom<[string, (i: TriageInput) => unknown]>(
      ['age', (i) => ({ ...i, age: 7 })],
      ['age', (i) => ({ ...i, age: 101 })],
      ['age', (i) => ({ ...i, age: 30.5 })],
      ['age', (i) => ({ ...i, age: '30' })],
      ['age', ({ age: _drop, ...rest }) => rest],
      ['locations', (i) => ({ ...i, locations: [] })],
      ['locations[0]', (i) => ({ ...i, locations: ['elbow'] })],
      ['onset', (i) => ({ ...i, onset: 'slowly' })],
      ['timing', (i) => ({ ...i, timing: 'after-run' })],
      ['feel', ({ feel: _drop, ...rest }) => rest],
      ['worseWith[0]', (i) => ({ ...i, worseWith: ['Stairs'] })],
      ['swelling', (i) => ({ ...i, swelling: 'yes' })],
      ['mechanical[0]', (i) => ({ ...i, mechanical: [1] })],
      ['signs', ({ signs: _drop, ...rest }) => rest],
      ['history[0]', (i) => ({ ...i, history: ['gout'] })],
      ['morningStiffnessMinutes', (i) => ({ ...i, morningStiffnessMinutes: -5 })],
      ['durationDays', (i) => ({ ...i, durationDays: Number.NaN })],
      ['durationDays', (i) => ({ ...i, durationDays: -1 })],
      ['durationDays', (i) => ({ ...i, durationDays: Number.POSITIVE_INFINITY })],
      ['settlesWithin48h', (i) => ({ ...i, settlesWithin48h: 'yes' })],
      ['restedWeekNoBetter', (i) => ({ ...i, restedWeekNoBetter: 1 })],
      ['sex', (i) => ({ ...i, sex: 'f' })],
      ['side', (i) => ({ ...i, side: 'middle' })],
      ['training', (i) => ({ ...i, training: 'lots' })],
      ['training.shoeKm', (i) => ({ ...i, training: { shoeKm: -10 } })],
      ['training.weeklyChangePct', (i) => ({ ...i, training: { weeklyChangePct: Number.NaN } })],
      ['training.longestRunSpikePct', (i) => ({ ...i, training: { longestRunSpikePct: -150 } })],
      ['training.newRunner', (i) => ({ ...i, training: { newRunner: 'yes' } })],
    ),
  ];

  it('invalid input always throws TriageInputError naming the field', () => {
    fc.assert(
      fc.property(inputArb, fc.oneof(...breakers), (input, [field, breakIt]) => {
        let error: unknown;
        try {
          triage(breakIt(input));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(TriageInputError);
        const e = error as TriageInputError;
        expect(e.field).toBe(field);
        expect(e.message.startsWith(`${field}: `)).toBe(true);
      }),
      RUNS,
    );
  });

  it('anything that is not an answers object throws TriageInputError', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.double(), fc.boolean(), fc.array(fc.anything())),
        (junk) => {
          expect(() => triage(junk)).toThrow(TriageInputError);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('random junk objects never yield a result without validation', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (junk) => {
        expect(() => triage(junk)).toThrow(TriageInputError);
      }),
      { numRuns: 100 },
    );
  });
});

// Keep the enum lists honest: the arbitraries above draw from these.
it('enum lists used by the generators are non-empty', () => {
  for (const list of [LOCATIONS, TIMINGS, FEELS, AGGRAVATORS, MECHANICALS, SIGNS]) expect(list.length).toBeGreaterThan(0);
});
