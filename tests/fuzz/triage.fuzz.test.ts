// triage() boundary: random JSON, and valid inputs with one field replaced by random JSON, give
// either a valid result or a TriageInputError that names a field. Nothing else ever escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARE_LEVELS, CONDITION_IDS, triage, TriageInputError } from '../../lib/triage';
import { FUZZ_RUNS } from './runs';

const VALID = {
  age: 34,
  locations: ['outside'],
  onset: 'gradual',
  timing: ['late-in-run'],
  feel: ['burning'],
  worseWith: ['downhill'],
  swelling: 'none',
  mechanical: [],
  signs: [],
  durationDays: 10,
  settlesWithin48h: false,
  training: { weeklyChangePct: 25, longestRunSpikePct: 30 },
};
// v2 optional fields too (painScore, trend, painStartsKm).
const FIELDS = [
  ...Object.keys(VALID),
  'sex',
  'side',
  'history',
  'morningStiffnessMinutes',
  'restedWeekNoBetter',
  'painScore',
  'trend',
  'painStartsKm',
];

function check(input: unknown) {
  try {
    const result = triage(input, { units: 'mi' });
    expect(CARE_LEVELS).toContain(result.care);
    expect(result.conditions.length).toBeGreaterThan(0);
    for (const c of result.conditions) expect(CONDITION_IDS).toContain(c.id);
    expect(result.disclaimer.length).toBeGreaterThan(10);
  } catch (error) {
    expect(error).toBeInstanceOf(TriageInputError);
    expect((error as TriageInputError).message.length).toBeGreaterThan(3);
  }
}

describe('fuzz: triage()', () => {
  it('random JSON: a valid result or TriageInputError', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: FUZZ_RUNS });
  });

  it('a valid input with one field replaced: a valid result or an error naming that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, value) => {
        const input = { ...VALID, [field]: value };
        check(input);
        try {
          triage(input);
        } catch (error) {
          expect((error as TriageInputError).message).toContain(field);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
