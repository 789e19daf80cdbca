// "Your knee" prefills the checker's empty answers only, and the options page checks the profile
// with lib/triage's own schema (the error names the field).
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../lib/checker/answers';
import { answersFromProfile } from '../../../lib/diary/prefill';
import { checkProfile, toDraft } from '../../../lib/diary/profile-check';

const profile = { age: 42, sex: 'female' as const, side: 'left' as const, history: ['clot-risk' as const, 'prior-bone-stress' as const] };

describe('answersFromProfile', () => {
  it('fills empty age, sex, side and history from the profile', () => {
    const filled = answersFromProfile(profile, emptyAnswers());
    expect(filled.age).toBe('42');
    expect(filled.sex).toBe('female');
    expect(filled.side).toBe('left');
    expect(filled.history).toEqual(['clot-risk', 'prior-bone-stress']);
    expect(filled.locations).toEqual([]);
  });

  it('never overwrites what the runner already answered, and leaves the input untouched', () => {
    const answers = {
      ...emptyAnswers(),
      age: '35',
      sex: 'unsaid' as const,
      side: 'both' as const,
      history: ['known-knee-arthritis' as const],
    };
    const copy = structuredClone(answers);
    const filled = answersFromProfile(profile, answers);
    expect(filled).toEqual(copy);
    expect(answers).toEqual(copy);
  });

  it('a blank age typed as spaces counts as empty; an empty profile changes nothing', () => {
    expect(answersFromProfile(profile, { ...emptyAnswers(), age: '  ' }).age).toBe('42');
    expect(answersFromProfile({ history: [] }, emptyAnswers())).toEqual(emptyAnswers());
  });
});

describe('checkProfile (lib/triage schema)', () => {
  it('accepts a full profile and returns what the diary stores', () => {
    expect(checkProfile({ age: '42', sex: 'female', side: 'left', history: ['clot-risk', 'prior-bone-stress'] })).toEqual({
      ok: true,
      profile,
    });
    expect(checkProfile({ age: '', history: [] })).toEqual({ ok: true, profile: { history: [] } });
  });

  it.each([
    ['7', /8 to 100/],
    ['101', /8 to 100/],
    ['40.5', /whole number/],
    ['forty', /whole years/],
  ])('a bad age (%s) names the age field', (age, message) => {
    const out = checkProfile({ age, history: [] });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.field).toBe('age');
      expect(out.message).toMatch(/^Age: /);
      expect(out.message).toMatch(message);
    }
  });

  it('an unknown sex, side or history value names its field', () => {
    expect(checkProfile({ age: '30', sex: 'x', history: [] })).toMatchObject({ ok: false, field: 'sex' });
    expect(checkProfile({ age: '30', side: 'middle', history: [] })).toMatchObject({ ok: false, field: 'side' });
    expect(checkProfile({ age: '30', history: ['flat-feet'] })).toMatchObject({ ok: false, field: 'history' });
  });

  it('toDraft and checkProfile round-trip a stored profile', () => {
    expect(checkProfile(toDraft(profile))).toEqual({ ok: true, profile });
  });
});
