// The checker's answers in storage.local, so they survive the popup closing. Always local:
// health answers never go to sync storage, and storage.local is closed to content scripts
// (lib/background/content-channel). Kept like every stored value: WXT's versioned storage behind
// the guard against absurd versions (lib/storage/versioned); every read is validated
// (./answers-schema.ts) and a corrupt value is dropped so the popup starts fresh with a notice.
import { defineVersionedItem } from '../storage/versioned';
import { emptyAnswers, type Units } from './answers';
import { parseCheckerState, type CheckerState } from './answers-schema';

/**
 * Version of the stored shape (in WXT's meta, "checker-answers$"). Bump it and add a migration
 * below when the shape changes. 1: the state with its own `version: 1` field (round one, no meta).
 * 2: the state alone.
 */
export const CHECKER_STATE_VERSION = 2;
/** The key in storage.local (WXT's `local:checker-answers`). */
export const CHECKER_STORAGE_KEY = 'checker-answers';

/**
 * Version 1 → 2: the version moves from the value to WXT's meta. A value that was not version 1's
 * shape keeps a `version` field (null when it had none), so it reads as unknown and is discarded.
 */
export function migrateCheckerV1toV2(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { version, ...state } = value as Record<string, unknown>;
  return version === 1 ? state : { ...state, version: version ?? null };
}

export const checkerStateItem = defineVersionedItem<unknown>(`local:${CHECKER_STORAGE_KEY}`, {
  version: CHECKER_STATE_VERSION,
  migrations: { 2: migrateCheckerV1toV2 },
});

export function freshState(units: Units = 'km', now = new Date()): CheckerState {
  return { screen: 'signs', shortcut: false, answers: emptyAnswers(units), updatedAt: now.toISOString() };
}

export interface LoadedState {
  state: CheckerState;
  /** True when saved answers existed (so the popup picks up where the runner left off). */
  resumed: boolean;
  /** Set when the saved answers could not be read and were discarded. */
  discarded?: string;
}

export async function loadCheckerState(units: Units = 'km'): Promise<LoadedState> {
  let raw: unknown;
  let storedVersion: unknown;
  try {
    raw = await checkerStateItem.getValue();
    storedVersion = (await checkerStateItem.getMeta()).v;
  } catch (error) {
    return { state: freshState(units), resumed: false, discarded: String(error) };
  }
  if (raw === null || raw === undefined) return { state: freshState(units), resumed: false };
  let parsed;
  try {
    // Written by a newer version (WXT refuses to migrate down), or still carrying round one's
    // version field (its migration failed): not this version's shape.
    const newer = typeof storedVersion === 'number' && storedVersion > CHECKER_STATE_VERSION;
    const unmigrated = typeof raw === 'object' && raw !== null && 'version' in raw;
    parsed = newer || unmigrated ? { ok: false as const, problem: 'unknown version' } : parseCheckerState(raw);
  } catch (error) {
    parsed = { ok: false as const, problem: String(error) };
  }
  if (parsed.ok) return { state: parsed.state, resumed: true };
  await clearCheckerState();
  return { state: freshState(units), resumed: false, discarded: parsed.problem };
}

export async function saveCheckerState(state: CheckerState): Promise<void> {
  await checkerStateItem.setValue(state);
  // What was just written is this version's shape, whatever the meta said (e.g. after a downgrade).
  await checkerStateItem.setMeta({ v: CHECKER_STATE_VERSION });
}

/** "Start over": forget every answer. */
export async function clearCheckerState(): Promise<void> {
  await checkerStateItem.removeValue();
}
