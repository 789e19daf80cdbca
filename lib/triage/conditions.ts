// Knowledge as data (./conditions.json): for each condition, the answers that support it (positive
// weight) or argue against it (negative), from evidence.md §2 (discriminating features) and §3, plus
// general clinical knowledge where §2 is silent (noted in the data: each condition's and feature's "note").
//
// Weights are additive, in log-likelihood-ratio style units: +1 roughly "makes it about 2-3x
// more likely", +3 "strongly typical", -3 "hard to square with this condition". `prior` is
// how common the condition is among runners with knee pain (PFP most common). The engine sums
// prior + matching weights into a raw score; see rank.ts for how that becomes 0..100.
import { SPIKE_THRESHOLD_PCT } from '../evidence';
import {
  addedHillsOrSpeed,
  ageFrom,
  all,
  any,
  at,
  bothKnees,
  cambered,
  daysFrom,
  feels,
  hist,
  injured,
  lingers,
  loadRose,
  mech,
  newRunner,
  noInjury,
  not,
  notAt,
  onset,
  painAtDistance,
  pctWords,
  restedNoBetter,
  returning,
  settles,
  sexIs,
  sign,
  spikeOver,
  stiffMinutes,
  stiffOver,
  swelling,
  swollen,
  trendIs,
  weeklyOver,
  when,
  worse,
  type Answers,
  type Pred,
} from './answers';
import data from './conditions.json' with { type: 'json' };
import { sources, type SourceId } from './sources';
import type {
  Aggravator,
  CareLevel,
  ConditionId,
  Feel,
  History,
  Location,
  Mechanical,
  Onset,
  Sign,
  SourceRef,
  Swelling,
  Timing,
  Trend,
} from './types';
import { childTubercle } from './warning-signs';
import {
  AGGRAVATOR_WORDS,
  FEEL_WORDS,
  HISTORY_WORDS,
  LOCATION_WORDS,
  MECHANICAL_WORDS,
  ONSET_WORDS,
  SIGN_WORDS,
  SWELLING_WORDS,
  TIMING_WORDS,
} from './words';

/**
 * What kind of answer a feature reads (issue 12 item 3):
 * - symptom: the pain itself (where, when, how, swelling, signs, how long): the only kind that
 *   can put a condition on the list;
 * - context: history and training: shown as a reason next to a symptom, never alone enough;
 * - modifier: age and sex: adjust the score, never shown as a reason.
 */
export type FeatureKind = 'symptom' | 'context' | 'modifier';

export interface Feature {
  when: Pred;
  /** Positive supports, negative argues against. */
  w: number;
  /** Plain words quoting the runner's answer (goes to `why` or `against`). */
  text: string | ((a: Answers) => string);
  kind: FeatureKind;
  /**
   * The condition's defining feature is absent (its place, its sign): when this fires the
   * condition is not listed, whatever else supports it (a warning sign's cause excepted).
   */
  excludes?: boolean;
}

/** A supporting feature lighter than this is a hint, not a reason: never shown, never support. */
export const MIN_REASON_WEIGHT = 0.5;
/**
 * A symptom at least this typical of a condition (close to "makes it about 2-3x more likely",
 * see the weights above; rest, night and whole-run pain for bone stress) puts it on the list: a clinician would not list a cause on a
 * non-specific answer alone (no swelling, a month of pain).
 */
export const MIN_SUPPORT_WEIGHT = 0.7;

export interface ConditionKnowledge {
  id: ConditionId;
  name: string;
  prior: number;
  features: Feature[];
  sources: SourceRef[];
  /**
   * The least urgent care this condition allows once the answers fit it well (see
   * FLOOR_RAW in rank.ts). Only signs with positive weights feed these conditions, so
   * reporting an extra sign can never lower the care.
   */
  minCare?: (a: Answers) => CareLevel;
}

// The knowledge itself (conditions, their features and weights, sources, minCare) is data, in
// ./conditions.json; this module reads it into the shapes above. The file's vocabulary:
// - a feature testing one answer: {"at": "front", "w": 2.5} (also when, feels, worse, mech, sign, hist,
//   swelling, onset) quotes the runner's own words (words.ts); it is a symptom (a history answer: context);
// - any other feature: {"if": <predicate>, "w", "text", "kind"?, "excludes"?}; `excludes` marks the
//   defining feature absent; `text` is plain words, may fill {slots} (TEXT_SLOTS) or quote an answer
//   ({"sign": "heard-pop"});
// - {"use": <name>} starts from a shared feature of the file ("shared"); the feature's own fields override its;
// - a predicate: a named one (PREDICATES), an answer test ({"sign": ["a", "b"]}: any of them), a range
//   ({"ageFrom": [12, 40]}, one number: no upper bound), a threshold, or {"all"}, {"any"}, {"not"};
// - "note" keeps the why and the evidence beside a condition or feature; the engine ignores it.
// tests/unit/triage/conditions-data.test.ts checks the file against the contract's enums and these names.

/** Predicates the data refers to by name: those that read more than one answer, or a threshold from lib/evidence. */
export const PREDICATES = {
  injured,
  noInjury,
  swollen,
  bothKnees,
  settles,
  lingers,
  restedNoBetter,
  painAtDistance,
  addedHillsOrSpeed,
  cambered,
  newRunner,
  returning,
  loadRose,
  /** A child's tender tibial tubercle (the warning sign's own test, warning-signs.ts). */
  childTubercle,
  /** The latest run beyond the spike threshold of the evidence registry (Frandsen 2025). */
  longRunSpike: spikeOver(SPIKE_THRESHOLD_PCT),
} satisfies Record<string, Pred>;
type PredicateName = keyof typeof PREDICATES;

/** The runner's words for each answer a feature can quote (by the name of its test, e.g. {"sign": "limp"}). */
const ANSWER_WORDS = {
  at: LOCATION_WORDS,
  when: TIMING_WORDS,
  feels: FEEL_WORDS,
  worse: AGGRAVATOR_WORDS,
  mech: MECHANICAL_WORDS,
  sign: SIGN_WORDS,
  hist: HISTORY_WORDS,
  swelling: SWELLING_WORDS,
  onset: ONSET_WORDS,
};
type AnswerKey = keyof typeof ANSWER_WORDS;
const ANSWER_KEYS = Object.keys(ANSWER_WORDS) as AnswerKey[];
type AnswerValue<K extends AnswerKey> = keyof (typeof ANSWER_WORDS)[K];
/** One answer, e.g. {"sign": "limp"}. */
type Quote = { [K in AnswerKey]: { [P in K]: AnswerValue<P> } }[AnswerKey];

type OneOrMore<T> = T | T[];
/** From, or from-to (inclusive). */
type Range = [number] | [number, number];
interface Operators {
  at: OneOrMore<Location>;
  notAt: OneOrMore<Location>;
  when: OneOrMore<Timing>;
  feels: OneOrMore<Feel>;
  worse: OneOrMore<Aggravator>;
  mech: OneOrMore<Mechanical>;
  sign: OneOrMore<Sign>;
  hist: OneOrMore<History>;
  swelling: OneOrMore<Swelling>;
  onset: OneOrMore<Onset>;
  trendIs: OneOrMore<Trend>;
  sexIs: 'female' | 'male';
  ageFrom: Range;
  daysFrom: Range;
  stiffMinutes: Range;
  /** Morning stiffness longer than this many minutes (none reported counts as 0). */
  stiffOver: number;
  weeklyOver: number;
  all: PredicateJson[];
  any: PredicateJson[];
  not: PredicateJson;
}
/** A predicate as data: a name, or one operator and its argument. */
type PredicateJson = PredicateName | { [K in keyof Operators]: { [P in K]: Operators[P] } }[keyof Operators];

const list = <T>(x: OneOrMore<T>): T[] => (Array.isArray(x) ? x : [x]);
const OPERATORS: { [K in keyof Operators]: (arg: Operators[K]) => Pred } = {
  at: (x) => at(...list(x)),
  notAt: (x) => notAt(...list(x)),
  when: (x) => when(...list(x)),
  feels: (x) => feels(...list(x)),
  worse: (x) => worse(...list(x)),
  mech: (x) => mech(...list(x)),
  sign: (x) => sign(...list(x)),
  hist: (x) => hist(...list(x)),
  swelling: (x) => swelling(...list(x)),
  onset: (x) => onset(...list(x)),
  trendIs: (x) => trendIs(...list(x)),
  sexIs: (x) => sexIs(x),
  ageFrom: ([lo, hi]) => ageFrom(lo, hi),
  daysFrom: ([lo, hi]) => daysFrom(lo, hi),
  stiffMinutes: ([lo, hi]) => stiffMinutes(lo, hi),
  stiffOver: (n) => stiffOver(n),
  weeklyOver: (n) => weeklyOver(n),
  all: (ps) => all(...ps.map(predicate)),
  any: (ps) => any(...ps.map(predicate)),
  not: (p) => not(predicate(p)),
};
export const OPERATOR_NAMES = Object.keys(OPERATORS) as (keyof Operators)[];

/** Compiles a predicate of the data; a name or operator the engine does not know fails at load. */
function predicate(p: PredicateJson): Pred {
  if (typeof p === 'string') {
    if (!Object.hasOwn(PREDICATES, p)) throw new Error(`conditions.json: no predicate named "${p}"`);
    return PREDICATES[p];
  }
  const entries = Object.entries(p);
  const [op, arg] = entries[0] ?? [];
  if (entries.length !== 1 || !Object.hasOwn(OPERATORS, op!)) throw new Error(`conditions.json: not a predicate: ${JSON.stringify(p)}`);
  return (OPERATORS[op as keyof Operators] as (arg: unknown) => Pred)(arg);
}

/** The {slots} a feature's text may fill from the answers. */
export const TEXT_SLOTS = {
  age: (a) => a.age,
  painStartsKm: (a) => a.input.painStartsKm,
  morningStiffnessMinutes: (a) => a.input.morningStiffnessMinutes,
  weeklyPct: (a) => pctWords(a.training.weeklyChangePct ?? 0),
  spikePct: (a) => pctWords(a.training.longestRunSpikePct ?? 0),
} satisfies Record<string, (a: Answers) => string | number | undefined>;

function words(q: Quote): string {
  const [key, value] = Object.entries(q)[0] as [AnswerKey, string];
  return (ANSWER_WORDS[key] as Record<string, string>)[value]!;
}

/** Plain words, or a function when they fill slots from the answers. */
function text(t: string | Quote): Feature['text'] {
  if (typeof t !== 'string') return words(t);
  const parts = t.split(/\{(\w+)\}/); // odd indices are slot names
  if (parts.length === 1) return t;
  const fill = parts.map((part, i) => {
    if (i % 2 === 0) return () => part;
    if (!Object.hasOwn(TEXT_SLOTS, part)) throw new Error(`conditions.json: no text slot {${part}} in "${t}"`);
    return TEXT_SLOTS[part as keyof typeof TEXT_SLOTS];
  });
  return (a) => fill.map((f) => `${f(a)}`).join('');
}

/** A feature as data (see the top of this file). */
type FeatureJson = { [K in AnswerKey]?: AnswerValue<K> } & {
  use?: string;
  if?: PredicateJson;
  w?: number;
  text?: string | Quote;
  kind?: FeatureKind;
  excludes?: true;
  note?: string;
};

type MinCareJson = CareLevel | { if: PredicateJson; then: CareLevel; else: CareLevel; note?: string };

interface ConditionJson {
  id: ConditionId;
  name: string;
  prior: number;
  note?: string;
  features: FeatureJson[];
  sources: SourceId[];
  minCare?: MinCareJson;
}

interface KnowledgeJson {
  shared: Record<string, FeatureJson>;
  conditions: ConditionJson[];
}

/** The file, typed (tests/unit/triage/conditions-data.test.ts validates it). */
const KNOWLEDGE = data as unknown as KnowledgeJson;

function feature(own: FeatureJson, where: string): Feature {
  if (own.use !== undefined && !Object.hasOwn(KNOWLEDGE.shared, own.use))
    throw new Error(`conditions.json: ${where}: no shared feature "${own.use}"`);
  const spec: FeatureJson = own.use === undefined ? own : { ...KNOWLEDGE.shared[own.use], ...own };
  const key = ANSWER_KEYS.find((k) => k in spec);
  const quote = key === undefined ? undefined : ({ [key]: spec[key] } as Quote);
  const test = spec.if ?? quote;
  const says = spec.text ?? quote;
  if (test === undefined || says === undefined || spec.w === undefined)
    throw new Error(`conditions.json: ${where}: needs a predicate, a weight and words`);
  return {
    when: predicate(test as PredicateJson),
    w: spec.w,
    text: text(says),
    kind: spec.kind ?? (key === 'hist' ? 'context' : 'symptom'),
    ...(spec.excludes ? { excludes: true } : {}),
  };
}

function minCare(m: MinCareJson): (a: Answers) => CareLevel {
  if (typeof m === 'string') return () => m;
  const test = predicate(m.if);
  return (a) => (test(a) ? m.then : m.else);
}

export const CONDITIONS: readonly ConditionKnowledge[] = KNOWLEDGE.conditions.map((c) => ({
  id: c.id,
  name: c.name,
  prior: c.prior,
  features: c.features.map((f, i) => feature(f, `${c.id} features[${i}]`)),
  sources: sources(...c.sources),
  ...(c.minCare === undefined ? {} : { minCare: minCare(c.minCare) }),
}));

/**
 * Fixed tie-break order (never input order): on equal scores the more serious condition
 * is listed first, then the more common one.
 */
export const TIE_BREAK_ORDER: readonly ConditionId[] = [
  'septic-arthritis',
  'fracture',
  'dislocation',
  'dvt',
  'ligament-injury',
  'referred-hip-pain',
  'bone-stress-injury',
  'serious-bone-pathology',
  'inflammatory-arthritis',
  'meniscal-irritation',
  'osteoarthritis-flare',
  'patellofemoral-pain',
  'itb-syndrome',
  'patellar-tendinopathy',
  'osgood-schlatter',
  'quadriceps-tendinopathy',
  'fat-pad-irritation',
  'pes-anserine-pain',
  'posterior-knee-irritation',
  'muscle-soreness',
];
