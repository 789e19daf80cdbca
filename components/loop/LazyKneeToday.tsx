// "Your knee today" arrives after the first paint, like the engine (../checker/lazy): the popup
// opens on the questions alone and stays inside its size budget.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/defaults';

type Panel = ComponentType<{ settings: Settings }>;

export function LazyKneeToday({ settings }: { settings: Settings }) {
  const [Panel, setPanel] = useState<Panel | null>(null);
  useEffect(() => {
    let live = true;
    import('./KneeToday').then(
      (m) => live && setPanel(() => m.KneeToday),
      () => undefined, // the panel is a convenience: the checker works without it
    );
    return () => {
      live = false;
    };
  }, []);
  return Panel ? <Panel settings={settings} /> : null;
}
