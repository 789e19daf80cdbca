// The built-in sites, once. Every other list is derived from this one: the content script's
// matches, the settings' site ids and labels, the hosts a runner cannot add as "your site", the
// origins the background accepts captured runs from, the hosts the options page names.
// Plain data, no imports: the content script, the background and the options page share it.

export type SiteId = 'strava' | 'garmin' | 'intervals';

export interface BuiltInSite {
  id: SiteId;
  /** The name a runner knows the site by. */
  label: string;
  /** The host its running log is served from (https). */
  host: string;
  /** Other hosts of the same site: never a user-added site, but no badges there either. */
  otherHosts: readonly string[];
}

export const BUILT_IN_SITES: readonly BuiltInSite[] = [
  { id: 'strava', label: 'Strava', host: 'www.strava.com', otherHosts: ['strava.com'] },
  { id: 'garmin', label: 'Garmin Connect', host: 'connect.garmin.com', otherHosts: [] },
  { id: 'intervals', label: 'intervals.icu', host: 'intervals.icu', otherHosts: [] },
];

/** "https://www.strava.com": the one origin each built-in site's pages (and captured runs) come from. */
export function builtInOrigin(site: BuiltInSite): string {
  return `https://${site.host}`;
}

/** The content scripts' match patterns: the built-in sites' pages only. */
export const BUILT_IN_SITE_MATCHES: readonly string[] = BUILT_IN_SITES.map((site) => `${builtInOrigin(site)}/*`);

/** One built-in site's match pattern: each site has its own content script (entrypoints/knee-badges-<site>.content/). */
export function siteMatches(id: SiteId): string[] {
  return BUILT_IN_SITES.filter((site) => site.id === id).map((site) => `${builtInOrigin(site)}/*`);
}

/**
 * Hosts the built-in adapters own: never treated as (or added as) a user-added site. Marked pure,
 * so a content script that imports this module for its matches does not carry it.
 */
export const BUILT_IN_HOSTS: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ BUILT_IN_SITES.flatMap((site) => [site.host, ...site.otherHosts]),
);
