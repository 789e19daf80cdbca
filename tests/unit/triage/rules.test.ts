// Each warning-sign rule, on a plain answer set that otherwise has no warning sign, and the
// combinations that must NOT fire (ordinary overuse that looks alarming at first glance).
import { describe, expect, it } from 'vitest';
import { RECURRING_DAYS, triage, type TriageInput } from '../../../lib/triage';
import { WARNING_SIGNS } from '../../../lib/triage/warning-signs';
import { CONDITIONS } from '../../../lib/triage/conditions';
import { SOURCES } from '../../../lib/triage/sources';

/** An adult with ordinary kneecap pain after runs: no warning signs. */
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
const flagIds = (i: TriageInput) => triage(i).redFlags.map((f) => f.id);

describe('warning-sign rules', () => {
  it('the plain case fires none and is self-managed', () => {
    const r = triage(plain);
    expect(r.redFlags).toEqual([]);
    expect(r.care).toBe('modify-load');
    expect(r.conditions[0]!.id).toBe('patellofemoral-pain');
  });

  const cases: [string, Partial<TriageInput>, string, string][] = [
    ['hot-swollen-knee', { signs: ['hot-red-knee'] }, 'emergency', 'septic-arthritis'],
    ['hot-swollen-knee', { signs: ['fever-unwell'], swelling: 'persistent' }, 'emergency', 'septic-arthritis'],
    ['deformity', { signs: ['deformity'] }, 'emergency', 'dislocation'],
    ['foot-numb-cold', { signs: ['foot-numb-cold'] }, 'emergency', ''],
    ['foot-numb-cold-after-injury', { onset: 'fall-or-blow', signs: ['foot-numb-cold'] }, 'emergency', 'dislocation'],
    [
      'cannot-straight-leg-raise',
      { locations: ['above-kneecap'], onset: 'sudden-no-injury', signs: ['cannot-straight-leg-raise'] },
      'emergency',
      'quadriceps-tendinopathy',
    ],
    ['ottawa-cannot-bear-weight', { onset: 'sudden-twist', durationDays: 0, signs: ['cannot-bear-weight'] }, 'emergency', 'fracture'],
    [
      'young-hip-cannot-bear-weight',
      { age: 12, locations: ['hip-groin'], signs: ['cannot-bear-weight'] },
      'emergency',
      'referred-hip-pain',
    ],
    // Ottawa positive, even while walking: emergency department X-ray (evidence.md §3; shared K02).
    ['ottawa-knee-rule', { onset: 'fall-or-blow', durationDays: 1, signs: ['cannot-bend-90'] }, 'emergency', 'fracture'],
    ['ottawa-knee-rule', { onset: 'fall-or-blow', durationDays: 1, signs: ['bone-tender-spot'] }, 'emergency', 'fracture'],
    ['ottawa-knee-rule', { onset: 'sudden-twist', age: 55, durationDays: 2 }, 'emergency', 'fracture'],
    ['pittsburgh-x-ray-today', { onset: 'fall-or-blow', age: 51, durationDays: 1 }, 'emergency', 'fracture'],
    ['kneecap-slipped', { onset: 'sudden-twist', signs: ['kneecap-slipped'] }, 'same-day', 'dislocation'],
    [
      'swelling-after-injection-or-surgery',
      { swelling: 'persistent', history: ['recent-knee-injection-or-surgery'] },
      'same-day',
      'septic-arthritis',
    ],
    [
      'high-risk-bone-stress',
      { age: 24, locations: ['hip-groin', 'front'], timing: ['at-rest', 'at-night'], signs: ['limp'], history: ['prior-bone-stress'] },
      'same-day',
      'bone-stress-injury',
    ],
    ['young-hip', { age: 13, locations: ['hip-groin'] }, 'same-day', 'referred-hip-pain'],
    ['twist-not-settling', { onset: 'sudden-twist', locations: ['joint-line'], durationDays: 21 }, 'see-clinician', ''],
    ['acute-twist', { onset: 'sudden-twist', locations: ['inside'], worseWith: ['twisting'], durationDays: 3 }, 'see-clinician', ''],
    ['lump-behind-knee', { locations: ['back'], signs: ['lump-behind-knee'] }, 'see-clinician', 'posterior-knee-irritation'],
    ['unexplained-bone-pain-young', { age: 16, timing: ['at-night', 'at-rest'] }, 'see-clinician', 'serious-bone-pathology'],
    ['calf-swelling', { signs: ['calf-swelling'] }, 'same-day', 'dvt'],
    ['locked-knee', { mechanical: ['locking'] }, 'same-day', 'meniscal-irritation'],
    ['rapid-swelling-after-injury', { onset: 'sudden-twist', swelling: 'rapid-after-injury' }, 'same-day', 'ligament-injury'],
    ['cannot-bear-weight', { signs: ['cannot-bear-weight'] }, 'same-day', ''],
    ['fever-with-knee-pain', { signs: ['fever-unwell'] }, 'same-day', 'septic-arthritis'],
    ['young-hip', { age: 12, signs: ['limp'] }, 'same-day', 'referred-hip-pain'],
    ['bone-stress-signs', { signs: ['bone-tender-spot'] }, 'see-clinician', 'bone-stress-injury'],
    ['bone-stress-signs', { worseWith: ['hopping'], timing: ['whole-run', 'at-rest'] }, 'see-clinician', 'bone-stress-injury'],
    ['bone-stress-signs', { worseWith: ['hopping'], history: ['prior-bone-stress'] }, 'see-clinician', 'bone-stress-injury'],
    ['unexplained-bone-pain', { signs: ['weight-loss'] }, 'see-clinician', 'serious-bone-pathology'],
    ['unexplained-bone-pain', { timing: ['at-night', 'at-rest'] }, 'see-clinician', 'serious-bone-pathology'],
    ['inflammatory-pattern', { swelling: 'mild-settles', history: ['gout-or-psoriasis'] }, 'see-clinician', 'inflammatory-arthritis'],
    ['persistent-swelling', { swelling: 'rapid-no-injury', onset: 'sudden-no-injury' }, 'see-clinician', ''],
    ['inflammatory-pattern', { signs: ['multiple-joints'] }, 'see-clinician', 'inflammatory-arthritis'],
    ['inflammatory-pattern', { morningStiffnessMinutes: 45 }, 'see-clinician', 'inflammatory-arthritis'],
    ['night-pain', { timing: ['at-night'], training: { weeklyChangePct: 40 } }, 'see-clinician', ''],
    ['persistent-swelling', { swelling: 'persistent' }, 'see-clinician', ''],
    ['catching-or-giving-way', { mechanical: ['catching'] }, 'see-clinician', ''],
    ['catching-or-giving-way', { mechanical: ['giving-way'] }, 'see-clinician', ''],
    ['rest-has-not-helped', { restedWeekNoBetter: true }, 'see-clinician', ''],
  ];

  it.each(cases)('%s fires on %j', (id, change, care, condition) => {
    const r = triage({ ...plain, ...change });
    const flag = r.redFlags.find((f) => f.id === id);
    expect(flag, `${id} did not fire`).toBeDefined();
    expect(flag!.care).toBe(care);
    expect(r.care).toBe(care);
    if (condition) {
      expect(flag!.condition).toBe(condition);
      expect(r.conditions[0]!.id).toBe(condition);
    }
  });

  it('every rule is covered above, cites sources and speaks plainly', () => {
    const covered = new Set(cases.map((c) => c[0]));
    for (const rule of WARNING_SIGNS) {
      expect(covered.has(rule.id), rule.id).toBe(true);
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(SOURCES[s.id as keyof typeof SOURCES]).toBe(s.citation);
      // Plain words that say what to do, not jargon alone.
      expect(rule.message).not.toMatch(/haemarthrosis|neurovascular/i);
      // Where to go, and how soon, for this sign.
      expect(rule.place).toMatch(/\b(now|today|same day|within|this week)\b/i);
      expect(rule.place).toMatch(/emergency|GP|urgent care|physio|clinic|team/i);
    }
  });

  it('every condition cites sources', () => {
    for (const c of CONDITIONS) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('the most urgent sign wins and its condition leads; every sign is reported', () => {
    const r = triage({ ...plain, age: 12, signs: ['limp', 'hot-red-knee', 'fever-unwell'], swelling: 'persistent' });
    expect(r.care).toBe('emergency');
    expect(r.redFlags[0]!.id).toBe('hot-swollen-knee');
    expect(r.redFlags.map((f) => f.id)).toEqual(expect.arrayContaining(['young-hip', 'persistent-swelling']));
    expect(r.conditions[0]!.id).toBe('septic-arthritis');
    expect(r.conditions.map((c) => c.id)).toContain('referred-hip-pain');
  });

  it('emergency short-circuits even when the pattern says keep running', () => {
    const r = triage({ ...plain, settlesWithin48h: true, signs: ['deformity'] });
    expect(r.care).toBe('emergency');
    expect(r.plan.strength).toEqual([]);
    expect(r.plan.now[0]).toMatch(/emergency/i);
  });

  describe('ordinary patterns that must not raise a flag', () => {
    it('hop pain that eases once warm (tendon) is not a bone-stress flag', () => {
      const i: TriageInput = {
        ...plain,
        age: 20,
        locations: ['below-kneecap'],
        timing: ['eases-with-warmup', 'after-run'],
        worseWith: ['hopping', 'hills-speed-jumping'],
      };
      expect(flagIds(i)).toEqual([]);
      expect(triage(i).conditions[0]!.id).toBe('patellar-tendinopathy');
    });
    it('pain at rest alone is not serious pathology', () => {
      expect(flagIds({ ...plain, timing: ['at-rest', 'after-run'] })).toEqual([]);
    });
    it('night pain after a training jump is not flagged as unexplained (only as night pain)', () => {
      expect(flagIds({ ...plain, timing: ['at-night', 'at-rest'], training: { weeklyChangePct: 40 } })).toEqual(['night-pain']);
    });
    it('the Ottawa age criterion applies to fresh injuries only', () => {
      expect(flagIds({ ...plain, age: 60, onset: 'sudden-twist', durationDays: 30 })).not.toContain('ottawa-knee-rule');
      expect(flagIds({ ...plain, age: 60, onset: 'gradual', durationDays: 1 })).not.toContain('ottawa-knee-rule');
    });
    it('the slipped-hip screen covers 8-16, and 17 in boys', () => {
      expect(flagIds({ ...plain, age: 16, sex: 'female', signs: ['limp'] })).toContain('young-hip');
      expect(flagIds({ ...plain, age: 17, sex: 'female', signs: ['limp'] })).not.toContain('young-hip');
      expect(flagIds({ ...plain, age: 17, sex: 'male', signs: ['limp'] })).toContain('young-hip');
      expect(flagIds({ ...plain, age: 18, sex: 'male', signs: ['limp'] })).not.toContain('young-hip');
    });
    it('a limp with an arthritic knee aching at rest is not the high-risk bone stress picture', () => {
      const oa = {
        ...plain,
        age: 64,
        locations: ['whole-knee'],
        timing: ['at-rest', 'next-morning'],
        feel: ['stiffness'],
        swelling: 'mild-settles',
        signs: ['limp'],
        history: ['known-knee-arthritis'],
      } as TriageInput;
      expect(flagIds(oa)).not.toContain('high-risk-bone-stress');
      expect(flagIds({ ...oa, locations: ['whole-knee', 'hip-groin'] })).toContain('high-risk-bone-stress');
      expect(flagIds({ ...oa, age: 30, history: ['prior-bone-stress'] })).toContain('high-risk-bone-stress');
    });
    it('the femoral stress picture without a reported risk factor: groin pain with a limp or getting worse, or thigh pain on hopping and at night', () => {
      const groin = {
        ...plain,
        age: 24,
        locations: ['hip-groin'],
        timing: ['whole-run'],
        worseWith: ['long-runs'],
        durationDays: 21,
      } as TriageInput;
      expect(flagIds(groin)).not.toContain('high-risk-bone-stress');
      expect(flagIds({ ...groin, signs: ['limp'] })).toContain('high-risk-bone-stress');
      expect(triage({ ...groin, signs: ['limp'] }).care).toBe('same-day');
      // Progressive pain is a bone symptom (evidence.md §7).
      expect(flagIds({ ...groin, trend: 'worse' })).toContain('high-risk-bone-stress');
      expect(flagIds({ ...groin, trend: 'same' })).not.toContain('high-risk-bone-stress');
      // Thigh pain that hurts to hop and at night: two bone symptoms, not a muscle.
      const thigh = {
        ...groin,
        age: 20,
        locations: ['thigh-muscles'],
        timing: ['at-night'],
        worseWith: ['hopping'],
        durationDays: 28,
      } as TriageInput;
      expect(flagIds(thigh)).toContain('high-risk-bone-stress');
      expect(flagIds({ ...thigh, worseWith: ['stairs'] })).not.toContain('high-risk-bone-stress');
    });
    it('swelling alone is never an emergency', () => {
      for (const swelling of ['mild-settles', 'persistent', 'rapid-no-injury'] as const) {
        expect(triage({ ...plain, swelling }).care).not.toBe('emergency');
      }
    });
    it('after an injury, a cold or numb foot points to a knee dislocation', () => {
      const r = triage({
        ...plain,
        onset: 'fall-or-blow',
        durationDays: 0,
        locations: ['whole-knee', 'back'],
        swelling: 'rapid-after-injury',
        signs: ['foot-numb-cold', 'cannot-bear-weight'],
      });
      expect(r.care).toBe('emergency');
      expect(r.conditions.slice(0, 2).map((c) => c.id)).toContain('dislocation');
    });
    it('a cold or numb foot is circulation, not a clot', () => {
      const r = triage({ ...plain, signs: ['foot-numb-cold'] });
      expect(r.redFlags[0]!.condition).not.toBe('dvt');
      expect(r.conditions.map((c) => c.id)).not.toContain('dvt');
    });
    it('a tender bump below the kneecap in a child is Osgood-Schlatter, not bone stress', () => {
      const r = triage({ ...plain, age: 12, locations: ['below-kneecap'], signs: ['bump-below-kneecap', 'bone-tender-spot'] });
      expect(r.redFlags.map((f) => f.id)).not.toContain('bone-stress-signs');
      expect(r.conditions[0]!.id).toBe('osgood-schlatter');
    });
    it('bone stress is never named from history or sex alone', () => {
      const r = triage({ ...plain, sex: 'female', history: ['prior-bone-stress', 'low-energy-or-missed-periods'] });
      expect(r.redFlags).toEqual([]);
      expect(r.conditions.map((c) => c.id)).not.toContain('bone-stress-injury');
    });
    it('the Ottawa rule is for acute injuries only: a twist weeks ago with a tender spot is not an X-ray today', () => {
      expect(flagIds({ ...plain, onset: 'sudden-twist', durationDays: 30, signs: ['bone-tender-spot'] })).not.toContain('ottawa-knee-rule');
    });
    it('a DVT banner names a scan within 4 hours, not a knee clinic', () => {
      const r = triage({ ...plain, locations: ['back'], signs: ['calf-swelling'], history: ['clot-risk'] });
      expect(r.careSummary.place).toMatch(/scan within 4 hours/);
      expect(r.careSummary.place).toMatch(/not a knee clinic/);
      expect(r.careSummary.action).not.toMatch(/acute knee clinic/);
    });
    it('the young-bone-pain message asks for an X-ray within 48 hours and never says "usually something simple"', () => {
      const r = triage({ ...plain, age: 15, timing: ['at-night', 'at-rest'] });
      expect(r.redFlags[0]!.place).toMatch(/48 hours/);
      for (const rule of WARNING_SIGNS) expect(rule.message).not.toMatch(/usually something simple/i);
    });
    it('calf swelling is flagged with or without travel; travel alone is not', () => {
      expect(flagIds({ ...plain, history: ['recent-travel-surgery-or-immobile'] })).toEqual([]);
    });
    it('morning stiffness of 30 minutes or less is not inflammatory', () => {
      expect(flagIds({ ...plain, morningStiffnessMinutes: 30 })).toEqual([]);
    });
  });
});

describe('care without warning signs', () => {
  it('recurring pain at a predictable distance for weeks is at least modify-load (contract v2)', () => {
    const itb = {
      ...plain,
      locations: ['outside'],
      timing: ['late-in-run'],
      worseWith: ['downhill'],
      settlesWithin48h: true,
    } as TriageInput;
    expect(triage({ ...itb, durationDays: 5 }).care).toBe('keep-running');
    expect(triage({ ...itb, durationDays: 60 }).care).toBe('modify-load');
    expect(triage({ ...itb, durationDays: 5, painStartsKm: 6 }).care).toBe('keep-running');
    expect(triage({ ...itb, durationDays: 60, timing: ['after-run'], painStartsKm: 6 }).care).toBe('modify-load');
  });
  it('pain after every run for weeks is at least modify-load, however well it settles in between (contract v2)', () => {
    const settling = { ...plain, settlesWithin48h: true } as TriageInput;
    for (const timing of [['after-run'], ['eases-with-warmup'], ['next-morning'], []] as TriageInput['timing'][]) {
      expect(triage({ ...settling, timing, durationDays: 13 }).care, `${timing} for 13 days`).toBe('keep-running');
      expect(triage({ ...settling, timing, durationDays: RECURRING_DAYS }).care, `${timing} for two weeks`).toBe('modify-load');
    }
    // Getting better at 2/10 or less (the pain-monitoring model's safe zone): the load is tolerated.
    const weeks = { ...settling, durationDays: 42 };
    expect(triage({ ...weeks, trend: 'better', painScore: 2 }).care).toBe('keep-running');
    expect(triage({ ...weeks, trend: 'better', painScore: 3 }).care).toBe('modify-load');
    expect(triage({ ...weeks, trend: 'better' }).care).toBe('modify-load');
    expect(triage({ ...weeks, trend: 'same', painScore: 1 }).care).toBe('modify-load');
  });
  it('getting worse or pain above 5/10 is not keep-running (pain-monitoring model)', () => {
    const mild = { ...plain, settlesWithin48h: true };
    expect(triage({ ...mild, painScore: 3 }).care).toBe('keep-running');
    expect(triage({ ...mild, painScore: 5 }).care).toBe('keep-running');
    expect(triage({ ...mild, painScore: 6 }).care).toBe('modify-load');
    expect(triage({ ...mild, trend: 'worse' }).care).toBe('modify-load');
    expect(triage({ ...mild, trend: 'better' }).care).toBe('keep-running');
  });
  it('mild soreness that settles within 48 h keeps running', () => {
    expect(triage({ ...plain, settlesWithin48h: true }).care).toBe('keep-running');
  });
  it('settling soreness that hurts through the whole run is not "keep running"', () => {
    expect(triage({ ...plain, settlesWithin48h: true, timing: ['whole-run'] }).care).toBe('modify-load');
  });
  it('pain lingering beyond 48 h modifies load', () => {
    expect(triage({ ...plain, settlesWithin48h: false }).care).toBe('modify-load');
  });
  it('not reported means not assumed to settle', () => {
    expect(triage(plain).care).toBe('modify-load');
  });
  it('a fresh, clear DOMS picture counts as settling before the runner can know', () => {
    const r = triage({
      ...plain,
      side: 'both',
      locations: ['thigh-muscles'],
      timing: ['next-morning'],
      feel: ['stiffness'],
      worseWith: ['downhill'],
      durationDays: 1,
      training: { longestRunSpikePct: 40 },
    });
    expect(r.conditions[0]!.id).toBe('muscle-soreness');
    expect(r.care).toBe('keep-running');
  });
  it('a bone stress picture is never self-managed, even without a flag', () => {
    const r = triage({
      ...plain,
      sex: 'female',
      locations: ['inside'],
      timing: ['whole-run'],
      history: ['prior-bone-stress', 'low-energy-or-missed-periods'],
      settlesWithin48h: false,
      training: { weeklyChangePct: 40, newRunner: true },
    });
    expect(r.redFlags).toEqual([]);
    expect(r.conditions[0]!.id).toBe('bone-stress-injury');
    expect(r.care).toBe('see-clinician');
  });
});
