// The plan: the plan items (plan-items.ts) and the top condition's advice lines (advice.ts) that
// apply to this care level, condition and runner, rendered in the runner's units. Every line is
// an item with an id, so the result can say which items it used and a test can check that no
// declared contradiction ever meets in one plan.
import { ADVICE, type AdviceLine } from './advice';
import {
  CONTRADICTIONS,
  contradictionsIn,
  GENERIC_PLAN_ITEMS,
  RUNNING_STRICTNESS,
  type PlanContext,
  type PlanItem,
  type PlanSection,
} from './plan-items';
import { sources, type SourceId } from './sources';
import type { CareLevel, ConditionId, Plan, SourceRef } from './types';
import type { Answers } from './answers';

export { CONTRADICTIONS, contradictionsIn, loadNumbers, WALK_RUN_TABLE, distance } from './plan-items';

/** Conditions whose own advice is about being seen now: a bone stress warning never replaces it. */
const URGENT_CONDITIONS: readonly ConditionId[] = ['septic-arthritis', 'fracture', 'dislocation', 'dvt', 'referred-hip-pain'];

/** The condition's advice lines as plan items, ids "<condition>/<section>/<n>". */
function adviceItems(id: ConditionId): PlanItem[] {
  const advice = ADVICE[id];
  const sections: [keyof typeof advice, PlanSection][] = [
    ['now', 'now'], ['avoid', 'avoid'], ['load', 'load'], ['returnNotes', 'readiness'], ['escalate', 'escalate'],
  ];
  const out: PlanItem[] = [];
  for (const [key, section] of sections) {
    (advice[key] as AdviceLine[]).forEach((line, n) => {
      const l = typeof line === 'string' ? { text: line } : line;
      out.push({
        id: `${id}/${key}/${n + 1}`,
        section,
        text: l.text,
        care: l.care ?? ['emergency', 'same-day', 'see-clinician', 'modify-load', 'keep-running'],
        conditions: [id],
        ...(l.sex ? { when: (c: PlanContext) => c.a.input.sex === l.sex } : {}),
        ...(l.tags ? { tags: l.tags } : {}),
        ...(l.covers ? { covers: l.covers } : {}),
        ...(advice.sources ? { sources: advice.sources } : {}),
      });
    });
  }
  return out;
}

/** Every plan item there is: the generic ones and every condition's advice. */
export const ALL_PLAN_ITEMS: readonly PlanItem[] = [
  ...GENERIC_PLAN_ITEMS,
  ...(Object.keys(ADVICE) as ConditionId[]).flatMap(adviceItems),
];

/** The load summary when a condition's own "no running" replaced the generic one. */
const NO_RUNNING_SUMMARY: Record<CareLevel, string> = {
  emergency: 'No running until you have been seen.',
  'same-day': 'No running until you have been seen.',
  'see-clinician': 'No running until you have been seen; cross-training that does not hurt (cycling, swimming) is fine.',
  'modify-load': 'No running for now; cross-training that does not hurt (cycling, swimming) is fine.',
  'keep-running': 'No running for now; cross-training that does not hurt (cycling, swimming) is fine.',
};

/**
 * One plan, one message: a generic line whose concern a condition's own line covers is left out,
 * and where two running messages of CONTRADICTIONS meet, the looser one (RUNNING_STRICTNESS) goes.
 */
function oneMessage<T extends { item: PlanItem }>(chosen: readonly T[]): T[] {
  const covered = new Set(chosen.flatMap((c) => c.item.covers ?? []));
  const tags = new Set(chosen.flatMap((c) => c.item.tags ?? []));
  const rank = (tag: string) => RUNNING_STRICTNESS.indexOf(tag);
  const looser = new Set(
    CONTRADICTIONS.filter(([x, y]) => tags.has(x) && tags.has(y) && rank(x) >= 0 && rank(y) >= 0).map(([x, y]) =>
      rank(x) > rank(y) ? x : y,
    ),
  );
  return chosen.filter((c) => !(c.item.topic && covered.has(c.item.topic)) && !(c.item.tags ?? []).some((t) => looser.has(t)));
}

export interface BuildPlanInput {
  a: Answers;
  care: CareLevel;
  top: ConditionId;
  boneStress?: boolean;
  units?: 'km' | 'mi';
  /** The runner's own thresholds (TriageOptions). */
  spikePct?: number;
  weeklyPct?: number;
  shoeKmLimit?: number;
  place?: string;
}

export function buildPlan(input: BuildPlanInput): { plan: Plan; sources: SourceRef[] } {
  const { a, care, top } = input;
  // A bone stress warning overrides whatever ranks first (evidence.md §7), unless that is itself
  // a be-seen-now condition.
  const adviceFor: ConditionId = input.boneStress && !URGENT_CONDITIONS.includes(top) ? 'bone-stress-injury' : top;
  const ctx: PlanContext = {
    a, care, top: adviceFor, boneStress: input.boneStress ?? false, units: input.units ?? 'km',
    reviewWeeks: ADVICE[adviceFor].reviewWeeks,
    ...(input.spikePct !== undefined ? { spikePct: input.spikePct } : {}),
    ...(input.weeklyPct !== undefined ? { weeklyPct: input.weeklyPct } : {}),
    ...(input.shoeKmLimit !== undefined ? { shoeKmLimit: input.shoeKmLimit } : {}),
    ...(input.place ? { place: input.place } : {}),
  };
  const chosen: { item: PlanItem; text: string }[] = [];
  for (const item of ALL_PLAN_ITEMS) {
    if (!item.care.includes(care)) continue;
    if (item.conditions && !item.conditions.includes(adviceFor)) continue;
    if (item.when && !item.when(ctx)) continue;
    const text = typeof item.text === 'function' ? item.text(ctx) : item.text;
    if (!text) continue;
    chosen.push({ item, text });
  }
  const kept = oneMessage(chosen);
  // Order inside a section: generic action first, then the condition's advice, as listed.
  const texts = (section: PlanSection) => [...new Set(kept.filter((c) => c.item.section === section).map((c) => c.text))];
  const summary = texts('loadSummary')[0] ?? NO_RUNNING_SUMMARY[care];
  const urgent = care === 'emergency' || care === 'same-day';
  const plan: Plan = {
    now: texts('now'),
    avoid: texts('avoid'),
    load: { summary, steps: texts('load') },
    // No exercise menu when the answer is "be seen now": exercises wait for an assessment.
    strength: urgent ? [] : ADVICE[adviceFor].strength,
    returnToRun: { readiness: texts('readiness'), steps: texts('steps'), painRules: texts('painRules') },
    escalate: texts('escalate'),
    itemIds: kept.map((c) => c.item.id),
  };
  const used = new Set<SourceId>(kept.flatMap((c) => c.item.sources ?? []));
  if (!urgent) for (const s of ADVICE[adviceFor].sources ?? []) used.add(s);
  return { plan, sources: sources(...used) };
}

/** The contradicting tag pairs in a built plan (empty when coherent). */
export function planContradictions(plan: Plan): (readonly [string, string])[] {
  const byId = new Map(ALL_PLAN_ITEMS.map((i) => [i.id, i]));
  return contradictionsIn(plan.itemIds.map((id) => byId.get(id)!).filter(Boolean));
}
