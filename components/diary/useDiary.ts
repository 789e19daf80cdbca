// The knee diary for a page that shows it (options, report): read once, then again whenever
// storage.local's diary changes (the popup's check-ins, an import, forget).
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { DIARY_KEY, loadDiary, type LoadedDiary } from '@/lib/diary';

export type DiaryState = { phase: 'loading' } | { phase: 'ready'; loaded: LoadedDiary } | { phase: 'failed'; message: string };

export function useDiary(): DiaryState {
  const [state, setState] = useState<DiaryState>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    const read = () =>
      loadDiary().then(
        (loaded) => live && setState({ phase: 'ready', loaded }),
        (error: unknown) => live && setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    void read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && DIARY_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
