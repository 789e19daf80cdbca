// What loadWarnings and weekSummary share: sanitized settings, the runs up to "now" sorted once,
// and their 30-day longest runs computed once.
import { isFiniteNumber } from '../guards';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { dayOfMs, parseDay, parseWallClockMs } from './dates';
import { DAY_MS, headOf, lowerBound, prepareRuns } from './runs';
import type { SortedRuns } from './runs';
import { longestPrior30d, spikePercent, spikeRow } from './spikes';
import type { LoadSettings, Run, RunSpike } from './types';

export interface LoadOptions {
  /** Distance on the runner's current shoes, km (see kmByGear): enables the shoe reminder. */
  shoeKm?: number;
  /**
   * The runner's wall clock now, "YYYY-MM-DDTHH:mm[:ss]" on `today`. With it, a week in progress
   * is compared with last week up to the same minute; without it, up to the end of the same
   * weekday. A `now` on another day than `today` is ignored.
   */
  now?: string;
  /** BCP 47 locale for numbers and dates (default: the runtime's). */
  locale?: string;
}

export interface LoadContext {
  /** Valid runs up to the cut-off, ascending. */
  sorted: SortedRuns;
  /** Longest run of the previous 30 days for each of `sorted`, NaN for none (see longestPrior30d). */
  longest: Float64Array;
  today: number;
  /** Inclusive cut-off, wall-clock ms: end of `today`, or `now`. */
  limitMs: number;
  cutAtNow: boolean;
  settings: LoadSettings;
  locale: string | undefined;
}

function positive(value: unknown, fallback: number): number {
  return isFiniteNumber(value) && value > 0 ? value : fallback;
}

/** Field by field: a missing or odd value falls back to the default. Never throws. */
export function sanitizeLoadSettings(raw: unknown): LoadSettings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof LoadSettings, unknown>>;
  return {
    units: s.units === 'mi' ? 'mi' : 'km',
    weekStartsOn: s.weekStartsOn === 'sunday' ? 'sunday' : 'monday',
    weeklyIncreasePct: positive(s.weeklyIncreasePct, DEFAULT_SETTINGS.weeklyIncreasePct),
    spikePct: positive(s.spikePct, DEFAULT_SETTINGS.spikePct),
    shoeKmLimit: positive(s.shoeKmLimit, DEFAULT_SETTINGS.shoeKmLimit),
  };
}

/**
 * Null when `today` is not a "YYYY-MM-DD" date. Runs after the cut-off (later today than `now`,
 * or dated after `today`: planned or mis-dated) are left out: the load so far is what counts.
 */
export function loadContext(runs: Run[], settings: LoadSettings, today: string, opts?: LoadOptions): LoadContext | null {
  const day = parseDay(today);
  if (day === null) return null;
  const options = typeof opts === 'object' && opts !== null ? opts : {};
  const nowMs = parseWallClockMs(options.now);
  const cutAtNow = nowMs !== null && dayOfMs(nowMs) === day;
  const limitMs = cutAtNow ? nowMs : (day + 1) * DAY_MS - 1;
  const all = prepareRuns(runs);
  const sorted = headOf(all, lowerBound(all, limitMs + 1));
  return {
    sorted,
    longest: longestPrior30d(sorted),
    today: day,
    limitMs,
    cutAtNow,
    settings: sanitizeLoadSettings(settings),
    locale: typeof options.locale === 'string' ? options.locale : undefined,
  };
}

/** Spike % of the i-th run of the context, null without a baseline. */
export function spikePctAt(ctx: LoadContext, i: number): number | null {
  const prior = ctx.longest[i]!;
  return Number.isNaN(prior) ? null : spikePercent(ctx.sorted.km[i]!, prior);
}

/** The contract's spike row of the i-th run of the context. */
export function spikeAt(ctx: LoadContext, i: number): RunSpike {
  return spikeRow(ctx.sorted, ctx.longest, i);
}

/** Total km per gear id (shoes), for the shoe reminder; runs without a gear id are left out. */
export function kmByGear(runs: Run[]): Map<string, number> {
  const totals = new Map<string, number>();
  const sorted = prepareRuns(runs);
  for (let i = 0; i < sorted.length; i++) {
    const gear = sorted.runs[i]!.gearId;
    if (typeof gear === 'string' && gear !== '') totals.set(gear, (totals.get(gear) ?? 0) + sorted.km[i]!);
  }
  return totals;
}
