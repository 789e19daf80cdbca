// The next-run ceiling: how long the next run may be without spiking past the longest run of the
// previous 30 days, lowered after amber and red check-ins, and a what-if for any planned distance.
// Pure: no DOM, no browser APIs, no zod.
//
// Sources: Frandsen et al., BJSM 2025;59:1203-1210 (Garmin-RUNSAFE, 5,205 runners): a single run
// more than 10 % longer than the longest of the previous 30 days raised the overuse-injury rate;
// the runner's own spike threshold (default 10 %) sets the margin. The check-in adjustment follows
// the pain-monitoring model (Silbernagel et al., AJSM 2007; docs/research/evidence.md §6): amber
// repeats the tolerated load with no increase, red cuts back.
import { frandsenBand } from '../load/spikes';
import { lowerBound, prepareRuns } from '../load/runs';
import { parseWallClockMs } from '../load/dates';
import type { Run } from '../load/types';
import type { CheckIn, Light } from './checkin';
import { checkInLight } from './checkin';

/** The spike window of Frandsen 2025: 30 × 24 h before the run. */
export const CEILING_WINDOW_DAYS = 30;
/**
 * After a red check-in the ceiling is this share of the painful run (or of the 30-day longest when
 * the run is unknown). "Cut back" has no number in the source: two thirds is the same cut the
 * checker's plan gives for a long run that hurts, so the two never disagree.
 */
export const RED_CUT_SHARE = 2 / 3;
/** A check-in older than this no longer lowers the ceiling (the runner has run since or rested). */
export const CHECK_IN_MEMORY_DAYS = 7;

export interface Ceiling {
  /** Longest run of the 30 days before `now`, km; null when there is none. */
  longestKm: number | null;
  /** The ceiling for the next run, km; null when there is no run to build on. */
  ceilingKm: number | null;
  /** What set it: the spike margin, an amber hold, or a red cut. */
  basis: 'spike-margin' | 'amber-hold' | 'red-cut' | 'no-recent-runs';
  /** The check-in light that lowered it, if any. */
  light?: Light;
}

/**
 * The ceiling at `now` ("YYYY-MM-DDTHH:mm:ss", the runner's wall clock): the 30-day longest ×
 * (1 + spikePct / 100); after the latest check-in of the last 7 days: amber → the 30-day longest
 * (no increase), red → two thirds of the painful run. Never throws; junk runs are skipped.
 */
export function nextRunCeiling(
  runs: readonly Run[],
  now: string,
  spikePct: number,
  checkIns: readonly CheckIn[] = [],
  boneStress = false,
): Ceiling {
  const nowMs = parseWallClockMs(now);
  const margin = Number.isFinite(spikePct) && spikePct >= 0 ? spikePct : 10;
  if (nowMs === null) return { longestKm: null, ceilingKm: null, basis: 'no-recent-runs' };
  const sorted = prepareRuns(runs);
  const from = lowerBound(sorted, nowMs - CEILING_WINDOW_DAYS * 86_400_000);
  const to = lowerBound(sorted, nowMs);
  let longest = 0;
  for (let i = from; i < to; i++) longest = Math.max(longest, sorted.km[i] ?? 0);
  const longestKm = to > from && longest > 0 ? longest : null;

  const latest = latestRecentCheckIn(checkIns, nowMs);
  const light = latest ? checkInLight(latest, boneStress).light : undefined;
  if (light === 'red') {
    const base = latest?.km !== undefined && latest.km > 0 ? latest.km : longestKm;
    if (base !== null) return { longestKm, ceilingKm: round1(base * RED_CUT_SHARE), basis: 'red-cut', light };
  }
  if (longestKm === null) return { longestKm, ceilingKm: null, basis: 'no-recent-runs', light };
  if (light === 'amber') return { longestKm, ceilingKm: round1(longestKm), basis: 'amber-hold', light };
  return { longestKm, ceilingKm: round1(longestKm * (1 + margin / 100)), basis: 'spike-margin', light };
}

function latestRecentCheckIn(checkIns: readonly CheckIn[], nowMs: number): CheckIn | undefined {
  let best: CheckIn | undefined;
  let bestMs = -Infinity;
  for (const c of checkIns) {
    const ms = parseWallClockMs(c.runStart ?? `${c.date}T00:00:00`);
    if (ms === null || ms > nowMs || ms < nowMs - CHECK_IN_MEMORY_DAYS * 86_400_000) continue;
    if (ms >= bestMs) {
      best = c;
      bestMs = ms;
    }
  }
  return best;
}

/** Rounded down to 0.1 km, so a ceiling shown as "12.6 km" is never above the true one. */
function round1(km: number): number {
  return Math.floor(km * 10 + 1e-9) / 10;
}

export interface WhatIf {
  /** The planned run against the 30-day longest, %; null without a longest run. */
  spikePct: number | null;
  /** Words for the band: "no spike", "a small spike", "a large spike", "a very large spike". */
  words: string;
  /** True when it passes the runner's own threshold. */
  overThreshold: boolean;
}

/** "14 km would be +11 %: a small spike" — the planned distance against the 30-day longest. */
export function whatIf(plannedKm: number, longestKm: number | null, thresholdPct: number): WhatIf {
  if (longestKm === null || longestKm <= 0 || !Number.isFinite(plannedKm) || plannedKm < 0) {
    return { spikePct: null, words: 'nothing to compare with', overThreshold: false };
  }
  const pct = (plannedKm / longestKm - 1) * 100;
  const band = frandsenBand(pct).band;
  const words =
    pct <= 0
      ? 'no spike'
      : band === 'within 10 %'
        ? 'within 10 %: no spike'
        : band === '>10-30 %'
          ? 'a small spike'
          : band === '>30-100 %'
            ? 'a large spike'
            : 'a very large spike';
  return { spikePct: pct, words, overThreshold: pct > thresholdPct };
}
