// Shared test helpers: a fast-check arbitrary for any valid TriageInput, and a checker for
// every promise the result makes (shape, ordering, consistency between care and red flags).
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  AGGRAVATORS,
  CARE_LEVELS,
  CONDITION_IDS,
  FEELS,
  HISTORIES,
  LOCATIONS,
  MECHANICALS,
  ONSETS,
  SEXES,
  SIDES,
  SIGNS,
  SOURCES,
  SWELLINGS,
  TIMINGS,
  careRank,
  type TriageInput,
  type TriageResult,
} from '../../../lib/triage';

import { IDENTIFYING_SIGNS } from '../../../lib/triage/warning-signs';

/**
 * Signs that can only add urgency: every sign but the identifying ones (a child's tender bump
 * below the kneecap is Osgood-Schlatter, evidence.md §7, so it may lower care by design).
 */
export const URGENCY_SIGNS = SIGNS.filter((s) => !(IDENTIFYING_SIGNS as readonly string[]).includes(s));

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const trainingArb = fc.record(
  {
    weeklyChangePct: fc.double({ min: -100, max: 300, noNaN: true }),
    longestRunSpikePct: fc.double({ min: -100, max: 300, noNaN: true }),
    addedHillsOrSpeed: fc.boolean(),
    newRunner: fc.boolean(),
    returningFromBreak: fc.boolean(),
    hardOrCambered: fc.boolean(),
    shoeKm: fc.double({ min: 0, max: 3000, noNaN: true }),
    thisWeekKm: fc.double({ min: 0, max: 250, noNaN: true }),
    lastWeekKm: fc.double({ min: 0, max: 250, noNaN: true }),
    latestRunKm: fc.double({ min: 0, max: 60, noNaN: true }),
    longestRecentKm: fc.double({ min: 0, max: 60, noNaN: true }),
  },
  { requiredKeys: [] },
);

/** Any input the contract allows (arrays without duplicates; see `withDuplicates`). */
export const inputArb: fc.Arbitrary<TriageInput> = fc
  .record({
    age: fc.integer({ min: 8, max: 100 }),
    sex: opt(fc.constantFrom(...SEXES)),
    side: opt(fc.constantFrom(...SIDES)),
    locations: fc.subarray([...LOCATIONS], { minLength: 1 }),
    onset: fc.constantFrom(...ONSETS),
    timing: fc.subarray([...TIMINGS]),
    feel: fc.subarray([...FEELS]),
    worseWith: fc.subarray([...AGGRAVATORS]),
    swelling: fc.constantFrom(...SWELLINGS),
    mechanical: fc.subarray([...MECHANICALS]),
    // Warning signs are rare in real answers: bias towards few so the non-flag paths are exercised.
    signs: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.subarray([...SIGNS], { maxLength: 2 }) },
      { weight: 1, arbitrary: fc.subarray([...SIGNS]) },
    ),
    history: opt(fc.subarray([...HISTORIES])),
    morningStiffnessMinutes: opt(fc.integer({ min: 0, max: 180 })),
    durationDays: fc.integer({ min: 0, max: 400 }),
    settlesWithin48h: opt(fc.boolean()),
    restedWeekNoBetter: opt(fc.boolean()),
    training: opt(trainingArb),
    painScore: opt(fc.integer({ min: 0, max: 10 })),
    trend: opt(fc.constantFrom('better' as const, 'same' as const, 'worse' as const)),
    painStartsKm: opt(fc.double({ min: 0.1, max: 40, noNaN: true })),
  })
  .map((r) => {
    // Drop undefined keys: "missing" is how the contract says "not reported".
    const out = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
    return out as unknown as TriageInput;
  });

export function expectValidResult(r: TriageResult): void {
  expect(CARE_LEVELS).toContain(r.care);
  expect(r.careSummary.title.length).toBeGreaterThan(0);
  expect(r.careSummary.action.length).toBeGreaterThan(0);

  // Red flags: known care and condition, most urgent first, and the care follows them.
  for (const f of r.redFlags) {
    expect(CARE_LEVELS).toContain(f.care);
    expect(CONDITION_IDS).toContain(f.condition);
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.sources.length).toBeGreaterThan(0);
  }
  const ranks = r.redFlags.map((f) => careRank(f.care));
  expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  if (r.redFlags.length > 0) {
    expect(careRank(r.care)).toBeLessThanOrEqual(careRank(r.redFlags[0]!.care));
    // The most urgent sign's condition leads the list.
    expect(r.conditions[0]!.id).toBe(r.redFlags[0]!.condition);
  }
  if (r.redFlags.some((f) => f.care === 'emergency')) expect(r.care).toBe('emergency');

  // Conditions: at least one, no repeats, scores 0..100 best first, reasons in words.
  expect(r.conditions.length).toBeGreaterThan(0);
  const ids = r.conditions.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of r.conditions) {
    expect(CONDITION_IDS).toContain(c.id);
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(100);
    expect(c.sources.length).toBeGreaterThan(0);
    for (const w of [...c.why, ...c.against]) expect(w.length).toBeGreaterThan(0);
  }
  const scores = r.conditions.map((c) => c.score);
  expect(scores).toEqual([...scores].sort((x, y) => y - x));

  // Plan: always something to do now and a way to escalate; no exercises for "go now".
  expect(r.plan.now.length).toBeGreaterThan(0);
  expect(r.plan.escalate.length).toBeGreaterThan(0);
  expect(r.plan.load.summary.length).toBeGreaterThan(0);
  if (r.care === 'emergency' || r.care === 'same-day') expect(r.plan.strength).toEqual([]);
  for (const e of r.plan.strength) {
    expect(e.name.length * e.dose.length * e.why.length).toBeGreaterThan(0);
  }

  // Sources: registered, each once.
  const sourceIds = r.sources.map((s) => s.id);
  expect(new Set(sourceIds).size).toBe(sourceIds.length);
  for (const s of r.sources) {
    expect(SOURCES[s.id as keyof typeof SOURCES]).toBe(s.citation);
    expect(s.title.length).toBeGreaterThan(5);
    expect(s.url).toMatch(/^https:\/\//);
  }
  // Every red flag names where to go for that sign; the banner uses the most urgent one's.
  for (const f of r.redFlags) expect(f.place.length).toBeGreaterThan(10);
  if (r.redFlags[0] && r.redFlags[0].care === r.care) expect(r.careSummary.place).toBe(r.redFlags[0].place);

  // Causes a clinician would sign: every listed cause has a reason (a warning sign's cause
  // excepted), and age or sex is never shown as a reason.
  const flagged = new Set(r.redFlags.map((f) => f.condition));
  for (const c of r.conditions) {
    if (!flagged.has(c.id)) expect(c.why.length, c.id).toBeGreaterThan(0);
    for (const w of c.why) expect(w).not.toMatch(/^Your age|^Female|^Male|^Age \d|^Adult/);
  }
  // No statistics jargon or internal names in runner-facing text.
  const words = JSON.stringify([r.plan, r.redFlags.map((f) => [f.message, f.place]), r.conditions.map((c) => [c.why, c.against])]);
  expect(words).not.toMatch(/rate ratio|HRR|hazard|seed \d|seed-0|evidence-s|§/i);
  expect(r.disclaimer.length).toBeGreaterThan(20);
}
