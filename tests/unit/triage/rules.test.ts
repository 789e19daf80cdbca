// Each warning-sign rule, on a plain answer set that otherwise has no warning sign, and the
// combinations that must NOT fire (ordinary overuse that looks alarming at first glance).
import { describe, expect, it } from 'vitest';
import { triage, type TriageInput } from '../../../lib/triage';
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
    ['ottawa-knee-rule', { onset: 'fall-or-blow', signs: ['cannot-bend-90'] }, 'emergency', 'fracture'],
    ['ottawa-knee-rule', { onset: 'sudden-twist', signs: ['cannot-bear-weight'] }, 'emergency', 'fracture'],
    ['ottawa-knee-rule', { onset: 'fall-or-blow', signs: ['bone-tender-spot'] }, 'emergency', 'fracture'],
    ['ottawa-knee-rule', { onset: 'sudden-twist', age: 55, durationDays: 2 }, 'emergency', 'fracture'],
    ['calf-swelling', { signs: ['calf-swelling'] }, 'same-day', 'dvt'],
    ['locked-knee', { mechanical: ['locking'] }, 'same-day', 'meniscal-irritation'],
    ['rapid-swelling-after-injury', { onset: 'sudden-twist', swelling: 'rapid-after-injury' }, 'same-day', 'ligament-injury'],
    ['cannot-bear-weight-without-injury', { signs: ['cannot-bear-weight'] }, 'same-day', ''],
    ['fever-with-knee-pain', { signs: ['fever-unwell'] }, 'same-day', 'septic-arthritis'],
    ['young-with-limp', { age: 12, signs: ['limp'] }, 'same-day', 'referred-hip-pain'],
    ['bone-stress-signs', { signs: ['bone-tender-spot'] }, 'see-clinician', 'bone-stress-injury'],
    ['bone-stress-signs', { worseWith: ['hopping'], timing: ['whole-run', 'at-rest'] }, 'see-clinician', 'bone-stress-injury'],
    ['bone-stress-signs', { worseWith: ['hopping'], history: ['prior-bone-stress'] }, 'see-clinician', 'bone-stress-injury'],
    ['night-pain-or-weight-loss', { signs: ['weight-loss'] }, 'see-clinician', 'serious-bone-pathology'],
    ['night-pain-or-weight-loss', { timing: ['at-night', 'at-rest'] }, 'see-clinician', 'serious-bone-pathology'],
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
      expect(rule.message).toMatch(/\b(go to|call|be seen|book|see a)\b/i);
    }
  });

  it('every condition cites sources', () => {
    for (const c of CONDITIONS) expect(c.sources.length, c.id).toBeGreaterThan(0);
  });

  it('the most urgent sign wins and its condition leads; every sign is reported', () => {
    const r = triage({ ...plain, age: 12, signs: ['limp', 'hot-red-knee', 'fever-unwell'], swelling: 'persistent' });
    expect(r.care).toBe('emergency');
    expect(r.redFlags[0]!.id).toBe('hot-swollen-knee');
    expect(r.redFlags.map((f) => f.id)).toEqual(expect.arrayContaining(['young-with-limp', 'persistent-swelling']));
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
      const i: TriageInput = { ...plain, age: 20, locations: ['below-kneecap'], timing: ['eases-with-warmup', 'after-run'], worseWith: ['hopping', 'hills-speed-jumping'] };
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
    it('a limp at 16 or older is not the adolescent-hip flag', () => {
      expect(flagIds({ ...plain, age: 16, signs: ['limp'] })).not.toContain('young-with-limp');
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
    const r = triage({ ...plain, side: 'both', locations: ['thigh-muscles'], timing: ['next-morning'], feel: ['stiffness'], worseWith: ['downhill'], durationDays: 1, training: { longestRunSpikePct: 40 } });
    expect(r.conditions[0]!.id).toBe('muscle-soreness');
    expect(r.care).toBe('keep-running');
  });
  it('a bone stress picture is never self-managed, even without a flag', () => {
    const r = triage({ ...plain, sex: 'female', locations: ['inside'], timing: ['whole-run'], history: ['prior-bone-stress', 'low-energy-or-missed-periods'], settlesWithin48h: false, training: { weeklyChangePct: 40, newRunner: true } });
    expect(r.redFlags).toEqual([]);
    expect(r.conditions[0]!.id).toBe('bone-stress-injury');
    expect(r.care).toBe('see-clinician');
  });
});
