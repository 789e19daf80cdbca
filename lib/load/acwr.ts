// EWMA acute:chronic workload ratio, shown as context only. It is not validated for runners:
// the "sweet spot" came from team sports (Gabbett, BJSM 2016), random divisors reproduce its
// effect (Impellizzeri et al., Sports Med 2021), and in runners it had a negative dose-response
// (Frandsen et al., BJSM 2025). It is never used as an injury threshold here.
import { DAY_MS, lowerBound } from './runs';
import type { SortedRuns } from './runs';

/** Williams et al., BJSM 2017;51:209-210: lambda = 2 / (N + 1). */
export const ACUTE_LAMBDA = 2 / (7 + 1);
export const CHRONIC_LAMBDA = 2 / (28 + 1);
/** Below four weeks of history the chronic average is mostly its starting value. */
const MIN_HISTORY_DAYS = 28;
// (1 − 2/29)^365 ≈ 5e-12: a year of daily steps forgets any earlier load, so longer histories
// start a year back and the cost stays bounded whatever the span of the data.
const MAX_LOOKBACK_DAYS = 365;

export interface Acwr {
  ratio: number;
  /** Exponentially weighted daily km, 7-day and 28-day constants. */
  acuteKmPerDay: number;
  chronicKmPerDay: number;
}

/**
 * EWMA ACWR of daily km on `today` (runs up to `limitMs` included), or null with less than
 * MIN_HISTORY_DAYS of history or no chronic load. Both averages start at 0 before the first
 * day considered.
 */
export function ewmaAcwr(sorted: SortedRuns, today: number, limitMs: number): Acwr | null {
  const end = lowerBound(sorted, limitMs + 1);
  if (end === 0) return null;
  const firstDay = sorted.day[0]!;
  if (today - firstDay + 1 < MIN_HISTORY_DAYS) return null;
  const from = Math.max(firstDay, today - MAX_LOOKBACK_DAYS + 1);
  const daily = new Float64Array(today - from + 1);
  for (let i = lowerBound(sorted, from * DAY_MS); i < end; i++) daily[sorted.day[i]! - from]! += sorted.km[i]!;
  let acute = 0;
  let chronic = 0;
  for (let d = 0; d < daily.length; d++) {
    acute = ACUTE_LAMBDA * daily[d]! + (1 - ACUTE_LAMBDA) * acute;
    chronic = CHRONIC_LAMBDA * daily[d]! + (1 - CHRONIC_LAMBDA) * chronic;
  }
  // Below a metre a day for the last months, the ratio is noise over nothing.
  if (chronic < 0.001) return null;
  return { ratio: acute / chronic, acuteKmPerDay: acute, chronicKmPerDay: chronic };
}
