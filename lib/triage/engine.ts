// triage(): validate -> warning signs -> score and rank -> care level -> plan. Pure: no DOM,
// no browser APIs, no clock, no randomness.
import { painAtDistance, painAtLeast, settles, toAnswers, trendIs, when, type Answers } from './answers';
import { careRank, CARE_LEVEL_INFO, mostUrgent } from './care';
import { buildPlan } from './plan';
import { byScore, FLOOR_RAW, rankConditions, scoreConditions, type Scored } from './rank';
import { parseTriageInput } from './schema';
import { uniqueSources } from './sources';
import type { CareLevel, ConditionId, RedFlag, TriageOptions, TriageResult } from './types';
import { WARNING_SIGNS, type WarningSignRule } from './warning-signs';

export const DISCLAIMER = 'Knee Check gives information, not a diagnosis: if you are worried, or it gets worse, see a doctor or physio.';

interface Fired {
  rule: WarningSignRule;
  condition: ConditionId;
}

/** Which condition a fired rule names: fixed, the best-ranked candidate, or the overall best. */
function resolveCondition(rule: WarningSignRule, ranked: readonly Scored[]): ConditionId {
  if (typeof rule.condition === 'string') return rule.condition;
  // Prefer a candidate the runner's symptoms support, so the named cause has a reason.
  const backed = [...ranked.filter((s) => s.supported), ...ranked.filter((s) => !s.supported)];
  const pool = rule.condition ? backed.filter((s) => rule.condition!.includes(s.knowledge.id)) : backed;
  return (pool[0] ?? backed[0]!).knowledge.id;
}

/** Every rule that fires, most urgent first; rule order breaks ties. */
function screen(a: Answers, ranked: readonly Scored[]): Fired[] {
  return WARNING_SIGNS.map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => rule.when(a))
    .sort((x, y) => careRank(x.rule.care) - careRank(y.rule.care) || x.order - y.order)
    .map(({ rule }) => ({ rule, condition: resolveCondition(rule, ranked) }));
}

/** Two weeks: "for weeks" in the contract's "pain that comes back every run for weeks". */
export const RECURRING_DAYS = 14;

/** Pain that comes with running: at its start, part-way, throughout, after it or the next morning. */
const withRuns = when('eases-with-warmup', 'late-in-run', 'whole-run', 'after-run', 'next-morning');

/**
 * Getting better and in the pain-monitoring model's safe zone (0-2 out of 10, Silbernagel 2007):
 * the running it now gets is tolerated, however long ago it began.
 */
const settlingUnderLoad = (a: Answers) => trendIs('better')(a) && a.input.painScore !== undefined && a.input.painScore <= 2;

/**
 * Pain that comes back run after run, for weeks (contract v2: at least modify-load, however
 * well it settles in between): it has lasted two weeks or more and comes with running (its
 * timing, a distance at which it starts, or "gone within 48 h after a run", which for pain that
 * has lasted weeks means it keeps coming back), unless it is getting better at 2/10 or less.
 */
export function recurringWithRuns(a: Answers): boolean {
  return a.input.durationDays >= RECURRING_DAYS && (withRuns(a) || painAtDistance(a) || settles(a)) && !settlingUnderLoad(a);
}

/**
 * Mild soreness that is gone within 48 h, not recurring run after run, not getting worse and not
 * stopping runs (evidence.md §3 and §6; contract v2): keep running with care. Pain through the
 * whole run or at night, pain at rest in the knee itself, swelling that stays, any mechanical
 * symptom, or pain above 5/10 (the pain-monitoring model's "too much", Silbernagel 2007) is not
 * "mild settling soreness". Muscle soreness (DOMS) settles by nature (24-72 h): a clear DOMS
 * picture in its first days counts as settling when the runner cannot yet say.
 */
function mildAndSettling(a: Answers, scored: readonly Scored[]): boolean {
  const musclesOnly = [...a.locations].every((l) => l === 'thigh-muscles');
  const doms = scored.find((s) => s.knowledge.id === 'muscle-soreness')!;
  const settling = settles(a) || (a.input.settlesWithin48h === undefined && a.input.durationDays <= 3 && doms.raw >= FLOOR_RAW + 2);
  return (
    settling &&
    !when('whole-run', 'at-night')(a) &&
    (musclesOnly || !when('at-rest')(a)) &&
    (a.input.swelling === 'none' || a.input.swelling === 'mild-settles') &&
    a.mechanical.size === 0 &&
    !trendIs('worse')(a) &&
    !painAtLeast(6)(a) &&
    !recurringWithRuns(a)
  );
}

/**
 * Care without warning signs: a condition that fits well and cannot be self-managed sets a
 * floor (minCare); otherwise settling soreness keeps running and the rest modify load.
 */
function patternCare(a: Answers, scored: readonly Scored[]): CareLevel {
  const floors = scored.filter((s) => s.knowledge.minCare && s.raw >= FLOOR_RAW && s.supported).map((s) => s.knowledge.minCare!(a));
  if (floors.length > 0) return mostUrgent(...floors);
  return mildAndSettling(a, scored) ? 'keep-running' : 'modify-load';
}

/**
 * The first screen's answers alone (onset, warning signs, history, age; where it hurts may be
 * missing): the warning signs that fire and the care they demand, or null when none demands
 * emergency or same-day care. The popup calls this after the first screen: emergency OR same-day
 * -> show triage()'s result straight away (triage() accepts the same partial answers once the
 * popup fills the required fields with its neutral stand-ins; "answer the rest" stays possible).
 * Pure; throws TriageInputError on answers that do not fit the contract.
 */
export function screenWarningSigns(raw: unknown): { care: CareLevel; redFlags: RedFlag[] } | null {
  const result = triage(raw);
  const urgent = result.redFlags.filter((f) => f.care === 'emergency' || f.care === 'same-day');
  if (urgent.length === 0) return null;
  return { care: urgent[0]!.care, redFlags: result.redFlags };
}

/** The runner's thresholds, only when they are usable numbers (else the plan's defaults). */
function limitsOf(options: TriageOptions): Pick<TriageOptions, 'spikePct' | 'weeklyPct' | 'shoeKmLimit'> {
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
  return {
    ...(ok(options.spikePct) ? { spikePct: options.spikePct } : {}),
    ...(ok(options.weeklyPct) ? { weeklyPct: options.weeklyPct } : {}),
    ...(ok(options.shoeKmLimit) ? { shoeKmLimit: options.shoeKmLimit } : {}),
  };
}

export function triage(raw: unknown, options: TriageOptions = {}): TriageResult {
  const input = parseTriageInput(raw);
  const a = toAnswers(input);
  const scored = scoreConditions(a);
  const ranked = byScore(scored);
  const fired = screen(a, ranked);

  const flagCare = fired[0]?.rule.care;
  // An emergency sign short-circuits: nothing found later can change "go now".
  let care: CareLevel = flagCare === 'emergency' ? 'emergency' : mostUrgent(flagCare, patternCare(a, scored));

  const pinned = [...new Set(fired.map((f) => f.condition))];
  const conditions = rankConditions(scored, pinned);
  const top = conditions[0]!.id;
  // The condition the symptoms fit best sets a floor too, however weak the fit: a bone stress
  // injury or a hip problem that fits best is never self-managed (evidence.md §3). Judged on the
  // answers without the warning signs, whose own rules (and the floors above) already count them,
  // so that reporting one more sign can never lower the care by moving another cause first.
  const bestBySymptoms = byScore(scoreConditions(toAnswers({ ...input, signs: [] })))[0]!;
  if (bestBySymptoms.knowledge.minCare && bestBySymptoms.supported) care = mostUrgent(care, bestBySymptoms.knowledge.minCare(a));
  // The plan is written for the cause listed first: when that cause needs a clinician (a bone
  // cause's "no running", the hip's "until it has been checked", a sprain's "until it has been
  // assessed"), the care beside it is at least that, however weakly it fits (one plan, one message).
  const planFor = scored.find((s) => s.knowledge.id === top)!.knowledge;
  if (planFor.minCare) care = mostUrgent(care, 'see-clinician');

  const redFlags: RedFlag[] = fired.map(({ rule, condition }) => ({
    id: rule.id,
    message: rule.message,
    care: rule.care,
    condition,
    place: rule.place,
    sources: rule.sources,
  }));

  // A bone stress warning overrides whatever ranks first: no running, pain-free rule (§7).
  const boneStress = redFlags.some((f) => f.condition === 'bone-stress-injury');
  // The banner names the place for the most urgent sign when one sets the care level.
  const place = redFlags[0] && redFlags[0].care === care ? redFlags[0].place : undefined;
  const { plan, sources: planSources } = buildPlan({
    a,
    care,
    top,
    boneStress,
    units: options.units ?? 'km',
    ...limitsOf(options),
    ...(place ? { place } : {}),
  });
  const info = CARE_LEVEL_INFO[care];
  return {
    care,
    careSummary: { title: info.title, action: place ?? info.action, ...(place ? { place } : {}) },
    redFlags,
    conditions,
    plan,
    sources: uniqueSources([...redFlags.flatMap((f) => f.sources), ...conditions.flatMap((c) => c.sources), ...planSources]),
    disclaimer: DISCLAIMER,
  };
}
