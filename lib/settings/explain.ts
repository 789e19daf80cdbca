// What each threshold means and how strong its evidence is, in plain words (evidence.md §1).
// Zod-free and DOM-free, so the options page and the popup can both show the same text.
import { SPIKE_LOOKBACK_DAYS, SPIKE_THRESHOLD_PCT } from '../evidence/numbers';
import { NUMBER_LIMITS, type NumberSettingKey } from './defaults';
import { toDisplay } from '../load/units';

export type EvidenceStrength = 'moderate' | 'weak' | 'none';

export interface ThresholdInfo {
  /** Visible label of the field (the same words every validation message uses). */
  label: string;
  /** One plain sentence: what the number does. */
  meaning: string;
  /** How strong the evidence is, as a short tag shown before `evidence`. */
  strength: EvidenceStrength;
  /** One plain sentence: the evidence, with its sources. */
  evidence: string;
}

export const EVIDENCE_STRENGTH_LABELS: Record<EvidenceStrength, string> = {
  moderate: 'Best evidence we have',
  weak: 'Weak evidence',
  none: 'No evidence',
};

export const THRESHOLD_INFO: Record<NumberSettingKey, ThresholdInfo> = {
  // Frandsen et al., BJSM 2025;59:1203-1210 (Garmin-RUNSAFE); window and bands from the evidence
  // registry (lib/evidence/numbers.ts).
  spikePct: {
    label: NUMBER_LIMITS.spikePct.label,
    meaning: `Warn when one run is more than this much longer than your longest run of the past ${SPIKE_LOOKBACK_DAYS} days.`,
    strength: 'moderate',
    evidence: `The strongest running-specific evidence: in 5,205 runners, runs more than ${SPIKE_THRESHOLD_PCT} % longer than that raised injury risk (Frandsen et al. 2025).`,
  },
  // Buist et al., AJSM 2008 (RCT of the 10 % rule: 20.8 % vs 20.3 % injured); Nielsen et al.,
  // JOSPT 2014 (no overall difference; >30 % vs <10 %, HR 1.59, p=.07).
  weeklyIncreasePct: {
    label: NUMBER_LIMITS.weeklyIncreasePct.label,
    meaning: "Warn when this week's distance rises more than this much over last week's.",
    strength: 'weak',
    evidence: 'The \u201c10 % rule\u201d is a rule of thumb: trials found weak or no evidence for it (Buist 2008; Nielsen 2014).',
  },
  // Kong et al., BJSM 2009: no change in impact force after 200 mi; 500-800 km is a heuristic.
  shoeKmLimit: {
    label: NUMBER_LIMITS.shoeKmLimit.label,
    meaning: 'Remind you to check your shoes once they have covered this distance.',
    strength: 'none',
    evidence: 'A low-confidence reminder: no study links shoe mileage to injury (Kong 2009); 500\u2013800 km is a common heuristic.',
  },
};

/** Whole miles for a distance in km, for hints such as "≈ 435 mi". */
export function kmToWholeMiles(km: number): number {
  return Math.round(toDisplay(km, 'mi'));
}
