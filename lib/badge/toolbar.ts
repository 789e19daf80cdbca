// The toolbar icon's badge: this week's load status from the captured runs, as a short text (never
// colour alone) and a title with the numbers. Pure: the background sets them (entrypoints/background.ts).
import { weekSummary } from '../load/summary';
import type { Run } from '../load/types';
import type { Settings } from '../settings/defaults';
import { chipLevel, LEVEL_LABELS, type ChipLevel } from './view';

export interface ToolbarBadge {
  /** "!" (a single-run spike warning), "+34%" (the week's change), "?" (not enough data to tell), "OK". */
  text: string;
  /** The title (tooltip) of the icon: the level in words and the numbers. */
  title: string;
  level: ChipLevel;
  /** Background colour; the text carries the meaning on its own. */
  color: string;
}

export const DEFAULT_TITLE = 'Knee Check';
const COLORS: Record<ChipLevel, string> = { ok: '#1e6b3a', caution: '#8a5a00', high: '#b3261e', unknown: '#5f6b7a' };

/** Null when there is no captured run at all: the icon shows nothing. */
export function toolbarBadge(runs: Run[], settings: Settings, today: string, now: string, locale?: string): ToolbarBadge | null {
  if (!Array.isArray(runs) || runs.length === 0) return null;
  // Captured history: coverage unknown, judged from the runs themselves (see LoadOptions.coverage).
  const week = weekSummary(runs, today, settings, today, { now, locale, coverage: {} });
  if (!week) return null;
  const level = chipLevel(week);
  const spikeWarns = week.biggestSpike?.spikePct != null && week.biggestSpike.spikePct > settings.spikePct;
  const text = spikeWarns
    ? '!'
    : week.changePct !== null
      ? `${week.changePct > 0 ? '+' : week.changePct < 0 ? '−' : ''}${Math.min(999, Math.round(Math.abs(week.changePct)))}%`
      : level === 'unknown'
        ? '?'
        : 'OK';
  const title = `Knee Check, this week: ${LEVEL_LABELS[level]}. ${week.text || 'No runs yet this week.'}`;
  return { text, title, level, color: COLORS[level] };
}

/** What the knee diary adds to the icon (lib/loop/today): the next-run ceiling, or the return level. */
export interface ToolbarLoop {
  /** The next run's ceiling in the runner's units, already formatted ("12.6 km"), and the bare number ("12.6"). */
  ceiling?: { text: string; number: string };
  /** During a return-to-run episode: its level (1-8) and today's session in words. */
  episode?: { level: number; line: string };
}

/**
 * The icon with the loop joined in. A return-to-run episode leads ("L2": its level, the session
 * in the title); otherwise the next-run ceiling shows as the text when no load warning outranks it
 * (an "OK" week, or no runs this week), and always in the title.
 */
export function withLoop(badge: ToolbarBadge | null, loop: ToolbarLoop): ToolbarBadge | null {
  if (loop.episode) {
    const title = `Knee Check, return to running: ${loop.episode.line}`;
    return { text: `L${loop.episode.level}`, title, level: badge?.level ?? 'ok', color: badge?.color ?? COLORS.ok };
  }
  if (!badge || !loop.ceiling) return badge;
  // The week's numbers end without a full stop ("42.1 km · +34% vs last week"): one goes between.
  const week = badge.title.endsWith('.') ? badge.title : `${badge.title}.`;
  const title = `${week} Next run: keep it under ${loop.ceiling.text}.`;
  const text = badge.level === 'ok' && badge.text === 'OK' ? loop.ceiling.number : badge.text;
  return { ...badge, text, title };
}
