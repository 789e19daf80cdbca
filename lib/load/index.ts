// lib/load: the contract of docs/contract/load.md (v1) and the warnings built on it.
// Pure: no DOM, no browser APIs, no zod (the content script bundles it).
export type {
  EvidenceStrength,
  LoadSettings,
  LoadWarning,
  Run,
  RunSpike,
  Units,
  WarningKind,
  WarningLevel,
  WeekStart,
  WeekTotal,
} from './types';
export { weeklyTotals } from './weekly';
export type { WeeklyTotalsOptions } from './weekly';
export { runSpikes, spikeLevel, frandsenBand, SPIKE_WINDOW_MS } from './spikes';
export { isValidRun } from './runs';
export { loadWarnings, BREAK_DAYS, RETURN_NOTE_DAYS, SPIKE_LOOKBACK_DAYS } from './warnings';
export { weekSummary, weekSummaries, summariesFrom } from './summary';
export type { WeekSummary } from './summary';
export { currentShoe, kmByGear, sanitizeLoadSettings } from './context';
export type { LoadOptions } from './context';
export { ACUTE_LAMBDA, CHRONIC_LAMBDA } from './acwr';
export { KM_PER_MILE, toDisplay, fromDisplay, formatDistance, formatPercent, formatNumber } from './units';
export { addDays, parseDay, weekStartOf } from './dates';
