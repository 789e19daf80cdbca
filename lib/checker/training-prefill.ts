// Training answers prefilled from the runs Knee Check captured on the runner's running log. Pure:
// the runs come in (from lib/history in the popup), distances go out in the runner's units as
// editable text. Uses lib/load for the contract's 30-day spike and the break thresholds, so the
// popup and the badges agree (only those pieces: the popup has a size budget).
import { parseDay } from '../load/dates';
import { runSpikes } from '../load/spikes';
import type { Run } from '../load/types';
import { toDisplay } from '../load/units';
import { BREAK_DAYS, RETURN_NOTE_DAYS } from '../load/warnings';
import type { Settings } from '../settings/defaults';
import type { TrainingPrefill } from './prefill-apply';
import type { TrainingFlag } from './questions';

export type { TrainingPrefill };

/** Only a run this recent counts as "your latest run". */
export const LATEST_RUN_MAX_AGE_DAYS = 14;

function text(km: number, units: Settings['units']): string {
  return String(Math.round(toDisplay(km, units) * 10) / 10);
}

function dayOf(run: Run): number | null {
  return typeof run.start === 'string' ? parseDay(run.start.slice(0, 10)) : null;
}

/**
 * What the captured runs say about the last weeks, on `today` ("YYYY-MM-DD"):
 * - thisWeek / lastWeek: km in the last 7 days (today included) and in the 7 days before them
 *   (rolling windows, so a Monday never reads as an empty week);
 * - latestRun / longestBefore: the latest run of the last 14 days and the longest run of the 30 days
 *   before it (lib/load runSpikes, Frandsen et al. BJSM 2025); blank when it has no baseline;
 * - flags: returningFromBreak when the runner came back within the last 4 weeks after >= 14 full
 *   days without a run (lib/load's BREAK_DAYS and RETURN_NOTE_DAYS, as its break warning).
 * Null when there is no valid run in the last 30 days or `today` is malformed.
 */
export function trainingFromHistory(
  runs: Run[],
  settings: Pick<Settings, 'units' | 'weekStartsOn' | 'weeklyIncreasePct' | 'spikePct' | 'shoeKmLimit'>,
  today: string,
): TrainingPrefill | null {
  const todayDay = parseDay(today);
  if (todayDay === null || !Array.isArray(runs)) return null;
  const units = settings.units;
  const valid = runs.filter(
    (r) => r && typeof r.km === 'number' && Number.isFinite(r.km) && r.km >= 0 && dayOf(r) !== null && dayOf(r)! <= todayDay,
  );
  const recent = valid.filter((r) => dayOf(r)! > todayDay - 30);
  if (recent.length === 0) return null;

  const sumBetween = (fromAgo: number, toAgo: number) =>
    valid
      .filter((r) => {
        const d = dayOf(r)!;
        return d <= todayDay - toAgo && d > todayDay - fromAgo;
      })
      .reduce((sum, r) => sum + r.km, 0);
  const thisWeekKm = sumBetween(7, 0);
  const lastWeekKm = sumBetween(14, 7);

  const spikes = runSpikes(valid);
  const latest = spikes[spikes.length - 1];
  const latestDay = latest ? parseDay(latest.start.slice(0, 10)) : null;
  const latestRecent = latest && latestDay !== null && latestDay > todayDay - LATEST_RUN_MAX_AGE_DAYS;

  const flags: TrainingFlag[] = [];
  const days = [...new Set(valid.map((r) => dayOf(r)!))].sort((a, b) => a - b);
  const idle = todayDay - days[days.length - 1]!; // on a break now: not "coming back" yet
  const back =
    idle < BREAK_DAYS && days.some((day, i) => i > 0 && day > todayDay - RETURN_NOTE_DAYS && day - days[i - 1]! - 1 >= BREAK_DAYS);
  if (back) flags.push('returningFromBreak');

  return {
    units,
    thisWeek: text(thisWeekKm, units),
    lastWeek: text(lastWeekKm, units),
    latestRun: latestRecent ? text(latest.km, units) : '',
    longestBefore: latestRecent && latest.longestPrior30dKm !== null ? text(latest.longestPrior30dKm, units) : '',
    flags,
    runs: recent.length,
  };
}
