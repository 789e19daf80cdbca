import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseCheckerState } from '../../../lib/checker/answers-schema';
import {
  CHECKER_STATE_VERSION,
  clearCheckerState,
  freshState,
  migrateCheckerV1toV2,
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
    // The state alone; its version is WXT's meta, like every stored value.
    expect(local['checker-answers']).toEqual(saved());
    expect(local['checker-answers$']).toEqual({ v: CHECKER_STATE_VERSION });
    const loaded = await loadCheckerState();
    expect(loaded).toEqual({ state: saved(), resumed: true });
  });

  it('discards corrupt data, says why, and removes it', async () => {
    await fakeBrowser.storage.local.set({
      'checker-answers': { ...saved(), answers: 42 },
      'checker-answers$': { v: CHECKER_STATE_VERSION },
    });
    const loaded = await loadCheckerState();
    expect(loaded.resumed).toBe(false);
    expect(loaded.discarded).toMatch(/answers/);
    expect(loaded.state).toMatchObject({ screen: 'signs', shortcut: false });
    expect(await fakeBrowser.storage.local.get('checker-answers')).toEqual({});
  });

  it('discards a value from a newer version, or one its migration did not reach', async () => {
    for (const [value, meta] of [
      [saved(), { v: CHECKER_STATE_VERSION + 1 }],
      [{ ...saved(), version: 1 }, { v: CHECKER_STATE_VERSION }],
    ] as const) {
      await fakeBrowser.storage.local.set({ 'checker-answers': value, 'checker-answers$': meta });
      const loaded = await loadCheckerState();
      expect(loaded.resumed).toBe(false);
      expect(loaded.discarded).toBe('unknown version');
    }
    // Saving afterwards writes this version's shape and meta.
    await saveCheckerState(saved());
    expect(await fakeBrowser.storage.local.get('checker-answers$')).toEqual({ 'checker-answers$': { v: CHECKER_STATE_VERSION } });
    expect((await loadCheckerState()).resumed).toBe(true);
  });

  it('migration 1 → 2 (pure): the version field leaves the value; a value of another shape stays unreadable', () => {
    expect(migrateCheckerV1toV2({ version: 1, ...saved() })).toEqual(saved());
    expect(migrateCheckerV1toV2(saved())).toEqual({ ...saved(), version: null });
    expect(migrateCheckerV1toV2({ ...saved(), version: 7 })).toEqual({ ...saved(), version: 7 });
    expect(migrateCheckerV1toV2('junk')).toBe('junk');
  });

  it.each([
    ["round one's answers (version 1, no meta)", { version: 1, ...saved() }, true],
    ['a value with no version at all', saved(), false],
  ])('migration 1 → 2 in place: %s', async (_label, stored, resumes) => {
    await fakeBrowser.storage.local.set({ 'checker-answers': stored });
    // A fresh module: WXT migrates when the item is first used, like a popup opening after an update.
    vi.resetModules();
    const fresh = await import('../../../lib/checker/storage');
    const loaded = await fresh.loadCheckerState();
    expect(loaded.resumed).toBe(resumes);
    if (resumes) {
      expect(loaded.state).toEqual(saved());
      expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'checker-answers': saved(), 'checker-answers$': { v: 2 } });
    } else {
      expect(loaded.discarded).toBe('unknown version');
    }
  });

  it('"start over" forgets everything', async () => {
    await saveCheckerState(saved());
    await clearCheckerState();
    expect((await loadCheckerState()).resumed).toBe(false);
  });
});
