// What a page part that shows the knee diary says until the diary is read: "Reading…", or why it
// could not be read. Nothing once it is ready.
import type { DiaryState } from './useDiary';

export function DiaryPending({ diary }: { diary: DiaryState }) {
  if (diary.phase === 'loading') return <p>Reading…</p>;
  if (diary.phase === 'failed') return <p class="field__error">Could not read your knee diary: {diary.message}</p>;
  return null;
}
