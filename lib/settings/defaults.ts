// The runner's personal thresholds: defaults, limits and a zod-free sanitizer.
// Zod-free on purpose: the background sanitizes stored settings with it at every read (the
// content scripts never see the settings: lib/background/page-service answers their passes).
// The validating schema for every other boundary lives in ./schema.ts.

import { isRecord } from '../guards';
import type { Units, WeekStart } from '../load/types';
import { BUILT_IN_SITES, type SiteId } from '../sites/builtin';

export type { SiteId, Units, WeekStart };

export interface Settings {
  units: Units;
  weekStartsOn: WeekStart;
  /** Week-over-week increase that triggers a caution, %. */
  weeklyIncreasePct: number;
  /** Single run longer than the longest of the previous 30 days by this much triggers a caution, %. */
  spikePct: number;
  /** Shoe distance after which a low-confidence reminder shows, km. */
  shoeKmLimit: number;
  /** Which supported running-log sites get badges. */
  sites: Record<SiteId, boolean>;
  /** Origins the runner added themselves (e.g. "https://www.runalyze.com"), granted from a click. */
  customSites: string[];
  /** One compact card with this week's load when a running log's layout is not recognised. */
  fallbackCard: boolean;
}

export const SITE_IDS: readonly SiteId[] = BUILT_IN_SITES.map((site) => site.id);

export const SITE_LABELS = Object.fromEntries(BUILT_IN_SITES.map((site) => [site.id, site.label])) as Record<SiteId, string>;

/** Numeric thresholds: whole numbers within these inclusive ranges, and the label every message uses. */
export const NUMBER_LIMITS = {
  weeklyIncreasePct: { min: 1, max: 100, unit: '%', label: 'Weekly increase threshold' },
  spikePct: { min: 1, max: 200, unit: '%', label: 'Single-run spike threshold' },
  shoeKmLimit: { min: 100, max: 3000, unit: 'km', label: 'Shoe distance limit' },
} as const;
export const NUMBER_SETTING_KEYS = ['weeklyIncreasePct', 'spikePct', 'shoeKmLimit'] as const;
export type NumberSettingKey = keyof typeof NUMBER_LIMITS;

export const MAX_CUSTOM_SITES = 20;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  units: 'km',
  weekStartsOn: 'monday',
  // The seeds' "10 % rule" (Buist 2008 found no effect; Nielsen 2014 a weak signal above 30 %).
  weeklyIncreasePct: 10,
  // Frandsen et al., BJSM 2025: risk rises once a run is >10 % longer than the 30-day longest.
  spikePct: 10,
  // A heuristic (500-800 km): no study links shoe mileage to injury (Kong 2009).
  shoeKmLimit: 700,
  sites: Object.freeze({ strava: true, garmin: true, intervals: true }),
  customSites: Object.freeze([]) as unknown as string[],
  fallbackCard: true,
}) as Settings;

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites }, customSites: [] };
}

function numberWithin(value: unknown, key: NumberSettingKey): number {
  const { min, max } = NUMBER_LIMITS[key];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : DEFAULT_SETTINGS[key];
}

/** Is this an https (or localhost http) origin like "https://example.com"? */
export function isSiteOrigin(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 200) return false;
  try {
    const url = new URL(value);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname === 'localhost');
    return secure && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * Field by field: keep every valid value, fall back to the default for the rest.
 * Never throws. Used where zod cannot go, and for what the content scripts are sent.
 */
export function sanitizeSettings(raw: unknown): Settings {
  const source = isRecord(raw) ? raw : {};
  const sites = isRecord(source.sites) ? source.sites : {};
  const customSites = Array.isArray(source.customSites)
    ? [...new Set(source.customSites.filter(isSiteOrigin))].slice(0, MAX_CUSTOM_SITES)
    : [];
  return {
    units: source.units === 'mi' ? 'mi' : 'km',
    weekStartsOn: source.weekStartsOn === 'sunday' ? 'sunday' : 'monday',
    weeklyIncreasePct: numberWithin(source.weeklyIncreasePct, 'weeklyIncreasePct'),
    spikePct: numberWithin(source.spikePct, 'spikePct'),
    shoeKmLimit: numberWithin(source.shoeKmLimit, 'shoeKmLimit'),
    sites: Object.fromEntries(
      SITE_IDS.map((id) => [id, typeof sites[id] === 'boolean' ? sites[id] : DEFAULT_SETTINGS.sites[id]]),
    ) as Record<SiteId, boolean>,
    customSites,
    fallbackCard: typeof source.fallbackCard === 'boolean' ? source.fallbackCard : DEFAULT_SETTINGS.fallbackCard,
  };
}
