// Which adapter handles a page. Built-in adapters in order (most specific first); the runner's
// settings switch each site off; a user-added origin (settings.customSites) that is no built-in
// site gets the generic adapter. Zod-free and Preact-free: the content script imports this.
import type { Settings } from '../settings/defaults';
import { pickCustomSite } from './custom';
import { garminAdapter } from './garmin';
import { intervalsAdapter } from './intervals';
import { STRAVA_ADAPTERS } from './strava';
import type { SiteAdapter } from './types';

/** Every built-in page adapter. */
export const BUILT_IN_ADAPTERS: readonly SiteAdapter[] = [...STRAVA_ADAPTERS, garminAdapter, intervalsAdapter];

function safeMatches(adapter: SiteAdapter, url: URL): boolean {
  try {
    return adapter.matches(url) === true;
  } catch {
    return false;
  }
}

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
  for (const adapter of adapters) {
    if (!safeMatches(adapter, url)) continue;
    if (adapter.site === 'custom') return settings.customSites.includes(url.origin) ? adapter : null;
    return settings.sites[adapter.site] === true ? adapter : null;
  }
  return pickCustomSite(url, settings, generic);
}
