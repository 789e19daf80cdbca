// Kilometres inside, the runner's units outside. Everything is stored and computed in km;
// only what a person reads is converted, and formatted with Intl for their locale.
import type { Units } from './types';

/** International mile (1959 agreement): exactly 1.609344 km. */
export const KM_PER_MILE = 1.609344;

/** Kilometres to the runner's units. */
export function toDisplay(km: number, units: Units): number {
  return units === 'mi' ? km / KM_PER_MILE : km;
}

/** The runner's units back to kilometres. */
export function fromDisplay(value: number, units: Units): number {
  return units === 'mi' ? value * KM_PER_MILE : value;
}

// Intl formatters are costly to build (tens of µs each) and badges format hundreds of numbers.
const formatters = new Map<string, Intl.NumberFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter cached under `key` for `locale`, built by `make` the first time. */
function cached<F>(cache: Map<string, F>, locale: string | undefined, key: string, make: (locale: string | undefined) => F): F {
  const cacheKey = `${locale ?? ''}|${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    try {
      format = make(locale);
    } catch {
      // An invalid locale tag (RangeError) falls back to the runtime's default locale.
      format = make(undefined);
    }
    cache.set(cacheKey, format);
  }
  return format;
}

function numberFormat(locale: string | undefined, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(formatters, locale, key, (tag) => new Intl.NumberFormat(tag, options));
}

/**
 * "18.0 km" / "11.2 mi" (one decimal by default), in the locale's own spelling ("18,0 km" in
 * French). Only km is given: the unit conversion happens here, at the edge.
 */
export function formatDistance(km: number, units: Units, locale?: string, digits = 1): string {
  const unit = units === 'mi' ? 'mile' : 'kilometer';
  return numberFormat(locale, `dist-${unit}-${digits}`, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toDisplay(km, units));
}

/**
 * A percentage given in percent (45 -> "45%", "45 %" in French), whole numbers.
 * `signed` adds "+" to increases ("+34%") for changes.
 */
export function formatPercent(pct: number, locale?: string, signed = false): string {
  return numberFormat(locale, signed ? 'pct-signed' : 'pct', {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(pct / 100);
}

/** A plain number with up to `digits` decimals (ratios such as 1.32). */
export function formatNumber(value: number, locale?: string, digits = 2): string {
  return numberFormat(locale, `num-${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

function dateFormat(locale: string | undefined, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // timeZone UTC: the Date below is built from the wall-clock day in UTC, so no zone shifts it.
  return cached(dateFormatters, locale, key, (tag) => new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }));
}

const MS_PER_DAY = 86_400_000;

/** "14 Nov" / "Nov 14" of a day number (days since 1970-01-01). */
export function formatShortDate(day: number, locale?: string): string {
  return dateFormat(locale, 'day-month', { day: 'numeric', month: 'short' }).format(new Date(day * MS_PER_DAY));
}

/** "Mon" of a day number. */
export function formatWeekday(day: number, locale?: string): string {
  return dateFormat(locale, 'weekday', { weekday: 'short' }).format(new Date(day * MS_PER_DAY));
}
