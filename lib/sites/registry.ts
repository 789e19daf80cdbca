// Which adapter handles a page. Built-in adapters in order (most specific first); the runner's
// settings switch each site off; a user-added origin (settings.customSites) that is no built-in
// site gets the generic adapter. Zod-free and Preact-free. The content scripts do not import this
// list (each site's script brings only its own adapters, through ./pick); tools and tests do.
import type { Settings } from '../settings/defaults';
import { garminAdapter } from './garmin';
import { intervalsAdapter } from './intervals';
import { pickFrom } from './pick';
import { STRAVA_ADAPTERS } from './strava';
import type { SiteAdapter } from './types';

/** Every built-in page adapter. */
export const BUILT_IN_ADAPTERS: readonly SiteAdapter[] = [...STRAVA_ADAPTERS, garminAdapter, intervalsAdapter];

/**
 * The adapter for `url`, or null: no adapter, or its site switched off in settings.
 * `generic` is the adapter for user-added sites (lib/sites/generic.ts), when available.
 */
export function pickAdapter(
  url: URL,
  settings: Settings,
  generic: SiteAdapter | null = null,
  adapters: readonly SiteAdapter[] = BUILT_IN_ADAPTERS,
): SiteAdapter | null {
  return pickFrom(adapters, url, settings, generic);
}
