// Scoring triage() against clinical vignettes (tests/fixtures/shared-vignettes/*.jsonl and
// tests/fixtures/vignettes/*.jsonl), shared by the unit tests and `npm run vignettes`. Reading
// files stays with the callers: this is pure. Besides accuracy it counts coherence (listed causes
// without a symptom reason, plan contradictions) and builds sparse variants of any set.
import { careRank } from './care';
import { triage } from './engine';
import { planContradictions } from './plan';
import { CARE_LEVELS, CONDITION_IDS, type CareLevel, type ConditionId, type TriageResult } from './types';

export interface Vignette {
  id: string;
  narrative?: string;
  input: unknown;
  gold: { care: CareLevel; condition: ConditionId; alsoAcceptable?: ConditionId[] };
  rationale?: string;
}

export interface VignetteOutcome {
  vignette: Vignette;
  result: TriageResult;
  top1: boolean;
  top3: boolean;
  careExact: boolean;
  /** Care equal to or more urgent than gold. */
  safe: boolean;
  under: boolean;
  /** Under-triage of a gold emergency or same-day case. */
  critical: boolean;
  over: boolean;
  /** Listed causes with no reason from the runner's answers (a warning sign's cause excepted). */
  unreasoned: ConditionId[];
  /** Contradicting plan-item tag pairs. */
  contradictions: number;
}

export interface VignetteScore {
  n: number;
  top1: number;
  top3: number;
  careExact: number;
  safeCare: number;
  underTriage: number;
  criticalUnderTriage: number;
  overTriage: number;
  /** Coherence: listed causes without a symptom reason, and plan contradictions (both must be 0). */
  unreasonedCauses: number;
  planContradictions: number;
  outcomes: VignetteOutcome[];
}

/**
 * The set a vignette file belongs to: its name without ".jsonl", except our first two held-out
 * files (held-out.jsonl, held-out-boundaries.jsonl), one set as they were written together.
 */
export function vignetteSetOf(file: string): string {
  const name = file.replace(/\.jsonl$/, '');
  return name === 'held-out-boundaries' ? 'held-out' : name;
}

/** Parse JSON Lines, skipping blank lines; throws with the line number on bad JSON or shape. */
export function parseVignettes(text: string, file = 'vignettes'): Vignette[] {
  const out: Vignette[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const v = JSON.parse(line) as Vignette;
    const ok =
      typeof v?.id === 'string' &&
      (CARE_LEVELS as readonly string[]).includes(v.gold?.care) &&
      (CONDITION_IDS as readonly string[]).includes(v.gold?.condition);
    if (!ok) throw new Error(`${file}:${i + 1}: not a vignette with id, gold.care and gold.condition`);
    out.push(v);
  });
  return out;
}

export function judge(vignette: Vignette): VignetteOutcome {
  const result = triage(vignette.input);
  const accepted = new Set<ConditionId>([vignette.gold.condition, ...(vignette.gold.alsoAcceptable ?? [])]);
  const ids = result.conditions.map((c) => c.id);
  const got = careRank(result.care);
  const gold = careRank(vignette.gold.care);
  const under = got > gold;
  return {
    vignette,
    result,
    top1: accepted.has(ids[0]!),
    top3: ids.slice(0, 3).some((id) => accepted.has(id)),
    careExact: got === gold,
    safe: got <= gold,
    under,
    critical: under && (vignette.gold.care === 'emergency' || vignette.gold.care === 'same-day'),
    over: got < gold,
    unreasoned: unreasonedCauses(result),
    contradictions: planContradictions(result.plan).length,
  };
}

/** Listed causes without any reason, other than a warning sign's cause. */
export function unreasonedCauses(result: TriageResult): ConditionId[] {
  const flagged = new Set(result.redFlags.map((f) => f.condition));
  return result.conditions.filter((c) => c.why.length === 0 && !flagged.has(c.id)).map((c) => c.id);
}

const OPTIONAL_FIELDS = [
  'sex',
  'side',
  'history',
  'morningStiffnessMinutes',
  'settlesWithin48h',
  'restedWeekNoBetter',
  'training',
  'painScore',
  'trend',
  'painStartsKm',
] as const;
const LIST_FIELDS = ['locations', 'timing', 'feel', 'worseWith', 'mechanical', 'signs'] as const;

/**
 * The sparse variant of a vignette: one answer per question (the first given) and every optional
 * field left out, as a runner in a hurry would answer. Same gold: a robustness measure.
 */
export function sparseVariant(v: Vignette): Vignette {
  const input = { ...(v.input as Record<string, unknown>) };
  for (const key of OPTIONAL_FIELDS) delete input[key];
  for (const key of LIST_FIELDS) {
    const list = input[key];
    if (Array.isArray(list)) input[key] = list.slice(0, 1);
  }
  return { ...v, id: `${v.id}~sparse`, input };
}

export function scoreVignettes(vignettes: readonly Vignette[]): VignetteScore {
  const outcomes = vignettes.map(judge);
  const count = (key: 'top1' | 'top3' | 'careExact' | 'safe' | 'under' | 'critical' | 'over') => outcomes.filter((o) => o[key]).length;
  return {
    n: outcomes.length,
    top1: count('top1'),
    top3: count('top3'),
    careExact: count('careExact'),
    safeCare: count('safe'),
    underTriage: count('under'),
    criticalUnderTriage: count('critical'),
    overTriage: count('over'),
    unreasonedCauses: outcomes.reduce((n, o) => n + o.unreasoned.length, 0),
    planContradictions: outcomes.reduce((n, o) => n + o.contradictions, 0),
    outcomes,
  };
}
