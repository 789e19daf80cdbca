// One week against the week before, for badges and for the weekly warning. A week still in
// progress is compared like with like: its days so far against the same days of last week (up to
// the same minute when `now` is known), so a Monday morning never reads as a "-90 %" week.
import { formatDay, parseDay, weekStartDay } from './dates';
import { daysKnown, loadContext, spikeAt, spikePctAt } from './context';
import type { LoadContext, LoadOptions } from './context';
import { DAY_MS, lowerBound, sumKm } from './runs';
import { spikeLevel } from './spikes';
import type { LoadSettings, Run, RunSpike, WarningLevel } from './types';
import { formatDistance, formatPercent, formatShortDate, formatWeekday } from './units';

/** What a comparison still needs: data for this week, the previous week, or a run's 30 days before. */
export interface MissingHistory {
  kind: 'week' | 'previous-week' | 'spike';
  /** "YYYY-MM-DD": the week's first day, the previous week's first day, or the run's day. */
  day: string;
}

export interface WeekSummary {
  /** "YYYY-MM-DD" first day of the week. */
  weekStart: string;
  /** km in the compared part of the week: all of it, or so far for the current week. */
  weekKm: number;
  /** km on the same compared days (up to the same time) of the previous week. */
  previousWeekKm: number;
  /** km in the whole previous week. */
  previousWeekFullKm: number;
  /**
   * % change of weekKm over previousWeekKm; null when the previous week had 0 km on those days,
   * and null for a decrease while the week is still in progress (it is not over: no fall yet).
   */
  changePct: number | null;
  /** The week holds the cut-off (today or `now`) and has not ended. */
  partial: boolean;
  /** Days compared: 7 for a finished week, the days so far for the current one, 0 for a future one. */
  comparedDays: number;
  /** The week's run with the largest spike over its 30-day longest, if any had a baseline. */
  biggestSpike: RunSpike | null;
  /** The higher of the weekly-change level (caution above the runner's threshold) and the spike level. */
  level: WarningLevel;
  /** Short badge text in the runner's units, e.g. "42.0 km · +34% vs last week". */
  text: string;
  /** This week's compared days are all known to be complete (always, without LoadOptions.coverage). */
  weekKnown: boolean;
  /** The previous week's compared days are known to be complete: without it, no change is given. */
  previousWeekKnown: boolean;
  /** The week holds a day with partial data (runs that could not be read): no total is given. */
  incomplete: boolean;
  /** The first thing a comparison still needs, or null. Spikes are given only for runs whose 30 days before are known. */
  missing: MissingHistory | null;
}

const LEVEL_RANK: Record<WarningLevel, number> = { ok: 0, caution: 1, high: 2 };
function maxLevel(a: WarningLevel, b: WarningLevel): WarningLevel {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}

/** Caution above the runner's weekly threshold; never high: its evidence is weak (Buist 2008, Nielsen 2014). */
export function weeklyLevel(changePct: number | null, thresholdPct: number): WarningLevel {
  return changePct !== null && changePct > thresholdPct ? 'caution' : 'ok';
}

/** "Mon" or "Mon–Wed": the days of a week in progress that are compared. */
export function comparedSpan(weekStart: number, comparedDays: number, locale: string | undefined): string {
  const first = formatWeekday(weekStart, locale);
  return comparedDays <= 1 ? first : `${first}–${formatWeekday(weekStart + comparedDays - 1, locale)}`;
}

/** The week starting on day number `ws` (already a week start), from a prepared context. */
export function summarizeWeek(ctx: LoadContext, ws: number, weekStart: string): WeekSummary {
  const { sorted, settings, locale } = ctx;
  const startMs = ws * DAY_MS;
  const endMs = (ws + 7) * DAY_MS; // exclusive
  const prevFull = sumKm(sorted, lowerBound(sorted, startMs - 7 * DAY_MS), lowerBound(sorted, startMs));
  if (startMs > ctx.limitMs) {
    return {
      weekStart,
      weekKm: 0,
      previousWeekKm: 0,
      previousWeekFullKm: prevFull,
      changePct: null,
      partial: true,
      comparedDays: 0,
      biggestSpike: null,
      level: 'ok',
      text: '',
      weekKnown: true,
      previousWeekKnown: true,
      incomplete: false,
      missing: null,
    };
  }
  const cutMs = Math.min(endMs, ctx.limitMs + 1); // exclusive end of the compared part
  const partial = cutMs < endMs;
  const comparedDays = partial ? ctx.today - ws + 1 : 7;
  const from = lowerBound(sorted, startMs);
  const to = lowerBound(sorted, cutMs);
  const weekKm = sumKm(sorted, from, to);
  const previousWeekKm = partial
    ? sumKm(sorted, lowerBound(sorted, startMs - 7 * DAY_MS), lowerBound(sorted, cutMs - 7 * DAY_MS))
    : prevFull;
  // Only days known to be complete are compared (see LoadOptions.coverage).
  const incomplete = !daysKnown({ ...ctx, coveredFromDay: Number.NEGATIVE_INFINITY }, ws, ws + comparedDays);
  const weekKnown = !incomplete && daysKnown(ctx, ws, ws + comparedDays);
  const previousWeekKnown = daysKnown(ctx, ws - 7, ws - 7 + comparedDays);
  let changePct = weekKnown && previousWeekKnown && previousWeekKm > 0 ? (weekKm / previousWeekKm - 1) * 100 : null;
  if (partial && changePct !== null && changePct < 0) changePct = null;

  let biggest = -1;
  let biggestPct = Number.NEGATIVE_INFINITY;
  let spikeUnknown = -1;
  for (let i = from; i < to; i++) {
    const day = sorted.day[i]!;
    // No spike is built on a week holding partial days, nor on a run whose 30 days are not known.
    if (incomplete || !daysKnown(ctx, day - 30, day + 1)) {
      if (spikeUnknown < 0) spikeUnknown = day;
      continue;
    }
    const pct = spikePctAt(ctx, i);
    // >= : on a tie the later run is the one the runner remembers.
    if (pct !== null && pct >= biggestPct) {
      biggest = i;
      biggestPct = pct;
    }
  }
  const biggestSpike: RunSpike | null = biggest < 0 ? null : spikeAt(ctx, biggest);
  const spikeLvl = spikeLevel(biggestSpike?.spikePct ?? null, settings.spikePct);
  const level = maxLevel(weeklyLevel(changePct, settings.weeklyIncreasePct), spikeLvl);
  const missing: MissingHistory | null =
    !weekKnown && !incomplete
      ? { kind: 'week', day: weekStart }
      : weekKnown && !previousWeekKnown
        ? { kind: 'previous-week', day: formatDay(ws - 7) }
        : spikeUnknown >= 0
          ? { kind: 'spike', day: formatDay(spikeUnknown) }
          : null;

  const dist = (km: number) => formatDistance(km, settings.units, locale);
  const span = comparedSpan(ws, comparedDays, locale);
  const soFar = partial ? ' so far' : '';
  let text: string;
  if (incomplete) {
    text = INCOMPLETE_TEXT;
  } else if (!weekKnown || !previousWeekKnown) {
    text = `${weekKnown ? `${dist(weekKm)}${soFar} · ` : ''}${missingText(missing!, locale)}`;
  } else if (!partial) {
    text =
      previousWeekKm > 0
        ? `${dist(weekKm)} · ${formatPercent(changePct!, locale, true)} vs last week`
        : `${dist(weekKm)} · no runs the week before`;
  } else if (previousWeekKm === 0) {
    text = `${dist(weekKm)} so far · no runs ${span} last week`;
  } else if (changePct === null) {
    text = `${dist(weekKm)} so far · ${span} last week: ${dist(previousWeekKm)}`;
  } else {
    text = `${dist(weekKm)} so far · ${formatPercent(changePct, locale, true)} vs ${span} last week`;
  }
  if (spikeLvl !== 'ok') text += ` · single-run spike ${formatPercent(biggestSpike!.spikePct!, locale, true)}`;
  else if (missing?.kind === 'spike' && weekKnown && previousWeekKnown) text += ` · ${missingText(missing, locale)}`;

  return {
    weekStart,
    weekKm,
    previousWeekKm,
    previousWeekFullKm: prevFull,
    changePct,
    partial,
    comparedDays,
    biggestSpike,
    level,
    text,
    weekKnown,
    previousWeekKnown,
    incomplete,
    missing,
  };
}

/** The chip's words for a week holding runs that could not be read (e.g. intervals.icu's Strava stubs). */
export const INCOMPLETE_TEXT = 'No total: some runs synced from Strava could not be read here';

/** "Not enough history: need the 30 days before 12 Mar", in the runner's locale. */
export function missingText(missing: MissingHistory, locale?: string): string {
  const day = parseDay(missing.day);
  const date = day === null ? missing.day : formatShortDate(day, locale);
  const need =
    missing.kind === 'spike'
      ? `the 30 days before ${date}`
      : missing.kind === 'previous-week'
        ? `the whole week of ${date}`
        : `all of this week (from ${date})`;
  return `Not enough history: need ${need}`;
}

/** Summaries of several weeks, preparing the runs once; null for a malformed date or `today`. */
export type WeekSummariesOf = (
  runs: Run[],
  days: readonly string[],
  settings: LoadSettings,
  today: string,
  opts?: LoadOptions,
) => (WeekSummary | null)[];

/**
 * The 7 days starting on each given day, whatever weekday it is (a site's own week row: Sunday on
 * a US calendar, Saturday on some), each against the 7 days before. The runner's `weekStartsOn`
 * plays no part.
 */
export const summariesFrom: WeekSummariesOf = (runs, firstDays, settings, today, opts) =>
  summaries(runs, firstDays, settings, today, opts, false);

/** The runner's own weeks (`weekStartsOn`; any date in a week selects it). */
export const weekSummaries: WeekSummariesOf = (runs, weekStarts, settings, today, opts) =>
  summaries(runs, weekStarts, settings, today, opts, true);

function summaries(
  runs: Run[],
  dates: readonly string[],
  settings: LoadSettings,
  today: string,
  opts: LoadOptions | undefined,
  snap: boolean,
): (WeekSummary | null)[] {
  const ctx = loadContext(runs, settings, today, opts);
  return (Array.isArray(dates) ? dates : []).map((date) => {
    const day = parseDay(date);
    if (ctx === null || day === null) return null;
    const ws = snap ? weekStartDay(day, ctx.settings.weekStartsOn) : day;
    return summarizeWeek(ctx, ws, formatDay(ws));
  });
}

/** One week's summary (see weekSummaries). */
export function weekSummary(runs: Run[], weekStart: string, settings: LoadSettings, today: string, opts?: LoadOptions): WeekSummary | null {
  return weekSummaries(runs, [weekStart], settings, today, opts)[0] ?? null;
}
