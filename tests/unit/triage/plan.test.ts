import { describe, expect, it } from 'vitest';
import { CARE_LEVEL_INFO, CARE_LEVELS, careRank, mostUrgent, triage, type TriageInput } from '../../../lib/triage';
import { toAnswers } from '../../../lib/triage/answers';
import { cutToUndo, WALK_RUN_STEPS } from '../../../lib/triage/plan';
import { scoreConditions } from '../../../lib/triage/rank';

const itb: TriageInput = {
  age: 30, locations: ['outside'], onset: 'gradual', timing: ['late-in-run'], feel: ['burning'],
  worseWith: ['downhill', 'long-runs'], swelling: 'none', mechanical: [], signs: [], durationDays: 12,
  settlesWithin48h: false,
};
const text = (xs: string[]) => xs.join('\n');

describe('care helpers', () => {
  it('ranks care most urgent first and picks the most urgent', () => {
    expect(CARE_LEVELS.map(careRank)).toEqual([0, 1, 2, 3, 4]);
    expect(mostUrgent('modify-load', 'same-day', undefined)).toBe('same-day');
    expect(mostUrgent()).toBe('keep-running');
    for (const level of CARE_LEVELS) expect(CARE_LEVEL_INFO[level].action.length).toBeGreaterThan(20);
  });
});

describe('load plan', () => {
  it('names the Frandsen band for a long-run spike and caps the longest run', () => {
    const r = triage({ ...itb, training: { longestRunSpikePct: 45 } });
    const steps = text(r.plan.load.steps);
    expect(steps).toMatch(/45 % longer/);
    expect(steps).toMatch(/rate ratio 1\.52/);
    expect(steps).toMatch(/Cap your longest run at your previous 30-day longest/);
    expect(r.sources.map((s) => s.id)).toContain('frandsen-2025');
  });

  it.each([[15, 1.64], [30, 1.64], [31, 1.52], [100, 1.52], [150, 2.28]])('spike %i %% -> HRR %f', (pct, hrr) => {
    expect(text(triage({ ...itb, training: { longestRunSpikePct: pct } }).plan.load.steps)).toContain(`rate ratio ${hrr}`);
  });

  it('undoes a weekly rise, holds a week, builds in small steps, and is honest about the 10 % rule', () => {
    const r = triage({ ...itb, training: { weeklyChangePct: 60 } });
    const steps = text(r.plan.load.steps);
    expect(steps).toMatch(/rose 60 %/);
    expect(steps).toMatch(/drop back about 38 %/);
    expect(steps).toMatch(/at least a week \(3-4 pain-free runs\)/);
    expect(steps).toMatch(/small steps/);
    expect(steps).toMatch(/10 % a week.*weak evidence/);
    expect(r.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['buist-2008', 'nielsen-2014']));
  });

  it('cutToUndo returns the cut back to last week', () => {
    expect(cutToUndo(25)).toBe(20);
    expect(cutToUndo(100)).toBe(50);
  });

  it('does not invent training findings when none were given', () => {
    const r = triage(itb);
    expect(text(r.plan.load.steps)).not.toMatch(/longer than your longest|weekly distance rose/);
    expect(r.plan.load.summary).toMatch(/3\/10/);
  });

  it('small rises (10 % or less) are not called a jump', () => {
    const r = triage({ ...itb, training: { weeklyChangePct: 10, longestRunSpikePct: 10 } });
    expect(text(r.plan.load.steps)).not.toMatch(/rose|longer than your longest/);
  });

  it('mentions shoe distance only as a low-confidence tip', () => {
    expect(text(triage({ ...itb, training: { shoeKm: 900 } }).plan.load.steps)).toMatch(/900 km.*rule of thumb, not proven/);
    expect(text(triage({ ...itb, training: { shoeKm: 200 } }).plan.load.steps)).not.toMatch(/km on them/);
  });
});

describe('plan by care level', () => {
  it('modify-load: strength menu for the top condition, walk-run steps and pain rules', () => {
    const r = triage(itb);
    expect(r.care).toBe('modify-load');
    expect(r.conditions[0]!.id).toBe('itb-syndrome');
    expect(r.plan.strength.length).toBeGreaterThanOrEqual(3);
    expect(r.plan.returnToRun.steps).toEqual(WALK_RUN_STEPS);
    expect(r.plan.returnToRun.steps[0]).toMatch(/run 3 min, walk 2 min/);
    expect(text(r.plan.returnToRun.readiness)).toMatch(/30-45 minutes/);
    expect(text(r.plan.returnToRun.painRules)).toMatch(/3 out of 10/);
    expect(text(r.plan.now)).toMatch(/walking, cycling, swimming/);
  });

  it('bone stress: no running, pain-free rules instead of "3/10"', () => {
    const r = triage({ ...itb, locations: ['inside'], timing: ['whole-run', 'at-rest'], signs: ['bone-tender-spot'] });
    expect(r.care).toBe('see-clinician');
    expect(r.plan.load.summary).toMatch(/No running/);
    expect(text(r.plan.returnToRun.painRules)).toMatch(/completely pain-free/);
    expect(text(r.plan.returnToRun.painRules)).not.toMatch(/3 out of 10/);
  });

  it('emergency: go now, do not run, no exercises, no walk-run', () => {
    const r = triage({ ...itb, onset: 'fall-or-blow', signs: ['cannot-bear-weight'] });
    expect(r.care).toBe('emergency');
    expect(r.plan.now[0]).toBe(CARE_LEVEL_INFO.emergency.action);
    expect(text(r.plan.avoid)).toMatch(/Running/);
    expect(r.plan.strength).toEqual([]);
    expect(r.plan.returnToRun.steps).toEqual([]);
    expect(r.plan.load.summary).toMatch(/No running/);
  });

  it('same-day: be seen today, no exercises', () => {
    const r = triage({ ...itb, signs: ['calf-swelling'] });
    expect(r.care).toBe('same-day');
    expect(r.plan.now[0]).toMatch(/today/);
    expect(r.plan.strength).toEqual([]);
  });

  it('keep-running: no walk-run build-up, still the pain rules', () => {
    const r = triage({ ...itb, settlesWithin48h: true });
    expect(r.care).toBe('keep-running');
    expect(r.plan.returnToRun.steps.join(' ')).toMatch(/No walk-run build-up/);
    expect(r.plan.returnToRun.painRules.length).toBeGreaterThan(0);
  });

  it('after an injury, advises against early anti-inflammatories (PEACE)', () => {
    const r = triage({ ...itb, onset: 'sudden-twist', locations: ['joint-line'], worseWith: ['twisting'] });
    expect(text(r.plan.avoid)).toMatch(/Anti-inflammatory/);
  });
});

describe('conditions explain themselves', () => {
  it('why quotes the runner\'s answers and against lists what does not fit', () => {
    const r = triage(itb);
    const top = r.conditions[0]!;
    expect(top.why).toEqual(expect.arrayContaining(['Pain on the outside of the knee', 'It comes on part-way through a run']));
    const front = { ...itb, locations: ['front' as const] };
    const scored = scoreConditions(toAnswers(front)).find((s) => s.knowledge.id === 'itb-syndrome')!;
    expect(scored.against.map((x) => x.text)).toContain('No pain on the outside of the knee');
  });

  it('scores are 0..100 and the list is never empty', () => {
    const r = triage(itb);
    expect(r.conditions[0]!.score).toBeGreaterThan(90);
    expect(r.conditions.length).toBeGreaterThanOrEqual(3);
  });

  it('has a one-sentence disclaimer', () => {
    expect(triage(itb).disclaimer).toMatch(/^Knee Check gives information, not a diagnosis/);
  });
});
