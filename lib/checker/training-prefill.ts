// Training answers prefilled from the runs Knee Check captured on the runner's running log. Pure:
// the runs come in (from lib/history in the popup), distances go out in the runner's units as
// editable text. Uses lib/load for the contract's 30-day spike and the break signal, so the popup
// and the badges agree.
import { loadWarnings, parseDay, runSpikes, sanitizeLoadSettings, toDisplay, type Run } from '../load';
import type { Settings } from '../settings/defaults';
import type { TrainingAnswers } from './answers';
import type { TrainingFlag } from './questions';

/** Only a run this recent counts as "your latest run". */
export const LATEST_RUN_MAX_AGE_DAYS = 14;

export interface TrainingPrefill {
  /** Distances in `units`, as text for the inputs; '' when there is nothing to say. */
  units: Settings['units'];
  thisWeek: string;
  lastWeek: string;
  latestRun: string;
  longestBefore: string;
  flags: TrainingFlag[];
  /** Runs of the last 30 days it was worked out from. */
  runs: number;
}

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
 * - flags: returningFromBreak when lib/load sees a return within 4 weeks after >= 14 days off.
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
  const back = loadWarnings(valid, sanitizeLoadSettings(settings), today).find(
    (w) => w.kind === 'break' && w.level !== 'ok',
  );
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

/** Today's date on the runner's wall clock, "YYYY-MM-DD". */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Fill the blank training answers from a prefill (never overwrite what the runner typed), once:
 * training answers that were already prefilled are returned unchanged.
 */
export function applyPrefill(training: TrainingAnswers, prefill: TrainingPrefill | null, today: string): TrainingAnswers {
  if (!prefill || training.prefill || training.units !== prefill.units) return training;
  const keep = (typed: string, filled: string) => (typed.trim() !== '' ? typed : filled);
  return {
    ...training,
    thisWeek: keep(training.thisWeek, prefill.thisWeek),
    lastWeek: keep(training.lastWeek, prefill.lastWeek),
    latestRun: keep(training.latestRun, prefill.latestRun),
    longestBefore: keep(training.longestBefore, prefill.longestBefore),
    flags: [...new Set([...training.flags, ...prefill.flags])],
    prefill: { runs: prefill.runs, on: today },
  };
}
