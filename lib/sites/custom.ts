// Which user-added site a page is: an origin in settings.customSites that is no built-in site
// (those have their own adapters and script). Kept apart from ./registry so the user-added sites'
// script does not bundle the built-in adapters. Zod-free and Preact-free.
import type { Settings } from '../settings/defaults';
import { BUILT_IN_HOSTS } from './builtin';
import type { SiteAdapter } from './types';

/** `generic` for a page of a user-added origin (never a built-in host), else null. */
export function pickCustomSite(url: URL, settings: Settings, generic: SiteAdapter | null): SiteAdapter | null {
  try {
    return generic && !BUILT_IN_HOSTS.has(url.hostname) && settings.customSites.includes(url.origin) && generic.matches(url) === true
      ? generic
      : null;
  } catch {
    return null;
  }
}
