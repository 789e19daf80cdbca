// Which user-added site a page is: an origin in settings.customSites that is no built-in site
// (those have their own adapters and script). Kept apart from ./registry so the user-added sites'
// script does not bundle the built-in adapters. Zod-free and Preact-free.
import type { Settings } from '../settings/defaults';
import { BUILT_IN_HOSTS } from './builtin';
import type { SiteAdapter } from './types';

/**
 * Is a page's site on in the runner's settings: a built-in site's switch, or a user-added origin
 * still in the list (never a built-in host). The content scripts' picker in tests and site-check,
 * and the background's page service (lib/background/page-service) both ask this.
 */
export function siteOn(site: string, origin: string, settings: Settings): boolean {
  if (site !== 'custom') return settings.sites[site as keyof Settings['sites']] === true;
  try {
    return !BUILT_IN_HOSTS.has(new URL(origin).hostname) && settings.customSites.includes(origin);
  } catch {
    return false;
  }
}

/** `generic` for a page of a user-added origin (never a built-in host), else null. */
export function pickCustomSite(url: URL, settings: Settings, generic: SiteAdapter | null): SiteAdapter | null {
  try {
    return generic && siteOn('custom', url.origin, settings) && generic.matches(url) === true ? generic : null;
  } catch {
    return null;
  }
}
