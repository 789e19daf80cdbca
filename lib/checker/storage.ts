// The checker's answers in storage.local, so they survive the popup closing. Always local:
// health answers never go to sync storage. The stored value carries its shape version; every
// read is validated (./answers-schema.ts) and a corrupt value is dropped so the popup starts
// fresh with a notice. Plain browser.storage.local rather than WXT's storage layer: the popup
// then loads no storage library at all, which keeps it inside its size budget.
import { browser } from '#imports';
import { emptyAnswers, type Units } from './answers';
import { parseCheckerState, type CheckerState } from './answers-schema';

/** Version of the stored shape. Bump it and add a migration below when the shape changes. */
export const CHECKER_STATE_VERSION = 1;
/** The key in storage.local (WXT's `local:checker-answers`). */
export const CHECKER_STORAGE_KEY = 'checker-answers';

/** Upgrades keyed by the version they produce, run in order from the stored version. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export interface StoredCheckerState extends CheckerState {
  version: number;
}

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

function upgrade(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let value = raw as Record<string, unknown>;
  let version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version > CHECKER_STATE_VERSION) return null;
  while (version < CHECKER_STATE_VERSION) {
    const migrate = MIGRATIONS[version + 1];
    if (!migrate) return null;
    value = migrate(value);
    version += 1;
  }
  return value;
}

export async function loadCheckerState(units: Units = 'km'): Promise<LoadedState> {
  let raw: unknown;
  try {
    raw = (await browser.storage.local.get(CHECKER_STORAGE_KEY))[CHECKER_STORAGE_KEY];
  } catch (error) {
    return { state: freshState(units), resumed: false, discarded: String(error) };
  }
  if (raw === null || raw === undefined) return { state: freshState(units), resumed: false };
  let parsed;
  try {
    const upgraded = upgrade(raw);
    parsed = upgraded === null ? { ok: false as const, problem: 'unknown version' } : parseCheckerState(upgraded);
  } catch (error) {
    parsed = { ok: false as const, problem: String(error) };
  }
  if (parsed.ok) return { state: parsed.state, resumed: true };
  await clearCheckerState();
  return { state: freshState(units), resumed: false, discarded: parsed.problem };
}

export async function saveCheckerState(state: CheckerState): Promise<void> {
  const stored: StoredCheckerState = { version: CHECKER_STATE_VERSION, ...state };
  await browser.storage.local.set({ [CHECKER_STORAGE_KEY]: stored });
}

/** "Start over": forget every answer. */
export async function clearCheckerState(): Promise<void> {
  await browser.storage.local.remove(CHECKER_STORAGE_KEY);
}
