// Importing a backup file's diary into storage.local (merged, validated; see ./backup.ts).
import { mergeDiaries, type FileDiary } from './backup';
import type { Diary } from './schema';
import { updateDiary } from './storage';

/** null when the file had no diary (nothing changes); throws, changing nothing, for a bad one. */
export async function importFileDiary(file: FileDiary): Promise<Diary | null> {
  if (file.kind === 'none') return null;
  if (file.kind === 'bad') throw new Error(`its knee diary cannot be used (${file.problem})`);
  return updateDiary((current) => mergeDiaries(current, file.diary));
}
