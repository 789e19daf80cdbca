// What loadWarnings and weekSummary share: sanitized settings, the runs up to "now" sorted once,
// and their 30-day longest runs computed once.
import { isFiniteNumber } from '../guards';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { dayOfMs, parseDay, parseWallClockMs, weekStartDay } from './dates';
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
  /**
   * What the runs cover (the adapter's notes). Given, even empty, a comparison is made only on
   * days known to be complete: a week-over-week change needs the whole previous week, a spike the
   * 30 days before the run, a week total its own days. Absent: every day counts as complete.
   */
  coverage?: Coverage;
}

export interface Coverage {
  /** "YYYY-MM-DD" from which the runs are complete; absent: judged from the runs themselves. */
  coveredFrom?: string;
  /** "YYYY-MM-DD" days whose data is partial (e.g. runs the site lists without a distance). */
  incompleteDays?: readonly string[];
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
  /** First day number from which the runs are complete (-Infinity: coverage not judged). */
  coveredFromDay: number;
  /** Day numbers with partial data, ascending. */
  incompleteDays: number[];
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
  const safeSettings = sanitizeLoadSettings(settings);
  return {
    sorted,
    longest: longestPrior30d(sorted),
    today: day,
    limitMs,
    cutAtNow,
    settings: safeSettings,
    locale: typeof options.locale === 'string' ? options.locale : undefined,
    ...coverageOf(options.coverage, all, safeSettings),
  };
}

/**
 * Where complete data starts. Without the adapter's word, the runs read say it: only weeks after
 * the first week that holds a run are comparable (a site may list just its latest runs). No runs
 * and no word: nothing is known to be complete.
 */
function coverageOf(raw: unknown, all: SortedRuns, settings: LoadSettings): Pick<LoadContext, 'coveredFromDay' | 'incompleteDays'> {
  if (typeof raw !== 'object' || raw === null) return { coveredFromDay: Number.NEGATIVE_INFINITY, incompleteDays: [] };
  const coverage = raw as Coverage;
  const days = Array.isArray(coverage.incompleteDays) ? coverage.incompleteDays.map(parseDay).filter((d): d is number => d !== null) : [];
  const stated = parseDay(coverage.coveredFrom);
  const first = all.length ? weekStartDay(all.day[0]!, settings.weekStartsOn) : Number.POSITIVE_INFINITY;
  return { coveredFromDay: stated ?? first, incompleteDays: [...new Set(days)].sort((a, b) => a - b) };
}

/** Are the days [from, to) (day numbers) all known to be complete? */
export function daysKnown(ctx: LoadContext, from: number, to: number): boolean {
  if (from < ctx.coveredFromDay) return false;
  return !ctx.incompleteDays.some((day) => day >= from && day < to);
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

/**
 * The shoes of the latest run that names its gear (Strava's `athlete_gear_id`), and every km the
 * given runs put on them: at least what the shoes carry (runs Knee Check never read are not in
 * it). Null when no run names its gear.
 */
export function currentShoe(runs: Run[]): { gearId: string; km: number } | null {
  const sorted = prepareRuns(runs);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const gear = sorted.runs[i]!.gearId;
    if (typeof gear === 'string' && gear !== '') return { gearId: gear, km: kmByGear(runs).get(gear) ?? 0 };
  }
  return null;
}
