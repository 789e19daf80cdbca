// The v2 follow-up questions: each is asked only once an earlier answer makes it matter, reaches
// the engine as the contract's v2 field, and is left out again when that answer changes.
import { describe, expect, it } from 'vitest';
import { stepErrors, stepIsEmpty, withAnswerUnits } from '../../../lib/checker/answers';
import { parseCheckerState } from '../../../lib/checker/answers-schema';
import {
  FIRST_SCREEN_SIGN_CHOICES,
  HISTORY_CHOICES,
  LOCATION_CHOICES,
  ONSET_CHOICES,
  STEP_QUESTIONS,
  SIGN_CHOICES,
  SWELLING_CHOICES,
  askedAnswers,
  ageAskedEarly,
  askedQuestions,
  painStartsAsked,
} from '../../../lib/checker/questions';
import { painStartsKm, toTriageInput } from '../../../lib/checker/to-input';
import { parseTriageInput } from '../../../lib/triage/schema';
import { HISTORIES, LOCATIONS, ONSETS, SIGNS, SWELLINGS } from '../../../lib/triage/types';
import { ITB_ANSWERS, answers } from './helpers';

const ids = (step: Parameters<typeof askedQuestions>[0], a = answers()) => askedQuestions(step, a).map((q) => q.id ?? q.field);

describe('v2 answers have plain words and a place on the screens', () => {
  it('every contract value has a label, and every sign and history is asked somewhere', () => {
    for (const [choices, values] of [
      [LOCATION_CHOICES, LOCATIONS],
      [ONSET_CHOICES, ONSETS],
      [SWELLING_CHOICES, SWELLINGS],
      [SIGN_CHOICES, SIGNS],
      [HISTORY_CHOICES, HISTORIES],
    ] as const) {
      expect(choices.map((c) => c.value).sort()).toEqual([...values].sort());
    }
    const asked = (field: string) =>
      new Set(
        Object.values(STEP_QUESTIONS).flatMap((s) =>
          s.questions.flatMap((q) => (typeof q === 'object' && q.field === field ? q.choices.map((c) => c.value) : [])),
        ),
      );
    expect([...asked('signs')].sort()).toEqual([...SIGNS].sort());
    expect([...asked('history')].sort()).toEqual([...HISTORIES].sort());
  });

  it('the first screen lists no injury-only sign for a runner whose pain came on gradually', () => {
    expect(FIRST_SCREEN_SIGN_CHOICES.map((c) => c.value)).not.toContain('heard-pop');
    expect(ids('signs', answers({ onset: 'gradual' }))).toEqual(['onset', 'signs']);
  });
});

describe('follow-ups appear only where they matter', () => {
  it('a pop, a slipped kneecap and the straight-leg raise after a twist or a fall', () => {
    for (const onset of ['sudden-twist', 'fall-or-blow'] as const) {
      expect(ids('signs', answers({ onset }))).toEqual(['onset', 'injury', 'signs']);
    }
    // Came on in one run with no injury: only the straight-leg raise (a tendon can give way).
    const q = askedQuestions('signs', answers({ onset: 'sudden-no-injury' }));
    expect(q.map((x) => x.id ?? x.field)).toEqual(['onset', 'quads', 'signs']);
    expect(q[1]!.choices.map((c) => c.value)).toEqual(['cannot-straight-leg-raise']);
  });

  it('clot questions with a swollen calf; lump behind the knee with back-of-knee pain', () => {
    expect(ids('signs', answers({ onset: 'gradual', signs: ['calf-swelling'] }))).toEqual(['onset', 'signs', 'clot']);
    expect(ids('where', answers({ locations: ['front'] }))).toEqual(['side']);
    expect(ids('where', answers({ locations: ['back'] }))).toEqual(['back-lump', 'side']);
  });

  it('injection, gout and infection questions with swelling or a hot joint, not without', () => {
    expect(ids('swelling', answers({ swelling: 'none' }))).toEqual(['swelling', 'mechanical']);
    for (const swelling of ['mild-settles', 'persistent', 'rapid-after-injury', 'rapid-no-injury'] as const) {
      expect(ids('swelling', answers({ swelling }))).toEqual(['swelling', 'joint-history', 'mechanical']);
    }
    expect(ids('swelling', answers({ swelling: 'none', signs: ['multiple-joints'] }))).toContain('joint-history');
  });

  it('the trend once it has hurt for more than a few days; the distance only when pain comes on part-way', () => {
    expect(ids('about', answers({ duration: 'd1-3' }))).not.toContain('trend');
    expect(ids('about', answers({ duration: 'm1-3' }))).toContain('trend');
    expect(painStartsAsked(answers({ timing: ['after-run'] }))).toBe(false);
    expect(painStartsAsked(answers({ timing: ['late-in-run'] }))).toBe(true);
  });
});

describe('the age, asked early where a first-screen sign depends on it', () => {
  it('with a limp, a sore bone, not bearing weight or a fall; optional there but checked when typed', () => {
    expect(ageAskedEarly(answers({ onset: 'gradual' }))).toBe(false);
    for (const a of [answers({ signs: ['limp'] }), answers({ signs: ['bone-tender-spot'] }), answers({ onset: 'fall-or-blow' })]) {
      expect(ageAskedEarly(a)).toBe(true);
    }
    expect(stepErrors('signs', answers({ onset: 'gradual', signs: ['limp'] }))).toEqual([]);
    expect(stepErrors('signs', answers({ onset: 'gradual', signs: ['limp'], age: '6' })).map((e) => e.field)).toEqual(['age']);
    expect(toTriageInput(answers({ onset: 'gradual', signs: ['limp'], age: '13' })).age).toBe(13);
  });
});

describe('v2 answers reach the engine, in the contract shape', () => {
  it('maps the follow-ups, the score, the trend and the distance (km)', () => {
    const a = answers({
      onset: 'sudden-twist',
      signs: ['heard-pop', 'kneecap-slipped'],
      locations: ['front', 'hip-groin'],
      swelling: 'rapid-after-injury',
      history: ['recent-knee-injection-or-surgery'],
      timing: ['late-in-run'],
      painStarts: '6',
      painScore: '7',
      duration: 'w2-4',
      trend: 'worse',
    });
    const input = toTriageInput(a);
    expect(input).toMatchObject({
      onset: 'sudden-twist',
      signs: ['heard-pop', 'kneecap-slipped'],
      locations: ['front', 'hip-groin'],
      history: ['recent-knee-injection-or-surgery'],
      painScore: 7,
      trend: 'worse',
      painStartsKm: 6,
    });
    expect(parseTriageInput(input)).toEqual(input);
  });

  it('a distance typed in miles reaches the engine in km', () => {
    const a = answers({ timing: ['late-in-run'], painStarts: '4', training: { units: 'mi' } });
    expect(painStartsKm(a)).toBe(6.4);
    expect(toTriageInput(a).painStartsKm).toBe(6.4);
    // Changing units in settings re-expresses what was typed.
    expect(withAnswerUnits(a, 'km').painStarts).toBe('6.4');
  });

  it('the new plain answers for runners who had none: one run, swelling with no injury', () => {
    const input = toTriageInput(answers({ onset: 'sudden-no-injury', swelling: 'rapid-no-injury' }));
    expect(input.onset).toBe('sudden-no-injury');
    expect(input.swelling).toBe('rapid-no-injury');
  });

  it('drops a follow-up answer once the answer that asked it changes (and keeps it stored)', () => {
    const a = answers({
      onset: 'gradual', // was a twist when the pop was ticked
      signs: ['heard-pop', 'limp'],
      locations: ['front'], // was the back when the lump was ticked
      timing: ['after-run'], // was part-way when the distance was typed
      painStarts: '5',
      swelling: 'none',
      history: ['gout-or-psoriasis', 'prior-bone-stress'],
      duration: 'd1-3',
      trend: 'better',
    });
    const input = toTriageInput(a);
    expect(input.signs).toEqual(['limp']);
    expect(input.history).toEqual(['prior-bone-stress']);
    expect(input).not.toHaveProperty('painStartsKm');
    expect(input).not.toHaveProperty('trend');
    expect(a.signs).toContain('heard-pop');
    // A value another asked question offers stays: travel is asked with a swollen calf and on "About you".
    const travel = answers({ history: ['recent-travel-surgery-or-immobile'] });
    expect(askedAnswers(travel).history).toEqual(['recent-travel-surgery-or-immobile']);
  });
});

describe('v2 answers on the screens and in storage', () => {
  it('checks the distance into a run only when it is asked, and counts it as an answer', () => {
    expect(stepErrors('pattern', answers({ timing: ['late-in-run'], painStarts: 'far' })).map((e) => e.field)).toEqual(['painStarts']);
    expect(stepErrors('pattern', answers({ timing: ['late-in-run'], painStarts: '0' })).map((e) => e.field)).toEqual(['painStarts']);
    expect(stepErrors('pattern', answers({ timing: ['late-in-run'], painStarts: '5,5' }))).toEqual([]);
    expect(stepErrors('pattern', answers({ timing: ['after-run'], painStarts: 'far' }))).toEqual([]);
    expect(stepIsEmpty('pattern', answers({ painScore: '0' }))).toBe(false);
  });

  it('answers saved before the v2 questions still load; v2 answers round-trip; bad ones are refused', () => {
    const old: Record<string, unknown> = { ...ITB_ANSWERS };
    for (const v2Key of ['trend', 'painScore', 'painStarts']) delete old[v2Key];
    const state = { screen: 'about', shortcut: false, answers: old, updatedAt: '2026-03-01T20:00:00.000Z' };
    expect(parseCheckerState(state).ok).toBe(true);
    const v2 = { ...state, answers: { ...old, trend: 'worse', painScore: '7', painStarts: '6', locations: ['hip-groin'] } };
    expect(parseCheckerState(v2)).toEqual({ ok: true, state: v2 });
    for (const bad of [{ painScore: '11' }, { trend: 'up' }, { painStarts: 6 }]) {
      expect(parseCheckerState({ ...state, answers: { ...old, ...bad } }).ok, JSON.stringify(bad)).toBe(false);
    }
  });
});
