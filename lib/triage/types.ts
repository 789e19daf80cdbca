// Shapes of docs/contract/triage.md (v1). Names and enum strings are fixed by the
// contract: add optional fields, never rename. The zod schema in ./schema.ts mirrors these.

export const LOCATIONS = [
  'front', 'below-kneecap', 'above-kneecap', 'outside', 'inside', 'back', 'joint-line',
  'whole-knee', 'thigh-muscles',
] as const;
export const ONSETS = ['gradual', 'sudden-twist', 'fall-or-blow'] as const;
export const TIMINGS = [
  'after-run', 'next-morning', 'eases-with-warmup', 'late-in-run', 'whole-run', 'at-rest', 'at-night',
] as const;
export const FEELS = ['dull-ache', 'sharp', 'burning', 'pressure-fullness', 'stiffness', 'pinching'] as const;
export const AGGRAVATORS = [
  'stairs', 'downhill', 'sitting', 'squatting-kneeling', 'straightening', 'twisting', 'long-runs',
  'hills-speed-jumping', 'hopping',
] as const;
export const SWELLINGS = ['none', 'mild-settles', 'persistent', 'rapid-after-injury'] as const;
export const MECHANICALS = ['catching', 'locking', 'giving-way'] as const;
export const SIGNS = [
  'fever-unwell', 'hot-red-knee', 'cannot-bear-weight', 'cannot-bend-90', 'bone-tender-spot',
  'calf-swelling', 'foot-numb-cold', 'deformity', 'weight-loss', 'limp', 'bump-below-kneecap',
  'multiple-joints',
] as const;
export const HISTORIES = [
  'prior-bone-stress', 'low-energy-or-missed-periods', 'recent-travel-surgery-or-immobile',
  'known-knee-arthritis',
  // v2
  'recent-knee-injection-or-surgery', 'clot-risk', 'gout-or-psoriasis', 'recent-infection',
] as const;
export const SEXES = ['female', 'male', 'other'] as const;
export const SIDES = ['left', 'right', 'both'] as const;

/** Most urgent first. */
export const CARE_LEVELS = ['emergency', 'same-day', 'see-clinician', 'modify-load', 'keep-running'] as const;

export const CONDITION_IDS = [
  'patellofemoral-pain', 'itb-syndrome', 'patellar-tendinopathy', 'quadriceps-tendinopathy',
  'fat-pad-irritation', 'pes-anserine-pain', 'meniscal-irritation', 'osteoarthritis-flare',
  'posterior-knee-irritation', 'bone-stress-injury', 'ligament-injury', 'osgood-schlatter',
  'referred-hip-pain', 'muscle-soreness', 'septic-arthritis', 'fracture', 'dislocation', 'dvt',
  'inflammatory-arthritis', 'serious-bone-pathology',
] as const;

export type Location = (typeof LOCATIONS)[number];
export type Onset = (typeof ONSETS)[number];
export type Timing = (typeof TIMINGS)[number];
export type Feel = (typeof FEELS)[number];
export type Aggravator = (typeof AGGRAVATORS)[number];
export type Swelling = (typeof SWELLINGS)[number];
export type Mechanical = (typeof MECHANICALS)[number];
export type Sign = (typeof SIGNS)[number];
export type History = (typeof HISTORIES)[number];
export type CareLevel = (typeof CARE_LEVELS)[number];
export type ConditionId = (typeof CONDITION_IDS)[number];

export interface Training {
  weeklyChangePct?: number;
  longestRunSpikePct?: number;
  addedHillsOrSpeed?: boolean;
  newRunner?: boolean;
  returningFromBreak?: boolean;
  hardOrCambered?: boolean;
  shoeKm?: number;
}

export interface TriageInput {
  age: number;
  sex?: (typeof SEXES)[number];
  side?: (typeof SIDES)[number];
  locations: Location[];
  onset: Onset;
  timing: Timing[];
  feel: Feel[];
  worseWith: Aggravator[];
  swelling: Swelling;
  mechanical: Mechanical[];
  signs: Sign[];
  history?: History[];
  morningStiffnessMinutes?: number;
  durationDays: number;
  settlesWithin48h?: boolean;
  restedWeekNoBetter?: boolean;
  training?: Training;
}

export interface SourceRef {
  /** Short key, e.g. "frandsen-2025". */
  id: string;
  /** Human citation, e.g. "Frandsen et al., BJSM 2025;59:1203-1210". */
  citation: string;
}

export interface RedFlag {
  id: string;
  message: string;
  /** Added: the care level this sign demands and the condition it points to. */
  care: CareLevel;
  condition: ConditionId;
  sources: SourceRef[];
}

export interface RankedCondition {
  id: ConditionId;
  name: string;
  score: number;
  /** Reasons quoting the runner's own answers. */
  why: string[];
  /** Added: answers that argue against it (may be empty). */
  against: string[];
  sources: SourceRef[];
}

export interface Exercise {
  name: string;
  dose: string;
  why: string;
}

export interface Plan {
  /** What to do now: first aid (PEACE & LOVE style) or urgent action. */
  now: string[];
  /** What to avoid for now. */
  avoid: string[];
  /** Load plan using the training context: what to cut and by how much, how to build back. */
  load: { summary: string; steps: string[] };
  /** Strength and mobility menu suited to the top condition. */
  strength: Exercise[];
  /** Return-to-run: readiness filter, walk-run steps and pain rules (evidence §4). */
  returnToRun: { readiness: string[]; steps: string[]; painRules: string[] };
  /** When to get (more) help. */
  escalate: string[];
}

export interface TriageResult {
  care: CareLevel;
  /** Added: plain-words headline and first action for the care level. */
  careSummary: { title: string; action: string };
  redFlags: RedFlag[];
  conditions: RankedCondition[];
  plan: Plan;
  /** Every source cited anywhere in the result, deduplicated. */
  sources: SourceRef[];
  /** One plain sentence: information, not a diagnosis. */
  disclaimer: string;
}
