// The knee diary in storage.local (never sync: it is health data). Every read is validated; a
// stored value that cannot be read is kept aside, once, for export, and the diary starts empty,
// so nothing the runner saved is lost silently. Writes from one page run one after another.
// Kept like every stored value: WXT's versioned storage behind the guard against absurd versions
// (lib/storage/versioned). storage.local is closed to content scripts (lib/background/content-channel).
import { defineVersionedItem } from '../storage/versioned';
import { createSerialQueue } from '../serial';
import { emptyDiary, parseDiary, type Diary } from './schema';

export const DIARY_KEY = 'knee-diary';
export const DIARY_CORRUPT_KEY = 'knee-diary-corrupt-copy';

/** Version 1: the diary's first shape (its own `version: 1` field is kept: export files carry it). */
export const DIARY_STORAGE_VERSION = 1;
const diaryItem = defineVersionedItem<unknown>(`local:${DIARY_KEY}`, { version: DIARY_STORAGE_VERSION, migrations: {} });
const corruptItem = defineVersionedItem<unknown>(`local:${DIARY_CORRUPT_KEY}`, { version: 1, migrations: {} });
const serial = createSerialQueue();

export interface LoadedDiary {
  diary: Diary;
  /** Set when the stored diary could not be read (it was kept under DIARY_CORRUPT_KEY). */
  problem?: string;
}

export async function loadDiary(): Promise<LoadedDiary> {
  const raw = await diaryItem.getValue();
  if (raw === undefined || raw === null) return { diary: emptyDiary() };
  const parsed = parseDiary(raw);
  if (parsed.ok) return { diary: parsed.diary };
  const kept = await corruptItem.getValue();
  if (kept === undefined || kept === null) {
    await corruptItem.setValue({ foundAt: new Date().toISOString(), reason: parsed.problem, value: raw });
  }
  return { diary: emptyDiary(), problem: parsed.problem };
}

/** Read, change, validate and write, one change at a time. Returns the diary as saved. */
export function updateDiary(change: (diary: Diary) => Diary): Promise<Diary> {
  return serial(async () => {
    const { diary } = await loadDiary();
    const next = change(diary);
    const checked = parseDiary(next);
    if (!checked.ok) throw new Error(`The diary change was refused: ${checked.problem}`);
    await diaryItem.setValue(checked.diary);
    return checked.diary;
  });
}

/** Replace the whole diary (import): validated first, so a bad file changes nothing. */
export async function replaceDiary(raw: unknown): Promise<Diary> {
  const parsed = parseDiary(raw);
  if (!parsed.ok) throw new Error(`This file's knee diary cannot be used: ${parsed.problem}`);
  await serial(() => diaryItem.setValue(parsed.diary));
  return parsed.diary;
}

/** Forget the whole diary and any kept unreadable copy. */
export async function forgetDiary(): Promise<void> {
  await serial(async () => {
    await diaryItem.removeValue();
    await corruptItem.removeValue();
  });
}
