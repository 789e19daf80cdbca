import { describe, expect, it } from 'vitest';
import { careRank, triage } from '../../../lib/triage';
import { EXTRA_CASES } from './extra-cases';
import { URGENCY_SIGNS, expectValidResult } from './helpers';

describe('evidence-built cases (our own, not the shared set)', () => {
  it.each(EXTRA_CASES.map((c) => [c.id, c.story, c] as const))('%s %s', (_id, _story, c) => {
    const r = triage(c.input);
    expectValidResult(r);
    expect(r.care).toBe(c.care);
    expect(r.conditions[0]!.id).toBe(c.condition);
  });
});

describe('realistic cases: one more sign never lowers urgency', () => {
  it.each(EXTRA_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const base = careRank(triage(c.input).care);
    for (const sign of URGENCY_SIGNS) {
      if (c.input.signs.includes(sign)) continue;
      expect(careRank(triage({ ...c.input, signs: [...c.input.signs, sign] }).care), sign).toBeLessThanOrEqual(base);
    }
  });
});
