// runSpikes (docs/contract/load.md v1): each run against the longest run of the previous
// 30 days. The strongest running-specific load signal we have: in 5,205 runners a single run more
// than 10 % longer than the 30-day longest raised the overuse-injury rate (Frandsen et al., BJSM
// 2025;59:1203-1210), while the week-to-week ratio showed no relationship.
import { SPIKE_BANDS, SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from '../evidence/numbers';
import { DAY_MS, prepareRuns } from './runs';
import type { SortedRuns } from './runs';
import type { Run, RunSpike, WarningLevel } from './types';

/** The registry's 30-day look-back (lib/evidence), as 30 × 24 h on the wall clock. */
export const SPIKE_WINDOW_MS = SPIKE_LOOKBACK_DAYS * DAY_MS;

/**
 * Longest prior km for each run of `sorted` (ascending by start, as prepareRuns gives), over
 * [start − 30 × 24 h, start): inclusive at the far end, strictly before the run itself. Runs with an
 * identical start are not before one another, so a group of equal starts is answered first and
 * only then enters the window. A monotonic deque keeps the window's maximum: O(n) after the sort.
 */
export function longestPrior30d(sorted: SortedRuns): Float64Array {
  const { ms: msOf, km: kmOf, length: n } = sorted;
  const out = new Float64Array(n); // NaN: no run in the window
  // Indices into `sorted`, starts ascending, km strictly decreasing: the front is the maximum.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let i = 0;
  while (i < n) {
    const ms = msOf[i]!;
    let groupEnd = i + 1;
    while (groupEnd < n && msOf[groupEnd]! === ms) groupEnd++;
    const from = ms - SPIKE_WINDOW_MS;
    while (head < tail && msOf[deque[head]!]! < from) head++;
    const longest = head < tail ? kmOf[deque[head]!]! : Number.NaN;
    for (let j = i; j < groupEnd; j++) out[j] = longest;
    for (let j = i; j < groupEnd; j++) {
      const km = kmOf[j]!;
      // An older run no longer than a newer one can never be the maximum again.
      while (head < tail && kmOf[deque[tail - 1]!]! <= km) tail--;
      deque[tail++] = j;
    }
    i = groupEnd;
  }
  return out;
}

/** `(km / longest − 1) × 100`, null when there is no longer-run baseline (none, or 0 km). */
export function spikePercent(km: number, longest: number | null): number | null {
  return longest === null || longest === 0 ? null : (km / longest - 1) * 100;
}

/** The spike row of the i-th sorted run, given longestPrior30d's result. */
export function spikeRow(sorted: SortedRuns, longest: Float64Array, i: number): RunSpike {
  const prior = Number.isNaN(longest[i]!) ? null : longest[i]!;
  const km = sorted.km[i]!;
  return { start: sorted.runs[i]!.start, km, longestPrior30dKm: prior, spikePct: spikePercent(km, prior) };
}

/** Spike rows for runs already prepared (sorted), aligned with `sorted`. */
function spikesOfSorted(sorted: SortedRuns): RunSpike[] {
  const longest = longestPrior30d(sorted);
  const rows: RunSpike[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) rows[i] = spikeRow(sorted, longest, i);
  return rows;
}

/**
 * One row per valid run, ascending by start (ties by km), with the longest run whose start is at
 * or after `start` − 30 × 24 h and strictly before `start`. Invalid runs are skipped (isValidRun);
 * never throws; O(n log n) for the sort, O(n) for the window.
 */
export function runSpikes(runs: Run[]): RunSpike[] {
  return spikesOfSorted(prepareRuns(runs));
}

/** Frandsen 2025 bands, with their hazard rate ratios (Garmin-RUNSAFE, 5,205 runners). */
export function frandsenBand(spikePct: number | null): { band: string; hrr: number | null } {
  // Bands and ratios from the evidence registry, highest first.
  if (spikePct === null || spikePct <= SPIKE_THRESHOLD_PCT) return { band: `within ${SPIKE_THRESHOLD_PCT} %`, hrr: null };
  const b = SPIKE_BANDS.find((x) => spikePct > x.above)!;
  return { band: b.label, hrr: b.hrr };
}

/**
 * Level of one spike. The runner's threshold (default 10 %, Frandsen's lowest band) starts the
 * caution; above 100 % is high, where Frandsen found the largest rate ratio (2.28). The 30-100 %
 * band stays a caution: its ratio (1.52) was no higher than the 10-30 % band's (1.64). A runner
 * who sets a threshold above 100 % moves the high band up with it: their setting is respected.
 */
export function spikeLevel(spikePct: number | null, thresholdPct: number): WarningLevel {
  if (spikePct === null || spikePct <= thresholdPct) return 'ok';
  return spikePct > Math.max(100, thresholdPct) ? 'high' : 'caution';
}
