// Contract v2 additions (docs/contract/triage.md) and the presentations issue 12 names: each is
// accepted, validated and USED, and the care follows the evidence notes.
import { describe, expect, it } from 'vitest';
import { TriageInputError, screenWarningSigns, triage, type TriageInput } from '../../../lib/triage';
import { EVIDENCE, SPIKE_BANDS, SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from '../../../lib/evidence';
import { SOURCES } from '../../../lib/triage/sources';

const plain: TriageInput = {
  age: 30,
  locations: ['front'],
  onset: 'gradual',
  timing: ['after-run'],
  feel: ['dull-ache'],
  worseWith: ['stairs'],
  swelling: 'none',
  mechanical: [],
  signs: [],
  durationDays: 10,
};

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof TriageInputError) return e.field;
    throw e;
  }
  return '';
}

describe('v2 input: accepted and validated', () => {
  it('accepts every v2 value', () => {
    const r = triage({
      ...plain,
      locations: ['hip-groin', 'front'],
      onset: 'sudden-no-injury',
      swelling: 'rapid-no-injury',
      signs: ['kneecap-slipped', 'heard-pop', 'cannot-straight-leg-raise', 'lump-behind-knee'],
      history: ['recent-knee-injection-or-surgery', 'clot-risk', 'gout-or-psoriasis', 'recent-infection'],
      painScore: 7,
      trend: 'worse',
      painStartsKm: 4.5,
    });
    expect(r.care).toBe('emergency');
  });

  it('names the bad v2 field', () => {
    expect(fieldOf(() => triage({ ...plain, painScore: 11 }))).toBe('painScore');
    expect(fieldOf(() => triage({ ...plain, painScore: 2.5 }))).toBe('painScore');
    expect(fieldOf(() => triage({ ...plain, trend: 'up' }))).toBe('trend');
    expect(fieldOf(() => triage({ ...plain, painStartsKm: 0 }))).toBe('painStartsKm');
    expect(fieldOf(() => triage({ ...plain, training: { thisWeekKm: -1 } }))).toBe('training.thisWeekKm');
  });
});

describe('the presentations issue 12 names', () => {
  it('outer-knee pain back at about 6 km on every run for two months is not "keep running"', () => {
    const r = triage({
      ...plain,
      locations: ['outside'],
      timing: ['late-in-run'],
      feel: ['sharp'],
      worseWith: ['downhill'],
      durationDays: 60,
      settlesWithin48h: true,
      painStartsKm: 6,
      training: { thisWeekKm: 10 },
    });
    expect(r.care).toBe('modify-load');
    expect(r.conditions[0]!.id).toBe('itb-syndrome');
    expect(r.plan.now.join(' ')).toMatch(/stop each run at about 5 km, before the pain starts at about 6 km/);
  });

  it('a swollen warm calf after a long flight: same day, a scan within 4 hours, not a knee clinic', () => {
    const r = triage({ ...plain, locations: ['back'], signs: ['calf-swelling'], history: ['recent-travel-surgery-or-immobile'] });
    expect(r.care).toBe('same-day');
    expect(r.conditions[0]!.id).toBe('dvt');
    expect(r.careSummary.action).toMatch(/scan within 4 hours \(not a knee clinic\)/);
    // The first screen alone is enough for the shortcut.
    const first = screenWarningSigns({ ...plain, signs: ['calf-swelling'] });
    expect(first?.care).toBe('same-day');
    expect(first?.redFlags[0]!.place).toMatch(/scan within 4 hours/);
  });

  it('the femoral-neck stress fracture picture is seen today', () => {
    const r = triage({
      ...plain,
      age: 24,
      sex: 'female',
      locations: ['hip-groin', 'thigh-muscles', 'front'],
      timing: ['whole-run', 'at-rest', 'at-night'],
      worseWith: ['hopping'],
      signs: ['limp'],
      history: ['low-energy-or-missed-periods', 'prior-bone-stress'],
      durationDays: 21,
    });
    expect(r.care).toBe('same-day');
    expect(r.redFlags[0]!.id).toBe('high-risk-bone-stress');
    expect(r.conditions[0]!.id).toBe('bone-stress-injury');
    expect(r.plan.returnToRun.painRules.join(' ')).not.toMatch(/3-5/);
  });

  it('no cause is listed "because of" age or sex, and none without a reason', () => {
    const r = triage({ ...plain, sex: 'female', age: 30 });
    for (const c of r.conditions) {
      expect(c.why.length).toBeGreaterThan(0);
      for (const w of c.why) expect(w).not.toMatch(/age|female/i);
    }
    expect(r.conditions.map((c) => c.id)).not.toContain('inflammatory-arthritis');
  });
});

describe('causes a clinician would list', () => {
  it('thigh soreness that settles after a harder run is muscle soreness, not a hip problem', () => {
    const doms: TriageInput = {
      ...plain,
      age: 29,
      sex: 'male',
      locations: ['thigh-muscles'],
      timing: ['next-morning'],
      feel: [],
      durationDays: 2,
      settlesWithin48h: true,
    };
    const r = triage(doms);
    expect(r.conditions[0]!.id).toBe('muscle-soreness');
    expect(r.conditions.map((c) => c.id)).not.toContain('referred-hip-pain');
    // Thigh pain that does not settle still points to the hip.
    expect(triage({ ...doms, settlesWithin48h: false, durationDays: 21 }).conditions.map((c) => c.id)).toContain('referred-hip-pain');
  });
});

describe("screenWarningSigns (the popup's same-day shortcut)", () => {
  it('returns the care and the flags for an emergency or same-day sign, null otherwise', () => {
    expect(screenWarningSigns({ ...plain, signs: ['hot-red-knee'] })?.care).toBe('emergency');
    expect(screenWarningSigns({ ...plain, signs: ['kneecap-slipped'] })?.care).toBe('same-day');
    expect(screenWarningSigns({ ...plain, signs: ['multiple-joints'] })).toBeNull();
    expect(screenWarningSigns(plain)).toBeNull();
  });
  it('throws TriageInputError on answers that do not fit', () => {
    expect(() => screenWarningSigns({ ...plain, signs: ['nope'] })).toThrow(TriageInputError);
  });
});

describe('the evidence registry', () => {
  it('every source has a full citation, a title and an https link; the triage view matches it', () => {
    for (const s of Object.values(EVIDENCE)) {
      expect(s.citation.length).toBeGreaterThan(10);
      expect(s.title.length).toBeGreaterThan(5);
      expect(s.url).toMatch(/^https:\/\/[a-z0-9.-]+\//);
      expect(SOURCES[s.id as keyof typeof SOURCES]).toBe(s.citation);
    }
  });
  it('holds the spike bands and the 30-day look-back once', () => {
    expect(SPIKE_LOOKBACK_DAYS).toBe(30);
    expect(SPIKE_BANDS.map((b) => b.above)).toEqual([100, 30, 10]);
    // The spike threshold is the lowest band's edge (a literal, for the content scripts' budget).
    expect(SPIKE_THRESHOLD_PCT).toBe(SPIKE_BANDS.at(-1)!.above);
  });
});
