// The plan: the plan items (plan-items.ts) and the top condition's advice lines (advice.ts) that
// apply to this care level, condition and runner, rendered in the runner's units. Every line is
// an item with an id, so the result can say which items it used and a test can check that no
// declared contradiction ever meets in one plan.
import { ADVICE, type AdviceLine } from './advice';
import { contradictionsIn, GENERIC_PLAN_ITEMS, type PlanContext, type PlanItem, type PlanSection } from './plan-items';
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
  // Order inside a section: generic action first, then the condition's advice, as listed.
  const texts = (section: PlanSection) => [...new Set(chosen.filter((c) => c.item.section === section).map((c) => c.text))];
  const summary = texts('loadSummary')[0] ?? 'No running until you have been seen.';
  const urgent = care === 'emergency' || care === 'same-day';
  const plan: Plan = {
    now: texts('now'),
    avoid: texts('avoid'),
    load: { summary, steps: texts('load') },
    // No exercise menu when the answer is "be seen now": exercises wait for an assessment.
    strength: urgent ? [] : ADVICE[adviceFor].strength,
    returnToRun: { readiness: texts('readiness'), steps: texts('steps'), painRules: texts('painRules') },
    escalate: texts('escalate'),
    itemIds: chosen.map((c) => c.item.id),
  };
  const used = new Set<SourceId>(chosen.flatMap((c) => c.item.sources ?? []));
  if (!urgent) for (const s of ADVICE[adviceFor].sources ?? []) used.add(s);
  return { plan, sources: sources(...used) };
}

/** The contradicting tag pairs in a built plan (empty when coherent). */
export function planContradictions(plan: Plan): (readonly [string, string])[] {
  const byId = new Map(ALL_PLAN_ITEMS.map((i) => [i.id, i]));
  return contradictionsIn(plan.itemIds.map((id) => byId.get(id)!).filter(Boolean));
}
