// Shapes of docs/contract/load.md (v1) plus the warnings built on top.
// Pure and zod-free: the content script imports this module.

export interface Run {
  /** Local start time, "YYYY-MM-DDTHH:mm:ss" (no zone: the runner's wall clock). */
  start: string;
  /** Distance in kilometres, finite, >= 0. */
  km: number;
  /** Added, optional: where it came from, for de-duplication of captured history. */
  id?: string;
  /** Added, optional: gear (shoe) id when the site gives one. */
  gearId?: string;
  /** Added, optional: duration in seconds when the site gives one (history checks the pace). */
  seconds?: number;
}

export type WeekStart = 'monday' | 'sunday';
export type Units = 'km' | 'mi';

export interface WeekTotal {
  weekStart: string;
  km: number;
  runs: number;
}

export interface RunSpike {
  start: string;
  km: number;
  longestPrior30dKm: number | null;
  spikePct: number | null;
}

/** The subset of the runner's settings the load module needs. */
export interface LoadSettings {
  units: Units;
  weekStartsOn: WeekStart;
  /** Week-over-week increase that triggers a caution, %. */
  weeklyIncreasePct: number;
  /** Single-run spike over the longest run of the previous 30 days that triggers a caution, %. */
  spikePct: number;
  /** Shoe distance after which a (low-confidence) reminder shows, km. */
  shoeKmLimit: number;
}

export type WarningLevel = 'ok' | 'caution' | 'high';
export type WarningKind = 'spike' | 'weekly' | 'break' | 'acwr' | 'shoe';
/** How much weight the evidence behind a warning can carry. */
export type EvidenceStrength = 'strongest-running-signal' | 'weak' | 'not-validated' | 'low-confidence';

export interface LoadWarning {
  kind: WarningKind;
  level: WarningLevel;
  /** One plain sentence in the runner's units. */
  message: string;
  /** The numbers behind it (km, %, dates), for the explanation. */
  numbers: Record<string, number | string | null>;
  evidence: EvidenceStrength;
  source: string;
}
