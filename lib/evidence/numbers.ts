// The numbers several modules must agree on, from the evidence registry (lib/evidence). A module
// of its own so the content script can import it without the source table (bundle budget).

/**
 * The single-run spike look-back (Frandsen et al. 2025): each run is compared with the longest
 * run of the previous 30 days. Windows that must cover it (a site adapter reading enough history
 * for a shown week) derive from this number and say why they are longer.
 */
export const SPIKE_LOOKBACK_DAYS = 30;

/**
 * Frandsen et al. 2025, single run vs the longest of the previous 30 days: the bands the paper
 * reports (more than 10 %, 30 % and 100 % longer) and their hazard-rate ratios. The ratios are for
 * the code and the notes; runner-facing text speaks of "a higher injury risk", not ratios.
 */
export const SPIKE_BANDS = [
  { above: 100, label: '>100 %', hrr: 2.28 },
  { above: 30, label: '>30-100 %', hrr: 1.52 },
  { above: 10, label: '>10-30 %', hrr: 1.64 },
] as const;

/**
 * The lowest band edge: a run more than this much longer than the 30-day longest is a spike.
 * A literal (a unit test holds it to the last band's edge): computed from SPIKE_BANDS at the top
 * level, it kept the bands in every content script that imports SPIKE_LOOKBACK_DAYS.
 */
export const SPIKE_THRESHOLD_PCT = 10;
