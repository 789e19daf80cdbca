// The knee diary in storage.local (never sync: it is health data). Every read is validated; a
// stored value that cannot be read is kept aside, once, for export, and the diary starts empty,
// so nothing the runner saved is lost silently. Writes from one page run one after another.
// Plain browser.storage.local (no WXT storage layer): the popup stays inside its size budget.
import { browser } from '#imports';
import { emptyDiary, parseDiary, type Diary } from './schema';

export const DIARY_KEY = 'knee-diary';
export const DIARY_CORRUPT_KEY = 'knee-diary-corrupt-copy';

export interface LoadedDiary {
  diary: Diary;
  /** Set when the stored diary could not be read (it was kept under DIARY_CORRUPT_KEY). */
  problem?: string;
}

export async function loadDiary(): Promise<LoadedDiary> {
  const raw = (await browser.storage.local.get(DIARY_KEY))[DIARY_KEY];
  if (raw === undefined || raw === null) return { diary: emptyDiary() };
  const parsed = parseDiary(raw);
  if (parsed.ok) return { diary: parsed.diary };
  const kept = (await browser.storage.local.get(DIARY_CORRUPT_KEY))[DIARY_CORRUPT_KEY];
  if (kept === undefined) {
    await browser.storage.local.set({ [DIARY_CORRUPT_KEY]: { foundAt: new Date().toISOString(), reason: parsed.problem, value: raw } });
  }
  return { diary: emptyDiary(), problem: parsed.problem };
}

let queue: Promise<unknown> = Promise.resolve();

/** Read, change, validate and write, one change at a time. Returns the diary as saved. */
export function updateDiary(change: (diary: Diary) => Diary): Promise<Diary> {
  const task = async () => {
    const { diary } = await loadDiary();
    const next = change(diary);
    const checked = parseDiary(next);
    if (!checked.ok) throw new Error(`The diary change was refused: ${checked.problem}`);
    await browser.storage.local.set({ [DIARY_KEY]: checked.diary });
    return checked.diary;
  };
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Replace the whole diary (import): validated first, so a bad file changes nothing. */
export async function replaceDiary(raw: unknown): Promise<Diary> {
  const parsed = parseDiary(raw);
  if (!parsed.ok) throw new Error(`This file's knee diary cannot be used: ${parsed.problem}`);
  await browser.storage.local.set({ [DIARY_KEY]: parsed.diary });
  return parsed.diary;
}

/** Forget the whole diary and any kept unreadable copy. */
export async function forgetDiary(): Promise<void> {
  await browser.storage.local.remove([DIARY_KEY, DIARY_CORRUPT_KEY]);
}
