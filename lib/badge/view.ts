// What one badge says, as plain strings: pure (no DOM), so it is tested without a page. Made by
// the background (badgeViewsFrom, lib/background/page-service) and sent to the content scripts,
// which only place the strings (textContent): the engine, its number and date formatting and
// these words stay out of the page's 10 KB.
// The chip carries the engine's own short text (units and locale already applied); the
// explanation gives the numbers behind it, the thresholds used and how strong the evidence is.
import { parseDay } from '../load/dates';
import type { LoadOptions } from '../load/context';
import { missingText, summariesFrom, type WeekSummary } from '../load/summary';
import type { LoadSettings, Run, WarningLevel } from '../load/types';
import { formatDistance, formatPercent, formatShortDate } from '../load/units';

/** What the chip shows: cheap, computed for every badge. */
export interface BadgeChip {
  /** 'unknown': no warning, and the data to rule one out is missing (never "Load OK" then). */
  level: ChipLevel;
  /** Words that carry the level without colour. */
  label: string;
  /** The short line on the chip. */
  text: string;
  /** Accessible name of the chip. */
  ariaLabel: string;
}

/** The chip and its explanation (built only when the explanation is first opened). */
export interface BadgeView extends BadgeChip {
  /** The explanation: a title, the numbers, the evidence, where to go next. */
  title: string;
  lines: string[];
  evidence: string;
  cta: string;
}

export type ChipLevel = WarningLevel | 'unknown';
export const LEVEL_LABELS: Record<ChipLevel, string> = { ok: 'Load OK', caution: 'Caution', high: 'High load', unknown: 'Not enough data' };
/** Why a week with partial data has no total (intervals.icu lists runs synced from Strava without their distance). */
export const INCOMPLETE_LINE =
  'Some runs this week were synced from Strava and could not be read here (the site does not share their distance): no total or comparison is given for this week.';

/** The chip's level: a warning shows whatever else is missing; "ok" only when nothing is. */
export function chipLevel(summary: WeekSummary): ChipLevel {
  if (summary.level !== 'ok') return summary.level;
  return summary.incomplete || summary.missing ? 'unknown' : 'ok';
}
export const BADGE_CTA = 'Knee hurting? Open Knee Check from the toolbar.';
export const BADGE_EVIDENCE =
  'Evidence: a run much longer than your recent longest is the strongest running signal (5,205 runners, Frandsen 2025); the week-to-week change is weak evidence.';

export function badgeChip(summary: WeekSummary, fallbackText = ''): BadgeChip {
  const level = chipLevel(summary);
  const label = LEVEL_LABELS[level] ?? LEVEL_LABELS.ok;
  const text = summary.text || fallbackText;
  return { level, label, text, ariaLabel: `Knee Check: ${label}. ${text}` };
}

/**
 * `loop`: the background's lines from the knee diary and captured runs (the next-run ceiling, or
 * the return-to-run level during an episode; back after a break; shoes), shown first, as sent.
 */
export function badgeView(summary: WeekSummary, settings: LoadSettings, locale?: string, loop: readonly string[] = []): BadgeView {
  const km = (value: number) => formatDistance(value, settings.units, locale);
  const pct = (value: number) => formatPercent(value, locale, true);
  const verdict = (value: number, threshold: number) => `${value > threshold ? 'above' : 'within'} your ${pct(threshold)} threshold`;
  const day = parseDay(summary.weekStart);
  const { changePct, biggestSpike: spike, partial, missing } = summary;

  const lines = [
    ...loop,
    summary.incomplete
      ? INCOMPLETE_LINE
      : !summary.weekKnown && missing
        ? `${missingText(missing, locale)}: the runs read here do not cover all of this week.`
        : !summary.previousWeekKnown && missing
          ? `${partial ? `So far ${km(summary.weekKm)} in ${summary.comparedDays} day(s)` : `${km(summary.weekKm)} this week`}. ${missingText(missing, locale)} to compare with: the runs read here do not cover it.`
          : partial
            ? `So far ${km(summary.weekKm)} in ${summary.comparedDays} day(s); the same days last week: ${km(summary.previousWeekKm)}.`
            : `${km(summary.weekKm)} this week; ${km(summary.previousWeekKm)} the week before.`,
    !summary.weekKnown || !summary.previousWeekKnown
      ? `No weekly change: it needs both weeks' runs in full (your threshold: ${pct(settings.weeklyIncreasePct)}).`
      : changePct !== null
        ? `Weekly change ${pct(changePct)}: ${verdict(changePct, settings.weeklyIncreasePct)}.`
        : `No weekly increase to compare with your ${pct(settings.weeklyIncreasePct)} threshold.`,
    missing?.kind === 'spike' && !(spike?.spikePct != null && spike.spikePct > settings.spikePct)
      ? `${missingText(missing, locale)} to check a run against your longest run of those days (spike threshold ${pct(settings.spikePct)}).`
      : spike?.spikePct == null || spike.longestPrior30dKm === null
        ? `No run to compare with a longest run of the 30 days before (spike threshold ${pct(settings.spikePct)}).`
        : spike.spikePct > 0
          ? `Longest-run spike: ${km(spike.km)} vs ${km(spike.longestPrior30dKm)}, the longest of the 30 days before (${pct(spike.spikePct)}): ${verdict(spike.spikePct, settings.spikePct)}.`
          : `No run longer than the longest of the 30 days before (${km(spike.longestPrior30dKm)}; spike threshold ${pct(settings.spikePct)}).`,
  ];
  return {
    ...badgeChip(summary, km(summary.weekKm)),
    title: `Knee load, ${day === null ? 'this week' : `week of ${formatShortDate(day, locale)}`}${partial ? ' (so far)' : ''}`,
    lines,
    evidence: BADGE_EVIDENCE,
    cta: BADGE_CTA,
  };
}

/**
 * Every badge's words for the 7 days from each first day (summariesFrom), or null where there is
 * no summary: what the background answers a content script's pass with (lib/content/pass).
 */
export function badgeViewsFrom(
  runs: Run[],
  firstDays: readonly string[],
  settings: LoadSettings,
  today: string,
  opts?: LoadOptions,
): (BadgeView | null)[] {
  return summariesFrom(runs, firstDays, settings, today, opts).map((summary) => summary && badgeView(summary, settings, opts?.locale));
}
