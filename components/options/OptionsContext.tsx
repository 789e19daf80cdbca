// What a section of the options page can use beyond its own props: the saved settings, and a
// way to save a change at once (for sections whose actions take effect immediately, such as
// adding a site after the browser granted permission). The form's unsaved edits to other fields
// are kept (see rebaseDraft).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Settings, SettingsParse } from '@/lib/settings';
import type { Status } from '../ui/StatusMessage';

export interface OptionsContextValue {
  /** The settings as last saved (validated). */
  saved: Settings;
  /** Merge `patch` onto the latest stored settings, validate and save. */
  saveChange: (patch: Partial<Settings>) => Promise<SettingsParse>;
  /** Show an outcome in the page's main status line (announced to screen readers). */
  announce: (status: Status) => void;
}

export const OptionsContext = createContext<OptionsContextValue | null>(null);

export function useOptions(): OptionsContextValue {
  const value = useContext(OptionsContext);
  if (!value) throw new Error('useOptions() must be used inside <OptionsApp>.');
  return value;
}
