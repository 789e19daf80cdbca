// triage(): validate -> warning signs -> score and rank -> care level -> plan. Pure: no DOM,
// no browser APIs, no clock, no randomness.
import { settles, toAnswers, when, type Answers } from './answers';
import { careRank, CARE_LEVEL_INFO, mostUrgent } from './care';
import { buildPlan } from './plan';
import { byScore, FLOOR_RAW, rankConditions, scoreConditions, type Scored } from './rank';
import { parseTriageInput } from './schema';
import { uniqueSources } from './sources';
import type { CareLevel, ConditionId, RedFlag, TriageResult } from './types';
import { WARNING_SIGNS, type WarningSignRule } from './warning-signs';

export const DISCLAIMER =
  'Knee Check gives information, not a diagnosis: if you are worried, or it gets worse, see a doctor or physio.';

interface Fired {
  rule: WarningSignRule;
  condition: ConditionId;
}

/** Which condition a fired rule names: fixed, the best-ranked candidate, or the overall best. */
function resolveCondition(rule: WarningSignRule, ranked: readonly Scored[]): ConditionId {
  if (typeof rule.condition === 'string') return rule.condition;
  const pool = rule.condition ? ranked.filter((s) => rule.condition!.includes(s.knowledge.id)) : ranked;
  return (pool[0] ?? ranked[0]!).knowledge.id;
}

/** Every rule that fires, most urgent first; rule order breaks ties. */
function screen(a: Answers, ranked: readonly Scored[]): Fired[] {
  return WARNING_SIGNS.map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => rule.when(a))
    .sort((x, y) => careRank(x.rule.care) - careRank(y.rule.care) || x.order - y.order)
    .map(({ rule }) => ({ rule, condition: resolveCondition(rule, ranked) }));
}

/**
 * Mild soreness that is gone within 48 h and not building (evidence.md §3: keep running with
 * care). Pain through the whole run or at night, pain at rest in the knee itself, swelling
 * that stays, or any mechanical symptom is not "mild settling soreness" (seed 001: stop and
 * cross-train if it hurts through the whole run). Muscle soreness (DOMS) settles by nature
 * (24-72 h, seed 000): a clear DOMS picture in its first days counts as settling when the
 * runner cannot yet say.
 */
function mildAndSettling(a: Answers, scored: readonly Scored[]): boolean {
  const musclesOnly = [...a.locations].every((l) => l === 'thigh-muscles');
  const doms = scored.find((s) => s.knowledge.id === 'muscle-soreness')!;
  const settling =
    settles(a) ||
    (a.input.settlesWithin48h === undefined && a.input.durationDays <= 3 && doms.raw >= FLOOR_RAW + 2);
  return (
    settling &&
    !when('whole-run', 'at-night')(a) &&
    (musclesOnly || !when('at-rest')(a)) &&
    (a.input.swelling === 'none' || a.input.swelling === 'mild-settles') &&
    a.mechanical.size === 0
  );
}

/**
 * Care without warning signs: a condition that fits well and cannot be self-managed sets a
 * floor (minCare); otherwise settling soreness keeps running and the rest modify load.
 */
function patternCare(a: Answers, scored: readonly Scored[]): CareLevel {
  const floors = scored
    .filter((s) => s.knowledge.minCare && s.raw >= FLOOR_RAW)
    .map((s) => s.knowledge.minCare!(a));
  if (floors.length > 0) return mostUrgent(...floors);
  return mildAndSettling(a, scored) ? 'keep-running' : 'modify-load';
}

export function triage(raw: unknown): TriageResult {
  const input = parseTriageInput(raw);
  const a = toAnswers(input);
  const scored = scoreConditions(a);
  const ranked = byScore(scored);
  const fired = screen(a, ranked);

  const flagCare = fired[0]?.rule.care;
  // An emergency sign short-circuits: nothing found later can change "go now".
  const care: CareLevel = flagCare === 'emergency' ? 'emergency' : mostUrgent(flagCare, patternCare(a, scored));

  const pinned = [...new Set(fired.map((f) => f.condition))];
  const conditions = rankConditions(scored, pinned);
  const top = conditions[0]!.id;

  const redFlags: RedFlag[] = fired.map(({ rule, condition }) => ({
    id: rule.id,
    message: rule.message,
    care: rule.care,
    condition,
    sources: rule.sources,
  }));

  const { plan, sources: planSources } = buildPlan({ a, care, top });
  const info = CARE_LEVEL_INFO[care];
  return {
    care,
    careSummary: { title: info.title, action: info.action },
    redFlags,
    conditions,
    plan,
    sources: uniqueSources([
      ...redFlags.flatMap((f) => f.sources),
      ...conditions.flatMap((c) => c.sources),
      ...planSources,
    ]),
    disclaimer: DISCLAIMER,
  };
}
