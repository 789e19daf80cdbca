// The checker's answers in WXT storage, so they survive the popup closing. Always `local:`: health
// answers never go to sync storage. Every read is validated (./answers-schema.ts); a corrupt value
// is dropped and the popup starts fresh with a notice.
import { storage } from '#imports';
import { emptyAnswers, type Units } from './answers';
import { parseCheckerState, type CheckerState } from './answers-schema';

/** Version of the stored shape. Bump it and add a migration when the shape changes. */
export const CHECKER_STATE_VERSION = 1;
export const CHECKER_STORAGE_KEY = 'local:checker-answers';

export const checkerItem = storage.defineItem<unknown>(CHECKER_STORAGE_KEY, {
  version: CHECKER_STATE_VERSION,
  migrations: {},
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
  try {
    raw = await checkerItem.getValue();
  } catch (error) {
    // A failed migration or storage error: same as corrupt data.
    return { state: freshState(units), resumed: false, discarded: String(error) };
  }
  if (raw === null || raw === undefined) return { state: freshState(units), resumed: false };
  const parsed = parseCheckerState(raw);
  if (parsed.ok) return { state: parsed.state, resumed: true };
  await checkerItem.removeValue();
  return { state: freshState(units), resumed: false, discarded: parsed.problem };
}

export async function saveCheckerState(state: CheckerState): Promise<void> {
  await checkerItem.setValue(state);
}

/** "Start over": forget every answer. */
export async function clearCheckerState(): Promise<void> {
  await checkerItem.removeValue();
}
