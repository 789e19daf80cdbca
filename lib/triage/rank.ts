// Scoring and ranking. Each condition's raw score = prior + the weights of every feature the
// answers match (conditions.ts). The score shown is a 0..100 fit:
//   score = 100 / (1 + e^-(raw - FIT_MIDPOINT))
// so 50 means "fits about as well as a typical distractor"; a textbook pattern scores 95+.
// Conditions named by a warning sign are listed first (most urgent sign first), then the
// rest by raw score; ties fall back to a fixed order, never to the order of the answers.
import type { Answers } from './answers';
import { CONDITIONS, MIN_REASON_WEIGHT, MIN_SUPPORT_WEIGHT, TIE_BREAK_ORDER, type ConditionKnowledge } from './conditions';
import type { ConditionId, RankedCondition } from './types';

export const FIT_MIDPOINT = 4;
/** A fired warning sign is strong evidence for its condition: it adds this much to the shown score. */
export const FLAG_BONUS = 3;
/** A condition whose raw score reaches this counts as a good fit (its minCare applies). */
export const FLOOR_RAW = FIT_MIDPOINT;
/** Conditions listed (those a symptom supports): every one with a fit of at least this, and up to MIN_LISTED. */
export const LIST_MIN_SCORE = 20;
export const MIN_LISTED = 3;
export const MAX_LISTED = 6;
/** How many why/against phrases to keep per condition (strongest first). */
const MAX_REASONS = 5;

export interface Scored {
  knowledge: ConditionKnowledge;
  raw: number;
  why: { text: string; w: number }[];
  against: { text: string; w: number }[];
  /** At least one of the runner's symptom answers typical of it supports it (issue 12 item 3). */
  supported: boolean;
}

export function scoreConditions(a: Answers): Scored[] {
  return CONDITIONS.map((knowledge) => {
    let raw = knowledge.prior;
    const why: Scored['why'] = [];
    const against: Scored['against'] = [];
    let supported = false;
    let excluded = false;
    for (const feature of knowledge.features) {
      if (!feature.when(a)) continue;
      raw += feature.w;
      if (feature.excludes) excluded = true;
      // Age and sex adjust the score but are never shown as a reason; a light hint is no reason.
      if (feature.kind === 'modifier') continue;
      if (feature.w > 0 && feature.w < MIN_REASON_WEIGHT) continue;
      const text = typeof feature.text === 'function' ? feature.text(a) : feature.text;
      (feature.w > 0 ? why : against).push({ text, w: feature.w });
      if (feature.w >= MIN_SUPPORT_WEIGHT && feature.kind === 'symptom') supported = true;
    }
    return { knowledge, raw, why, against, supported: supported && !excluded };
  });
}

const tieRank = (id: ConditionId) => TIE_BREAK_ORDER.indexOf(id);

/** Best first by raw score, fixed order on ties. */
export function byScore(list: readonly Scored[]): Scored[] {
  return [...list].sort((x, y) => y.raw - x.raw || tieRank(x.knowledge.id) - tieRank(y.knowledge.id));
}

export const fit = (raw: number) => Math.round(100 / (1 + Math.exp(-(raw - FIT_MIDPOINT))));

function strongest(reasons: { text: string; w: number }[]): string[] {
  const sorted = [...reasons].sort((x, y) => Math.abs(y.w) - Math.abs(x.w));
  return [...new Set(sorted.map((r) => r.text))].slice(0, MAX_REASONS);
}

/**
 * The list the result shows. `pinned` are the conditions named by warning signs, most urgent
 * first; they lead the list whatever their score, their shown score gets FLAG_BONUS and is
 * at least that of any condition below them, so the numbers never read upside down.
 */
export function rankConditions(scored: readonly Scored[], pinned: readonly ConditionId[]): RankedCondition[] {
  const pinnedSet = new Set(pinned);
  const byId = new Map(scored.map((s) => [s.knowledge.id, s]));
  const ordered = [
    ...pinned.map((id) => byId.get(id)).filter((s): s is Scored => s !== undefined),
    ...byScore(scored.filter((s) => !pinnedSet.has(s.knowledge.id))),
  ];
  const rawShown = ordered.map((s) => s.raw + (pinnedSet.has(s.knowledge.id) ? FLAG_BONUS : 0));
  for (let i = rawShown.length - 2; i >= 0; i--) {
    if (pinnedSet.has(ordered[i]!.knowledge.id)) rawShown[i] = Math.max(rawShown[i]!, rawShown[i + 1]!);
  }
  const list: RankedCondition[] = ordered.map((s, i) => ({
    id: s.knowledge.id,
    name: s.knowledge.name,
    score: fit(rawShown[i]!),
    why: strongest(s.why),
    against: strongest(s.against),
    sources: s.knowledge.sources,
  }));
  // A cause is listed only when a symptom answer supports it; a warning sign's cause always is.
  const supported = new Set(scored.filter((s) => s.supported).map((s) => s.knowledge.id));
  const backed = list.filter((c) => pinnedSet.has(c.id) || supported.has(c.id));
  const keep = (backed.length > 0 ? backed : list.slice(0, 1)).filter(
    (c, i) => i < MIN_LISTED || pinnedSet.has(c.id) || c.score >= LIST_MIN_SCORE,
  );
  return keep.slice(0, Math.max(MAX_LISTED, pinned.length));
}
