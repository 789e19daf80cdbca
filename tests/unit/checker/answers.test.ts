import { describe, expect, it } from 'vitest';
import { parseNumber, percentChange, stepErrors, stepIsEmpty, withTrainingUnits } from '../../../lib/checker/answers';
import { answers } from './helpers';

describe('step checks', () => {
  it('requires how it started on the warning-sign screen, nothing else', () => {
    expect(stepErrors('signs', answers()).map((e) => e.field)).toEqual(['onset']);
    expect(stepErrors('signs', answers({ onset: 'gradual' }))).toEqual([]);
  });

  it('requires a place, a swelling answer, an age and a duration', () => {
    expect(stepErrors('where', answers()).map((e) => e.field)).toEqual(['locations']);
    expect(stepErrors('pattern', answers())).toEqual([]);
    expect(stepErrors('swelling', answers()).map((e) => e.field)).toEqual(['swelling']);
    expect(stepErrors('about', answers()).map((e) => e.field)).toEqual(['age', 'duration']);
    expect(stepErrors('about', answers({ age: '30', duration: 'today' }))).toEqual([]);
  });

  it('checks the age as a whole number from 8 to 100', () => {
    for (const age of ['7', '101', '30.5', 'thirty', '-3']) {
      expect(
        stepErrors('about', answers({ age, duration: 'today' })).map((e) => e.field),
        age,
      ).toEqual(['age']);
    }
    for (const age of ['8', '100', ' 42 ']) expect(stepErrors('about', answers({ age, duration: 'today' })), age).toEqual([]);
  });

  it('checks typed training distances but never requires them', () => {
    expect(stepErrors('training', answers())).toEqual([]);
    expect(stepErrors('training', answers({ training: { thisWeek: '-5', shoe: 'lots' } })).map((e) => e.field)).toEqual([
      'training.thisWeek',
      'training.shoe',
    ]);
  });

  it('knows when an optional screen is still empty (its button reads "Skip")', () => {
    expect(stepIsEmpty('pattern', answers())).toBe(true);
    expect(stepIsEmpty('pattern', answers({ feel: ['sharp'] }))).toBe(false);
    expect(stepIsEmpty('training', answers())).toBe(true);
    expect(stepIsEmpty('training', answers({ training: { flags: ['newRunner'] } }))).toBe(false);
  });
});

describe('numbers and units', () => {
  it('parses typed numbers', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1e3')).toBeNaN();
    expect(parseNumber('12km')).toBeNaN();
  });

  it('works out percentages', () => {
    expect(percentChange('33', '30')).toBe(10);
    expect(percentChange('0', '30')).toBe(-100);
    expect(percentChange('30', '0')).toBeUndefined();
    expect(percentChange('', '30')).toBeUndefined();
  });

  it('re-expresses typed distances when the runner switches km/mi', () => {
    const km = answers({ training: { units: 'km', thisWeek: '32.2', lastWeek: '', shoe: 'abc' } }).training;
    const mi = withTrainingUnits(km, 'mi');
    expect(mi).toMatchObject({ units: 'mi', thisWeek: '20', lastWeek: '', shoe: 'abc' });
    expect(withTrainingUnits(mi, 'mi')).toBe(mi);
    expect(withTrainingUnits(mi, 'km').thisWeek).toBe('32.2');
  });
});
