// The warnings shown to a runner, in the order of the evidence behind them
// (docs/research/evidence.md §1): single-run spike, week-over-week change, back after a break,
// EWMA ACWR as context, shoe distance. Numbers are in km; sentences in the runner's units.
import { EVIDENCE, SPIKE_LOOKBACK_DAYS as SPIKE_WINDOW_DAYS, type EvidenceId } from '../evidence';
import { ewmaAcwr } from './acwr';
import { isNonNegativeNumber } from '../guards';
import { formatDay, weekStartDay } from './dates';
import { loadContext, spikeAt, spikePctAt } from './context';
import type { LoadContext, LoadOptions } from './context';
import { frandsenBand, spikeLevel } from './spikes';
import { comparedSpan, summarizeWeek, weeklyLevel } from './summary';
import type { WeekSummary } from './summary';
import { DAY_MS, lowerBound, sumKm } from './runs';
import type { LoadSettings, LoadWarning, Run } from './types';
import { formatDistance, formatNumber, formatPercent, formatShortDate } from './units';

/** A spike is looked for among the runs of the last 7 days (today included). */
export const SPIKE_LOOKBACK_DAYS = 7;
/** ">= 14 days without a run": full calendar days with no run between two runs (or since the last). */
export const BREAK_DAYS = 14;
/** A return from a break gets the gentle-return note for four weeks. */
export const RETURN_NOTE_DAYS = 28;
/** The weekly warning looks back at the finished week during the first days of a new one. */
const EARLY_WEEK_DAYS = 3;

// Citations from the one evidence registry (lib/evidence), with what each says here.
const cite = (id: EvidenceId) => EVIDENCE[id].citation;
const SOURCES = {
  spike: cite('frandsen-2025'),
  weekly: `The "10 % rule" of running advice, your own threshold; ${cite('buist-2008')} (no effect in a trial); ${cite('nielsen-2014')} (weak signal above 30 %); ${cite('frandsen-2025')} (no relationship)`,
  break: `Return-to-running advice (hold a tolerated distance for a week or more before adding); runs are compared with the previous ${SPIKE_WINDOW_DAYS} days (${cite('frandsen-2025')}), so after a break there is little to compare with`,
  acwr: `${cite('williams-2017')} (EWMA); not validated for runners: ${cite('impellizzeri-2021')}; ${cite('frandsen-2025')} (negative dose-response)`,
  shoe: `A heuristic (500-800 km): no study links shoe mileage to injury (${cite('kong-2009')})`,
} as const;

/**
 * Warnings for the runner on `today` ("YYYY-MM-DD"), each with a level, the numbers behind it and
 * one plain sentence. Returned in evidence order; a kind with nothing to say is left out:
 * - spike: the run of the last 7 days with the largest spike over its 30-day longest (a big
 *   spike three days ago still matters after a short run since); level from spikeLevel;
 * - weekly: this week against last week, like for like (see summarizeWeek); in the first three
 *   days of a week, the finished week is reported instead when it crossed the threshold and the
 *   days so far did not. At most caution: the evidence is weak;
 * - break: back within the last four weeks after >= 14 days without a run (caution, with a
 *   gentle-return note), or no run for >= 14 days now (ok, the same note for later);
 * - acwr: EWMA acute:chronic ratio, always level ok: context, never an injury threshold;
 * - shoe: with opts.shoeKm, over the runner's limit is a caution, a low-confidence reminder.
 * Invalid runs are skipped; a malformed `today` gives []. Never throws.
 */
export function loadWarnings(runs: Run[], settings: LoadSettings, today: string, opts?: LoadOptions): LoadWarning[] {
  const ctx = loadContext(runs, settings, today, opts);
  if (ctx === null) return [];
  const warnings: (LoadWarning | null)[] = [
    spikeWarning(ctx),
    weeklyWarning(ctx),
    breakWarning(ctx),
    acwrWarning(ctx),
    shoeWarning(ctx, typeof opts === 'object' && opts !== null ? opts.shoeKm : undefined),
  ];
  return warnings.filter((w): w is LoadWarning => w !== null);
}

function dist(ctx: LoadContext, km: number, digits = 1): string {
  return formatDistance(km, ctx.settings.units, ctx.locale, digits);
}

function spikeWarning(ctx: LoadContext): LoadWarning | null {
  const { sorted, settings, locale } = ctx;
  const from = lowerBound(sorted, (ctx.today - SPIKE_LOOKBACK_DAYS + 1) * DAY_MS);
  if (from >= sorted.length) return null;
  let pick = -1;
  let pickPct = Number.NEGATIVE_INFINITY;
  for (let i = from; i < sorted.length; i++) {
    const pct = spikePctAt(ctx, i);
    if (pct !== null && pct >= pickPct) {
      pick = i;
      pickPct = pct;
    }
  }
  const threshold = settings.spikePct;
  if (pick < 0) {
    // No run of the week had a run in its previous 30 days (or only 0 km ones): nothing to compare.
    const last = sorted.length - 1;
    return {
      kind: 'spike',
      level: 'ok',
      message: `Your ${dist(ctx, sorted.km[last]!)} run on ${formatShortDate(sorted.day[last]!, locale)} had no run in the ${SPIKE_WINDOW_DAYS} days before it to compare with.`,
      numbers: {
        runStart: sorted.runs[last]!.start,
        runKm: sorted.km[last]!,
        longestPrior30dKm: null,
        spikePct: null,
        thresholdPct: threshold,
        band: null,
        hrr: null,
      },
      evidence: 'strongest-running-signal',
      source: SOURCES.spike,
    };
  }
  const s = spikeAt(ctx, pick);
  const pct = s.spikePct!;
  const longest = s.longestPrior30dKm!;
  const level = spikeLevel(pct, threshold);
  const { band, hrr } = frandsenBand(pct);
  const run = `Your ${dist(ctx, s.km)} run on ${formatShortDate(sorted.day[pick]!, locale)}`;
  const prior = `your longest run in the previous ${SPIKE_WINDOW_DAYS} days (${dist(ctx, longest)})`;
  let message: string;
  if (level !== 'ok') {
    message = `${run} was ${formatPercent(pct, locale)} longer than ${prior}, above your ${formatPercent(threshold, locale)} threshold.`;
  } else if (pct > 0) {
    message = `${run} was ${formatPercent(pct, locale)} longer than ${prior}, within your ${formatPercent(threshold, locale)} threshold.`;
  } else {
    message = `None of your runs in the last 7 days was longer than the longest run of the ${SPIKE_WINDOW_DAYS} days before it.`;
  }
  return {
    kind: 'spike',
    level,
    message,
    numbers: { runStart: s.start, runKm: s.km, longestPrior30dKm: longest, spikePct: pct, thresholdPct: threshold, band, hrr },
    evidence: 'strongest-running-signal',
    source: SOURCES.spike,
  };
}

function weeklyWarning(ctx: LoadContext): LoadWarning | null {
  const threshold = ctx.settings.weeklyIncreasePct;
  const ws = weekStartDay(ctx.today, ctx.settings.weekStartsOn);
  const current = summarizeWeek(ctx, ws, formatDay(ws));
  let chosen = current;
  let which: 'current' | 'last' = 'current';
  if (current.partial && current.comparedDays <= EARLY_WEEK_DAYS && weeklyLevel(current.changePct, threshold) === 'ok') {
    const last = summarizeWeek(ctx, ws - 7, formatDay(ws - 7));
    if (weeklyLevel(last.changePct, threshold) !== 'ok') {
      chosen = last;
      which = 'last';
    }
  }
  if (chosen.weekKm === 0 && chosen.previousWeekFullKm === 0) return null; // nothing to compare
  const chosenStart = which === 'current' ? ws : ws - 7;
  return {
    kind: 'weekly',
    level: weeklyLevel(chosen.changePct, threshold),
    message: weeklySentence(ctx, chosen, which, chosenStart),
    numbers: {
      week: which,
      weekStart: chosen.weekStart,
      comparedDays: chosen.comparedDays,
      compared: !chosen.partial ? 'full weeks' : ctx.cutAtNow ? 'same days, up to the same time' : 'same days',
      weekKm: chosen.weekKm,
      previousWeekKm: chosen.previousWeekKm,
      previousWeekFullKm: chosen.previousWeekFullKm,
      changePct: chosen.changePct,
      thresholdPct: threshold,
    },
    evidence: 'weak',
    source: SOURCES.weekly,
  };
}

function weeklySentence(ctx: LoadContext, w: WeekSummary, which: 'current' | 'last', ws: number): string {
  const { locale } = ctx;
  const t = formatPercent(ctx.settings.weeklyIncreasePct, locale);
  const above = `above your ${t} weekly threshold, a rule of thumb with weak evidence`;
  const within = `within your ${t} weekly threshold`;
  const km = dist(ctx, w.weekKm);
  const prev = dist(ctx, w.previousWeekKm);
  const change = w.changePct;
  if (!w.partial) {
    const subject = which === 'current' ? 'This week' : 'Last week';
    const before = which === 'current' ? 'last week' : 'the week before';
    if (w.previousWeekKm === 0) return `${subject} you ran ${km} after a week with no runs, so there is no change to compare.`;
    if (change! > 0)
      return `${subject} you ran ${km}, ${formatPercent(change!, locale)} more than ${before} (${prev}), ${change! > ctx.settings.weeklyIncreasePct ? above : within}.`;
    if (change! < 0) return `${subject} you ran ${km}, ${formatPercent(-change!, locale)} less than ${before} (${prev}).`;
    return `${subject} you ran ${km}, the same as ${before}.`;
  }
  const span = comparedSpan(ws, w.comparedDays, locale);
  const so = `So far this week (${span}) you ran ${km}`;
  const sameDays = ctx.cutAtNow ? 'the same days last week, up to the same time' : 'the same days last week';
  if (w.weekKm === 0) {
    return w.previousWeekKm === 0
      ? `No runs yet this week (${span}), and none on ${sameDays}; last week's total was ${dist(ctx, w.previousWeekFullKm)}.`
      : `No runs yet this week (${span}), against ${prev} on ${sameDays}; the week isn't over, so there is no change to report yet.`;
  }
  if (w.previousWeekKm === 0) return `${so}, and nothing on ${sameDays}, so there is no change to compare.`;
  // A decrease is not reported while the week is in progress: it is not over.
  if (change === null) return `${so}, against ${prev} on ${sameDays}; the week isn't over, so there is no change to report yet.`;
  if (change > 0)
    return `${so}, ${formatPercent(change, locale)} more than on ${sameDays} (${prev}), ${change > ctx.settings.weeklyIncreasePct ? above : within}.`;
  return `${so}, the same as on ${sameDays}.`;
}

function breakWarning(ctx: LoadContext): LoadWarning | null {
  const { sorted, today, locale } = ctx;
  const n = sorted.length;
  if (n === 0) return null;
  const note = 'start shorter and easier than before and add distance over a few weeks';
  const lastDay = sorted.day[n - 1]!;
  const idle = today - lastDay; // days since the last run, today included
  if (idle >= BREAK_DAYS) {
    return {
      kind: 'break',
      level: 'ok',
      message: `You haven't run for ${idle} days (last run ${formatShortDate(lastDay, locale)}); when you go back, ${note}.`,
      numbers: { daysWithoutRun: idle, lastRun: formatDay(lastDay) },
      evidence: 'weak',
      source: SOURCES.break,
    };
  }
  // The most recent return from a break, if it falls in the last four weeks.
  for (let i = n - 1; i > 0; i--) {
    const back = sorted.day[i]!;
    if (back <= today - RETURN_NOTE_DAYS) break;
    const before = sorted.day[i - 1]!;
    const gap = back - before - 1; // full days with no run between the two runs
    if (gap >= BREAK_DAYS) {
      const since = lowerBound(sorted, back * DAY_MS);
      const kmSince = sumKm(sorted, since, n);
      return {
        kind: 'break',
        level: 'caution',
        message: `You're back after ${gap} days without a run (${formatShortDate(before, locale)} to ${formatShortDate(back, locale)}): ${note}.`,
        numbers: {
          daysWithoutRun: gap,
          lastRunBeforeBreak: formatDay(before),
          firstRunBack: formatDay(back),
          runsSinceReturn: n - since,
          kmSinceReturn: kmSince,
        },
        evidence: 'weak',
        source: SOURCES.break,
      };
    }
  }
  return null;
}

function acwrWarning(ctx: LoadContext): LoadWarning | null {
  const acwr = ewmaAcwr(ctx.sorted, ctx.today, ctx.limitMs);
  if (acwr === null) return null;
  return {
    kind: 'acwr',
    level: 'ok', // never an injury threshold (see acwr.ts)
    message: `Your acute:chronic workload ratio is ${formatNumber(acwr.ratio, ctx.locale)} (7-day against 28-day weighted averages of your daily distance): context only, not validated for runners and not an injury threshold.`,
    numbers: { ratio: acwr.ratio, acuteKmPerDay: acwr.acuteKmPerDay, chronicKmPerDay: acwr.chronicKmPerDay, acuteDays: 7, chronicDays: 28 },
    evidence: 'not-validated',
    source: SOURCES.acwr,
  };
}

function shoeWarning(ctx: LoadContext, shoeKm: unknown): LoadWarning | null {
  if (!isNonNegativeNumber(shoeKm)) return null;
  const limit = ctx.settings.shoeKmLimit;
  const over = shoeKm > limit;
  return {
    kind: 'shoe',
    level: over ? 'caution' : 'ok',
    message: over
      ? `Your shoes have ${dist(ctx, shoeKm, 0)} on them, past your ${dist(ctx, limit, 0)} reminder; a rule of thumb, as no study has linked shoe mileage to injury.`
      : `Your shoes have ${dist(ctx, shoeKm, 0)} on them, under your ${dist(ctx, limit, 0)} reminder.`,
    numbers: { shoeKm, limitKm: limit },
    evidence: 'low-confidence',
    source: SOURCES.shoe,
  };
}
