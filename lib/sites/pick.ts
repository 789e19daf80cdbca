// The adapter for a page among a script's own adapters: the first that matches, if the runner has
// not switched its site off; else a user-added site's generic adapter, when the script has one.
// No adapter imports here: each per-site content script passes only its own adapters, so none
// bundles another site's code. Zod-free and Preact-free.
import type { Settings } from '../settings/defaults';
import { pickCustomSite, siteOn } from './custom';
import type { SiteAdapter } from './types';

function safeMatches(adapter: SiteAdapter, url: URL): boolean {
  try {
    return adapter.matches(url) === true;
  } catch {
    return false;
  }
}

/** The adapter for `url` among `adapters`, or null: no adapter, or its site switched off in settings. */
export function pickFrom(
  adapters: readonly SiteAdapter[],
  url: URL,
  settings: Settings,
  generic: SiteAdapter | null = null,
): SiteAdapter | null {
  for (const adapter of adapters) {
    if (!safeMatches(adapter, url)) continue;
    return siteOn(adapter.site, url.origin, settings) ? adapter : null;
  }
  return pickCustomSite(url, settings, generic);
}
