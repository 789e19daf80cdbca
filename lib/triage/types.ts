// Shapes of docs/contract/triage.md (v1 plus the v2 additions). Names and enum strings are fixed by the
// contract: add optional fields, never rename. The zod schema in ./schema.ts mirrors these.

export const LOCATIONS = [
  'front', 'below-kneecap', 'above-kneecap', 'outside', 'inside', 'back', 'joint-line',
  'whole-knee', 'thigh-muscles',
  // v2
  'hip-groin',
] as const;
export const ONSETS = ['gradual', 'sudden-twist', 'fall-or-blow', 'sudden-no-injury'] as const;
export const TIMINGS = [
  'after-run', 'next-morning', 'eases-with-warmup', 'late-in-run', 'whole-run', 'at-rest', 'at-night',
] as const;
export const FEELS = ['dull-ache', 'sharp', 'burning', 'pressure-fullness', 'stiffness', 'pinching'] as const;
export const AGGRAVATORS = [
  'stairs', 'downhill', 'sitting', 'squatting-kneeling', 'straightening', 'twisting', 'long-runs',
  'hills-speed-jumping', 'hopping',
] as const;
export const SWELLINGS = ['none', 'mild-settles', 'persistent', 'rapid-after-injury', 'rapid-no-injury'] as const;
export const MECHANICALS = ['catching', 'locking', 'giving-way'] as const;
export const SIGNS = [
  'fever-unwell', 'hot-red-knee', 'cannot-bear-weight', 'cannot-bend-90', 'bone-tender-spot',
  'calf-swelling', 'foot-numb-cold', 'deformity', 'weight-loss', 'limp', 'bump-below-kneecap',
  'multiple-joints',
  // v2
  'kneecap-slipped', 'heard-pop', 'cannot-straight-leg-raise', 'lump-behind-knee',
] as const;
export const HISTORIES = [
  'prior-bone-stress', 'low-energy-or-missed-periods', 'recent-travel-surgery-or-immobile',
  'known-knee-arthritis',
  // v2
  'recent-knee-injection-or-surgery', 'clot-risk', 'gout-or-psoriasis', 'recent-infection',
] as const;
export const TRENDS = ['better', 'same', 'worse'] as const;
export type Trend = (typeof TRENDS)[number];
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
  /** Added (optional): distances behind the percentages, in km, so the plan can give numbers. */
  thisWeekKm?: number;
  lastWeekKm?: number;
  latestRunKm?: number;
  /** The longest run of the previous 30 days, km. */
  longestRecentKm?: number;
}

/** Optional second argument of triage(): how to write distances for this runner. */
export interface TriageOptions {
  units?: 'km' | 'mi';
  /** The runner's own thresholds for the plan's load steps (settings), %; defaults 10 and 10. */
  spikePct?: number;
  weeklyPct?: number;
  /** The runner's shoe reminder, km (default 500). */
  shoeKmLimit?: number;
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
  // v2 additions
  /** Worst knee pain during or after the last run, 0..10. */
  painScore?: number;
  /** Over the last week or two. */
  trend?: Trend;
  /** Distance into a run at which the pain usually starts, km. */
  painStartsKm?: number;
}

/**
 * The required answers that report nothing: a gradual start, no swelling, every list empty (fresh
 * arrays on each call). With an age, a place and a duration they make a valid TriageInput, for a
 * probe that checks other fields or a test case that sets only what it is about.
 */
export function nothingReported(): Pick<TriageInput, 'onset' | 'timing' | 'feel' | 'worseWith' | 'swelling' | 'mechanical' | 'signs'> {
  return { onset: 'gradual', timing: [], feel: [], worseWith: [], swelling: 'none', mechanical: [], signs: [] };
}

export interface SourceRef {
  /** Short key, e.g. "frandsen-2025". */
  id: string;
  /** Human citation, e.g. "Frandsen et al., BJSM 2025;59:1203-1210". */
  citation: string;
  /** Added: the title as published, and a link to read it. */
  title: string;
  url: string;
}

export interface RedFlag {
  id: string;
  message: string;
  /** Added: the care level this sign demands and the condition it points to. */
  care: CareLevel;
  condition: ConditionId;
  /** Added: where to go for THIS sign, in plain words (e.g. "same day: GP or urgent care for a scan within 4 hours"). */
  place: string;
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
  /** Added: the ids of the plan items (plan-items.json) this plan is made of, for checking coherence. */
  itemIds: string[];
}

export interface TriageResult {
  care: CareLevel;
  /** Added: plain-words headline and first action for the care level. */
  careSummary: { title: string; action: string; place?: string };
  redFlags: RedFlag[];
  conditions: RankedCondition[];
  plan: Plan;
  /** Every source cited anywhere in the result, deduplicated. */
  sources: SourceRef[];
  /** One plain sentence: information, not a diagnosis. */
  disclaimer: string;
}
