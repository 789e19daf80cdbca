// The knee diary for a page that shows it (options, report): read once, then again whenever
// the stored diary changes (the popup's check-ins, an import, forget).
import { useEffect, useState } from 'preact/hooks';
import { DIARY_KEY, loadDiary, type LoadedDiary } from '@/lib/diary';
import { localStore } from '@/lib/storage/local-store';

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
    const unwatch = localStore.onChanged((changes) => {
      if (DIARY_KEY in changes) void read();
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return state;
}
