import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCheckerState } from '../../../lib/checker/answers-schema';
import {
  CHECKER_STATE_VERSION,
  clearCheckerState,
  freshState,
  loadCheckerState,
  saveCheckerState,
} from '../../../lib/checker/storage';
import { ITB_ANSWERS } from './helpers';

const saved = () => ({ screen: 'about' as const, shortcut: false, answers: ITB_ANSWERS, updatedAt: '2026-03-01T20:00:00.000Z' });

describe('checker answers: validation', () => {
  it('accepts a fresh state and a complete one', () => {
    expect(parseCheckerState(freshState()).ok).toBe(true);
    expect(parseCheckerState(saved())).toEqual({ ok: true, state: saved() });
  });

  it('rejects values that are not our shape, naming the field', () => {
    const bad = [
      null,
      'answers',
      { ...saved(), screen: 'elsewhere' },
      { ...saved(), answers: { ...ITB_ANSWERS, signs: ['hot-knee'] } },
      { ...saved(), answers: { ...ITB_ANSWERS, locations: 'front' } },
      { ...saved(), answers: { ...ITB_ANSWERS, age: 27 } },
      { ...saved(), answers: { ...ITB_ANSWERS, training: { ...ITB_ANSWERS.training, units: 'furlongs' } } },
      { ...saved(), answers: { ...ITB_ANSWERS, age: 'x'.repeat(500) } },
    ];
    for (const value of bad) expect(parseCheckerState(value).ok, JSON.stringify(value).slice(0, 80)).toBe(false);
    const result = parseCheckerState({ ...saved(), answers: { ...ITB_ANSWERS, signs: ['hot-knee'] } });
    expect(result.ok === false && result.problem).toMatch(/^answers\.signs\.0/);
  });

  it('drops unknown keys', () => {
    const result = parseCheckerState({ ...saved(), extra: 1, answers: { ...ITB_ANSWERS, narrative: 'x' } });
    expect(result.ok && result.state).toEqual(saved());
  });
});

describe('checker answers: storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts fresh when nothing is saved', async () => {
    const loaded = await loadCheckerState('mi');
    expect(loaded.resumed).toBe(false);
    expect(loaded.discarded).toBeUndefined();
    expect(loaded.state.screen).toBe('signs');
    expect(loaded.state.answers.training.units).toBe('mi');
  });

  it('saves to local storage only (health answers never sync) and reads back the same', async () => {
    await saveCheckerState(saved());
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local)).toContain('checker-answers');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(local['checker-answers']).toMatchObject({ version: CHECKER_STATE_VERSION, screen: 'about' });
    const loaded = await loadCheckerState();
    expect(loaded).toEqual({ state: saved(), resumed: true });
  });

  it('discards corrupt data, says why, and removes it', async () => {
    await fakeBrowser.storage.local.set({ 'checker-answers': { version: 1, ...saved(), answers: 42 } });
    const loaded = await loadCheckerState();
    expect(loaded.resumed).toBe(false);
    expect(loaded.discarded).toMatch(/answers/);
    expect(loaded.state).toMatchObject({ screen: 'signs', shortcut: false });
    expect(await fakeBrowser.storage.local.get('checker-answers')).toEqual({});
  });

  it('discards a value without a version, or from a newer version', async () => {
    for (const value of [saved(), { ...saved(), version: CHECKER_STATE_VERSION + 1 }]) {
      await fakeBrowser.storage.local.set({ 'checker-answers': value });
      const loaded = await loadCheckerState();
      expect(loaded.resumed).toBe(false);
      expect(loaded.discarded).toBe('unknown version');
    }
  });

  it('"start over" forgets everything', async () => {
    await saveCheckerState(saved());
    await clearCheckerState();
    expect((await loadCheckerState()).resumed).toBe(false);
  });
});
