import { describe, expect, it } from 'vitest';
import { TriageInputError, nothingReported, parseTriageInput, triage, type TriageInput } from '../../../lib/triage';

const ok: TriageInput = { ...nothingReported(), age: 40, locations: ['front'], durationDays: 3 };

function errorOf(raw: unknown): TriageInputError {
  try {
    triage(raw);
  } catch (e) {
    if (e instanceof TriageInputError) return e;
    throw e;
  }
  throw new Error('expected a TriageInputError');
}

describe('input validation', () => {
  it('accepts the smallest valid input', () => {
    expect(() => triage(ok)).not.toThrow();
  });

  it.each([
    [{ ...ok, age: 7 }, 'age'],
    [{ ...ok, age: 100.5 }, 'age'],
    [{ ...ok, locations: [] }, 'locations'],
    [{ ...ok, locations: ['front', 'shin'] }, 'locations[1]'],
    [{ ...ok, training: { shoeKm: 'new' } }, 'training.shoeKm'],
    [{ ...ok, training: { weeklyChangePct: Number.POSITIVE_INFINITY } }, 'training.weeklyChangePct'],
    [{ ...ok, durationDays: undefined }, 'durationDays'],
  ])('names the bad field (%#)', (raw, field) => {
    const e = errorOf(raw);
    expect(e.name).toBe('TriageInputError');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(new RegExp(`^${field.replace(/[.[\]]/g, '\\$&')}: `));
    expect(e.issues[0]!.field).toBe(field);
  });

  it('says which values are allowed for an unknown enum value', () => {
    expect(errorOf({ ...ok, onset: 'slow' }).message).toMatch(/gradual, sudden-twist, fall-or-blow/);
  });

  it('reports a missing required array as required', () => {
    const { signs: _signs, ...rest } = ok;
    expect(errorOf(rest).message).toBe('signs: is required');
  });

  it('lists every problem, not just the first', () => {
    const e = errorOf({ ...ok, age: 5, swelling: 'huge' });
    expect(e.issues.map((i) => i.field).sort()).toEqual(['age', 'swelling']);
  });

  it('non-objects are rejected as "input"', () => {
    for (const junk of [null, undefined, 42, 'knee', [ok]]) expect(errorOf(junk).field).toBe('input');
  });

  it('strips unknown keys (documented choice) and treats null optionals as not reported', () => {
    const parsed = parseTriageInput({ ...ok, id: 'K99', narrative: 'x', sex: null, training: { shoeKm: null, newRunner: true, extra: 1 } });
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).not.toHaveProperty('sex');
    expect(parsed.training).toEqual({ newRunner: true });
  });

  it('removes duplicate answers', () => {
    const parsed = parseTriageInput({ ...ok, locations: ['front', 'front', 'inside'], signs: ['limp', 'limp'] });
    expect(parsed.locations).toEqual(['front', 'inside']);
    expect(parsed.signs).toEqual(['limp']);
  });

  it("does not change the caller's object", () => {
    const raw = { ...ok, locations: ['front', 'front'] as TriageInput['locations'] };
    triage(raw);
    expect(raw.locations).toEqual(['front', 'front']);
  });
});
